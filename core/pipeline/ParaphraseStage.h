// Optional step after the benchmark stage: a configured model endpoint rewords the rule-built
// reference answers of open items so they read like a radiologist's, without changing what
// they say. Every rewrite passes ParaphraseCheck (numbers, key terms, no invented patient
// details, length) or is discarded; an accepted one replaces the reference answer as an edit
// by "model:<endpoint>" in the item's history (where the original stays), and the item waits
// for a curator like any edited item. Only generated items nobody has
// approved, rejected or edited are touched; each is asked once per version (a resumable job;
// failed requests are asked again by the next run).
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco {

class ParaphraseStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("paraphrase"); }
    static QString scope() { return QStringLiteral("paraphrase"); }
    static QJsonObject parameters(const QString &endpoint, int limit = 0);

    QString id() const override { return stageId(); }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
