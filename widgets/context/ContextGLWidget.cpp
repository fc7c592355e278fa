// VTK scene inside a QOpenGLWidget through vtkGenericOpenGLRenderWindow (the Qt adapter that ships
// with Debian's VTK is built for Qt 5, so the bridge is done by hand here).
//
// Contract with VTK: it renders into its own framebuffer (no blit) when paintGL asks, the result is
// blitted into Qt's framebuffer, and every make-current request is answered without re-binding a
// context that is already current (re-binding resets Qt's framebuffer behind VTK's state cache).
#include "widgets/context/ContextGLWidget.h"

#include <QGuiApplication>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QSurfaceFormat>
#include <QWheelEvent>

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkFlyingEdges3D.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkImageData.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkPlaneSource.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <array>
#include <cstring>
#include <vector>

namespace neuroonco {

namespace {

constexpr unsigned int kGlDrawFramebuffer = 0x8CA9;
constexpr int kGlColorBufferBit = 0x00004000;
constexpr int kGlNearest = 0x2600;

// Sub-region codes drawn, inner first (the order matters for translucency).
constexpr std::array<Subregion, 4> kDrawnCodes{Subregion::Necrotic, Subregion::Enhancing, Subregion::WholeTumour,
                                               Subregion::Edema};

double subregionOpacity(Subregion code, bool nested)
{
    switch (code) {
    case Subregion::Edema:
        return nested ? 0.35 : 1.0;
    case Subregion::Enhancing:
        return nested ? 0.75 : 1.0;
    default:
        return 1.0;
    }
}

vtkSmartPointer<vtkImageData> toImage(const VolumeContext &c, const std::vector<std::uint8_t> &voxels)
{
    auto image = vtkSmartPointer<vtkImageData>::New();
    image->SetDimensions(c.dims[0], c.dims[1], c.dims[2]);
    image->SetSpacing(c.spacing[0], c.spacing[1], c.spacing[2]);
    image->SetOrigin(0, 0, 0);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
    auto *out = static_cast<std::uint8_t *>(image->GetScalarPointer());
    std::memcpy(out, voxels.data(), voxels.size());
    return image;
}

vtkSmartPointer<vtkPolyData> smoothSurface(vtkAlgorithmOutput *surface, int iterations)
{
    vtkNew<vtkWindowedSincPolyDataFilter> smooth;
    smooth->SetInputConnection(surface);
    smooth->SetNumberOfIterations(iterations);
    smooth->SetPassBand(0.08);
    smooth->BoundarySmoothingOff();
    smooth->FeatureEdgeSmoothingOff();
    smooth->NonManifoldSmoothingOn();
    smooth->NormalizeCoordinatesOn();
    // Normals after smoothing: normals of the raw voxel surface shade as facets.
    vtkNew<vtkPolyDataNormals> normals;
    normals->SetInputConnection(smooth->GetOutputPort());
    normals->SplittingOff();
    normals->ConsistencyOn();
    normals->Update();
    vtkSmartPointer<vtkPolyData> result = normals->GetOutput();
    return result;
}

vtkSmartPointer<vtkActor> surfaceActor(vtkPolyData *surface, const QColor &colour, double opacity, vtkMatrix4x4 *toWorld)
{
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(surface);
    mapper->ScalarVisibilityOff(); // colour from the property, not from label scalars
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->SetUserMatrix(toWorld);
    vtkProperty *p = actor->GetProperty();
    p->SetColor(colour.redF(), colour.greenF(), colour.blueF());
    p->SetOpacity(opacity);
    p->SetAmbient(0.25);
    p->SetDiffuse(0.75);
    p->SetSpecular(0.1);
    return actor;
}

} // namespace

struct ContextGLWidget::Scene
{
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    vtkNew<vtkMatrix4x4> toWorld;
    vtkNew<vtkPlaneSource> plane;
    vtkSmartPointer<vtkActor> planeFill;
    vtkSmartPointer<vtkActor> planeEdge;
    vtkSmartPointer<vtkActor> anatomy;
    std::vector<vtkSmartPointer<vtkActor>> tumour;
    vtkNew<vtkCallbackCommand> makeCurrent;
    vtkNew<vtkCallbackCommand> isCurrent;
    vtkNew<vtkCallbackCommand> frame;
    vtkNew<vtkCallbackCommand> renderRequest;
    bool inPaint = false;
    bool initialised = false;
};

ContextGLWidget::ContextGLWidget(QWidget *parent)
    : QOpenGLWidget(parent)
    , m_scene(std::make_unique<Scene>())
{
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSamples(0);
    format.setDepthBufferSize(24);
    format.setAlphaBufferSize(8);
    setFormat(format);
    setMinimumSize(200, 160);
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);

