// SQL for samples, sources and ingest issues.
#include "core/samples/SampleRepository.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

namespace {
QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}
QVariant nullableInt(qint64 v, qint64 none = -1)
{
    return v == none ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(v);
}
} // namespace

const QString &SampleRepository::columns()
{
    static const QString c = QStringLiteral(
        "id, sample_id, source_code, origin, tumour_type, tumour_label, modality, modality_evidence, "
        "image_path, mask_path, label_path, width, height, original_channels, original_bits, original_format, "
        "lesion_pixels, pixel_hash, dhash, phash, patient_key, volume_path, volume_index, cluster_id, "
        "duplicate_of, duplicate_kind, duplicate_distance, fhash, published_path");
    return c;
}

SampleRecord SampleRepository::read(const QSqlQuery &q)
{
    SampleRecord r;
    r.id = q.value(0).toLongLong();
    r.sampleId = q.value(1).toString();
    r.sourceCode = q.value(2).toString();
    r.origin = q.value(3).toString();
    r.tumourType = q.value(4).toString();
    r.tumourLabel = q.value(5).toString();
    r.modality = q.value(6).toString();
    r.modalityEvidence = q.value(7).toString();
    r.imagePath = q.value(8).toString();
    r.maskPath = q.value(9).toString();
    r.labelPath = q.value(10).toString();
    r.width = q.value(11).toInt();
    r.height = q.value(12).toInt();
    r.originalChannels = q.value(13).toInt();
    r.originalBits = q.value(14).toInt();
    r.originalFormat = q.value(15).toString();
    r.lesionPixels = q.value(16).isNull() ? -1 : q.value(16).toLongLong();
    r.pixelHash = q.value(17).toString();
    r.dHash = std::uint64_t(q.value(18).toLongLong());
    r.pHash = std::uint64_t(q.value(19).toLongLong());
    r.patientKey = q.value(20).toString();
    r.volumePath = q.value(21).toString();
    r.volumeIndex = q.value(22).isNull() ? -1 : q.value(22).toInt();
    r.clusterId = q.value(23).toLongLong();
    r.duplicateOf = q.value(24).toLongLong();
    r.duplicateKind = q.value(25).toString();
    r.duplicateDistance = q.value(26).isNull() ? -1 : q.value(26).toInt();
    r.fineHash = q.value(27).toString();
    r.publishedPath = q.value(28).toString();
    return r;
}

SampleRepository::SampleRepository(Database &db)
    : m_db(db)
{}

SampleRepository::~SampleRepository() = default;

Error SampleRepository::upsertSource(const SourceSpec &s, const QString &manifestPath)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral(
        "INSERT INTO sources(code, name, url, licence, layout, root, priority, options, manifest, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET name=excluded.name, url=excluded.url, "
        "licence=excluded.licence, layout=excluded.layout, root=excluded.root, priority=excluded.priority, "
        "options=excluded.options, manifest=excluded.manifest, updated_at=excluded.updated_at"));
    for (const QVariant &v : {QVariant(s.code), QVariant(s.name), QVariant(s.url), QVariant(s.licence), QVariant(s.layout),
                              QVariant(s.root), QVariant(s.priority),
                              QVariant(QString::fromUtf8(QJsonDocument(s.options).toJson(QJsonDocument::Compact))),
                              QVariant(manifestPath), QVariant(nowIso())})
        q.addBindValue(v);
    return m_db.run(q, QStringLiteral("sources"));
}

Result<std::vector<SourceSpec>> SampleRepository::sources()
{
    std::vector<SourceSpec> out;
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT code, name, url, licence, layout, root, priority, options FROM sources ORDER BY code")))
        return m_db.queryError(q, QStringLiteral("sources"));
    Error e = m_db.forEachRow(q, QStringLiteral("sources"), [&] {
        SourceSpec s;
        s.code = q.value(0).toString();
        s.name = q.value(1).toString();
        s.url = q.value(2).toString();
        s.licence = q.value(3).toString();
        s.layout = q.value(4).toString();
        s.root = q.value(5).toString();
        s.priority = q.value(6).toInt();
        s.options = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        out.push_back(s);
    });
    if (e)
        return e;
    return out;
}

Result<QString> SampleRepository::originOf(const QString &sampleId)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT source_code || ':' || origin FROM samples WHERE sample_id = ?"));
    q.addBindValue(sampleId);
    if (Error e = m_db.run(q, QStringLiteral("samples")))
        return e;
    if (q.next())
        return q.value(0).toString();
    if (Error e = m_db.readError(q, QStringLiteral("samples")))
        return e;
    return QString();
}

