// SQL for extractions, fused_labels and qc_audits.
#include "core/signs/LabelRepository.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString compact(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}
QJsonObject object(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
QJsonArray array(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}
QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}
QVariant job(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}
// Raw replies can be large; the first 256 kB are plenty to understand any of them.
QString capped(const QString &raw)
{
    constexpr int kMax = 256 * 1024;
    return raw.size() > kMax ? raw.left(kMax) + QStringLiteral("\n[… %1 more characters not stored]").arg(raw.size() - kMax) : raw;
}

const QString kExtractionColumns = QStringLiteral(
    "sample, run, extractor, model, prompt_version, status, signs, raw, problems, error, latency_ms, prompt_tokens, "
    "completion_tokens, attempts, created_at");
const QString kFusedColumns = QStringLiteral("sample, status, reason, signs, notes, downgraded, created_at");
const QString kQcColumns = QStringLiteral(
    "sample, auditor, model, prompt_version, status, actions, gold, notes, clues, raw, error, latency_ms, created_at");

ExtractionRecord readExtraction(const QSqlQuery &q)
{
    ExtractionRecord r;
    r.sample = q.value(0).toLongLong();
    r.run = q.value(1).toString();
    r.extractor = q.value(2).toString();
    r.model = q.value(3).toString();
    r.promptVersion = q.value(4).toString();
    r.status = q.value(5).toString();
    r.signs = SignSet::fromJson(object(q.value(6)));
    r.raw = q.value(7).toString();
    for (const QJsonValue &v : array(q.value(8)))
        r.problems << v.toString();
    r.error = q.value(9).toString();
    r.latencyMs = q.value(10).toDouble();
    r.promptTokens = q.value(11).toInt();
    r.completionTokens = q.value(12).toInt();
    r.attempts = q.value(13).toInt();
    r.createdAt = q.value(14).toString();
    return r;
}

FusedRecord readFused(const QSqlQuery &q)
{
    FusedRecord r;
    r.sample = q.value(0).toLongLong();
    const QString status = q.value(1).toString();
    r.outcome.status = status == QLatin1String("kept") ? FusionOutcome::Status::Kept
                       : status == QLatin1String("healthy") ? FusionOutcome::Status::Healthy
                                                            : FusionOutcome::Status::Dropped;
    r.outcome.reason = q.value(2).toString();
    r.outcome.fused = SignSet::fromJson(object(q.value(3)));
    r.outcome.notes = LabelRepository::notesFromJson(array(q.value(4)));
    r.outcome.downgraded = q.value(5).toInt() != 0;
    r.createdAt = q.value(6).toString();
    return r;
}

QcRecord readQc(const QSqlQuery &q)
{
    QcRecord r;
    r.sample = q.value(0).toLongLong();
    r.auditor = q.value(1).toString();
    r.model = q.value(2).toString();
    r.promptVersion = q.value(3).toString();
    r.status = q.value(4).toString();
    r.decision = QcAudit::parse(object(q.value(5)));
    r.gold = SignSet::fromJson(object(q.value(6)));
    r.notes = LabelRepository::notesFromJson(array(q.value(7)));
    for (const QJsonValue &v : array(q.value(8)))
        r.clues << v.toString();
    r.raw = q.value(9).toString();
    r.error = q.value(10).toString();
    r.latencyMs = q.value(11).toDouble();
    r.createdAt = q.value(12).toString();
    return r;
}
} // namespace

LabelRepository::LabelRepository(Database &db)
    : m_db(db)
{}

LabelRepository::~LabelRepository() = default;

QJsonArray LabelRepository::notesToJson(const QList<FusionNote> &notes)
{
    QJsonArray a;
    for (const FusionNote &n : notes)
        a.append(QJsonObject{{QStringLiteral("field"), n.field}, {QStringLiteral("a"), n.a}, {QStringLiteral("b"), n.b},
                             {QStringLiteral("result"), n.result}, {QStringLiteral("rule"), n.rule}});
    return a;
}

QList<FusionNote> LabelRepository::notesFromJson(const QJsonArray &a)
{
    QList<FusionNote> out;
    for (const QJsonValue &v : a)
        out.append({v[QStringLiteral("field")].toString(), v[QStringLiteral("a")].toString(), v[QStringLiteral("b")].toString(),
                    v[QStringLiteral("result")].toString(), v[QStringLiteral("rule")].toString()});
    return out;
}