    Scene &s = *m_scene;
    s.window->SetReadyForRendering(false);
    s.window->SetFrameBlitModeToNoBlit();
    s.window->SetMultiSamples(0);
    s.window->SetForceMaximumHardwareLineWidth(1);
    s.window->AddRenderer(s.renderer);
    s.renderer->SetBackground(0.09, 0.10, 0.12);
    s.renderer->SetBackgroundAlpha(1.0); // Qt composes the widget with its alpha
    s.renderer->SetUseDepthPeeling(1);
    s.renderer->SetMaximumNumberOfPeels(6);
    s.window->SetAlphaBitPlanes(1);

    s.makeCurrent->SetClientData(this);
    s.makeCurrent->SetCallback([](vtkObject *, unsigned long, void *client, void *) {
        auto *self = static_cast<ContextGLWidget *>(client);
        // Only when the widget's context is not current already: re-binding it would reset the
        // framebuffer binding behind VTK's state cache.
        if (self->context() && QOpenGLContext::currentContext() != self->context())
            self->makeCurrent();
    });
    s.isCurrent->SetClientData(this);
    s.isCurrent->SetCallback([](vtkObject *, unsigned long, void *client, void *callData) {
        auto *self = static_cast<ContextGLWidget *>(client);
        *static_cast<bool *>(callData) = self->context() && QOpenGLContext::currentContext() == self->context();
    });
    s.frame->SetClientData(this);
    s.frame->SetCallback([](vtkObject *, unsigned long, void *client, void *) {
        auto *self = static_cast<ContextGLWidget *>(client);
        if (!self->m_scene->inPaint)
            self->update();
    });
    s.window->AddObserver(vtkCommand::WindowMakeCurrentEvent, s.makeCurrent);
    s.window->AddObserver(vtkCommand::WindowIsCurrentEvent, s.isCurrent);
    s.window->AddObserver(vtkCommand::WindowFrameEvent, s.frame);

    // The interactor never renders by itself; it asks Qt for a repaint instead.
    s.interactor->SetRenderWindow(s.window);
    s.interactor->SetInteractorStyle(s.style);
    s.interactor->EnableRenderOff();
    s.renderRequest->SetClientData(this);
    s.renderRequest->SetCallback([](vtkObject *, unsigned long, void *client, void *) {
        static_cast<ContextGLWidget *>(client)->update();
    });
    s.interactor->AddObserver(vtkCommand::RenderEvent, s.renderRequest);

    const QColor planeColour = slicePlaneColour();
    s.plane->SetResolution(1, 1);
    vtkNew<vtkPolyDataMapper> planeMapper;
    planeMapper->SetInputConnection(s.plane->GetOutputPort());
    planeMapper->ScalarVisibilityOff();
    s.planeFill = vtkSmartPointer<vtkActor>::New();
    s.planeFill->SetMapper(planeMapper);
    s.planeFill->SetUserMatrix(s.toWorld);
    s.planeFill->GetProperty()->SetColor(planeColour.redF(), planeColour.greenF(), planeColour.blueF());
    s.planeFill->GetProperty()->SetOpacity(0.22);
    s.planeFill->GetProperty()->LightingOff();
    s.planeEdge = vtkSmartPointer<vtkActor>::New();
    s.planeEdge->SetMapper(planeMapper);
    s.planeEdge->SetUserMatrix(s.toWorld);
    s.planeEdge->GetProperty()->SetRepresentationToWireframe();
    s.planeEdge->GetProperty()->SetColor(planeColour.redF(), planeColour.greenF(), planeColour.blueF());
    s.planeEdge->GetProperty()->SetLineWidth(2.0);
    s.planeEdge->GetProperty()->LightingOff();
}

