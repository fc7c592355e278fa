// Progress throttling (observer ≤ 10 Hz, database ≤ 1 Hz), sliding-window rate and ETA, logs.
#include "core/jobs/JobContext.h"

#include "core/jobs/JobRepository.h"
#include "core/store/Database.h"

#include <QThreadPool>

#include <algorithm>

namespace neuroonco {

namespace {
constexpr qint64 kObserverIntervalMs = 100;
constexpr qint64 kDatabaseIntervalMs = 1000;
constexpr qint64 kRateWindowMs = 10000;
constexpr int kMaxStoredLogLines = 10000;
} // namespace

JobContext::JobContext(const Project &project, Database &db, qint64 jobId, QJsonObject parameters,
                       JobObserver *observer, const std::atomic_bool *cancelFlag, int threads)
    : m_project(project)
    , m_db(db)
    , m_jobs(std::make_unique<JobRepository>(db))
    , m_jobId(jobId)
    , m_parameters(std::move(parameters))
    , m_observer(observer)
    , m_cancel(cancelFlag)
    , m_threads(std::max(1, threads))
{
    m_clock.start();
}

JobContext::~JobContext() = default;

bool JobContext::isCanceled() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

QThreadPool *JobContext::computePool()
{
    if (!m_pool) {
        m_pool = std::make_unique<QThreadPool>();
        // The job thread itself writes results while the pool computes the next batch.
        m_pool->setMaxThreadCount(m_threads);
    }
    return m_pool.get();
}

void JobContext::itemSucceeded(qint64 n)
{
    m_items.succeeded += n;
}

void JobContext::itemSkipped(qint64 n)
{
    m_items.skipped += n;
}

void JobContext::itemFailed(const QString &reason, Attempt attempt)
{
    ++m_items.failed;
    if (attempt == Attempt::Retry)
        ++m_items.repeatedFailures;
    if (m_failures.size() < kKeptFailures && !m_failures.contains(reason))
        m_failures << reason;
}

void JobContext::setUpToDate(qint64 items)
{
    m_items.upToDate = items;
    setDone(items);
}

void JobContext::setTotal(qint64 total)
{
    m_progress.total = total;
    report(true);
}

void JobContext::setDone(qint64 done)
{
    m_progress.done = done;
    m_baseline = done;
    m_samples.clear();
    report(true);
}

void JobContext::advance(qint64 n)
{
    m_progress.done += n;
    report(m_progress.total > 0 && m_progress.done >= m_progress.total);
}

void JobContext::setMessage(const QString &message)
{
    m_progress.message = message;
    report(false);
}

void JobContext::flushProgress()
{
    report(true);
}

void JobContext::report(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && m_lastObserverMs >= 0 && now - m_lastObserverMs < kObserverIntervalMs)
        return;
    m_lastObserverMs = now;

    m_samples.emplace_back(now, m_progress.done);
    while (m_samples.size() > 2 && now - m_samples.front().first > kRateWindowMs)
        m_samples.pop_front();
    const auto &[t0, d0] = m_samples.front();
    const double seconds = (now - t0) / 1000.0;
    if (seconds > 0.2 && m_progress.done > d0)
        m_progress.ratePerSecond = (m_progress.done - d0) / seconds;
    else if (now > 0 && m_progress.done > m_baseline)
        m_progress.ratePerSecond = (m_progress.done - m_baseline) / std::max(0.001, now / 1000.0);
    if (m_progress.ratePerSecond > 0 && m_progress.total >= m_progress.done)
        m_progress.etaSeconds = (m_progress.total - m_progress.done) / m_progress.ratePerSecond;
    else
        m_progress.etaSeconds = -1;

    if (m_observer)
        m_observer->jobProgress(m_jobId, m_progress);
    if (force || m_lastDatabaseMs < 0 || now - m_lastDatabaseMs >= kDatabaseIntervalMs) {
        m_lastDatabaseMs = now;
        // Best effort: progress is advisory, and a job must not fail because it could not be shown.
        static_cast<void>(m_jobs->updateProgress(m_jobId, m_progress));
    }
}

void JobContext::log(LogLevel level, const QString &message)
{
    ++m_logLines;
    JobLogLine line{QDateTime::currentDateTimeUtc(), level, message};
    // Best effort: a line that cannot be stored still reaches the observer (terminal, GUI), and
    // the job's outcome comes from its item counts, not from its log.
    if (m_logLines <= kMaxStoredLogLines)
        static_cast<void>(m_jobs->appendLog(m_jobId, level, message));
    else if (m_logLines == kMaxStoredLogLines + 1)
        static_cast<void>(m_jobs->appendLog(m_jobId, LogLevel::Warning,
                                            QStringLiteral("Further log lines are not stored; see the job summary for totals.")));
    if (m_observer)
        m_observer->jobLogged(m_jobId, line);
}

} // namespace neuroonco
