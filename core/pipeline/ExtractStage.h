// Stage 6: one reading of every kept sample (duplicates are skipped) by run A or run B
// (DESIGN.md §3.6). With an endpoint it asks a multimodal model; without one it uses the
// embedded classical extractor. Errors are recorded per sample and retried by the next run.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class ExtractStage : public Stage
{
public:
    // One stage per run: "extract-a" and "extract-b", checkpoint scopes "extract:A" / "extract:B".
    static QString stageIdFor(const QString &run) { return QStringLiteral("extract-") + run.toLower(); }
    static QString scopeFor(const QString &run) { return QStringLiteral("extract:") + run; }

    explicit ExtractStage(QString run);

    // Parameters: endpoint (name in endpoints.json; empty = classical), force (redo samples
    // already read), limit (only the first N pending samples).
    static QJsonObject parameters(const QString &endpoint = {});

    QString id() const override { return stageIdFor(m_run); }
    StageResult run(JobContext &ctx) override;

private:
    QString m_run;
};

} // namespace neuroonco
