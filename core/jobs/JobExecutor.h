// Runs one stage as a job in the calling thread: claim the stage's lock, run with its own
// database connection, record the final state. The CLI calls it directly; JobRunner calls it
// on a pool thread.
#pragma once

#include "core/jobs/JobTypes.h"
#include "core/project/Project.h"
#include "core/util/Error.h"

#include <QJsonObject>

#include <atomic>

namespace neuroonco {

class JobObserver;
class Stage;

struct JobOutcome
{
    qint64 jobId = 0;
    JobState state = JobState::Failed;
    JobProgress progress;
    QJsonObject summary;
    Error error;
    ItemCounts items;
    QStringList failures; // the first reasons items failed
    qint64 errors() const { return items.failed; }
};

class JobExecutor
{
public:
    // Registers a running job for the stage; fails with ErrorCode::Locked if one is live.
    static Result<qint64> claim(const Project &project, const Stage &stage, const QJsonObject &parameters);

    // Runs a claimed job to its end (succeeded, failed or canceled). Never throws. The state
    // comes from the stage's error and the item counts it reported (ItemCounts::nothingWorked:
    // failed, with the first reasons as the error); a succeeded job carries its error count.
    static JobOutcome run(const Project &project, Stage &stage, qint64 jobId,
                          const QJsonObject &parameters, JobObserver *observer,
                          const std::atomic_bool *cancelFlag, int threads);

    // claim() + run().
    static JobOutcome execute(const Project &project, Stage &stage, const QJsonObject &parameters,
                              JobObserver *observer, const std::atomic_bool *cancelFlag, int threads);

    // Threads to use when the user did not say: all cores.
    static int defaultThreadCount();
};

} // namespace neuroonco
