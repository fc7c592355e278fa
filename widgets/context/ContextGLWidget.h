// A QOpenGLWidget hosting a VTK scene of a slice's volumetric context: tumour surfaces per
// sub-region, the head as a translucent surface, and the plane of the current slice.
// VTK stays inside the .cpp (no VTK type in this header). Needs a real OpenGL context (X server).
#pragma once

#include "core/context/VolumeContext.h"

#include <QColor>
#include <QOpenGLWidget>

#include <memory>

namespace neuroonco {

class ContextGLWidget : public QOpenGLWidget
{
    Q_OBJECT

public:
    explicit ContextGLWidget(QWidget *parent = nullptr);
    ~ContextGLWidget() override;

    // Whether this process can make an OpenGL 3.2 context at all (false on the offscreen
    // platform or without an X server). Checked once.
    static bool openGlAvailable();
    // Display colour of a sub-region code (shared with the legend).
    static QColor subregionColour(Subregion code);
    static QColor slicePlaneColour();

    void setVolumeContext(std::shared_ptr<const VolumeContext> context);
    // Moves the plane to another slice of the same volume (slice index in the file).
    void setSliceIndex(int sourceSliceIndex);
    void setAnatomyVisible(bool visible);
    void setSlicePlaneVisible(bool visible);
    void resetCamera();

    // Surfaces built for the current context (per code), for the legend and tests.
    int surfaceCount() const;

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct Scene;
    void rebuildScene();
    void updateSlicePlane();
    void forwardMouse(QMouseEvent *event, unsigned long vtkEvent);
    void releaseGraphics();

    std::unique_ptr<Scene> m_scene;
    QMetaObject::Connection m_contextConnection;
    std::shared_ptr<const VolumeContext> m_context;
    bool m_anatomyVisible = true;
    bool m_planeVisible = true;
    bool m_needsRebuild = false;
    bool m_needsCameraReset = false;
};

} // namespace neuroonco
