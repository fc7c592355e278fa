// Background execution of jobs on a dedicated thread pool.
#include "core/jobs/JobRunner.h"

#include "core/jobs/JobContext.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/Stage.h"

#include <QMutexLocker>
#include <QRunnable>
#include <QThreadPool>

namespace neuroonco {

// One job on a pool thread. Emits the runner's signals from the worker thread; Qt queues them
// to receivers in the GUI thread.
class RunnerJob : public QRunnable, public JobObserver
{
public:
    RunnerJob(JobRunner *runner, std::unique_ptr<Stage> stage, qint64 jobId, QJsonObject parameters,
              std::shared_ptr<std::atomic_bool> cancel, int threads)
        : m_runner(runner)
        , m_project(runner->project())
        , m_stage(std::move(stage))
        , m_jobId(jobId)
        , m_parameters(std::move(parameters))
        , m_cancel(std::move(cancel))
        , m_threads(threads)
    {
        setAutoDelete(true);
    }

    void run() override
    {
        JobOutcome outcome = JobExecutor::run(m_project, *m_stage, m_jobId, m_parameters, this,
                                              m_cancel.get(), m_threads);
        const QString error = outcome.error ? errorMessage(outcome.error) : QString();
        m_runner->release(m_jobId);
        Q_EMIT m_runner->jobFinished(m_jobId, outcome.state, outcome.summary, error);
    }

    void jobProgress(qint64 jobId, const JobProgress &progress) override
    {
        Q_EMIT m_runner->jobProgress(jobId, progress);
    }
    void jobLogged(qint64 jobId, const JobLogLine &line) override
    {
        Q_EMIT m_runner->jobLogged(jobId, line);
    }

private:
    JobRunner *m_runner;
    Project m_project;
    std::unique_ptr<Stage> m_stage;
    qint64 m_jobId;
    QJsonObject m_parameters;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_threads;
};

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<QThreadPool>())
{
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobLogLine>();
    qRegisterMetaType<JobState>();
    qRegisterMetaType<JobRecord>();
    // One thread per concurrently running stage; stages parallelise inside with their own pools.
    m_pool->setMaxThreadCount(8);
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool->waitForDone();
}

void JobRunner::setProject(const Project &project)
{
    m_project = project;
}

Result<qint64> JobRunner::start(std::unique_ptr<Stage> stage, const QJsonObject &parameters, int threads)
{
    if (!stage)
        return Error(ErrorCode::Internal, QStringLiteral("job"), QStringLiteral("no stage"));
    Result<qint64> id = JobExecutor::claim(m_project, *stage, parameters);
    if (!id)
        return id;
    auto flag = std::make_shared<std::atomic_bool>(false);
    {
        QMutexLocker lock(&m_mutex);
        m_cancelFlags.insert(*id, flag);
    }
    const QString stageId = stage->id();
    const int n = threads > 0 ? threads : JobExecutor::defaultThreadCount();
    Q_EMIT jobStarted(*id, stageId);
    m_pool->start(new RunnerJob(this, std::move(stage), *id, parameters, flag, n));
    return id;
}

void JobRunner::cancel(qint64 jobId)
{
    QMutexLocker lock(&m_mutex);
    if (auto flag = m_cancelFlags.value(jobId))
        flag->store(true);
}

void JobRunner::cancelAll()
{
    QMutexLocker lock(&m_mutex);
    for (const auto &flag : std::as_const(m_cancelFlags))
        flag->store(true);
}

bool JobRunner::isRunning(qint64 jobId) const
{
    QMutexLocker lock(&m_mutex);
    return m_cancelFlags.contains(jobId);
}

int JobRunner::runningCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_cancelFlags.size());
}

bool JobRunner::waitForDone(int msecs)
{
    return m_pool->waitForDone(msecs);
}

void JobRunner::release(qint64 jobId)
{
    QMutexLocker lock(&m_mutex);
    m_cancelFlags.remove(jobId);
}

} // namespace neuroonco
