// SQL for audit_decisions and the reduction to effective decisions.
#include "core/review/AuditRepository.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

namespace {
AuditDecision read(const QSqlQuery &q)
{
    AuditDecision d;
    d.id = q.value(0).toLongLong();
    d.sample = q.value(1).toLongLong();
    d.field = q.value(2).toString();
    d.action = auditActionFromName(q.value(3).toString());
    d.value = q.value(4).toString();
    d.silver = q.value(5).toString();
    d.reviewer = q.value(6).toString();
    d.retracts = q.value(7).toLongLong();
    d.at = fromIso(q.value(8).toString());
    return d;
}
const QString kColumns = QStringLiteral("id, sample, field, action, value, silver, reviewer, retracts, at");
} // namespace

AuditRepository::AuditRepository(Database &db)
    : m_db(db)
{}

Result<qint64> AuditRepository::append(const AuditDecision &d)
{
    if (d.reviewer.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("reviewer"), QStringLiteral("every decision needs a reviewer name"));
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO audit_decisions(sample, field, action, value, silver, reviewer, retracts, at) "
                             "VALUES (?,?,?,?,?,?,?,?)"));
    q.addBindValue(d.sample);
    q.addBindValue(d.field);
    q.addBindValue(auditActionName(d.action));
    q.addBindValue(d.value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(d.value));
    q.addBindValue(d.silver.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(d.silver));
    q.addBindValue(d.reviewer);
    q.addBindValue(d.retracts > 0 ? QVariant(d.retracts) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(d.at.isValid() ? toIso(d.at) : nowIso());
    if (Error e = m_db.run(q, QStringLiteral("audit_decisions")))
        return e;
    return q.lastInsertId().toLongLong();
}

Result<std::vector<AuditDecision>> AuditRepository::history(qint64 sample)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_decisions WHERE sample = ? ORDER BY id"));
    q.addBindValue(sample);
    if (Error e = m_db.run(q, QStringLiteral("audit_decisions")))
        return e;
    std::vector<AuditDecision> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("audit_decisions"), [&] { out.push_back(read(q)); }))
        return e;
    return out;
}

Result<std::vector<AuditDecision>> AuditRepository::all()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_decisions ORDER BY id")))
        return m_db.queryError(q, QStringLiteral("audit_decisions"));
    std::vector<AuditDecision> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("audit_decisions"), [&] { out.push_back(read(q)); }))
        return e;
    return out;
}

QMap<QString, AuditDecision> AuditRepository::effective(const std::vector<AuditDecision> &history, const QString &reviewer)
{
    QSet<qint64> retracted;
    for (const AuditDecision &d : history)
        if (d.action == AuditAction::Retract)
            retracted.insert(d.retracts);
    QMap<QString, AuditDecision> out;
    for (const AuditDecision &d : history) { // oldest first: newer decisions overwrite
        if (d.action == AuditAction::Retract || retracted.contains(d.id))
            continue;
        if (!reviewer.isEmpty() && d.reviewer != reviewer)
            continue;
        out.insert(d.field, d);
    }
    return out;
}

QHash<qint64, QHash<QString, QMap<QString, AuditDecision>>> AuditRepository::effectiveByReviewer(const std::vector<AuditDecision> &all)
{
    QSet<qint64> retracted;
    for (const AuditDecision &d : all)
        if (d.action == AuditAction::Retract)
            retracted.insert(d.retracts);
    QHash<qint64, QHash<QString, QMap<QString, AuditDecision>>> out;
    for (const AuditDecision &d : all) {
        if (d.action == AuditAction::Retract || retracted.contains(d.id))
            continue;
        out[d.sample][d.reviewer].insert(d.field, d);
    }
    return out;
}

} // namespace neuroonco
