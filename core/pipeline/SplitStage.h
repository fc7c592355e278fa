// Stage 11 as a job: the leakage-safe test/train split (SplitPlanner). It replaces the
// project's "splits", so it is refused while a job that reads them runs (instruction
// building, the benchmark, an evaluation) and they wait for it; the sample_splits rows and
// the items' copies change in one transaction. Not in the registry: the CLI `split` command and
// the Benchmark tab run it directly, and print their leakage report after it.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class SplitStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("split"); }
    static constexpr double kDefaultTestShare = 0.2;
    static constexpr qint64 kDefaultSeed = 1;

    static QJsonObject parameters(double testShare = kDefaultTestShare, qint64 seed = kDefaultSeed);

    QString id() const override { return stageId(); }
    ResourceLocks resources(const QJsonObject &) const override { return {{}, {QStringLiteral("splits")}}; }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
