// Stage 12: the instruction set (DESIGN.md §3.12) — about eight chat samples per kept slice,
// stored per sample with its checkpoint. Test-split samples get none (their lines are removed
// if a new split moved them to test), so training data never sees benchmark test images.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class InstructionStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("instructions"); }
    static QString scope() { return QStringLiteral("instructions"); }

    // seed (1), per_sample (8), trap_share (0.2), force, include_test (false), batch (500).
    QString id() const override { return stageId(); }
    // It reads the split: a new split waits until it has finished, and it waits for a split.
    ResourceLocks resources(const QJsonObject &) const override { return {{QStringLiteral("splits")}, {}}; }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
