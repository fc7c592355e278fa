// A pipeline stage: one resumable unit of work that runs as a job.
#pragma once

#include "core/jobs/JobTypes.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QString>

namespace neuroonco {

class JobContext;

struct StageResult
{
    Error error;          // set when the stage failed as a whole (per-item errors go to the log)
    QJsonObject summary;  // counts and figures shown in the jobs panel and by `neuroonco jobs`
};

class Stage
{
public:
    virtual ~Stage() = default;
    // Stable identifier ("ingest", "semantics"), stored in the jobs table.
    virtual QString id() const = 0;
    // Jobs with the same lock key never run at the same time. Stages with independent variants
    // (extraction run A and run B) return one key per variant.
    virtual QString lockKey(const QJsonObject &parameters) const
    {
        Q_UNUSED(parameters);
        return id();
    }
    // Project data the job reads or replaces while it runs (see ResourceLocks): the split
    // replaces "splits", which instruction building reads.
    virtual ResourceLocks resources(const QJsonObject &parameters) const
    {
        Q_UNUSED(parameters);
        return {};
    }
    // Does the work. Must check ctx.isCanceled() between items and write each item's results
    // together with its checkpoint, so that a rerun continues where this one stopped.
    virtual StageResult run(JobContext &ctx) = 0;
};

} // namespace neuroonco
