// Runs a stage from the command line: progress on the terminal, Ctrl-C cancels cleanly
// (finished items are kept), a summary at the end, and an exit code.
#pragma once

#include <QJsonObject>
#include <QString>

namespace neuroonco {

class CommandLine;
class Project;
class Stage;
struct ItemCounts;

struct CliJobOptions
{
    int threads = 0;     // 0: all cores
    bool quiet = false;  // no progress output
    bool json = false;   // print the outcome as JSON on stdout
    bool strict = false; // exit 1 when any item failed, even if the job succeeded
};

// The options every job command takes: --threads N, --json, -q/--quiet, --strict.
void addJobOptions(CommandLine &cl);
// Reads them; on a bad value sets *exitCode to the usage error and returns false.
bool jobOptions(CommandLine &cl, CliJobOptions *options, int *exitCode);

// Runs the stage as a job and prints its outcome: "ingest: job 12 succeeded with 50 errors. …"
// (the first reasons on stderr), or the JSON object with "errors" and "items". Exit code 0 when
// the job succeeded (1 under --strict if any item failed), 1 otherwise.
// {"succeeded": …, "failed": …, "skipped": …, "up_to_date": …, "repeated_failures": …}.
QJsonObject itemCountsJson(const ItemCounts &items);

int runStageFromCli(const Project &project, const QString &stageId, const QJsonObject &parameters,
                    const CliJobOptions &options);
// The same for a stage object that is not in the registry (split).
int runStageFromCli(const Project &project, Stage &stage, const QJsonObject &parameters,
                    const CliJobOptions &options);

} // namespace neuroonco
