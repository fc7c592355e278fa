// Semantics stage: decode masks in parallel, analyse, store per batch.
#include "core/pipeline/SemanticsStage.h"

#include "core/imaging/ImageIO.h"
#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/project/ProjectSettings.h"
#include "core/samples/SampleRepository.h"
#include "core/semantics/MaskAnalyzer.h"
#include "core/semantics/SemanticsRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

StageResult SemanticsStage::run(JobContext &ctx)
{
    Database &db = ctx.db();
    // Thresholds: the job's own, else the project's (settings dialog), else the paper's.
    const QJsonValue given = ctx.parameters().value(QStringLiteral("thresholds"));
    QJsonObject chosen = given.toObject();
    if (!given.isObject()) {
        Result<QJsonObject> stored = ProjectSettings(db).object(ProjectSettings::semanticsThresholdsKey());
        if (!stored)
            return {stored.error(), {}};
        chosen = *stored;
    }
    const SemanticsThresholds thresholds = SemanticsThresholds::fromJson(chosen);
    const QString thresholdsJson = QString::fromUtf8(QJsonDocument(thresholds.toJson()).toJson(QJsonDocument::Compact));
    CheckpointStore checkpoints(db);
    if (ctx.parameters().value(QStringLiteral("force")).toBool()) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }

    Result<std::vector<SampleRecord>> all = SampleRepository(db).all();
    if (!all)
        return {all.error(), {}};
    auto finished = checkpoints.finished(scope());
    if (!finished)
        return {finished.error(), {}};
    // Results computed with other thresholds (or an earlier rule version) are redone.
    QSet<qint64> stale;
    {
        QSqlQuery q = db.query();
        q.prepare(QStringLiteral("SELECT sample FROM mask_semantics WHERE thresholds <> ?"));
        q.addBindValue(thresholdsJson);
        if (Error e = db.run(q, QStringLiteral("mask_semantics")))
            return {e, {}};
        if (Error e = db.forEachRow(q, QStringLiteral("mask_semantics"), [&] { stale.insert(q.value(0).toLongLong()); }))
            return {e, {}};
    }
    std::vector<SampleRecord> pending;
    qint64 withMask = 0;
    for (SampleRecord &s : *all) {
        if (!s.hasMask())
            continue;
        ++withMask;
        if (!finished->contains(QString::number(s.id)) || stale.contains(s.id))
            pending.push_back(std::move(s));
    }
    if (!stale.isEmpty())
        ctx.log(LogLevel::Info, QStringLiteral("%1 results were computed with other thresholds or an earlier rule and are redone.").arg(stale.size()));
    ctx.setTotal(withMask);
    ctx.setUpToDate(withMask - qint64(pending.size()));

    const QDir slices(ctx.project().slicesDir());
    SemanticsRepository repo(db);
    QMap<QString, int> counts;
    const qint64 jobId = ctx.jobId();
    BatchProcessor<SampleRecord, SemanticsRecord> processor(
        [&](const SampleRecord &s) {
            SemanticsRecord r;
            r.sample = s.id;
            r.thresholds = thresholdsJson;
            Result<GrayImage> mask = imageio::readGray8(slices.filePath(s.maskPath));
            if (!mask) {
                r.status = QStringLiteral("error");
                r.reason = QStringLiteral("the mask cannot be read: %1").arg(errorMessage(mask.error()));
                return r;
            }
            if (mask->width != s.width || mask->height != s.height) {
                r.status = QStringLiteral("error");
                r.reason = QStringLiteral("the mask is %1×%2 but the image is %3×%4").arg(mask->width).arg(mask->height).arg(s.width).arg(s.height);
                return r;
            }
            std::optional<MaskSemantics> semantics = MaskAnalyzer::analyze(*mask, thresholds);
            if (!semantics) {
                r.status = QStringLiteral("empty");
                r.reason = QStringLiteral("the mask marks no lesion");
                return r;
            }
            if (Result<GrayImage> image = imageio::readGray8(slices.filePath(s.imagePath)))
                MaskAnalyzer::addHeadLocation(*semantics, *image);
            if (!s.labelPath.isEmpty()) {
                if (Result<GrayImage> labels = imageio::readGray8(slices.filePath(s.labelPath)))
                    MaskAnalyzer::addSubregions(*semantics, *labels);
            }
            r.status = QStringLiteral("ok");
            r.semantics = std::move(*semantics);
            return r;
        },
        [&](Database &, const std::vector<SemanticsRecord> &results) -> Error {
            for (const SemanticsRecord &r : results) {
                if (Error e = repo.store(r, jobId))
                    return e;
                ++counts[r.status];
                if (r.status != QLatin1String("ok"))
                    ctx.log(r.status == QLatin1String("error") ? LogLevel::Warning : LogLevel::Info,
                            QStringLiteral("sample %1: %2").arg(r.sample).arg(r.reason));
                if (r.status == QLatin1String("error"))
                    ctx.itemFailed(QStringLiteral("sample %1: %2").arg(r.sample).arg(r.reason));
                else if (r.status == QLatin1String("empty"))
                    ctx.itemSkipped();
                else
                    ctx.itemSucceeded();
                const CheckpointStatus status = r.status == QLatin1String("error") ? CheckpointStatus::Error
                                                : r.status == QLatin1String("empty") ? CheckpointStatus::Skipped
                                                                                      : CheckpointStatus::Ok;
                if (Error e = checkpoints.mark(scope(), QString::number(r.sample), jobId, status))
                    return e;
            }
            return {};
        },
        64);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    return {{}, QJsonObject{{QStringLiteral("masks"), withMask},
                            {QStringLiteral("computed"), counts.value(QStringLiteral("ok")) + counts.value(QStringLiteral("empty")) + counts.value(QStringLiteral("error"))},
                            {QStringLiteral("empty_masks"), counts.value(QStringLiteral("empty"))},
                            {QStringLiteral("errors"), counts.value(QStringLiteral("error"))}}};
}

} // namespace neuroonco
