// SQL for mask_semantics and descriptions.
#include "core/semantics/SemanticsRepository.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SemanticsRecord readRecord(const QSqlQuery &q)
{
    SemanticsRecord r;
    r.sample = q.value(0).toLongLong();
    r.status = q.value(1).toString();
    r.reason = q.value(2).toString();
    const QJsonObject labels{{QStringLiteral("size"), q.value(3).toString()}, {QStringLiteral("shape"), q.value(4).toString()},
                             {QStringLiteral("spread"), q.value(5).toString()}, {QStringLiteral("location"), q.value(6).toString()}};
    r.semantics = MaskSemantics::fromJson(labels, QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object());
    r.thresholds = q.value(8).toString();
    return r;
}

const QString kColumns = QStringLiteral("sample, status, reason, size, shape, spread, location, numbers, thresholds");
} // namespace

SemanticsRepository::SemanticsRepository(Database &db)
    : m_db(db)
{}

SemanticsRepository::~SemanticsRepository() = default;

Error SemanticsRepository::store(const SemanticsRecord &r, qint64 jobId)
{
    if (!m_store) {
        m_store = std::make_unique<QSqlQuery>(m_db.handle());
        m_store->prepare(QStringLiteral(
            "INSERT INTO mask_semantics(sample, status, reason, size, shape, spread, location, numbers, thresholds, job_id, computed_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(sample) DO UPDATE SET status=excluded.status, reason=excluded.reason, "
            "size=excluded.size, shape=excluded.shape, spread=excluded.spread, location=excluded.location, "
            "numbers=excluded.numbers, thresholds=excluded.thresholds, job_id=excluded.job_id, computed_at=excluded.computed_at"));
    }
    QSqlQuery &q = *m_store;
    const bool ok = r.status == QLatin1String("ok");
    auto text = [ok](const QString &s) { return ok ? QVariant(s) : QVariant(QMetaType(QMetaType::QString)); };
    q.bindValue(0, r.sample);
    q.bindValue(1, r.status);
    q.bindValue(2, r.reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.reason));
    q.bindValue(3, text(r.semantics.size));
    q.bindValue(4, text(r.semantics.shape));
    q.bindValue(5, text(r.semantics.spread));
    q.bindValue(6, text(r.semantics.location));
    q.bindValue(7, ok ? compact(r.semantics.numbersJson()) : QStringLiteral("{}"));
    q.bindValue(8, r.thresholds);
    q.bindValue(9, jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.bindValue(10, nowIso());
    return m_db.run(q, QStringLiteral("mask_semantics"));
}

Error SemanticsRepository::storeDescription(qint64 sample, const QString &text, const QString &templateName, qint64 jobId)
{
    if (!m_storeDescription) {
        m_storeDescription = std::make_unique<QSqlQuery>(m_db.handle());
        m_storeDescription->prepare(QStringLiteral(
            "INSERT INTO descriptions(sample, text, template, job_id, computed_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(sample) DO UPDATE SET text=excluded.text, template=excluded.template, "
            "job_id=excluded.job_id, computed_at=excluded.computed_at"));
    }
    QSqlQuery &q = *m_storeDescription;
    q.bindValue(0, sample);
    q.bindValue(1, text);
    q.bindValue(2, templateName);
    q.bindValue(3, jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.bindValue(4, nowIso());
    return m_db.run(q, QStringLiteral("descriptions"));
}

Result<QSet<qint64>> SemanticsRepository::staleDescriptions(const QString &templateName)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT d.sample FROM descriptions d LEFT JOIN mask_semantics m ON m.sample = d.sample "
                             "WHERE d.template IS NOT ? OR (m.computed_at IS NOT NULL AND m.computed_at > d.computed_at)"));
    q.addBindValue(templateName);
    if (Error e = m_db.run(q, QStringLiteral("descriptions")))
        return e;
    QSet<qint64> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("descriptions"), [&] { out.insert(q.value(0).toLongLong()); }))
        return e;
    return out;
}

Result<std::optional<SemanticsRecord>> SemanticsRepository::semantics(qint64 sample)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM mask_semantics WHERE sample = ?"));
    q.addBindValue(sample);
    if (Error e = m_db.run(q, QStringLiteral("mask_semantics")))
        return e;
    if (q.next())
        return std::optional<SemanticsRecord>(readRecord(q));
    if (Error e = m_db.readError(q, QStringLiteral("mask_semantics")))
        return e;
    return std::optional<SemanticsRecord>();
}

Result<QHash<qint64, SemanticsRecord>> SemanticsRepository::allSemantics()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM mask_semantics")))
        return m_db.queryError(q, QStringLiteral("mask_semantics"));
    QHash<qint64, SemanticsRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("mask_semantics"), [&] {
            SemanticsRecord r = readRecord(q);
            out.insert(r.sample, std::move(r));
        }))
        return e;
    return out;
}

Result<QHash<qint64, QString>> SemanticsRepository::allDescriptions()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT sample, text FROM descriptions")))
        return m_db.queryError(q, QStringLiteral("descriptions"));
    QHash<qint64, QString> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("descriptions"),
                                  [&] { out.insert(q.value(0).toLongLong(), q.value(1).toString()); }))
        return e;
    return out;
}

Result<QString> SemanticsRepository::description(qint64 sample)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT text FROM descriptions WHERE sample = ?"));
    q.addBindValue(sample);
    if (Error e = m_db.run(q, QStringLiteral("descriptions")))
        return e;
    if (q.next())
        return q.value(0).toString();
    if (Error e = m_db.readError(q, QStringLiteral("descriptions")))
        return e;
    return QString();
}

} // namespace neuroonco
