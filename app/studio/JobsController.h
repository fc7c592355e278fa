// Connects the job engine to the jobs panel: starts and resumes stages, feeds the job list
// model from JobRunner signals, and fills the details pane with the selected job's log.
#pragma once

#include "core/jobs/JobTypes.h"
#include "core/util/Error.h"

#include <QObject>

namespace neuroonco {

class JobListModel;
class JobRunner;
class JobsPanel;
class ProjectSession;
class Stage;

class JobsController : public QObject
{
    Q_OBJECT
public:
    JobsController(ProjectSession *session, JobsPanel *panel, QObject *parent = nullptr);
    ~JobsController() override;

    JobRunner *runner() const { return m_runner; }
    JobListModel *model() const { return m_model; }

    Result<qint64> start(const QString &stageId, const QJsonObject &parameters);
    // Starts a stage object directly (tests and stages not in the registry).
    Result<qint64> start(std::unique_ptr<Stage> stage, const QJsonObject &parameters);
    Result<qint64> resume(qint64 jobId);
    // Resumes every stage whose latest job was interrupted, failed or canceled.
    int resumeAllInterrupted(QStringList *errors);
    void reload();

Q_SIGNALS:
    void jobFinished(qint64 jobId, neuroonco::JobState state);
    void startFailed(const QString &message);

private:
    void showDetails(qint64 jobId);

    ProjectSession *m_session;
    JobsPanel *m_panel;
    JobRunner *m_runner;
    JobListModel *m_model;
};

} // namespace neuroonco
