// Painting and interaction of the slice viewer. Images are converted once per change (window,
// mask, mode), so moving between samples or panning only repaints cached pictures.
#include "widgets/viewer/SliceView.h"

#include "core/semantics/ComponentLabeling.h"
#include "core/semantics/MaskAnalyzer.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <cmath>

namespace neuroonco {

namespace {
// Colour of component k (1-based): the largest share of hue space between neighbours.
QColor componentColour(int k)
{
    static const QColor first(255, 70, 60);
    if (k <= 1)
        return first;
    return QColor::fromHsvF(std::fmod(0.0 + 0.618033988749895 * (k - 1), 1.0), 0.85, 1.0);
}
} // namespace

SliceView::SliceView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("SliceView"));
    setMinimumSize(240, 240);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void SliceView::setSlice(const GrayImage &image, const GrayImage &mask, const std::optional<MaskSemantics> &semantics)
{
    m_message.clear();
    m_base = QImage(image.width, image.height, QImage::Format_Grayscale8);
    for (int y = 0; y < image.height; ++y)
        std::copy_n(&image.pixels[size_t(y) * size_t(image.width)], size_t(image.width), m_base.scanLine(y));
    m_mask = (mask.width == image.width && mask.height == image.height) ? mask : GrayImage();
    m_semantics = semantics;
    m_componentLabels.clear();
    m_components = 0;
    m_outline.clear();
    if (!m_mask.isEmpty()) {
        const Components c = ComponentLabeling::label(m_mask);
        m_components = c.count();
        m_componentLabels = c.labels;
        for (const ContourPoint &p : MaskAnalyzer::largestOutline(c))
            m_outline << QPointF(p.x + 0.5, p.y + 0.5);
    }
    rebuildDisplay();
    rebuildOverlay();
    update();
}

void SliceView::showMessage(const QString &message)
{
    m_base = QImage();
    m_display = QImage();
    m_overlay = QImage();
    m_message = message;
    update();
}

void SliceView::setMaskMode(MaskMode mode)
{
    m_maskMode = mode;
    rebuildOverlay();
    update();
}

void SliceView::cycleMaskMode()
{
    setMaskMode(m_maskMode == MaskMode::Fill ? MaskMode::Contour : m_maskMode == MaskMode::Contour ? MaskMode::Hidden : MaskMode::Fill);
}

void SliceView::setOpacity(double opacity)
{
    m_opacity = std::clamp(opacity, 0.05, 1.0);
    rebuildOverlay();
    update();
}

bool SliceView::overlay(Overlay which) const
{
    switch (which) {
    case Overlay::Outline: return m_showOutline;
    case Overlay::Ellipse: return m_showEllipse;
    case Overlay::Centroid: return m_showCentroid;
    case Overlay::Grid: return m_showGrid;
    case Overlay::ComponentColours: return m_componentColours;
    }
    return false;
}

void SliceView::setOverlay(Overlay which, bool on)
{
    switch (which) {
    case Overlay::Outline: m_showOutline = on; break;
    case Overlay::Ellipse: m_showEllipse = on; break;
    case Overlay::Centroid: m_showCentroid = on; break;
    case Overlay::Grid: m_showGrid = on; break;
    case Overlay::ComponentColours:
        m_componentColours = on;
        rebuildOverlay();
        break;
    }
    update();
}

void SliceView::setWindow(double level, double width)
{
    m_level = std::clamp(level, -255.0, 510.0);
    m_width = std::clamp(width, 1.0, 765.0);
    rebuildDisplay();
    update();
    Q_EMIT windowChanged(m_level, m_width);
}

void SliceView::resetWindow()
{
    setWindow(127.5, 255);
}

void SliceView::applyWindowPreset(int preset)
{
    switch (preset) {
    case 1: setWindow(110, 200); break;  // soft: lifts dark tissue
    case 2: setWindow(128, 110); break;  // high contrast: separates grey and white matter
    default: resetWindow(); break;
    }
}

void SliceView::resetView()
{
    m_zoom = 1.0;
    m_pan = QPointF();
    update();
}

void SliceView::rebuildDisplay()
{
    if (m_base.isNull()) {
        m_display = QImage();
        return;
    }
    std::array<QRgb, 256> lut{};
    const double low = m_level - m_width / 2;
    for (int v = 0; v < 256; ++v) {
        const int g = int(std::clamp(std::lround((v - low) / m_width * 255.0), 0L, 255L));
        lut[size_t(v)] = qRgb(g, g, g);
    }
    m_display = QImage(m_base.size(), QImage::Format_RGB32);
    for (int y = 0; y < m_base.height(); ++y) {
        const uchar *in = m_base.constScanLine(y);
        QRgb *out = reinterpret_cast<QRgb *>(m_display.scanLine(y));
        for (int x = 0; x < m_base.width(); ++x)
            out[x] = lut[in[x]];
    }
}