Error LabelRepository::storeExtraction(const ExtractionRecord &r, qint64 jobId)
{
    if (!m_extraction) {
        m_extraction = std::make_unique<QSqlQuery>(m_db.handle());
        // A reading whose outcome (status, signs) is unchanged keeps its time: what was built on
        // it (fusion, QC) stays valid and is not redone.
        m_extraction->prepare(QStringLiteral("INSERT INTO extractions(") + kExtractionColumns
                              + QStringLiteral(", job_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                                               "ON CONFLICT(sample, run) DO UPDATE SET extractor = excluded.extractor, "
                                               "model = excluded.model, prompt_version = excluded.prompt_version, "
                                               "status = excluded.status, signs = excluded.signs, raw = excluded.raw, "
                                               "problems = excluded.problems, error = excluded.error, latency_ms = excluded.latency_ms, "
                                               "prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens, "
                                               "attempts = excluded.attempts, job_id = excluded.job_id, created_at = CASE "
                                               "WHEN extractions.status = excluded.status AND extractions.signs IS excluded.signs "
                                               "THEN extractions.created_at ELSE excluded.created_at END"));
    }
    QSqlQuery &q = *m_extraction;
    const QVariant values[] = {r.sample, r.run, r.extractor, nullable(r.model), nullable(r.promptVersion), r.status,
                               r.status == QLatin1String("ok") ? QVariant(compact(r.signs.toPublishedJson())) : QVariant(QMetaType(QMetaType::QString)),
                               nullable(capped(r.raw)), compact(QJsonArray::fromStringList(r.problems)), nullable(r.error),
                               r.latencyMs, r.promptTokens, r.completionTokens, r.attempts,
                               r.createdAt.isEmpty() ? nowIso() : r.createdAt, job(jobId)};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    return m_db.run(q, QStringLiteral("extractions"));
}

Error LabelRepository::storeFused(const FusedRecord &r, qint64 jobId)
{
    if (!m_fused) {
        m_fused = std::make_unique<QSqlQuery>(m_db.handle());
        // Same rule as readings: an unchanged fused label keeps its time, so its QC audit stands.
        m_fused->prepare(QStringLiteral("INSERT INTO fused_labels(") + kFusedColumns
                         + QStringLiteral(", job_id) VALUES (?,?,?,?,?,?,?,?) "
                                          "ON CONFLICT(sample) DO UPDATE SET status = excluded.status, reason = excluded.reason, "
                                          "signs = excluded.signs, notes = excluded.notes, downgraded = excluded.downgraded, "
                                          "job_id = excluded.job_id, created_at = CASE WHEN fused_labels.status = excluded.status "
                                          "AND fused_labels.signs IS excluded.signs AND fused_labels.downgraded = excluded.downgraded "
                                          "THEN fused_labels.created_at ELSE excluded.created_at END"));
    }
    QSqlQuery &q = *m_fused;
    const bool kept = r.outcome.status == FusionOutcome::Status::Kept;
    const QVariant values[] = {r.sample, fusionStatusName(r.outcome.status), nullable(r.outcome.reason),
                               kept ? QVariant(compact(r.outcome.fused.toPublishedJson())) : QVariant(QMetaType(QMetaType::QString)),
                               compact(notesToJson(r.outcome.notes)), r.outcome.downgraded ? 1 : 0,
                               r.createdAt.isEmpty() ? nowIso() : r.createdAt, job(jobId)};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    return m_db.run(q, QStringLiteral("fused_labels"));
}