Result<qint64> SampleRepository::upsert(const SampleRecord &s, qint64 jobId)
{
    if (!m_upsert) {
        m_upsert = std::make_unique<QSqlQuery>(m_db.handle());
        m_upsert->prepare(QStringLiteral(
            "INSERT INTO samples(sample_id, source_code, origin, tumour_type, tumour_label, modality, modality_evidence, "
            "image_path, mask_path, label_path, width, height, original_channels, original_bits, original_format, "
            "lesion_pixels, pixel_hash, dhash, phash, fhash, patient_key, volume_path, volume_index, job_id, ingested_at, "
            "published_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(sample_id) DO UPDATE SET tumour_type=excluded.tumour_type, tumour_label=excluded.tumour_label, "
            "modality=excluded.modality, modality_evidence=excluded.modality_evidence, image_path=excluded.image_path, "
            "mask_path=excluded.mask_path, label_path=excluded.label_path, width=excluded.width, height=excluded.height, "
            "original_channels=excluded.original_channels, original_bits=excluded.original_bits, "
            "original_format=excluded.original_format, lesion_pixels=excluded.lesion_pixels, "
            "pixel_hash=excluded.pixel_hash, dhash=excluded.dhash, phash=excluded.phash, fhash=excluded.fhash, "
            "patient_key=excluded.patient_key, "
            "volume_path=excluded.volume_path, volume_index=excluded.volume_index, job_id=excluded.job_id, "
            "ingested_at=excluded.ingested_at, published_path=excluded.published_path RETURNING id"));
    }
    QSqlQuery &q = *m_upsert;
    const QVariant values[] = {
        s.sampleId, s.sourceCode, s.origin, s.tumourType, nullable(s.tumourLabel), s.modality,
        nullable(s.modalityEvidence), s.imagePath, nullable(s.maskPath), nullable(s.labelPath), s.width,
        s.height, s.originalChannels, s.originalBits, nullable(s.originalFormat), nullableInt(s.lesionPixels),
        s.pixelHash, qint64(s.dHash), qint64(s.pHash), s.fineHash, nullable(s.patientKey), nullable(s.volumePath),
        nullableInt(s.volumeIndex), jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)), nowIso(),
        nullable(s.publishedPath)};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec() || !q.next())
        return m_db.queryError(q, QStringLiteral("samples (%1)").arg(s.sampleId));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

Error SampleRepository::replaceIssues(const QString &sourceCode, const QString &item,
                                      const std::vector<IngestIssue> &issues, qint64 jobId)
{
    if (!m_clearItem) {
        m_clearItem = std::make_unique<QSqlQuery>(m_db.handle());
        m_clearItem->prepare(QStringLiteral("DELETE FROM ingest_issues WHERE source_code = ? AND item IS ?"));
    }
    m_clearItem->bindValue(0, sourceCode);
    m_clearItem->bindValue(1, nullable(item));
    if (Error e = m_db.run(*m_clearItem, QStringLiteral("ingest_issues")))
        return e;
    if (!m_issue) {
        m_issue = std::make_unique<QSqlQuery>(m_db.handle());
        m_issue->prepare(QStringLiteral(
            "INSERT INTO ingest_issues(source_code, path, item, severity, kind, reason, job_id, at) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT(source_code, path) DO UPDATE SET item=excluded.item, severity=excluded.severity, "
            "kind=excluded.kind, reason=excluded.reason, job_id=excluded.job_id, at=excluded.at "
            "WHERE excluded.severity = 'error' OR ingest_issues.severity = 'warning'"));
    }
    QSqlQuery &q = *m_issue;
    for (const IngestIssue &issue : issues) {
        q.bindValue(0, issue.sourceCode);
        q.bindValue(1, issue.path);
        q.bindValue(2, nullable(item));
        q.bindValue(3, issueSeverityName(issue.severity));
        q.bindValue(4, issue.kind);
        q.bindValue(5, issue.reason);
        q.bindValue(6, jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.bindValue(7, nowIso());
        if (Error e = m_db.run(q, QStringLiteral("ingest_issues")))
            return e;
    }
    return {};
}

Error SampleRepository::clearStaleIssues(const QString &sourceCode, const QSet<QString> &listedItems)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT id, item FROM ingest_issues WHERE source_code = ?"));
    q.addBindValue(sourceCode);
    if (Error e = m_db.run(q, QStringLiteral("ingest_issues")))
        return e;
    QList<qint64> stale;
    if (Error e = m_db.forEachRow(q, QStringLiteral("ingest_issues"), [&] {
            if (q.value(1).isNull() || !listedItems.contains(q.value(1).toString()))
                stale << q.value(0).toLongLong();
        }))
        return e;
    q.finish();
    QSqlQuery d = m_db.query();
    d.prepare(QStringLiteral("DELETE FROM ingest_issues WHERE id = ?"));
    for (qint64 id : std::as_const(stale)) {
        d.bindValue(0, id);
        if (Error e = m_db.run(d, QStringLiteral("ingest_issues")))
            return e;
    }
    return {};
}

