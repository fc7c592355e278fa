// Published-format readers and writers for extractions, fused and gold labels.
#include "core/signs/LabelExchange.h"

#include "core/samples/SampleRepository.h"
#include "core/signs/LabelRepository.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace neuroonco {

QJsonObject LabelImportNote::toJson() const
{
    return {{QStringLiteral("record"), record},
            {QStringLiteral("sample_id"), sampleId},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("reason"), reason}};
}

QJsonObject ImportSummary::toJson() const
{
    QJsonArray noteArray;
    for (const LabelImportNote &n : notes)
        noteArray.append(n.toJson());
    return {{QStringLiteral("records"), records},
            {QStringLiteral("imported"), imported},
            {QStringLiteral("recorded_failures"), errors},
            {QStringLiteral("refused"), refused},
            {QStringLiteral("unknown_samples"), unknownSamples},
            {QStringLiteral("notes"), noteArray}};
}

Result<LabelFile> LabelExchange::kindFromName(const QString &name)
{
    if (name == QLatin1String("run-a"))
        return LabelFile::RunA;
    if (name == QLatin1String("run-b"))
        return LabelFile::RunB;
    if (name == QLatin1String("fused"))
        return LabelFile::Fused;
    if (name == QLatin1String("gold"))
        return LabelFile::Gold;
    return Error(ErrorCode::InvalidArgument, QStringLiteral("--what"), QStringLiteral("'%1' is not run-a, run-b, fused or gold").arg(name));
}

Result<QJsonArray> LabelExchange::exportFile(Database &db, LabelFile kind, bool includeDuplicates)
{
    Result<std::vector<SampleRecord>> samples = SampleRepository(db).all();
    if (!samples)
        return samples.error();
    LabelRepository labels(db);
    QJsonArray out;
    if (kind == LabelFile::RunA || kind == LabelFile::RunB) {
        auto runs = labels.extractions(kind == LabelFile::RunA ? QStringLiteral("A") : QStringLiteral("B"));
        if (!runs)
            return runs.error();
        for (const SampleRecord &s : *samples) {
            auto it = runs->constFind(s.id);
            if (it == runs->constEnd() || (s.isDuplicate() && !includeDuplicates))
                continue;
            const QJsonObject prediction = it->status == QLatin1String("ok") ? it->signs.toPublishedJson()
                                                                              : QJsonObject{{QStringLiteral("error"), it->error}};
            out.append(QJsonObject{{QStringLiteral("sample_id"), s.sampleId}, {QStringLiteral("ai_prediction"), prediction}});
        }
        return out;
    }
    if (kind == LabelFile::Fused) {
        auto fused = labels.fused();
        if (!fused)
            return fused.error();
        for (const SampleRecord &s : *samples) {
            auto it = fused->constFind(s.id);
            if (it == fused->constEnd() || it->outcome.status != FusionOutcome::Status::Kept)
                continue;
            out.append(QJsonObject{{QStringLiteral("sample_id"), s.sampleId}, {QStringLiteral("image_path"), s.imagePath},
                                   {QStringLiteral("fused_label"), it->outcome.fused.toPublishedJson()}});
        }
        return out;
    }
    auto audits = labels.audits();
    if (!audits)
        return audits.error();
    for (const SampleRecord &s : *samples) {
        auto it = audits->constFind(s.id);
        if (it == audits->constEnd() || it->status != QLatin1String("ok"))
            continue;
        QJsonObject gold = it->gold.toPublishedJson();
        gold.insert(QStringLiteral("additional_clues"), QJsonArray::fromStringList(it->clues));
        out.append(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}, {QStringLiteral("sample_id"), s.sampleId},
                               {QStringLiteral("image_path"), s.imagePath}, {QStringLiteral("gold_label"), gold}});
    }
    return out;
}