void SliceView::rebuildOverlay()
{
    if (m_mask.isEmpty() || m_maskMode == MaskMode::Hidden) {
        m_overlay = QImage();
        return;
    }
    const int w = m_mask.width, h = m_mask.height;
    m_overlay = QImage(w, h, QImage::Format_ARGB32_Premultiplied);
    m_overlay.fill(Qt::transparent);
    const bool contour = m_maskMode == MaskMode::Contour;
    const int alpha = contour ? 255 : int(std::lround(m_opacity * 255));
    std::vector<QRgb> colours(size_t(m_components) + 1);
    for (int k = 1; k <= m_components; ++k) {
        const QColor c = m_componentColours ? componentColour(k) : componentColour(1);
        colours[size_t(k)] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), alpha));
    }
    auto label = [&](int x, int y) { return m_componentLabels[size_t(y) * size_t(w) + size_t(x)]; };
    for (int y = 0; y < h; ++y) {
        QRgb *out = reinterpret_cast<QRgb *>(m_overlay.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int l = label(x, y);
            if (!l)
                continue;
            if (contour) {
                const bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || !label(x - 1, y) || !label(x + 1, y)
                                  || !label(x, y - 1) || !label(x, y + 1);
                if (!edge)
                    continue;
            }
            out[x] = colours[size_t(l)];
        }
    }
}

QRectF SliceView::imageRect(QSizeF area) const
{
    if (m_base.isNull())
        return {};
    const double fit = std::min(area.width() / m_base.width(), area.height() / m_base.height());
    const double scale = fit * m_zoom;
    const QSizeF size(m_base.width() * scale, m_base.height() * scale);
    return QRectF(QPointF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2) + m_pan, size);
}

void SliceView::paintInto(QPainter &painter, QSizeF area)
{
    painter.fillRect(QRectF(QPointF(0, 0), area), Qt::black);
    if (m_display.isNull()) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(QRectF(QPointF(0, 0), area), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRectF target = imageRect(area);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 2.0);
    painter.drawImage(target, m_display);
    if (!m_overlay.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(target, m_overlay);
    }
    const double s = target.width() / m_base.width();
    auto map = [&](QPointF p) { return QPointF(target.left() + p.x() * s, target.top() + p.y() * s); };
    painter.setRenderHint(QPainter::Antialiasing, true);

    if (m_showGrid) {
        painter.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DashLine));
        for (int i = 1; i < 3; ++i) {
            const double x = target.left() + target.width() * i / 3.0;
            const double y = target.top() + target.height() * i / 3.0;
            painter.drawLine(QPointF(x, target.top()), QPointF(x, target.bottom()));
            painter.drawLine(QPointF(target.left(), y), QPointF(target.right(), y));
        }
    }
    if (m_showOutline && !m_outline.isEmpty()) {
        QPolygonF mapped;
        for (const QPointF &p : m_outline)
            mapped << map(p);
        painter.setPen(QPen(QColor(255, 220, 0), 1.6));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolygon(mapped);
    }
    if (m_semantics) {
        const MaskNumbers &n = m_semantics->numbers;
        if (m_showEllipse && n.hasEllipse && n.ellipseMinor > 0 && n.ellipseMajor < 1e6) {
            painter.save();
            painter.translate(map(QPointF(n.ellipseCentreX + 0.5, n.ellipseCentreY + 0.5)));
            painter.rotate(n.ellipseAngle);
            painter.setPen(QPen(QColor(0, 230, 255), 1.6));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(QPointF(0, 0), n.ellipseMajor * s / 2, n.ellipseMinor * s / 2);
            painter.restore();
        }
        if (m_showCentroid) {
            const QPointF c = map(QPointF(n.centroidX + 0.5, n.centroidY + 0.5));
            painter.setPen(QPen(QColor(0, 255, 120), 2));
            painter.drawLine(c - QPointF(7, 0), c + QPointF(7, 0));
            painter.drawLine(c - QPointF(0, 7), c + QPointF(0, 7));
        }
    }
}

void SliceView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintInto(painter, size());
}

QImage SliceView::render(QSize size)
{
    QImage out(size, QImage::Format_RGB32);
    QPainter painter(&out);
    paintInto(painter, size);
    return out;
}

void SliceView::mousePressEvent(QMouseEvent *event)
{
    m_dragButton = event->button();
    m_lastMouse = event->position().toPoint();
}

void SliceView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QPoint delta = pos - m_lastMouse;
    m_lastMouse = pos;
    if (m_dragButton == Qt::RightButton) {
        // Horizontal drag: window width; vertical drag: level (up is brighter).
        setWindow(m_level - delta.y(), m_width + 2 * delta.x());
    } else if (m_dragButton == Qt::LeftButton || m_dragButton == Qt::MiddleButton) {
        m_pan += delta;
        update();
    }
    if (!m_base.isNull()) {
        const QRectF r = imageRect(size());
        const int x = int(std::floor((pos.x() - r.left()) / r.width() * m_base.width()));
        const int y = int(std::floor((pos.y() - r.top()) / r.height() * m_base.height()));
        if (x >= 0 && y >= 0 && x < m_base.width() && y < m_base.height())
            Q_EMIT hovered(x, y, m_base.constScanLine(y)[x]);
    }
}

void SliceView::mouseReleaseEvent(QMouseEvent *)
{
    m_dragButton = Qt::NoButton;
}

void SliceView::mouseDoubleClickEvent(QMouseEvent *)
{
    resetView();
}

void SliceView::wheelEvent(QWheelEvent *event)
{
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double newZoom = std::clamp(m_zoom * factor, 0.25, 32.0);
    // Keep the point under the cursor still.
    const QPointF cursor = event->position();
    const QPointF centre(width() / 2.0, height() / 2.0);
    m_pan = cursor - centre - (cursor - centre - m_pan) * (newZoom / m_zoom);
    m_zoom = newZoom;
    update();
}

} // namespace neuroonco
