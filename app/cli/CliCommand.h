// A CLI subcommand and the helpers every subcommand shares (parsing, exit codes, output).
#pragma once

#include "core/store/DatabaseAccess.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace neuroonco {

class Project;
struct Error;

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };
// How a command prints its result: sentences for people, or one JSON document (--json).
enum class OutputFormat { Text, Json };

struct CliCommand
{
    QString name;
    QString summary;
    // Receives the arguments after the subcommand name; returns an ExitCode.
    std::function<int(const QStringList &arguments)> run;
};

// Wraps QCommandLineParser for one subcommand: --help on every subcommand, usage errors
// reported as exit code 2 with a hint.
class CommandLine
{
public:
    CommandLine(const QString &command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    // A positional naming a project folder (PROJECT, FILE|PROJECT) brings the --read-only option.
    void addPositional(const QString &name, const QString &description, const QString &syntax = {});
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }

    // Parses; on --help prints help and returns ExitOk through `exitCode`, on a usage error
    // prints it and returns ExitUsage. Returns true when the command should go on.
    bool parse(const QStringList &arguments, int *exitCode, int minPositional = 0, int maxPositional = -1);
    int usageError(const QString &message) const;

    QStringList positional() const { return m_parser.positionalArguments(); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }

private:
    QString m_command;
    QStringList m_positionalNames;
    bool m_hasReadOnlyOption = false;
    QCommandLineParser m_parser;
};

// Output helpers: results to stdout, diagnostics to stderr.
void printOut(const QString &text);
void printErr(const QString &text);
// "neuroonco COMMAND: message" on stderr, followed by what to do when the project is damaged.
void printError(const QString &command, const Error &error);

// Opens a project or prints why not (returns false). It is read-only when the command was given
// --read-only (see CommandLine::addPositional) or this user cannot write it.
bool openProjectOrReport(const QString &path, Project *project);
// What the command line asked for: ReadOnly after --read-only.
DatabaseAccess requestedAccess();

// All subcommands of this build, in the order `neuroonco --help` lists them.
std::vector<CliCommand> allCommands();
std::vector<CliCommand> projectCommands(); // init, status, jobs, backup, restore
std::vector<CliCommand> demoCommands();    // demo-data
std::vector<CliCommand> stageCommands();   // ingest, dedup, …
std::vector<CliCommand> exportCommands();  // export, import
std::vector<CliCommand> reportCommands();  // report
std::vector<CliCommand> benchmarkCommands(); // benchmark, lint, split, instructions
std::vector<CliCommand> endpointCommands();  // endpoints

} // namespace neuroonco
