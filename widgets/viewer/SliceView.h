// The slice viewer: an 8-bit slice with window/level, zoom and pan, the lesion mask as fill,
// contour or hidden with adjustable opacity and components in distinct colours, and the
// geometry behind the mask labels (largest component's outline, fitted ellipse, centroid,
// 3×3 grid) so a reviewer can check each label by eye.
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/semantics/MaskSemantics.h"

#include <QImage>
#include <QPolygonF>
#include <QWidget>

#include <optional>

namespace neuroonco {

class SliceView : public QWidget
{
    Q_OBJECT
public:
    enum class MaskMode { Fill, Contour, Hidden };
    enum class Overlay { Outline, Ellipse, Centroid, Grid, ComponentColours };

    explicit SliceView(QWidget *parent = nullptr);

    // `mask` may be empty (no mask); `semantics` gives the ellipse (and confirms the centroid).
    void setSlice(const GrayImage &image, const GrayImage &mask, const std::optional<MaskSemantics> &semantics);
    void showMessage(const QString &message);
    bool hasImage() const { return !m_base.isNull(); }

    MaskMode maskMode() const { return m_maskMode; }
    void setMaskMode(MaskMode mode);
    void cycleMaskMode();
    double opacity() const { return m_opacity; }
    void setOpacity(double opacity);
    bool overlay(Overlay which) const;
    void setOverlay(Overlay which, bool on);

    double windowLevel() const { return m_level; }
    double windowWidth() const { return m_width; }
    void setWindow(double level, double width);
    void resetWindow();
    // 0 full range, 1 soft tissue, 2 high contrast
    void applyWindowPreset(int preset);
    void resetView();
    double zoom() const { return m_zoom; }

    // What the view shows, at `size` (for tests, screenshots and reports).
    QImage render(QSize size);

Q_SIGNALS:
    void windowChanged(double level, double width);
    void hovered(int x, int y, int value);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void rebuildDisplay();
    void rebuildOverlay();
    QRectF imageRect(QSizeF area) const;
    void paintInto(QPainter &painter, QSizeF area);

    QImage m_base;     // grey values
    QImage m_display;  // after window/level
    QImage m_overlay;  // mask colours, premultiplied
    GrayImage m_mask;
    std::vector<std::int32_t> m_componentLabels;
    int m_components = 0;
    QPolygonF m_outline;
    std::optional<MaskSemantics> m_semantics;
    QString m_message;

    MaskMode m_maskMode = MaskMode::Fill;
    double m_opacity = 0.45;
    bool m_showOutline = true;
    bool m_showEllipse = false;
    bool m_showCentroid = true;
    bool m_showGrid = false;
    bool m_componentColours = true;

    double m_level = 127.5;
    double m_width = 255;
    double m_zoom = 1.0;
    QPointF m_pan;
    QPoint m_lastMouse;
    Qt::MouseButton m_dragButton = Qt::NoButton;
};

} // namespace neuroonco
