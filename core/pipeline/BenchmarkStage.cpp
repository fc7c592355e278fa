// Benchmark stage: gold → plan → items per sample, with checkpoints.
#include "core/pipeline/BenchmarkStage.h"

#include "core/benchmark/AnswerBalance.h"
#include "core/benchmark/BenchmarkCuration.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/ClosedItemBuilder.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/LetterBalancer.h"
#include "core/benchmark/OpenItemBuilder.h"
#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"

#include <QHash>

#include <algorithm>

namespace neuroonco {

namespace {

struct SampleWork
{
    const GoldRecord *gold = nullptr;
    std::vector<std::pair<QString, QuestionPlan>> plans; // question type → plan
};

struct SampleItems
{
    qint64 sample = 0;
    std::vector<BenchmarkItem> items;
    int skipped = 0; // planned questions that could not be built
};

SampleItems buildItems(const SampleWork &w, std::uint64_t seed)
{
    const GoldRecord &g = *w.gold;
    SampleItems out;
    out.sample = g.sample;
    for (const auto &[type, plan] : w.plans) {
        std::optional<ClosedQuestion> q = ClosedItemBuilder::build(g, type, plan, seed);
        if (!q) {
            ++out.skipped;
            continue;
        }
        BenchmarkItem item;
        item.kind = ItemKind::Closed;
        item.sample = g.sample;
        item.itemKey = QStringLiteral("closed:%1:%2").arg(g.sampleId, type);
        item.imagePath = g.imagePath;
        item.questionType = type;
        item.payload = q->toJson();
        item.lineage = GoldAttributes::lineage(g, ClosedItemBuilder::lineageKeys(g, type));
        item.trap = q->trap;
        item.answer = q->answer;
        out.items.push_back(std::move(item));
    }
    for (const OpenDraft &d : OpenItemBuilder::build(g, seed)) {
        BenchmarkItem item;
        item.kind = ItemKind::Open;
        item.sample = g.sample;
        item.itemKey = QStringLiteral("open:%1:%2").arg(g.sampleId, d.slot);
        item.imagePath = g.imagePath;
        item.questionType = d.question.questionType;
        item.payload = d.question.toJson();
        item.lineage = GoldAttributes::lineage(g, d.keys, d.numberKeys);
        out.items.push_back(std::move(item));
    }
    return out;
}

} // namespace

QJsonObject BenchmarkStage::parameters(double trapShare, qint64 seed, bool force)
{
    QJsonObject p{{QStringLiteral("trap_share"), trapShare}, {QStringLiteral("seed"), seed}};
    if (force)
        p.insert(QStringLiteral("force"), true);
    return p;
}

StageResult BenchmarkStage::run(JobContext &ctx)
{
    const QJsonObject params = ctx.parameters();
    const double share = params.value(QStringLiteral("trap_share")).toDouble(kDefaultTrapShare);
    if (share < 0 || share > 1)
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("trap_share"),
                      QStringLiteral("must lie between 0 and 1")),
                {}};
    const std::uint64_t seed =
        std::uint64_t(params.value(QStringLiteral("seed")).toInteger(kDefaultSeed));
    const bool force = params.value(QStringLiteral("force")).toBool();
    const int batch = std::max(1, params.value(QStringLiteral("batch")).toInt(200));
    Database &db = ctx.db();

    ctx.setMessage(QStringLiteral("loading gold labels"));
    Result<std::vector<GoldRecord>> all = GoldAttributes::load(db);
    if (!all)
        return {all.error(), {}};
    std::vector<const GoldRecord *> golds;
    for (const GoldRecord &g : *all)
        if (!g.duplicate)
            golds.push_back(&g);
    std::sort(golds.begin(), golds.end(),
              [](const GoldRecord *a, const GoldRecord *b) { return a->sample < b->sample; });

    // Items built on values that changed since are flagged before anything new is written.
    Result<int> stale = BenchmarkCuration::markStale(db, *all, QStringLiteral("system"));
    if (!stale)
        return {stale.error(), {}};
    if (*stale > 0)
        ctx.log(
            LogLevel::Warning,
            QStringLiteral(
                "%1 items were built from gold values that changed since; they are flagged stale "
                "for the curators.")
                .arg(*stale));

    // The plan over the whole set: exact trap share per question type, balanced letters.
    std::vector<PlanCandidate> candidates;
    for (const GoldRecord *g : golds)
        for (const ClosedSlot &s : ClosedItemBuilder::slots(*g))
            candidates.push_back({g->sample, s.questionType, g->tumourType, s.multipleChoice});
    const std::vector<QuestionPlan> plans = LetterBalancer::plan(candidates, share, seed);
    QHash<qint64, size_t> workAt;
    std::vector<SampleWork> work;
    work.reserve(golds.size());
    for (const GoldRecord *g : golds) {
        workAt.insert(g->sample, work.size());
        work.push_back({g, {}});
    }
    AnswerBalance balance; // of the plan: what the items are built to be
    for (size_t i = 0; i < candidates.size(); ++i) {
        work[workAt.value(candidates[i].sample)].plans.push_back(
            {candidates[i].questionType, plans[i]});
        balance.add(candidates[i].questionType, plans[i].letter, candidates[i].multipleChoice, plans[i].trap);
    }

    CheckpointStore checkpoints(db);
    if (force) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    auto finished = checkpoints.finished(scope());
    if (!finished)
        return {finished.error(), {}};
    std::vector<SampleWork> pending;
    for (const SampleWork &w : work)
        if (!finished->contains(QString::number(w.gold->sample)))
            pending.push_back(w);
    ctx.setTotal(qint64(work.size()));
    ctx.setUpToDate(qint64(work.size() - pending.size()));
    ctx.setMessage(QString());

    BenchmarkRepository repo(db);
    const auto mode = force ? BenchmarkRepository::UpsertMode::ReplaceUntouched
                            : BenchmarkRepository::UpsertMode::KeepExisting;
    const qint64 jobId = ctx.jobId();
    qint64 closedWritten = 0, openWritten = 0, skipped = 0;
    BatchProcessor<SampleWork, SampleItems> processor(
        [seed](const SampleWork &w) { return buildItems(w, seed); },
        [&](Database &, const std::vector<SampleItems> &results) -> Error {
            for (const SampleItems &s : results) {
                for (const BenchmarkItem &item : s.items) {
                    bool written = false;
                    Result<qint64> id = repo.upsert(item, mode, &written);
                    if (!id)
                        return id.error();
                    if (written)
                        ++(item.kind == ItemKind::Closed ? closedWritten : openWritten);
                }
                skipped += s.skipped;
                if (Error e = checkpoints.mark(scope(), QString::number(s.sample), jobId,
                                               CheckpointStatus::Ok))
                    return e;
                ctx.itemSucceeded();
            }
            return {};
        },
        batch);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    if (skipped > 0)
        ctx.log(LogLevel::Warning,
                QStringLiteral(
                    "%1 planned questions had too few distinct distractors and were left out.")
                    .arg(skipped));

    return {{},
            QJsonObject{{QStringLiteral("samples"), qint64(work.size())},
                        {QStringLiteral("closed_questions"), qint64(candidates.size())},
                        {QStringLiteral("closed_written"), closedWritten},
                        {QStringLiteral("open_written"), openWritten},
                        {QStringLiteral("skipped_questions"), skipped},
                        {QStringLiteral("stale_flagged"), *stale},
                        {QStringLiteral("trap_share"), share},
                        {QStringLiteral("seed"), qint64(seed)},
                        {QStringLiteral("traps"), balance.trapsJson()},
                        {QStringLiteral("letters"), balance.multipleChoiceLetters().toJson()},
                        {QStringLiteral("letters_binary"), balance.binaryLetters().toJson()}}};
}

} // namespace neuroonco