ContextGLWidget::~ContextGLWidget()
{
    // The context outlives this body (QOpenGLWidget destroys it later): stop listening first,
    // then release VTK's GL objects while the context can still be made current.
    QObject::disconnect(m_contextConnection);
    makeCurrent();
    releaseGraphics();
    doneCurrent();
}

bool ContextGLWidget::openGlAvailable()
{
    static const bool available = [] {
        const QString platform = QGuiApplication::platformName();
        if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
            return false;
        QSurfaceFormat format;
        format.setVersion(3, 2);
        format.setProfile(QSurfaceFormat::CoreProfile);
        QOpenGLContext probe;
        probe.setFormat(format);
        if (!probe.create())
            return false;
        QOffscreenSurface surface;
        surface.setFormat(probe.format());
        surface.create();
        const bool ok = surface.isValid() && probe.makeCurrent(&surface);
        const bool modern = ok && probe.format().majorVersion() * 10 + probe.format().minorVersion() >= 32;
        if (ok)
            probe.doneCurrent();
        return modern;
    }();
    return available;
}

QColor ContextGLWidget::subregionColour(Subregion code)
{
    switch (code) {
    case Subregion::Necrotic:
        return QColor(225, 45, 40);
    case Subregion::Edema:
        return QColor(60, 200, 80);
    case Subregion::Enhancing:
        return QColor(255, 210, 0);
    case Subregion::WholeTumour:
        return QColor(255, 120, 20);
    case Subregion::None:
        break;
    }
    return QColor(200, 200, 200);
}

QColor ContextGLWidget::slicePlaneColour()
{
    return QColor(0, 180, 255);
}

void ContextGLWidget::setVolumeContext(std::shared_ptr<const VolumeContext> context)
{
    m_context = std::move(context);
    m_needsRebuild = true;
    m_needsCameraReset = true;
    update();
}

void ContextGLWidget::setSliceIndex(int sourceSliceIndex)
{
    if (!m_context)
        return;
    auto moved = std::make_shared<VolumeContext>(*m_context);
    moveContextSlice(*moved, sourceSliceIndex);
    m_context = std::move(moved);
    updateSlicePlane();
    update();
}

void ContextGLWidget::setAnatomyVisible(bool visible)
{
    m_anatomyVisible = visible;
    if (m_scene->anatomy)
        m_scene->anatomy->SetVisibility(visible);
    update();
}

void ContextGLWidget::setSlicePlaneVisible(bool visible)
{
    m_planeVisible = visible;
    updateSlicePlane();
    update();
}

void ContextGLWidget::resetCamera()
{
    m_needsCameraReset = true;
    update();
}

int ContextGLWidget::surfaceCount() const
{
    return int(m_scene->tumour.size());
}

