// Synchronous job execution for the CLI, with SIGINT mapped to the job's cancel flag.
#include "app/cli/CliJob.h"

#include "app/cli/CliCommand.h"
#include "app/cli/TerminalProgress.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/Stage.h"
#include "core/jobs/StageRegistry.h"
#include "core/project/Project.h"

#include <QJsonArray>
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
    cl.addOption({QStringLiteral("strict"),
                  QStringLiteral("Exit with 1 when any item failed, even if the job succeeded with errors.")});
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
    options->strict = cl.isSet(QStringLiteral("strict"));
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
    return runStageFromCli(project, *stage, parameters, options);
}

int runStageFromCli(const Project &project, Stage &stage, const QJsonObject &parameters,
                    const CliJobOptions &options)
{
    const QString stageId = stage.id();
    s_cancel = false;
    auto previous = std::signal(SIGINT, onInterrupt);
    TerminalProgress progress(stageId, options.quiet || options.json ? TerminalProgress::Mode::Quiet
                                                                     : TerminalProgress::Mode::Auto);
    const int threads = options.threads > 0 ? options.threads : JobExecutor::defaultThreadCount();
    JobOutcome outcome = JobExecutor::execute(project, stage, parameters, &progress, &s_cancel, threads);
    progress.finish();
    std::signal(SIGINT, previous);

    if (outcome.jobId == 0) {
        printError(stageId, outcome.error);
        return ExitFailure;
    }
    if (options.json) {
        QJsonObject o{{QStringLiteral("job"), outcome.jobId},
                      {QStringLiteral("stage"), stageId},
                      {QStringLiteral("state"), jobStateName(outcome.state)},
                      {QStringLiteral("errors"), outcome.errors()},
                      {QStringLiteral("items"), itemCountsJson(outcome.items)},
                      {QStringLiteral("failures"), QJsonArray::fromStringList(outcome.failures)},
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
                     .arg(jobOutcomeText(outcome.state, outcome.errors()),
                          summary.isEmpty() ? QString() : QLatin1Char(' ') + summary));
        if (outcome.error) {
            printError(stageId, outcome.error);
        } else if (outcome.state == JobState::Succeeded && outcome.errors() > 0) {
            printErr(QStringLiteral("neuroonco %1: %2 item%3 failed. First: %4")
                         .arg(stageId)
                         .arg(outcome.errors())
                         .arg(outcome.errors() == 1 ? QString() : QStringLiteral("s"))
                         .arg(outcome.failures.join(QStringLiteral("; "))));
        }
        if (outcome.errors() > outcome.failures.size())
            printErr(QStringLiteral("All of them: neuroonco jobs %1 --log %2").arg(project.root()).arg(outcome.jobId));
    }
    if (outcome.state != JobState::Succeeded)
        return ExitFailure;
    return options.strict && outcome.errors() > 0 ? ExitFailure : ExitOk;
}

QJsonObject itemCountsJson(const ItemCounts &items)
{
    return QJsonObject{{QStringLiteral("succeeded"), items.succeeded},
                       {QStringLiteral("failed"), items.failed},
                       {QStringLiteral("skipped"), items.skipped},
                       {QStringLiteral("up_to_date"), items.upToDate},
                       {QStringLiteral("repeated_failures"), items.repeatedFailures}};
}

} // namespace neuroonco
