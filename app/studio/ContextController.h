// Keeps the 3D context dock on the sample under review: loads the sample's volume off the GUI
// thread (only while the dock is visible), reuses it when the next sample is another slice of
// the same volume, and says why when there is nothing to show.
#pragma once

#include "core/context/VolumeContext.h"
#include "core/samples/SampleRecord.h"

#include <QObject>

#include <memory>
#include <optional>

class QDockWidget;

namespace neuroonco {

class ProjectSession;
class VolumeContextView;

class ContextController : public QObject
{
    Q_OBJECT
public:
    ContextController(ProjectSession *session, QDockWidget *dock, VolumeContextView *view, QObject *parent = nullptr);

    void showSample(const SampleRecord &sample);
    // True while a volume is being read (tests wait on it).
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void contextShown();

private:
    void update();
    void load(const VolumeContextRequest &request);

    ProjectSession *m_session;
    QDockWidget *m_dock;
    VolumeContextView *m_view;
    std::optional<SampleRecord> m_sample;
    std::vector<SourceSpec> m_sources;
    std::shared_ptr<const VolumeContext> m_loaded;
    QString m_loadingKey;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace neuroonco
