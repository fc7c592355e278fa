// SQL for jobs. Claims run in an IMMEDIATE transaction and a partial unique index backs them.
#include "core/jobs/JobRepository.h"

#include "core/store/Database.h"
#include "core/util/ProcessIdentity.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <optional>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

namespace {

const QString kJobColumns = QStringLiteral(
    "id, stage, lock_key, state, parameters, created_at, started_at, finished_at, heartbeat_at, "
    "done, total, summary, error, host, pid, resumed_from, "
    "succeeded_items, failed_items, skipped_items, up_to_date_items, repeated_failures, failures");

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

JobRecord readRecord(const QSqlQuery &q)
{
    JobRecord r;
    r.id = q.value(0).toLongLong();
    r.stage = q.value(1).toString();
    r.lockKey = q.value(2).toString();
    r.state = jobStateFromName(q.value(3).toString());
    r.parameters = parseObject(q.value(4).toString());
    r.created = fromIso(q.value(5).toString());
    r.started = fromIso(q.value(6).toString());
    r.finished = fromIso(q.value(7).toString());
    r.heartbeat = fromIso(q.value(8).toString());
    r.progress.done = q.value(9).toLongLong();
    r.progress.total = q.value(10).toLongLong();
    r.summary = parseObject(q.value(11).toString());
    r.error = q.value(12).toString();
    r.host = q.value(13).toString();
    r.pid = q.value(14).toLongLong();
    r.resumedFrom = q.value(15).toLongLong();
    r.items.succeeded = q.value(16).toLongLong();
    r.items.failed = q.value(17).toLongLong();
    r.items.skipped = q.value(18).toLongLong();
    r.items.upToDate = q.value(19).toLongLong();
    r.items.repeatedFailures = q.value(20).toLongLong();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(21).toString().toUtf8()).array())
        r.failures << v.toString();
    return r;
}

} // namespace

JobRepository::JobRepository(Database &db)
    : m_db(db)
{}

Result<std::vector<qint64>> JobRepository::staleJobs()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT id, host, pid, process_token FROM jobs WHERE state = 'running'")))
        return m_db.queryError(q, QStringLiteral("jobs"));
    std::vector<qint64> dead;
    if (Error e = m_db.forEachRow(q, QStringLiteral("jobs"), [&] {
            if (!ProcessIdentity::isAlive(q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString()))
                dead.push_back(q.value(0).toLongLong());
        }))
        return e;
    return dead;
}

Result<int> JobRepository::reapStale()
{
    // A read-only project is shown as it is; marking its jobs would be a write.
    if (m_db.isReadOnly())
        return 0;
    Result<std::vector<qint64>> stale = staleJobs();
    if (!stale)
        return stale.error();
    const std::vector<qint64> &dead = *stale;
    for (qint64 id : dead) {
        QSqlQuery u = m_db.query();
        u.prepare(QStringLiteral("UPDATE jobs SET state = 'interrupted', finished_at = COALESCE(heartbeat_at, ?), "
                                 "error = 'the process running this job stopped without finishing it' "
                                 "WHERE id = ? AND state = 'running'"));
        u.addBindValue(nowIso());
        u.addBindValue(id);
        if (Error e = m_db.run(u, QStringLiteral("jobs")))
            return e;
        if (Error e = appendLog(id, LogLevel::Warning,
                                QStringLiteral("Marked interrupted: its process is no longer running.")))
            return e;
    }
    return int(dead.size());
}

