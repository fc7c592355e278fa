// Fuse stage.
#include "core/pipeline/FuseStage.h"

#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/samples/SampleRepository.h"
#include "core/signs/LabelRepository.h"

#include <QMap>

namespace neuroonco {

StageResult FuseStage::run(JobContext &ctx)
{
    Database &db = ctx.db();
    LabelRepository labels(db);
    CheckpointStore checkpoints(db);
    if (ctx.parameters().value(QStringLiteral("force")).toBool()) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    auto runA = labels.extractions(QStringLiteral("A"));
    auto runB = labels.extractions(QStringLiteral("B"));
    auto fused = labels.fused();
    auto samples = SampleRepository(db).all();
    auto finished = checkpoints.finished(scope());
    for (const Error *e : {&runA.error(), &runB.error(), &fused.error(), &samples.error(), &finished.error()})
        if (e->isError())
            return {*e, {}};

    struct Pair { qint64 sample; SignSet a; SignSet b; };
    std::vector<Pair> pending;
    qint64 ready = 0, waiting = 0;
    for (const SampleRecord &s : *samples) {
        if (s.isDuplicate())
            continue;
        auto a = runA->constFind(s.id), b = runB->constFind(s.id);
        if (a == runA->constEnd() || b == runB->constEnd() || a->status != QLatin1String("ok") || b->status != QLatin1String("ok")) {
            ++waiting;
            continue;
        }
        ++ready;
        auto f = fused->constFind(s.id);
        // Stale when the readings now fuse to something else than what is stored (fusion is cheap
        // and deterministic; comparing outcomes avoids redoing unchanged labels and their QC).
        bool stale = false;
        if (f != fused->constEnd() && (f->createdAt < a->createdAt || f->createdAt < b->createdAt)) {
            const FusionOutcome now = Fusion::fuse(a->signs, b->signs);
            stale = now.status != f->outcome.status || now.downgraded != f->outcome.downgraded
                    || now.fused.toPublishedJson() != f->outcome.fused.toPublishedJson();
        }
        if (!finished->contains(QString::number(s.id)) || stale)
            pending.push_back({s.id, a->signs, b->signs});
    }
    if (waiting > 0)
        ctx.log(LogLevel::Info, QStringLiteral("%1 samples lack a successful reading from run A or B and wait.").arg(waiting));
    ctx.setTotal(ready);
    ctx.setUpToDate(ready - qint64(pending.size()));
    QMap<QString, qint64> counts;
    qint64 downgrades = 0;
    const qint64 jobId = ctx.jobId();
    BatchProcessor<Pair, FusedRecord> processor(
        [](const Pair &p) {
            FusedRecord r;
            r.sample = p.sample;
            r.outcome = Fusion::fuse(p.a, p.b);
            return r;
        },
        [&](Database &, const std::vector<FusedRecord> &records) -> Error {
            for (const FusedRecord &r : records) {
                if (Error e = labels.storeFused(r, jobId))
                    return e;
                ++counts[fusionStatusName(r.outcome.status)];
                downgrades += r.outcome.downgraded ? 1 : 0;
                ctx.itemSucceeded(); // a drop is an outcome with its reason, not a failure
                if (Error e = checkpoints.mark(scope(), QString::number(r.sample), jobId, CheckpointStatus::Ok))
                    return e;
            }
            return {};
        },
        200);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    return {{}, QJsonObject{{QStringLiteral("fused"), ctx.items().succeeded},
                            {QStringLiteral("kept"), counts.value(QStringLiteral("kept"))},
                            {QStringLiteral("healthy"), counts.value(QStringLiteral("healthy"))},
                            {QStringLiteral("dropped"), counts.value(QStringLiteral("dropped"))},
                            {QStringLiteral("downgraded_t1ce"), downgrades},
                            {QStringLiteral("waiting"), waiting}}};
}

} // namespace neuroonco
