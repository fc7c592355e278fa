// Describe stage.
#include "core/pipeline/DescribeStage.h"

#include "core/describe/DescriptionBuilder.h"
#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/samples/SampleRepository.h"
#include "core/semantics/SemanticsRepository.h"

namespace neuroonco {

StageResult DescribeStage::run(JobContext &ctx)
{
    Database &db = ctx.db();
    CheckpointStore checkpoints(db);
    if (ctx.parameters().value(QStringLiteral("force")).toBool()) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    Result<std::vector<SampleRecord>> samples = SampleRepository(db).all();
    if (!samples)
        return {samples.error(), {}};
    SemanticsRepository repo(db);
    Result<QHash<qint64, SemanticsRecord>> semantics = repo.allSemantics();
    if (!semantics)
        return {semantics.error(), {}};
    auto finished = checkpoints.finished(scope());
    if (!finished)
        return {finished.error(), {}};
    // Descriptions of another wording, or older than semantics recomputed since, are redone.
    Result<QSet<qint64>> stale = repo.staleDescriptions(DescriptionBuilder::templateName());
    if (!stale)
        return {stale.error(), {}};
    if (!stale->isEmpty())
        ctx.log(LogLevel::Info, QStringLiteral("%1 descriptions were written with another template or before their "
                                               "semantics changed and are redone.").arg(stale->size()));

    struct Item { qint64 id; QString text; };
    std::vector<Item> pending;
    qint64 withoutSemantics = 0;
    for (const SampleRecord &s : *samples) {
        if (finished->contains(QString::number(s.id)) && !stale->contains(s.id))
            continue;
        // Only measured semantics give the morphology sentence; an empty or unreadable mask gets
        // the no-mask sentence, as in the published pipeline (which has no semantics for them).
        const MaskSemantics *m = nullptr;
        if (s.hasMask()) {
            auto it = semantics->constFind(s.id);
            if (it == semantics->constEnd())
                ++withoutSemantics; // semantics not computed yet: describe without morphology
            else if (it->status == QLatin1String("ok"))
                m = &it->semantics;
        }
        pending.push_back({s.id, DescriptionBuilder::describe(s.tumourType, s.modality, m)});
    }
    if (withoutSemantics > 0)
        ctx.log(LogLevel::Warning, QStringLiteral("%1 samples have a mask but no semantics yet; run the semantics stage "
                                                  "first for their morphology sentence.").arg(withoutSemantics));
    ctx.setTotal(qint64(samples->size()));
    ctx.setUpToDate(qint64(samples->size()) - qint64(pending.size()));
    const qint64 jobId = ctx.jobId();
    BatchProcessor<Item, Item> processor([](const Item &i) { return i; },
                                         [&](Database &, const std::vector<Item> &items) -> Error {
                                             for (const Item &i : items) {
                                                 if (Error e = repo.storeDescription(i.id, i.text, DescriptionBuilder::templateName(), jobId))
                                                     return e;
                                                 if (Error e = checkpoints.mark(scope(), QString::number(i.id), jobId, CheckpointStatus::Ok))
                                                     return e;
                                                 ctx.itemSucceeded();
                                             }
                                             return {};
                                         },
                                         500);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    return {{}, QJsonObject{{QStringLiteral("samples"), qint64(samples->size())},
                            {QStringLiteral("described"), ctx.items().succeeded},
                            {QStringLiteral("without_semantics"), withoutSemantics}}};
}

} // namespace neuroonco
