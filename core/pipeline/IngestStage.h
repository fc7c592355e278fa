// Stage 1–2: ingest the sources of a manifest and standardise every slice (DESIGN.md §3.1–3.2).
// Work items are the adapters' items across all sources; each item's samples, issues and
// checkpoint are committed together, so a killed run resumes without redoing or duplicating.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class IngestStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("ingest"); }
    static QString scope() { return QStringLiteral("ingest"); }

    // Parameters: manifest (path, required), force (bool: re-read items already ingested).
    static QJsonObject parameters(const QString &manifestPath, bool force = false);

    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
