// Stage 4: mask semantics for every sample with a mask (DESIGN.md §3.4). One item per sample;
// results and checkpoints committed together. Changing the thresholds makes earlier results
// stale, and the next run recomputes them.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class SemanticsStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("semantics"); }
    static QString scope() { return QStringLiteral("semantics"); }

    // Parameters: thresholds (object, see SemanticsThresholds::toJson), force (bool).
    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
