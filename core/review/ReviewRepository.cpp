// Loading review samples.
#include "core/review/ReviewRepository.h"

#include "core/review/AuditRepository.h"
#include "core/review/ConsistencyChecks.h"
#include "core/review/ReviewFields.h"
#include "core/samples/SampleRepository.h"
#include "core/semantics/SemanticsRepository.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

ReviewRepository::ReviewRepository(Database &db)
    : m_db(db)
{}

Result<ReviewSample> ReviewRepository::load(qint64 id)
{
    ReviewSample r;
    Result<SampleRecord> s = SampleRepository(m_db).byId(id);
    if (!s)
        return s.error();
    r.sample = s.take();
    SemanticsRepository semantics(m_db);
    Result<std::optional<SemanticsRecord>> m = semantics.semantics(id);
    if (!m)
        return m.error();
    if (*m) {
        if ((*m)->status == QLatin1String("ok"))
            r.semantics = (*m)->semantics;
        else
            r.semanticsNote = (*m)->reason;
    }
    Result<QString> description = semantics.description(id);
    if (!description)
        return description.error();
    r.description = *description;
    LabelRepository labels(m_db);
    Result<std::optional<ExtractionRecord>> runA = labels.extraction(id, QStringLiteral("A"));
    if (!runA)
        return runA.error();
    Result<std::optional<ExtractionRecord>> runB = labels.extraction(id, QStringLiteral("B"));
    if (!runB)
        return runB.error();
    Result<std::optional<FusedRecord>> fused = labels.fusedFor(id);
    if (!fused)
        return fused.error();
    Result<std::optional<QcRecord>> qc = labels.auditFor(id);
    if (!qc)
        return qc.error();
    r.runA = *runA;
    r.runB = *runB;
    r.fused = *fused;
    r.qc = *qc;
    Result<std::vector<AuditDecision>> history = AuditRepository(m_db).history(id);
    if (!history)
        return history.error();
    r.history = history.take();
    r.decisions = AuditRepository::effective(r.history);
    r.warnings = ConsistencyChecks::check(r);
    return r;
}

QueueRow ReviewRepository::toQueueRow(const ReviewSample &r)
{
    QueueRow q;
    q.id = r.sample.id;
    q.sampleId = r.sample.sampleId;
    q.source = r.sample.sourceCode;
    q.tumourType = r.sample.tumourType;
    q.modality = r.sample.modality;
    q.hasMask = r.sample.hasMask();
    q.isDuplicate = r.sample.isDuplicate();
    q.clusterId = r.sample.clusterId;
    q.disagreements = r.disagreements();
    q.warnings = int(r.warnings.size());
    const QStringList codes = ConsistencyChecks::codes();
    for (const ConsistencyWarning &w : r.warnings)
        q.warningCodes |= 1u << std::max(0, int(codes.indexOf(w.code)));
    for (const ReviewField &f : ReviewFields::all()) {
        const bool silver = !r.silver(f.key).isEmpty();
        q.silverFields += silver;
        q.decided += r.decisions.contains(f.key) ? 1 : 0;
    }
    q.state = q.decided == 0 ? QueueRow::NotAudited : r.isAudited() ? QueueRow::Audited : QueueRow::Partial;
    return q;
}

Result<std::vector<QueueRow>> ReviewRepository::queueRows()
{
    Result<std::vector<ReviewSample>> all = loadAll();
    if (!all)
        return all.error();
    int draw = 0;
    Result<std::vector<qint64>> certified = certificationSamples(&draw);
    if (!certified)
        return certified.error();
    const QSet<qint64> inDraw(certified->begin(), certified->end());
    std::vector<QueueRow> rows;
    rows.reserve(all->size());
    for (const ReviewSample &r : *all) {
        rows.push_back(toQueueRow(r));
        if (inDraw.contains(r.sample.id))
            rows.back().certificationDraw = draw;
    }
    return rows;
}

Result<std::vector<qint64>> ReviewRepository::certificationSamples(int *draw)
{
    const Result<QVariant> latest = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(draw), 0) FROM certification_draws"), 0);
    if (!latest)
        return latest.error();
    const int newest = latest->toInt();
    if (draw)
        *draw = newest;
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT sample FROM certification_draws WHERE draw = ? ORDER BY sample"));
    q.addBindValue(newest);
    if (Error e = m_db.run(q, QStringLiteral("certification_draws")))
        return e;
    std::vector<qint64> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("certification_draws"), [&] { out.push_back(q.value(0).toLongLong()); }))
        return e;
    return out;
}

