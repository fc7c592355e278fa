// Stage 13 (DESIGN.md §3.13): asks a model endpoint every benchmark question — closed ones
// with the option letters (once per rotation in circular mode), open ones as free text — with
// the image, parses and scores each reply, and stores it with its checkpoint (scope
// "evaluate", item "<run>:<item>:<rotation>") in the same transaction, so a killed run resumes
// without asking a stored question again. Failed requests are asked again by the next run;
// unreadable replies are final (recorded as invalid). An optional judge endpoint grades open
// answers 0–1. The run's scores are stored as its summary.
#pragma once

#include "core/evaluate/EvalTypes.h"
#include "core/jobs/Stage.h"

namespace neuroonco {

struct EvaluateOptions
{
    QString run; // run name; empty: defaultRunName()
    QString endpoint;
    EvalBenchmark benchmark = EvalBenchmark::Closed;
    bool circular = false;
    int limit = 0;                  // ask at most this many pending questions (0: all)
    bool includeUnapproved = false; // pending and stale items too (rejected ones never)
    QString split;                  // only items of this split (train | test); empty: all
    QString images;                 // folder the items' image paths are relative to; empty: slices/
    QString judge;                  // endpoint grading open answers; empty: no judge

    // "<endpoint>-<closed|open>[-circular]".
    QString defaultRunName() const;
    QString runName() const { return run.isEmpty() ? defaultRunName() : run; }
    QJsonObject toParameters() const;
    static EvaluateOptions fromParameters(const QJsonObject &parameters);
};

class EvaluateStage : public Stage
{
public:
    static QString stageId() { return QStringLiteral("evaluate"); }
    static QString scope() { return QStringLiteral("evaluate"); }
    static QString checkpointItem(qint64 run, qint64 item, int rotation);

    QString id() const override { return stageId(); }
    // Runs of different names may go at the same time.
    QString lockKey(const QJsonObject &parameters) const override;
    // It asks the items of a split: a new split waits until it has finished.
    ResourceLocks resources(const QJsonObject &) const override { return {{QStringLiteral("splits")}, {}}; }
    StageResult run(JobContext &ctx) override;
};

} // namespace neuroonco
