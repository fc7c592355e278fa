// What a running stage sees of its job: the project, its own database connection, parameters,
// a cancel flag, progress and log reporting. Algorithms get this small token, not the job.
#pragma once

#include "core/jobs/JobTypes.h"
#include "core/project/Project.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QStringList>

#include <atomic>
#include <deque>
#include <memory>

class QThreadPool;

namespace neuroonco {

class Database;
class JobRepository;

// Receives progress and log lines of a job, on the job's thread. Implementations forward them
// (queued signals for the GUI, a terminal bar for the CLI). They must not block.
class JobObserver
{
public:
    virtual ~JobObserver() = default;
    virtual void jobProgress(qint64 jobId, const JobProgress &progress) = 0;
    virtual void jobLogged(qint64 jobId, const JobLogLine &line) = 0;
};

class JobContext
{
public:
    JobContext(const Project &project, Database &db, qint64 jobId, QJsonObject parameters,
               JobObserver *observer, const std::atomic_bool *cancelFlag, int threads);
    ~JobContext();
    JobContext(const JobContext &) = delete;
    JobContext &operator=(const JobContext &) = delete;

    const Project &project() const { return m_project; }
    Database &db() { return m_db; }
    qint64 jobId() const { return m_jobId; }
    const QJsonObject &parameters() const { return m_parameters; }

    bool isCanceled() const;

    // Item outcomes, reported where the stage stores each item's result. The engine derives
    // the job's final state from them (JobExecutor): nothing succeeded while items failed is a
    // failed job; some failures make it "succeeded with N errors".
    enum class Attempt { First, Retry }; // Retry: the item had failed in an earlier job too
    void itemSucceeded(qint64 n = 1);
    void itemSkipped(qint64 n = 1);
    // `reason` names the item and says why ("01/a.jpg: the file is truncated"); the first few
    // are kept for the job's error and the front ends.
    void itemFailed(const QString &reason, Attempt attempt = Attempt::First);
    // Items an earlier job finished that this one does not redo; also the progress baseline
    // (setDone), so the rate counts only new work.
    void setUpToDate(qint64 items);
    const ItemCounts &items() const { return m_items; }
    const QStringList &failures() const { return m_failures; }
    static constexpr int kKeptFailures = 5;

    // Progress. `setDone` after a resume sets the baseline: the rate counts only new work.
    void setTotal(qint64 total);
    void setDone(qint64 done);
    void advance(qint64 n = 1);
    void setMessage(const QString &message);
    JobProgress progress() const { return m_progress; }
    // Sends pending progress to the observer and the database now (used at the end of a job).
    void flushProgress();

    // Appends a line to the job's log (database + observer). After 10,000 lines further lines
    // are counted but not stored, so a run over a broken collection cannot flood the database.
    void log(LogLevel level, const QString &message);
    int loggedLines() const { return m_logLines; }

    // Worker threads for per-item computation; the job thread stores results meanwhile.
    int threadCount() const { return m_threads; }
    QThreadPool *computePool();

private:
    void report(bool force);

    Project m_project;
    Database &m_db;
    std::unique_ptr<JobRepository> m_jobs;
    qint64 m_jobId = 0;
    QJsonObject m_parameters;
    JobObserver *m_observer = nullptr;
    const std::atomic_bool *m_cancel = nullptr;
    int m_threads = 1;
    std::unique_ptr<QThreadPool> m_pool;

    JobProgress m_progress;
    qint64 m_baseline = 0;
    QElapsedTimer m_clock;
    qint64 m_lastObserverMs = -1;
    qint64 m_lastDatabaseMs = -1;
    std::deque<std::pair<qint64, qint64>> m_samples; // (ms, done) for a sliding-window rate
    int m_logLines = 0;
    ItemCounts m_items;
    QStringList m_failures;
};

} // namespace neuroonco
