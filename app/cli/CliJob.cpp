// Synchronous job execution for the CLI, with SIGINT mapped to the job's cancel flag.
#include "CliJob.h"

#include "CliCommand.h"
#include "TerminalProgress.h"
#include "jobs/JobExecutor.h"
#include "jobs/Stage.h"
#include "jobs/StageRegistry.h"
#include "project/Project.h"

#include <QJsonDocument>

#include <atomic>
#include <csignal>

namespace neuroonco {

namespace {
std::atomic_bool s_cancel{false};

extern "C" void onInterrupt(int)
{
    // First Ctrl-C asks the job to stop after the current batch; a second one kills.
    if (s_cancel.exchange(true))
        std::signal(SIGINT, SIG_DFL);
}
} // namespace

void addJobOptions(CommandLine &cl)
{
    cl.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."), QStringLiteral("N")});
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print the job's outcome as JSON.")});
    cl.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("No progress output.")});
}

bool jobOptions(CommandLine &cl, CliJobOptions *options, int *exitCode)
{
    if (cl.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        options->threads = cl.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || options->threads <= 0) {
            *exitCode = cl.usageError(QStringLiteral("--threads needs a positive number"));
            return false;
        }
    }
    options->json = cl.isSet(QStringLiteral("json"));
    options->quiet = cl.isSet(QStringLiteral("quiet"));
    return true;
}

int runStageFromCli(const Project &project, const QString &stageId, const QJsonObject &parameters,
                    const CliJobOptions &options)
{
    std::unique_ptr<Stage> stage = StageRegistry::instance().create(stageId);
    if (!stage) {
        printErr(QStringLiteral("neuroonco: unknown stage '%1'").arg(stageId));
        return ExitFailure;
    }
    s_cancel = false;
    auto previous = std::signal(SIGINT, onInterrupt);
    TerminalProgress progress(stageId, options.quiet || options.json ? TerminalProgress::Mode::Quiet
                                                                     : TerminalProgress::Mode::Auto);
    const int threads = options.threads > 0 ? options.threads : JobExecutor::defaultThreadCount();
    JobOutcome outcome = JobExecutor::execute(project, *stage, parameters, &progress, &s_cancel, threads);
    progress.finish();
    std::signal(SIGINT, previous);

    if (outcome.jobId == 0) {
        printErr(QStringLiteral("neuroonco %1: ").arg(stageId) + errorMessage(outcome.error));
        return ExitFailure;
    }
    if (options.json) {
        QJsonObject o{{QStringLiteral("job"), outcome.jobId},
                      {QStringLiteral("stage"), stageId},
                      {QStringLiteral("state"), jobStateName(outcome.state)},
                      {QStringLiteral("done"), outcome.progress.done},
                      {QStringLiteral("total"), outcome.progress.total},
                      {QStringLiteral("summary"), outcome.summary}};
        if (outcome.error)
            o.insert(QStringLiteral("error"), errorMessage(outcome.error));
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed());
    } else if (!options.quiet) {
        const QString summary = jobSummaryText(outcome.summary);
        printOut(QStringLiteral("%1: job %2 %3.%4")
                     .arg(stageId)
                     .arg(outcome.jobId)
                     .arg(jobStateName(outcome.state), summary.isEmpty() ? QString() : QLatin1Char(' ') + summary));
        if (outcome.error)
            printErr(QStringLiteral("neuroonco %1: ").arg(stageId) + errorMessage(outcome.error));
    }
    return outcome.state == JobState::Succeeded ? ExitOk : ExitFailure;
}

} // namespace neuroonco
