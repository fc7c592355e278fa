// Job lifecycle around Stage::run.
#include "core/jobs/JobExecutor.h"

#include "core/jobs/JobContext.h"
#include "core/jobs/JobRepository.h"
#include "core/jobs/Stage.h"
#include "core/store/Database.h"

#include <QThread>

#include <exception>

namespace neuroonco {

namespace {

// Writing into a damaged database can spread the damage, and what a stage reads from it cannot
// be trusted: a stage checks the database before it starts (SQLite's quick check).
Error damage(Database &db)
{
    Result<QStringList> problems = db.quickCheck(5);
    if (!problems)
        return problems.error();
    if (problems->isEmpty())
        return {};
    return Error(ErrorCode::Damaged, db.path(), problems->join(QStringLiteral("; ")));
}

} // namespace

int JobExecutor::defaultThreadCount()
{
    return std::max(1, QThread::idealThreadCount());
}

Result<qint64> JobExecutor::claim(const Project &project, const Stage &stage, const QJsonObject &parameters)
{
    // Every stage writes its results and its job record: a read-only project runs none.
    if (Error e = project.requireWritable())
        return Error(ErrorCode::ReadOnly, e.subject, e.detail + QStringLiteral("; %1 cannot run").arg(stage.id()));
    auto db = project.connect();
    if (!db)
        return db.error();
    JobRepository jobs(**db);
    return jobs.claim(stage.id(), stage.lockKey(parameters), parameters, stage.resources(parameters));
}

JobOutcome JobExecutor::run(const Project &project, Stage &stage, qint64 jobId,
                            const QJsonObject &parameters, JobObserver *observer,
                            const std::atomic_bool *cancelFlag, int threads)
{
    JobOutcome outcome;
    outcome.jobId = jobId;
    auto db = project.connect();
    if (!db) {
        outcome.error = db.error();
        return outcome;
    }
    JobRepository jobs(**db);
    StageResult result;
    JobProgress progress;
    ItemCounts items;
    QStringList failures;
    bool canceled = false;
    {
        JobContext ctx(project, **db, jobId, parameters, observer, cancelFlag, threads);
        result.error = damage(**db);
        try {
            if (!result.error)
                result = stage.run(ctx);
        } catch (const std::exception &ex) {
            result.error = Error(ErrorCode::Internal, stage.id(), QString::fromLocal8Bit(ex.what()));
        } catch (...) {
            result.error = Error(ErrorCode::Internal, stage.id(), QStringLiteral("unknown exception"));
        }
        if ((*db)->inTransaction())
            static_cast<void>((*db)->rollback()); // the stage's own error is the one to report
        if (result.error)
            ctx.log(LogLevel::Error, errorMessage(result.error));
        canceled = ctx.isCanceled() || result.error.code == ErrorCode::Canceled;
        items = ctx.items();
        failures = ctx.failures();
        if (!canceled && !result.error && items.nothingWorked()) {
            // An outcome is what happened: a job in which every item failed has failed.
            result.error = Error(ErrorCode::ItemsFailed, stage.id(),
                                 QStringLiteral("%1 item%2 failed and none succeeded. First: %3")
                                     .arg(items.failed)
                                     .arg(items.failed == 1 ? QString() : QStringLiteral("s"))
                                     .arg(failures.join(QStringLiteral("; "))));
            ctx.log(LogLevel::Error, errorMessage(result.error));
        } else if (!canceled && !result.error && items.failed > 0) {
            ctx.log(LogLevel::Warning, QStringLiteral("%1 items failed (%2 succeeded, %3 skipped, %4 already done). First: %5")
                                           .arg(items.failed)
                                           .arg(items.succeeded)
                                           .arg(items.skipped)
                                           .arg(items.upToDate)
                                           .arg(failures.join(QStringLiteral("; "))));
        }
        if (canceled)
            ctx.log(LogLevel::Warning, QStringLiteral("Canceled; finished items are kept and a rerun continues from here."));
        ctx.flushProgress();
        progress = ctx.progress();
    }

    if (canceled)
        outcome.state = JobState::Canceled;
    else if (result.error)
        outcome.state = JobState::Failed;
    else
        outcome.state = JobState::Succeeded;
    outcome.progress = progress;
    outcome.summary = result.summary;
    outcome.error = result.error;
    outcome.items = items;
    outcome.failures = failures;
    const QString errorText = outcome.state == JobState::Failed ? errorMessage(result.error) : QString();
    if (Error e = jobs.finish(jobId, outcome.state, progress, result.summary, errorText, items, failures)) {
        if (!outcome.error)
            outcome.error = e;
    }
    return outcome;
}

JobOutcome JobExecutor::execute(const Project &project, Stage &stage, const QJsonObject &parameters,
                                JobObserver *observer, const std::atomic_bool *cancelFlag, int threads)
{
    Result<qint64> id = claim(project, stage, parameters);
    if (!id) {
        JobOutcome outcome;
        outcome.error = id.error();
        return outcome;
    }
    return run(project, stage, *id, parameters, observer, cancelFlag, threads);
}

} // namespace neuroonco
