// SQL for the checkpoints table; the mark statement is prepared once per store.
#include "core/jobs/CheckpointStore.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace neuroonco {

QString checkpointStatusName(CheckpointStatus status)
{
    switch (status) {
    case CheckpointStatus::Ok: return QStringLiteral("ok");
    case CheckpointStatus::Error: return QStringLiteral("error");
    case CheckpointStatus::Skipped: return QStringLiteral("skipped");
    }
    return QStringLiteral("ok");
}

CheckpointStore::CheckpointStore(Database &db)
    : m_db(db)
{}

CheckpointStore::~CheckpointStore() = default;

Error CheckpointStore::mark(const QString &scope, const QString &item, qint64 jobId, CheckpointStatus status)
{
    if (!m_markQuery) {
        m_markQuery = std::make_unique<QSqlQuery>(m_db.handle());
        m_markQuery->prepare(QStringLiteral(
            "INSERT INTO checkpoints(scope, item, job_id, status, done_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(scope, item) DO UPDATE SET job_id = excluded.job_id, "
            "status = excluded.status, done_at = excluded.done_at"));
    }
    QSqlQuery &q = *m_markQuery;
    q.bindValue(0, scope);
    q.bindValue(1, item);
    q.bindValue(2, jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.bindValue(3, checkpointStatusName(status));
    q.bindValue(4, nowIso());
    return m_db.run(q, QStringLiteral("checkpoints"));
}

Result<QSet<QString>> CheckpointStore::finished(const QString &scope, bool errorsAreDone)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(errorsAreDone
                  ? QStringLiteral("SELECT item FROM checkpoints WHERE scope = ?")
                  : QStringLiteral("SELECT item FROM checkpoints WHERE scope = ? AND status <> 'error'"));
    q.addBindValue(scope);
    if (Error e = m_db.run(q, QStringLiteral("checkpoints")))
        return e;
    QSet<QString> items;
    if (Error e = m_db.forEachRow(q, QStringLiteral("checkpoints"), [&] { items.insert(q.value(0).toString()); }))
        return e;
    return items;
}

Result<QSet<QString>> CheckpointStore::withStatus(const QString &scope, CheckpointStatus status)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT item FROM checkpoints WHERE scope = ? AND status = ?"));
    q.addBindValue(scope);
    q.addBindValue(checkpointStatusName(status));
    if (Error e = m_db.run(q, QStringLiteral("checkpoints")))
        return e;
    QSet<QString> items;
    if (Error e = m_db.forEachRow(q, QStringLiteral("checkpoints"), [&] { items.insert(q.value(0).toString()); }))
        return e;
    return items;
}

static void addCount(CheckpointCounts &c, const QString &status, qint64 n)
{
    if (status == QLatin1String("ok"))
        c.ok += n;
    else if (status == QLatin1String("error"))
        c.error += n;
    else
        c.skipped += n;
}

Result<CheckpointCounts> CheckpointStore::counts(const QString &scope)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT status, COUNT(*) FROM checkpoints WHERE scope = ? GROUP BY status"));
    q.addBindValue(scope);
    if (Error e = m_db.run(q, QStringLiteral("checkpoints")))
        return e;
    CheckpointCounts c;
    if (Error e = m_db.forEachRow(q, QStringLiteral("checkpoints"),
                                  [&] { addCount(c, q.value(0).toString(), q.value(1).toLongLong()); }))
        return e;
    return c;
}

Result<QHash<QString, CheckpointCounts>> CheckpointStore::countsByScope()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT scope, status, COUNT(*) FROM checkpoints GROUP BY scope, status")))
        return m_db.queryError(q, QStringLiteral("checkpoints"));
    QHash<QString, CheckpointCounts> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("checkpoints"), [&] {
            addCount(out[q.value(0).toString()], q.value(1).toString(), q.value(2).toLongLong());
        }))
        return e;
    return out;
}

Error CheckpointStore::reset(const QString &scope)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("DELETE FROM checkpoints WHERE scope = ?"));
    q.addBindValue(scope);
    return m_db.run(q, QStringLiteral("checkpoints"));
}

Error CheckpointStore::reset(const QString &scope, const QStringList &items)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("DELETE FROM checkpoints WHERE scope = ? AND item = ?"));
    for (const QString &item : items) {
        q.bindValue(0, scope);
        q.bindValue(1, item);
        if (Error e = m_db.run(q, QStringLiteral("checkpoints")))
            return e;
    }
    return {};
}

} // namespace neuroonco
