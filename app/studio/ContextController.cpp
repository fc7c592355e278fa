// Loading and showing the 3D context of the sample under review.
#include "app/studio/ContextController.h"

#include "app/studio/BackgroundRead.h"
#include "app/studio/ProjectSession.h"
#include "widgets/context/VolumeContextView.h"

#include <QDockWidget>

namespace neuroonco {

ContextController::ContextController(ProjectSession *session, QDockWidget *dock, VolumeContextView *view, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_dock(dock)
    , m_view(view)
{
    connect(m_session, &ProjectSession::opened, this, [this] {
        m_sources = m_session->sources();
        m_loaded.reset();
        m_sample.reset();
        m_view->showMessage(tr("Select a sample to see its volume."));
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        m_sources.clear();
        m_loaded.reset();
        m_sample.reset();
        ++m_generation;
        m_view->showMessage(tr("No project is open."));
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            update();
    });
}

void ContextController::showSample(const SampleRecord &sample)
{
    m_sample = sample;
    if (m_dock->isVisible())
        update();
}

void ContextController::update()
{
    if (!m_sample)
        return;
    if (m_sources.empty())
        m_sources = m_session->sources();
    const std::optional<VolumeContextRequest> request = VolumeContextRequest::forSample(*m_sample, m_sources);
    if (!request) {
        ++m_generation;
        m_view->showMessage(tr("%1 is a 2D image: it was not cut from a volume, so there is no 3D context to show.")
                                .arg(m_sample->sampleId));
        return;
    }
    if (m_loaded && m_loaded->anatomyFile == request->volumeKey()) {
        ++m_generation;
        const bool fresh = !m_view->isShowingContext() || m_view->currentVolume() != m_loaded;
        if (fresh)
            m_view->showContext(m_loaded);
        m_view->setSliceIndex(request->sliceIndex);
        if (fresh)
            Q_EMIT contextShown();
        return;
    }
    if (m_loading && m_loadingKey == request->volumeKey())
        return;
    load(*request);
}

void ContextController::load(const VolumeContextRequest &request)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_loadingKey = request.volumeKey();
    m_view->showMessage(tr("Reading %1…").arg(request.anatomyFile));
    runInBackground<Result<VolumeContext>>(
        this, [request] { return loadVolumeContext(request); },
        [this, generation](Result<VolumeContext> result) {
            m_loading = false;
            m_loadingKey.clear();
            if (!result) {
                if (generation == m_generation)
                    m_view->showMessage(tr("Cannot show the volume: %1").arg(errorMessage(result.error())));
                return;
            }
            // Keep it even if the reviewer moved on: update() shows it when it is still wanted.
            m_loaded = std::make_shared<const VolumeContext>(result.take());
            if (m_dock->isVisible())
                update();
        });
}

} // namespace neuroonco