Error LabelRepository::storeQc(const QcRecord &r, qint64 jobId)
{
    if (!m_qc) {
        m_qc = std::make_unique<QSqlQuery>(m_db.handle());
        m_qc->prepare(QStringLiteral("INSERT OR REPLACE INTO qc_audits(") + kQcColumns
                      + QStringLiteral(", job_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    }
    QSqlQuery &q = *m_qc;
    const bool ok = r.status == QLatin1String("ok");
    const QVariant values[] = {r.sample, r.auditor, nullable(r.model), nullable(r.promptVersion), r.status,
                               compact(QcAudit::toJson(r.decision)),
                               ok ? QVariant(compact(r.gold.toPublishedJson())) : QVariant(QMetaType(QMetaType::QString)),
                               compact(notesToJson(r.notes)), compact(QJsonArray::fromStringList(r.clues)), nullable(capped(r.raw)),
                               nullable(r.error), r.latencyMs, r.createdAt.isEmpty() ? nowIso() : r.createdAt, job(jobId)};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    return m_db.run(q, QStringLiteral("qc_audits"));
}

Result<std::vector<ReaderRows>> LabelRepository::readers(const QString &run)
{
    QSqlQuery q = m_db.query();
    if (run == QLatin1String("qc")) {
        q.prepare(QStringLiteral("SELECT auditor, COALESCE(model, ''), COUNT(*) FROM qc_audits "
                                 "GROUP BY auditor, model ORDER BY COUNT(*) DESC"));
    } else {
        q.prepare(QStringLiteral("SELECT extractor, COALESCE(model, ''), COUNT(*) FROM extractions WHERE run = ? "
                                 "GROUP BY extractor, model ORDER BY COUNT(*) DESC"));
        q.addBindValue(run);
    }
    if (Error e = m_db.run(q, run == QLatin1String("qc") ? QStringLiteral("qc_audits") : QStringLiteral("extractions")))
        return e;
    std::vector<ReaderRows> out;
    if (Error e = m_db.forEachRow(q, run == QLatin1String("qc") ? QStringLiteral("qc_audits") : QStringLiteral("extractions"),
                                  [&] { out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()}); }))
        return e;
    return out;
}

Error LabelRepository::removeReadings(const QString &run)
{
    QSqlQuery q = m_db.query();
    if (run == QLatin1String("qc")) {
        q.prepare(QStringLiteral("DELETE FROM qc_audits"));
        return m_db.run(q, QStringLiteral("qc_audits"));
    }
    q.prepare(QStringLiteral("DELETE FROM extractions WHERE run = ?"));
    q.addBindValue(run);
    return m_db.run(q, QStringLiteral("extractions"));
}

Result<QHash<qint64, ExtractionRecord>> LabelRepository::extractions(const QString &run)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kExtractionColumns + QStringLiteral(" FROM extractions WHERE run = ?"));
    q.addBindValue(run);
    if (Error e = m_db.run(q, QStringLiteral("extractions")))
        return e;
    QHash<qint64, ExtractionRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("extractions"), [&] {
            ExtractionRecord r = readExtraction(q);
            out.insert(r.sample, std::move(r));
        }))
        return e;
    return out;
}

Result<QHash<qint64, FusedRecord>> LabelRepository::fused()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kFusedColumns + QStringLiteral(" FROM fused_labels")))
        return m_db.queryError(q, QStringLiteral("fused_labels"));
    QHash<qint64, FusedRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("fused_labels"), [&] {
            FusedRecord r = readFused(q);
            out.insert(r.sample, std::move(r));
        }))
        return e;
    return out;
}

Result<QHash<qint64, QcRecord>> LabelRepository::audits(AuditSelection which)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    QString sql;
    if (which == AuditSelection::All) {
        sql = QStringLiteral("SELECT ") + kQcColumns + QStringLiteral(" FROM qc_audits");
    } else {
        QStringList columns = kQcColumns.split(QStringLiteral(", "));
        for (QString &c : columns)
            c.prepend(QStringLiteral("q."));
        sql = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "))
              + QStringLiteral(" FROM qc_audits q LEFT JOIN fused_labels f ON f.sample = q.sample "
                               "WHERE f.sample IS NULL OR (f.status = 'kept' AND q.created_at >= f.created_at)");
    }
    if (!q.exec(sql))
        return m_db.queryError(q, QStringLiteral("qc_audits"));
    QHash<qint64, QcRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("qc_audits"), [&] {
            QcRecord r = readQc(q);
            out.insert(r.sample, std::move(r));
        }))
        return e;
    return out;
}

Result<std::optional<ExtractionRecord>> LabelRepository::extraction(qint64 sample, const QString &run)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kExtractionColumns + QStringLiteral(" FROM extractions WHERE sample = ? AND run = ?"));
    q.addBindValue(sample);
    q.addBindValue(run);
    if (Error e = m_db.run(q, QStringLiteral("extractions")))
        return e;
    if (q.next())
        return std::optional<ExtractionRecord>(readExtraction(q));
    if (Error e = m_db.readError(q, QStringLiteral("extractions")))
        return e;
    return std::optional<ExtractionRecord>();
}

Result<std::optional<FusedRecord>> LabelRepository::fusedFor(qint64 sample)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kFusedColumns + QStringLiteral(" FROM fused_labels WHERE sample = ?"));
    q.addBindValue(sample);
    if (Error e = m_db.run(q, QStringLiteral("fused_labels")))
        return e;
    if (q.next())
        return std::optional<FusedRecord>(readFused(q));
    if (Error e = m_db.readError(q, QStringLiteral("fused_labels")))
        return e;
    return std::optional<FusedRecord>();
}

Result<std::optional<QcRecord>> LabelRepository::auditFor(qint64 sample)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kQcColumns + QStringLiteral(" FROM qc_audits WHERE sample = ?"));
    q.addBindValue(sample);
    if (Error e = m_db.run(q, QStringLiteral("qc_audits")))
        return e;
    if (q.next())
        return std::optional<QcRecord>(readQc(q));
    if (Error e = m_db.readError(q, QStringLiteral("qc_audits")))
        return e;
    return std::optional<QcRecord>();
}

} // namespace neuroonco