Result<QSet<QString>> SampleRepository::errorFiles()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT source_code, path FROM ingest_issues WHERE severity = 'error'")))
        return m_db.queryError(q, QStringLiteral("ingest_issues"));
    QSet<QString> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("ingest_issues"),
                                  [&] { out.insert(q.value(0).toString() + QLatin1Char('\n') + q.value(1).toString()); }))
        return e;
    return out;
}

Result<IssueCounts> SampleRepository::issueCounts()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(severity = 'error'), 0), COALESCE(SUM(severity <> 'error'), 0) "
                               "FROM ingest_issues"))
        || !q.next())
        return m_db.queryError(q, QStringLiteral("ingest_issues"));
    return IssueCounts{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

Result<std::vector<SampleRecord>> SampleRepository::all()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM samples ORDER BY id")))
        return m_db.queryError(q, QStringLiteral("samples"));
    std::vector<SampleRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("samples"), [&] { out.push_back(read(q)); }))
        return e;
    return out;
}

Result<SampleRecord> SampleRepository::byId(qint64 id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM samples WHERE id = ?"));
    q.addBindValue(id);
    if (Error e = m_db.run(q, QStringLiteral("samples")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("samples")))
            return e;
        return Error(ErrorCode::NotFound, QStringLiteral("sample %1").arg(id));
    }
    return read(q);
}

Result<SampleRecord> SampleRepository::bySampleId(const QString &sampleId)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM samples WHERE sample_id = ?"));
    q.addBindValue(sampleId);
    if (Error e = m_db.run(q, QStringLiteral("samples")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("samples")))
            return e;
        return Error(ErrorCode::NotFound, QStringLiteral("sample %1").arg(sampleId));
    }
    return read(q);
}

Result<std::vector<SampleRecord>> SampleRepository::cluster(qint64 clusterId)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + columns()
              + QStringLiteral(" FROM samples WHERE cluster_id = ? ORDER BY duplicate_of IS NOT NULL, id"));
    q.addBindValue(clusterId);
    if (Error e = m_db.run(q, QStringLiteral("samples")))
        return e;
    std::vector<SampleRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("samples"), [&] { out.push_back(read(q)); }))
        return e;
    return out;
}

Result<std::vector<ClusterSummary>> SampleRepository::clusters()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT c.id, s.sample_id, c.size, c.kind FROM duplicate_clusters c "
                               "JOIN samples s ON s.id = c.keeper ORDER BY c.size DESC, c.id")))
        return m_db.queryError(q, QStringLiteral("duplicate_clusters"));
    std::vector<ClusterSummary> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("duplicate_clusters"), [&] {
            out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString()});
        }))
        return e;
    return out;
}

Result<std::vector<IngestIssueRecord>> SampleRepository::issues()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT id, source_code, path, severity, kind, reason, at FROM ingest_issues "
                               "ORDER BY severity = 'warning', source_code, path")))
        return m_db.queryError(q, QStringLiteral("ingest_issues"));
    std::vector<IngestIssueRecord> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("ingest_issues"), [&] {
            out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                           q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
        }))
        return e;
    return out;
}

Result<SampleCounts> SampleRepository::counts()
{
    SampleCounts c;
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral(
            "SELECT COUNT(*), COUNT(mask_path), COUNT(duplicate_of), COUNT(DISTINCT cluster_id) FROM samples"))
        || !q.next())
        return m_db.queryError(q, QStringLiteral("samples"));
    c.samples = q.value(0).toLongLong();
    c.withMask = q.value(1).toLongLong();
    c.duplicates = q.value(2).toLongLong();
    c.clusters = q.value(3).toLongLong();
    Result<QVariant> sources = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM sources"), 0);
    if (!sources)
        return sources.error();
    c.sources = sources->toLongLong();
    Result<IssueCounts> issues = issueCounts();
    if (!issues)
        return issues.error();
    c.issueErrors = issues->errors;
    c.issueWarnings = issues->warnings;
    return c;
}

} // namespace neuroonco