Result<ImportSummary> LabelExchange::importFile(Database &db, LabelFile kind, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, path);
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error(ErrorCode::Parse, path, QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    if (!doc.isArray())
        return Error(ErrorCode::Parse, path, QStringLiteral("expected a JSON list of records"));
    Result<std::vector<SampleRecord>> samples = SampleRepository(db).all();
    if (!samples)
        return samples.error();
    QHash<QString, qint64> idOf;
    for (const SampleRecord &s : *samples)
        idOf.insert(s.sampleId, s.id);

    LabelRepository labels(db);
    ImportSummary summary;
    const QString source = QStringLiteral("import:") + QFileInfo(path).fileName();
    const QString now = nowIso();
    Transaction tx(db);
    if (tx.beginError())
        return tx.beginError();
    const QJsonArray records = doc.array();
    QHash<QString, int> recordOf; // sample_id -> the record that named it first
    for (int i = 0; i < records.size(); ++i) {
        const QJsonObject o = records.at(i).toObject();
        ++summary.records;
        const QString sampleId = o.value(QStringLiteral("sample_id")).toString();
        auto refuse = [&](const char *why, const QString &reason) {
            summary.notes.push_back({i + 1, sampleId, QLatin1String(why), reason});
            ++summary.refused;
        };
        if (!records.at(i).isObject() || sampleId.isEmpty()) {
            refuse("not-a-record", QStringLiteral("not an object with a sample_id; not stored"));
            continue;
        }
        const qint64 sample = idOf.value(sampleId);
        if (!sample) {
            ++summary.unknownSamples;
            if (summary.examples.size() < 5)
                summary.examples << sampleId;
            refuse("unknown-sample", QStringLiteral("no sample of this project has this sample_id; not stored"));
            continue;
        }
        if (const auto first = recordOf.constFind(sampleId); first != recordOf.constEnd()) {
            refuse("duplicate-sample", QStringLiteral("repeats the sample_id of record %1; not stored").arg(*first));
            continue;
        }
        recordOf.insert(sampleId, i + 1);
        if (kind == LabelFile::RunA || kind == LabelFile::RunB) {
            ExtractionRecord r;
            r.sample = sample;
            r.run = kind == LabelFile::RunA ? QStringLiteral("A") : QStringLiteral("B");
            r.extractor = source;
            r.promptVersion = QStringLiteral("imported");
            r.createdAt = now;
            const QJsonObject prediction = o.value(QStringLiteral("ai_prediction")).toObject();
            r.raw = QString::fromUtf8(QJsonDocument(prediction).toJson(QJsonDocument::Compact));
            if (prediction.contains(QStringLiteral("error"))) {
                r.status = QStringLiteral("error");
                r.error = prediction.value(QStringLiteral("error")).toVariant().toString();
                ++summary.errors;
            } else {
                r.status = QStringLiteral("ok");
                r.signs = SignSet::fromJson(prediction, &r.problems);
            }
            if (Error e = labels.storeExtraction(r, 0))
                return Error(ErrorCode::Database, QStringLiteral("%1: record %2").arg(path).arg(i), e.detail);
        } else if (kind == LabelFile::Fused) {
            FusedRecord r;
            r.sample = sample;
            r.createdAt = now;
            r.outcome.status = FusionOutcome::Status::Kept;
            r.outcome.fused = SignSet::fromJson(o.value(QStringLiteral("fused_label")).toObject());
            r.outcome.fused.lesionFound = 1;
            if (Error e = labels.storeFused(r, 0))
                return Error(ErrorCode::Database, QStringLiteral("%1: record %2").arg(path).arg(i), e.detail);
        } else {
            QcRecord r;
            r.sample = sample;
            r.auditor = source;
            r.createdAt = now;
            const QJsonObject gold = o.value(QStringLiteral("gold_label")).toObject();
            r.status = o.value(QStringLiteral("status")).toString(QStringLiteral("success")) == QLatin1String("success")
                           ? QStringLiteral("ok") : QStringLiteral("error");
            r.gold = SignSet::fromJson(gold);
            r.gold.lesionFound = 1;
            for (const QJsonValue &c : gold.value(QStringLiteral("additional_clues")).toArray())
                r.clues << c.toString();
            if (gold.value(QStringLiteral("additional_clues")).isString())
                r.clues << gold.value(QStringLiteral("additional_clues")).toString();
            if (Error e = labels.storeQc(r, 0))
                return Error(ErrorCode::Database, QStringLiteral("%1: record %2").arg(path).arg(i), e.detail);
        }
        ++summary.imported;
    }
    if (Error e = tx.commit())
        return e;
    return summary;
}

} // namespace neuroonco
