// Runs jobs in the background for the GUI: each job on a pool thread with its own database
// connection; progress, log lines and the final state arrive as (queued) signals.
#pragma once

#include "core/jobs/JobTypes.h"
#include "core/project/Project.h"
#include "core/util/Error.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

class QThreadPool;

namespace neuroonco {

class Stage;

class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    void setProject(const Project &project);
    Project project() const { return m_project; }

    // Claims the stage's lock synchronously (so a busy stage is reported at once) and starts
    // the job on a pool thread. `threads` ≤ 0 means all cores.
    Result<qint64> start(std::unique_ptr<Stage> stage, const QJsonObject &parameters, int threads = 0);

    void cancel(qint64 jobId);
    void cancelAll();
    bool isRunning(qint64 jobId) const;
    int runningCount() const;
    // Waits for all jobs to end (used at shutdown and in tests).
    bool waitForDone(int msecs = -1);

Q_SIGNALS:
    void jobStarted(qint64 jobId, const QString &stage);
    void jobProgress(qint64 jobId, const neuroonco::JobProgress &progress);
    void jobLogged(qint64 jobId, const neuroonco::JobLogLine &line);
    void jobFinished(qint64 jobId, neuroonco::JobState state, const QJsonObject &summary,
                     const QString &error);

private:
    friend class RunnerJob;
    void release(qint64 jobId);

    Project m_project;
    std::unique_ptr<QThreadPool> m_pool;
    mutable QMutex m_mutex;
    QHash<qint64, std::shared_ptr<std::atomic_bool>> m_cancelFlags;
};

} // namespace neuroonco
