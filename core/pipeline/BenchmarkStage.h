// Stage 11: closed and open benchmark items for every kept sample (DESIGN.md §3.11, §5), from
// the gold attributes of the review layer. The trap and letter plan is computed over the whole
// set from the seed, so a resumed run continues with the same plan; items are stored per sample
// with their checkpoint. Items a curator touched are never overwritten; before generating, items
// whose gold values changed are flagged stale.
#pragma once

#include "core/jobs/Stage.h"

#include <QJsonObject>

namespace neuroonco {

class BenchmarkStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("benchmark"); }
    static QString scope() { return QStringLiteral("benchmark"); }
    static constexpr double kDefaultTrapShare = 0.2;
    static constexpr qint64 kDefaultSeed = 1;

    // trap_share (0..1, default 0.2), seed (default 1), force (rebuild untouched items),
    // batch (samples per transaction, default 200).
    static QJsonObject parameters(double trapShare, qint64 seed, bool force = false);

    QString id() const override { return stageId(); }
    // New items take their sample's split: a new split waits until it has finished.
    ResourceLocks resources(const QJsonObject &) const override { return {{QStringLiteral("splits")}, {}}; }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
