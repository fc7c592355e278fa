// The split job: plan over every sample, store all rows at once.
#include "core/pipeline/SplitStage.h"

#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/SplitPlanner.h"
#include "core/jobs/JobContext.h"
#include "core/store/Database.h"

namespace neuroonco {

QJsonObject SplitStage::parameters(double testShare, qint64 seed)
{
    return {{QStringLiteral("test_share"), testShare}, {QStringLiteral("seed"), seed}};
}

StageResult SplitStage::run(JobContext &ctx)
{
    SplitOptions options;
    options.testShare = ctx.parameters().value(QStringLiteral("test_share")).toDouble(kDefaultTestShare);
    const qint64 seed = ctx.parameters().value(QStringLiteral("seed")).toInteger(kDefaultSeed);
    if (options.testShare < 0 || options.testShare > 1)
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("test_share"), QStringLiteral("must lie between 0 and 1")), {}};
    if (seed < 0)
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("seed"), QStringLiteral("must not be negative")), {}};
    options.seed = std::uint64_t(seed);
    Database &db = ctx.db();
    ctx.setMessage(QStringLiteral("planning"));
    Result<std::vector<SplitSample>> samples = SplitPlanner::load(db);
    if (!samples)
        return {samples.error(), {}};
    if (samples->empty())
        return {Error(ErrorCode::NothingToDo, QStringLiteral("split"),
                      QStringLiteral("the project has no samples to split; ingest sources first (neuroonco ingest)")),
                {}};
    const std::vector<SplitRow> rows = SplitPlanner::plan(*samples, options);
    ctx.setTotal(qint64(rows.size()));
    Transaction tx(db);
    if (tx.beginError())
        return {tx.beginError(), {}};
    if (Error e = BenchmarkRepository(db).storeSplits(rows, seed))
        return {e, {}};
    if (Error e = tx.commit())
        return {e, {}};
    qint64 test = 0, train = 0;
    for (const SplitRow &r : rows)
        (r.split == QLatin1String("test") ? test : train) += 1;
    ctx.itemSucceeded(qint64(rows.size()));
    ctx.advance(qint64(rows.size()));
    return {{}, QJsonObject{{QStringLiteral("samples"), qint64(rows.size())},
                            {QStringLiteral("test"), test},
                            {QStringLiteral("train"), train},
                            {QStringLiteral("test_share"), options.testShare},
                            {QStringLiteral("seed"), seed}}};
}

} // namespace neuroonco
