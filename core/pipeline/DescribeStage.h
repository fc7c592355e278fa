// Stage 5: a coarse description for every sample (DESIGN.md §3.5), from its tumour type,
// modality and mask semantics. Cheap, but resumable and idempotent like every stage.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class DescribeStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("describe"); }
    static QString scope() { return QStringLiteral("describe"); }

    // Parameters: force (bool) rewrites every description (after semantics changed, say).
    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
