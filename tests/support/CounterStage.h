// A deterministic test stage: "computes" a value per item (optionally slowly) and stores it
// with a checkpoint. Every computation is logged, so tests can prove nothing was redone.
#pragma once

#include "core/jobs/Stage.h"

namespace neuroonco::test {

class CounterStage : public Stage
{
public:
    QString id() const override { return QStringLiteral("counter"); }
    // Parameter "reads" / "writes": resource names the job holds (lock tests).
    ResourceLocks resources(const QJsonObject &parameters) const override;
    StageResult run(JobContext &ctx) override;

    // Parameters: items (int), delay_ms (int), batch (int), fail_every (int: item i fails when
    // i % fail_every == 0; failed items are stored as errors and retried by the next run).
    static QJsonObject parameters(int items, int delayMs = 0, int batch = 8, int failEvery = 0);
    static qint64 valueFor(const QString &item);
    static void registerInRegistry();
};

} // namespace neuroonco::test
