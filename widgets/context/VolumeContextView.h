// The 3D context dock's content: tool buttons (reset view, head, slice plane), the VTK view and a
// colour legend — or a sentence saying why there is nothing to show (no volume, loading, error,
// no OpenGL). Thin: the context is loaded elsewhere and handed in.
#pragma once

#include "core/context/VolumeContext.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QToolButton;

namespace neuroonco {

class ContextGLWidget;

class VolumeContextView : public QWidget
{
    Q_OBJECT

public:
    explicit VolumeContextView(QWidget *parent = nullptr);

    void showMessage(const QString &text);
    void showContext(std::shared_ptr<const VolumeContext> context);
    // Moves the plane to another slice of the same volume (slice index in the file).
    void setSliceIndex(int sourceSliceIndex);

    bool isShowingContext() const;
    // The volume handed to showContext() (slice moves do not change it); null while a message shows.
    std::shared_ptr<const VolumeContext> currentVolume() const { return m_volume; }
    QString message() const;
    // The GL view, or null when OpenGL is not available (tests grab its framebuffer).
    ContextGLWidget *glView() const { return m_gl; }

private:
    void updateLegend();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_caption = nullptr;
    ContextGLWidget *m_gl = nullptr;
    QToolButton *m_reset = nullptr;
    QToolButton *m_head = nullptr;
    QToolButton *m_plane = nullptr;
    std::shared_ptr<const VolumeContext> m_context;
    std::shared_ptr<const VolumeContext> m_volume;
};

} // namespace neuroonco
