// The jobs and job_logs tables: claiming a stage's lock, progress, final state, log lines.
#pragma once

#include "core/jobs/JobTypes.h"
#include "core/util/Error.h"

#include <vector>

namespace neuroonco {

class Database;

class JobRepository
{
public:
    explicit JobRepository(Database &db);

    // Starts a new running job for `lockKey`. Jobs whose process died are marked interrupted
    // first; a live job of the same lock key, or one whose resources conflict with `resources`,
    // makes this fail with ErrorCode::Locked.
    Result<qint64> claim(const QString &stage, const QString &lockKey, const QJsonObject &parameters,
                         const ResourceLocks &resources = {});

    Error updateProgress(qint64 id, const JobProgress &progress);
    Error finish(qint64 id, JobState state, const JobProgress &progress, const QJsonObject &summary,
                 const QString &error, const ItemCounts &items = {}, const QStringList &failures = {});
    Error appendLog(qint64 id, LogLevel level, const QString &message);

    // Marks running jobs whose owning process is gone as interrupted; returns how many. On a
    // read-only database it marks nothing (see staleJobs()).
    Result<int> reapStale();
    // Running jobs whose owning process is gone, without marking them.
    Result<std::vector<qint64>> staleJobs();

    Result<JobRecord> get(qint64 id);
    Result<std::vector<JobRecord>> list(int limit = 200);
    Result<std::vector<JobLogLine>> logs(qint64 id, int limit = -1);
    // The newest job of a stage, or a record with id 0 when the stage never ran.
    Result<JobRecord> latest(const QString &stage);
    // The newest job of a stage that ended in `state`, or a record with id 0.
    Result<JobRecord> latest(const QString &stage, JobState state);

private:
    Database &m_db;
};

} // namespace neuroonco