void ContextGLWidget::rebuildScene()
{
    Scene &s = *m_scene;
    m_needsRebuild = false;
    for (auto &actor : s.tumour)
        s.renderer->RemoveActor(actor);
    s.tumour.clear();
    if (s.anatomy)
        s.renderer->RemoveActor(s.anatomy);
    s.anatomy = nullptr;
    s.renderer->RemoveActor(s.planeFill);
    s.renderer->RemoveActor(s.planeEdge);
    if (!m_context)
        return;
    const VolumeContext &c = *m_context;

    // Index space (scaled by spacing) → patient space (LPS) through the direction cosines.
    for (int r = 0; r < 3; ++r) {
        for (int col = 0; col < 3; ++col)
            s.toWorld->SetElement(r, col, c.direction[size_t(r * 3 + col)]);
        s.toWorld->SetElement(r, 3, c.origin[size_t(r)]);
    }

    // Head (or brain, for skull-stripped volumes) as a faint shell.
    vtkSmartPointer<vtkImageData> anatomy = toImage(c, c.anatomy);
    vtkNew<vtkFlyingEdges3D> head;
    head->SetInputData(anatomy);
    head->SetValue(0, 40);
    head->ComputeNormalsOff();
    head->ComputeGradientsOff();
    head->ComputeScalarsOff();
    head->Update();
    if (head->GetOutput()->GetNumberOfPoints() > 0) {
        s.anatomy = surfaceActor(smoothSurface(head->GetOutputPort(), 8), QColor(205, 200, 195), 0.12, s.toWorld);
        s.anatomy->GetProperty()->SetSpecular(0.0);
        s.anatomy->SetVisibility(m_anatomyVisible);
        s.renderer->AddActor(s.anatomy);
    }

    if (c.hasLabels()) {
        vtkSmartPointer<vtkImageData> labels = toImage(c, c.labels);
        for (Subregion code : kDrawnCodes) {
            if (c.labelVoxels[size_t(code)] == 0)
                continue;
            vtkNew<vtkDiscreteFlyingEdges3D> surface;
            surface->SetInputData(labels);
            surface->SetValue(0, double(int(code)));
            surface->ComputeScalarsOff();
            surface->ComputeNormalsOff();
            surface->ComputeGradientsOff();
            surface->Update();
            if (surface->GetOutput()->GetNumberOfPoints() == 0)
                continue;
            vtkSmartPointer<vtkPolyData> mesh = smoothSurface(surface->GetOutputPort(), 15);
            auto actor = surfaceActor(mesh, subregionColour(code), subregionOpacity(code, c.hasSubregions), s.toWorld);
            s.renderer->AddActor(actor);
            s.tumour.push_back(actor);
        }
    }
    s.renderer->AddActor(s.planeFill);
    s.renderer->AddActor(s.planeEdge);
    updateSlicePlane();
}

void ContextGLWidget::updateSlicePlane()
{
    Scene &s = *m_scene;
    const bool visible = m_planeVisible && m_context && m_context->sliceIndex >= 0;
    s.planeFill->SetVisibility(visible);
    s.planeEdge->SetVisibility(visible);
    if (!visible)
        return;
    const VolumeContext &c = *m_context;
    const int a = c.sliceAxis;
    const int u = a == 0 ? 1 : 0;
    const int w = a == 2 ? 1 : 2;
    std::array<double, 3> origin{0, 0, 0};
    origin[size_t(a)] = c.sliceIndex * c.spacing[size_t(a)];
    std::array<double, 3> p1 = origin;
    std::array<double, 3> p2 = origin;
    p1[size_t(u)] = (c.dims[size_t(u)] - 1) * c.spacing[size_t(u)];
    p2[size_t(w)] = (c.dims[size_t(w)] - 1) * c.spacing[size_t(w)];
    s.plane->SetOrigin(origin.data());
    s.plane->SetPoint1(p1.data());
    s.plane->SetPoint2(p2.data());
    s.plane->Modified();
}

void ContextGLWidget::initializeGL()
{
    Scene &s = *m_scene;
    QObject::disconnect(m_contextConnection);
    m_contextConnection = connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
        makeCurrent();
        releaseGraphics();
    }, Qt::DirectConnection);
    s.window->GetState()->Reset();
    s.window->SetOwnContext(0);
    s.window->SetReadyForRendering(true);
    s.window->OpenGLInitContext();
    const qreal dpr = devicePixelRatioF();
    s.window->SetSize(int(width() * dpr), int(height() * dpr));
    s.interactor->SetSize(int(width() * dpr), int(height() * dpr));
    s.interactor->Initialize();
    s.initialised = true;
}

void ContextGLWidget::resizeGL(int w, int h)
{
    const qreal dpr = devicePixelRatioF();
    m_scene->window->SetSize(int(w * dpr), int(h * dpr));
    m_scene->interactor->SetSize(int(w * dpr), int(h * dpr));
}

