// Stage 8: cross-validate run A and run B of every sample both have read (DESIGN.md §3.8).
// A sample whose readings changed after it was fused is fused again.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class FuseStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("fuse"); }
    static QString scope() { return QStringLiteral("fuse"); }
    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
