// Stage 3: de-duplicate all samples across sources (DESIGN.md §3.3). Global by nature: it
// recomputes clusters over every sample and commits them in one transaction, so an
// interrupted run leaves the previous result intact. Duplicates are flagged, never deleted.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class DedupStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("dedup"); }
    static QString scope() { return QStringLiteral("dedup"); }

    // Parameters: report (path of the JSON report; default exports/dedup-report.json),
    // truth (ground-truth file to score against), phash_radius, dhash_radius, force.
    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