Result<qint64> JobRepository::claim(const QString &stage, const QString &lockKey, const QJsonObject &parameters,
                                    const ResourceLocks &resources)
{
    const bool ownTransaction = !m_db.inTransaction();
    std::optional<Transaction> tx;
    if (ownTransaction) {
        tx.emplace(m_db);
        if (tx->beginError())
            return tx->beginError();
    }
    Result<int> reaped = reapStale();
    if (!reaped)
        return reaped.error();

    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT id, host, pid FROM jobs WHERE lock_key = ? AND state = 'running'"));
    q.addBindValue(lockKey);
    if (Error e = m_db.run(q, QStringLiteral("jobs")))
        return e;
    if (q.next()) {
        return Error(ErrorCode::Locked, lockKey,
                     QStringLiteral("job %1 of this stage is still running (process %2 on %3)")
                         .arg(q.value(0).toLongLong())
                         .arg(q.value(2).toLongLong())
                         .arg(q.value(1).toString()));
    }
    if (Error e = m_db.readError(q, QStringLiteral("jobs")))
        return e;

    // Resources: a writer excludes everyone using the resource, a reader excludes writers.
    if (!resources.reads.isEmpty() || !resources.writes.isEmpty()) {
        q.prepare(QStringLiteral("SELECT id, stage, reads, writes FROM jobs WHERE state = 'running'"));
        if (Error e = m_db.run(q, QStringLiteral("jobs")))
            return e;
        Error clashError = m_db.forEachRow(q, QStringLiteral("jobs"), [&]() -> Error {
            const QStringList theirReads = q.value(2).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QStringList theirWrites = q.value(3).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QString clash;
            for (const QString &r : resources.writes)
                if (theirReads.contains(r) || theirWrites.contains(r))
                    clash = r;
            for (const QString &r : resources.reads)
                if (theirWrites.contains(r))
                    clash = r;
            if (!clash.isEmpty())
                return Error(ErrorCode::Locked, lockKey,
                             QStringLiteral("job %1 (%2) is running and uses the project's %3; try again when it "
                                            "has finished")
                                 .arg(q.value(0).toLongLong())
                                 .arg(q.value(1).toString(), clash));
            return {};
        });
        if (clashError)
            return clashError;
    }

    // Link to the previous unfinished attempt so the history shows what was resumed.
    qint64 resumedFrom = 0;
    q.prepare(QStringLiteral("SELECT id, state FROM jobs WHERE lock_key = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(lockKey);
    if (Error e = m_db.run(q, QStringLiteral("jobs")))
        return e;
    if (q.next()) {
        if (isResumable(jobStateFromName(q.value(1).toString())))
            resumedFrom = q.value(0).toLongLong();
    } else if (Error e = m_db.readError(q, QStringLiteral("jobs"))) {
        return e;
    }

    const ProcessIdentity me = ProcessIdentity::current();
    const QString now = nowIso();
    q.prepare(QStringLiteral("INSERT INTO jobs(stage, lock_key, state, parameters, created_at, started_at, "
                             "heartbeat_at, host, pid, process_token, resumed_from, reads, writes) "
                             "VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''))"));
    q.addBindValue(stage);
    q.addBindValue(lockKey);
    q.addBindValue(toJson(parameters));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(me.host);
    q.addBindValue(me.pid);
    q.addBindValue(me.token);
    q.addBindValue(resumedFrom > 0 ? QVariant(resumedFrom) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(resources.reads.join(QLatin1Char(' ')));
    q.addBindValue(resources.writes.join(QLatin1Char(' ')));
    if (!q.exec()) {
        // The unique index on running jobs turns a lost race into a lock error.
        return Error(ErrorCode::Locked, lockKey, QStringLiteral("another job of this stage has just started"));
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (resumedFrom > 0) {
        if (Error e = appendLog(id, LogLevel::Info,
                                QStringLiteral("Resuming after job %1; finished items are not redone.").arg(resumedFrom)))
            return e;
    }
    if (ownTransaction) {
        if (Error e = tx->commit())
            return e;
    }
    return id;
}

Error JobRepository::updateProgress(qint64 id, const JobProgress &progress)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("UPDATE jobs SET done = ?, total = ?, heartbeat_at = ? WHERE id = ?"));
    q.addBindValue(progress.done);
    q.addBindValue(progress.total);
    q.addBindValue(nowIso());
    q.addBindValue(id);
    return m_db.run(q, QStringLiteral("jobs"));
}

Error JobRepository::finish(qint64 id, JobState state, const JobProgress &progress,
                            const QJsonObject &summary, const QString &error, const ItemCounts &items,
                            const QStringList &failures)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("UPDATE jobs SET state = ?, done = ?, total = ?, summary = ?, error = ?, "
                             "succeeded_items = ?, failed_items = ?, skipped_items = ?, up_to_date_items = ?, "
                             "repeated_failures = ?, failures = ?, "
                             "finished_at = ?, heartbeat_at = ? WHERE id = ?"));
    const QString now = nowIso();
    q.addBindValue(jobStateName(state));
    q.addBindValue(progress.done);
    q.addBindValue(progress.total);
    q.addBindValue(toJson(summary));
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    q.addBindValue(items.succeeded);
    q.addBindValue(items.failed);
    q.addBindValue(items.skipped);
    q.addBindValue(items.upToDate);
    q.addBindValue(items.repeatedFailures);
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(failures)).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(id);
    return m_db.run(q, QStringLiteral("jobs"));
}

Error JobRepository::appendLog(qint64 id, LogLevel level, const QString &message)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO job_logs(job_id, at, level, message) VALUES (?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(nowIso());
    q.addBindValue(logLevelName(level));
    q.addBindValue(message);
    return m_db.run(q, QStringLiteral("job_logs"));
}

Result<JobRecord> JobRepository::get(qint64 id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kJobColumns + QStringLiteral(" FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    if (Error e = m_db.run(q, QStringLiteral("jobs")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("jobs")))
            return e;
        return Error(ErrorCode::NotFound, QStringLiteral("job %1").arg(id));
    }
    return readRecord(q);
}

Result<std::vector<JobRecord>> JobRepository::list(int limit)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kJobColumns + QStringLiteral(" FROM jobs ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (Error e = m_db.run(q, QStringLiteral("jobs")))
        return e;
    std::vector<JobRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("jobs"), [&] { out.push_back(readRecord(q)); }))
        return e;
    return out;
}

Result<JobRecord> JobRepository::latest(const QString &stage)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kJobColumns
              + QStringLiteral(" FROM jobs WHERE stage = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(stage);
    if (Error e = m_db.run(q, QStringLiteral("jobs")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("jobs")))
            return e;
        return JobRecord{};
    }
    return readRecord(q);
}

Result<JobRecord> JobRepository::latest(const QString &stage, JobState state)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kJobColumns
              + QStringLiteral(" FROM jobs WHERE stage = ? AND state = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(stage);
    q.addBindValue(jobStateName(state));
    if (Error e = m_db.run(q, QStringLiteral("jobs")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("jobs")))
            return e;
        return JobRecord{};
    }
    return readRecord(q);
}

Result<std::vector<JobLogLine>> JobRepository::logs(qint64 id, int limit)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT at, level, message FROM job_logs WHERE job_id = ? ORDER BY id LIMIT ?"));
    q.addBindValue(id);
    q.addBindValue(limit);
    if (Error e = m_db.run(q, QStringLiteral("job_logs")))
        return e;
    std::vector<JobLogLine> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("job_logs"), [&] {
            out.push_back({fromIso(q.value(0).toString()), logLevelFromName(q.value(1).toString()), q.value(2).toString()});
        }))
        return e;
    return out;
}

} // namespace neuroonco