void ContextGLWidget::paintGL()
{
    Scene &s = *m_scene;
    if (!s.initialised)
        return;
    if (m_needsRebuild)
        rebuildScene();
    if (m_needsCameraReset && m_context) {
        m_needsCameraReset = false;
        // Seen from the front and a little above (LPS: anterior is −y, superior is +z).
        s.renderer->ResetCamera();
        vtkCamera *camera = s.renderer->GetActiveCamera();
        double focal[3];
        camera->GetFocalPoint(focal);
        camera->SetPosition(focal[0] + 0.15, focal[1] - 1.0, focal[2] + 0.55);
        camera->SetViewUp(0, 0, 1);
        s.renderer->ResetCamera();
        camera->Zoom(1.25);
        s.renderer->ResetCameraClippingRange();
    }
    const qreal dpr = devicePixelRatioF();
    const int w = int(width() * dpr);
    const int h = int(height() * dpr);
    s.window->SetSize(w, h);

    s.inPaint = true;
    vtkOpenGLState *state = s.window->GetState();
    state->Reset();
    state->Push();
    s.window->Render();
    state->Pop();

    // VTK rendered into its own framebuffer; copy it into Qt's.
    state->PushFramebufferBindings();
    state->vtkglBindFramebuffer(kGlDrawFramebuffer, defaultFramebufferObject());
    s.window->BlitDisplayFramebuffer(0, 0, 0, w, h, 0, 0, w, h, kGlColorBufferBit, kGlNearest);
    state->PopFramebufferBindings();
    s.inPaint = false;
}

void ContextGLWidget::releaseGraphics()
{
    if (!m_scene)
        return;
    Scene &s = *m_scene;
    if (!s.initialised)
        return;
    s.initialised = false;
    s.window->Finalize();
    s.window->SetReadyForRendering(false);
}

void ContextGLWidget::forwardMouse(QMouseEvent *event, unsigned long vtkEvent)
{
    const qreal dpr = devicePixelRatioF();
    const QPointF p = event->position() * dpr;
    vtkGenericRenderWindowInteractor *i = m_scene->interactor;
    i->SetEventInformationFlipY(int(p.x()), int(p.y()), event->modifiers().testFlag(Qt::ControlModifier) ? 1 : 0,
                                event->modifiers().testFlag(Qt::ShiftModifier) ? 1 : 0, 0,
                                event->type() == QEvent::MouseButtonDblClick ? 1 : 0);
    i->InvokeEvent(vtkEvent, event);
}

void ContextGLWidget::mousePressEvent(QMouseEvent *event)
{
    switch (event->button()) {
    case Qt::LeftButton:
        forwardMouse(event, vtkCommand::LeftButtonPressEvent);
        break;
    case Qt::RightButton:
        forwardMouse(event, vtkCommand::RightButtonPressEvent);
        break;
    case Qt::MiddleButton:
        forwardMouse(event, vtkCommand::MiddleButtonPressEvent);
        break;
    default:
        break;
    }
}

void ContextGLWidget::mouseReleaseEvent(QMouseEvent *event)
{
    switch (event->button()) {
    case Qt::LeftButton:
        forwardMouse(event, vtkCommand::LeftButtonReleaseEvent);
        break;
    case Qt::RightButton:
        forwardMouse(event, vtkCommand::RightButtonReleaseEvent);
        break;
    case Qt::MiddleButton:
        forwardMouse(event, vtkCommand::MiddleButtonReleaseEvent);
        break;
    default:
        break;
    }
}

void ContextGLWidget::mouseMoveEvent(QMouseEvent *event)
{
    forwardMouse(event, vtkCommand::MouseMoveEvent);
}

void ContextGLWidget::wheelEvent(QWheelEvent *event)
{
    const qreal dpr = devicePixelRatioF();
    const QPointF p = event->position() * dpr;
    vtkGenericRenderWindowInteractor *i = m_scene->interactor;
    i->SetEventInformationFlipY(int(p.x()), int(p.y()), 0, 0);
    if (event->angleDelta().y() > 0)
        i->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
    else if (event->angleDelta().y() < 0)
        i->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
    event->accept();
}

} // namespace neuroonco