Error ReviewRepository::storeDraw(const std::vector<std::pair<qint64, QString>> &draw, int *drawNumber)
{
    Transaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    const Result<QVariant> next = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(draw), 0) + 1 FROM certification_draws"), 1);
    if (!next)
        return next.error();
    const int number = next->toInt();
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO certification_draws(draw, sample, stratum, drawn_at) VALUES (?,?,?,?)"));
    const QString now = nowIso();
    for (const auto &[sample, stratum] : draw) {
        q.addBindValue(number);
        q.addBindValue(sample);
        q.addBindValue(stratum);
        q.addBindValue(now);
        if (Error e = m_db.run(q, QStringLiteral("certification_draws")))
            return e;
    }
    if (drawNumber)
        *drawNumber = number;
    return tx.commit();
}

Result<QJsonArray> ReviewRepository::exportAudited()
{
    Result<std::vector<ReviewSample>> all = loadAll();
    if (!all)
        return all.error();
    QJsonArray out;
    for (const ReviewSample &s : *all) {
        if (s.decisions.isEmpty())
            continue;
        SignSet gold;
        gold.modality = s.finalValue(QStringLiteral("modality"));
        gold.location = s.finalValue(QStringLiteral("location"));
        const QString lesion = s.finalValue(QStringLiteral("lesion_found"));
        gold.lesionFound = lesion.isEmpty() ? -1 : lesion == QLatin1String("True") ? 1 : 0;
        for (SignField f : kSignFields)
            gold.setSign(f, s.finalValue(SignSet::fieldKey(f)));
        QJsonObject label = gold.toPublishedJson();
        QStringList clues;
        QSet<QString> reviewers;
        for (const AuditDecision &d : s.history) {
            reviewers.insert(d.reviewer);
            if (d.action == AuditAction::Comment)
                clues << d.value;
        }
        if (s.qc)
            clues += s.qc->clues;
        label.insert(QStringLiteral("additional_clues"), QJsonArray::fromStringList(clues));
        QJsonObject mask;
        for (const char *field : {"mask_size", "mask_shape", "mask_spread", "mask_location"}) {
            const QString v = s.finalValue(QLatin1String(field));
            mask.insert(QString::fromLatin1(field + 5), v.isEmpty() ? QJsonValue() : QJsonValue(v));
        }
        QStringList who(reviewers.begin(), reviewers.end());
        who.sort();
        out.append(QJsonObject{{QStringLiteral("status"), s.isAudited() ? QStringLiteral("audited") : QStringLiteral("partly-audited")},
                               {QStringLiteral("sample_id"), s.sample.sampleId},
                               {QStringLiteral("image_path"), s.sample.imagePath},
                               {QStringLiteral("gold_label"), label},
                               {QStringLiteral("mask_semantics"), mask},
                               {QStringLiteral("reviewers"), QJsonArray::fromStringList(who)}});
    }
    return out;
}

Result<std::vector<ReviewSample>> ReviewRepository::loadAll()
{
    Result<std::vector<SampleRecord>> samples = SampleRepository(m_db).all();
    if (!samples)
        return samples.error();
    SemanticsRepository semanticsRepo(m_db);
    auto semantics = semanticsRepo.allSemantics();
    LabelRepository labels(m_db);
    auto a = labels.extractions(QStringLiteral("A"));
    auto b = labels.extractions(QStringLiteral("B"));
    auto fused = labels.fused();
    auto audits = labels.audits();
    auto decisions = AuditRepository(m_db).all();
    for (const Error *e : {&semantics.error(), &a.error(), &b.error(), &fused.error(), &audits.error(), &decisions.error()})
        if (e->isError())
            return *e;
    QHash<qint64, std::vector<AuditDecision>> bySample;
    for (const AuditDecision &d : *decisions)
        bySample[d.sample].push_back(d);
    std::vector<ReviewSample> out;
    out.reserve(samples->size());
    for (SampleRecord &s : *samples) {
        ReviewSample r;
        const qint64 id = s.id;
        r.sample = std::move(s);
        if (auto it = semantics->constFind(id); it != semantics->constEnd()) {
            if (it->status == QLatin1String("ok"))
                r.semantics = it->semantics;
            else
                r.semanticsNote = it->reason;
        }
        if (auto it = a->constFind(id); it != a->constEnd())
            r.runA = *it;
        if (auto it = b->constFind(id); it != b->constEnd())
            r.runB = *it;
        if (auto it = fused->constFind(id); it != fused->constEnd())
            r.fused = *it;
        if (auto it = audits->constFind(id); it != audits->constEnd())
            r.qc = *it;
        if (auto it = bySample.find(id); it != bySample.end()) {
            r.history = std::move(it.value());
            r.decisions = AuditRepository::effective(r.history);
        }
        r.warnings = ConsistencyChecks::check(r);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace neuroonco
