// Stage 9: a third reader audits every kept fused label field by field (DESIGN.md §3.9); the
// audited label is the gold label. Without an endpoint the embedded classical auditor is used.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class QcStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("qc"); }
    static QString scope() { return QStringLiteral("qc"); }
    // Parameters: endpoint (name; empty = classical), force.
    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
