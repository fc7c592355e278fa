// Instruction stage: gold → slots → global plan → lines per sample, with checkpoints.
#include "core/pipeline/InstructionStage.h"

#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/InstructionBuilder.h"
#include "core/benchmark/InstructionRepository.h"
#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/store/Database.h"

#include <algorithm>

namespace neuroonco {

namespace {

struct Work
{
    const GoldRecord *gold = nullptr;
    const std::vector<InstructionSlot> *slots = nullptr;
};

struct Lines
{
    qint64 sample = 0;
    std::vector<InstructionRecord> records;
};

} // namespace

StageResult InstructionStage::run(JobContext &ctx)
{
    const QJsonObject p = ctx.parameters();
    InstructionOptions options;
    options.seed = std::uint64_t(p.value(QStringLiteral("seed")).toInteger(1));
    options.perSample = p.value(QStringLiteral("per_sample")).toInt(8);
    options.trapShare = p.value(QStringLiteral("trap_share")).toDouble(0.2);
    if (options.perSample < 1)
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("per_sample"),
                      QStringLiteral("must be at least 1")),
                {}};
    if (options.trapShare < 0 || options.trapShare > 1)
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("trap_share"),
                      QStringLiteral("must lie between 0 and 1")),
                {}};
    const bool includeTest = p.value(QStringLiteral("include_test")).toBool();
    const int batch = std::max(1, p.value(QStringLiteral("batch")).toInt(500));
    Database &db = ctx.db();

    ctx.setMessage(QStringLiteral("loading gold labels"));
    Result<std::vector<GoldRecord>> all = GoldAttributes::load(db);
    if (!all)
        return {all.error(), {}};
    Result<QHash<qint64, SplitRow>> splits = BenchmarkRepository(db).splits();
    if (!splits)
        return {splits.error(), {}};
    InstructionRepository repo(db);
    CheckpointStore checkpoints(db);
    qint64 removed = 0;
    if (!includeTest) {
        // Samples a new split moved to the test side lose their lines and their checkpoints, so
        // that they are built again should a later split move them back.
        QStringList testItems;
        for (auto it = splits->cbegin(); it != splits->cend(); ++it)
            if (it->split == QLatin1String("test"))
                testItems << QString::number(it.key());
        Transaction tx(db);
        if (tx.beginError())
            return {tx.beginError(), {}};
        Result<qint64> r = repo.removeTestSamples();
        if (!r)
            return {r.error(), {}};
        if (Error e = checkpoints.reset(scope(), testItems))
            return {e, {}};
        if (Error e = tx.commit())
            return {e, {}};
        removed = *r;
        if (removed > 0)
            ctx.log(LogLevel::Warning,
                    QStringLiteral(
                        "Removed %1 instruction lines of samples that are now in the test split.")
                        .arg(removed));
    }
    if (splits->isEmpty())
        ctx.log(LogLevel::Warning,
                QStringLiteral("No test/train split yet: instructions are built for every sample. "
                               "Run `neuroonco split` "
                               "first to keep benchmark test images out of the training data."));
    std::vector<const GoldRecord *> golds;
    qint64 testSamples = 0, duplicates = 0;
    for (const GoldRecord &g : *all) {
        if (g.duplicate) {
            ++duplicates;
            continue;
        }
        if (!includeTest && splits->value(g.sample).split == QLatin1String("test")) {
            ++testSamples;
            continue;
        }
        golds.push_back(&g);
    }
    if (golds.empty()) {
        // Nothing eligible is not a success: say what is missing.
        const QString why =
            all->empty() ? QStringLiteral("the project has no samples yet; ingest sources first (neuroonco ingest)")
            : testSamples > 0
                ? QStringLiteral("all %1 samples are in the test split; make a split that leaves training samples "
                                 "(neuroonco split --test-share 0.2)")
                      .arg(testSamples)
                : QStringLiteral("all %1 samples are flagged duplicates").arg(duplicates);
        return {Error(ErrorCode::NothingToDo, QStringLiteral("instructions"), why), {}};
    }
    std::sort(golds.begin(), golds.end(),
              [](const GoldRecord *a, const GoldRecord *b) { return a->sample < b->sample; });

    std::vector<std::vector<InstructionSlot>> slots(golds.size());
    for (size_t i = 0; i < golds.size(); ++i)
        slots[i] = InstructionBuilder::chooseSlots(*golds[i], options);
    InstructionBuilder::plan(golds, slots, options);

    if (p.value(QStringLiteral("force")).toBool()) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    auto finished = checkpoints.finished(scope());
    if (!finished)
        return {finished.error(), {}};
    std::vector<Work> pending;
    for (size_t i = 0; i < golds.size(); ++i)
        if (!finished->contains(QString::number(golds[i]->sample)))
            pending.push_back({golds[i], &slots[i]});
    ctx.setTotal(qint64(golds.size()));
    ctx.setUpToDate(qint64(golds.size() - pending.size()));
    ctx.setMessage(QString());
    const qint64 jobId = ctx.jobId();
    qint64 written = 0;
    BatchProcessor<Work, Lines> processor(
        [&options](const Work &w) {
            return Lines{w.gold->sample, InstructionBuilder::build(*w.gold, *w.slots, options)};
        },
        [&](Database &, const std::vector<Lines> &results) -> Error {
            for (const Lines &l : results) {
                if (Error e = repo.store(l.sample, l.records, jobId))
                    return e;
                written += qint64(l.records.size());
                if (Error e = checkpoints.mark(scope(), QString::number(l.sample), jobId,
                                               CheckpointStatus::Ok))
                    return e;
                ctx.itemSucceeded();
            }
            return {};
        },
        batch);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    Result<QJsonObject> stats = repo.statistics();
    if (!stats)
        return {stats.error(), {}};
    QJsonObject summary = *stats;
    summary.insert(QStringLiteral("written"), written);
    summary.insert(QStringLiteral("test_samples_skipped"), testSamples);
    summary.insert(QStringLiteral("removed_test_lines"), removed);
    summary.insert(QStringLiteral("seed"), qint64(options.seed));
    return {{}, summary};
}

} // namespace neuroonco
