// Runs a stage from the command line: progress on the terminal, Ctrl-C cancels cleanly
// (finished items are kept), a summary at the end, and an exit code.
#pragma once

#include <QJsonObject>
#include <QString>

namespace neuroonco {

class CommandLine;
class Project;

struct CliJobOptions
{
    int threads = 0;     // 0: all cores
    bool quiet = false;  // no progress output
    bool json = false;   // print the outcome as JSON on stdout
};

// The options every job command takes: --threads N, --json, -q/--quiet.
void addJobOptions(CommandLine &cl);
// Reads them; on a bad value sets *exitCode to the usage error and returns false.
bool jobOptions(CommandLine &cl, CliJobOptions *options, int *exitCode);

int runStageFromCli(const Project &project, const QString &stageId, const QJsonObject &parameters,
                    const CliJobOptions &options);

} // namespace neuroonco
