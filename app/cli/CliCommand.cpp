// Shared parsing and output helpers for subcommands.
#include "app/cli/CliCommand.h"
#include "app/cli/EvaluateCommands.h"

#include "core/project/Project.h"
#include "core/util/Error.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace neuroonco {

namespace {
// One command runs per process; its --read-only choice is read when the project is opened.
DatabaseAccess s_requestedAccess = DatabaseAccess::ReadWrite;
const QString kReadOnlyOption = QStringLiteral("read-only");
} // namespace

DatabaseAccess requestedAccess()
{
    return s_requestedAccess;
}

void printError(const QString &command, const Error &error)
{
    printErr(QStringLiteral("neuroonco%1: %2").arg(command.isEmpty() ? QString() : QLatin1Char(' ') + command, errorMessage(error)));
    if (error.code == ErrorCode::Damaged)
        printErr(QStringLiteral("Run 'neuroonco status PROJECT': it checks the whole database and says how to restore it "
                                "from a backup."));
}

void printOut(const QString &text)
{
    QTextStream out(stdout);
    out << text << Qt::endl;
}

void printErr(const QString &text)
{
    QTextStream err(stderr);
    err << text << Qt::endl;
}

CommandLine::CommandLine(const QString &command, const QString &description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
}

void CommandLine::addPositional(const QString &name, const QString &description, const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
    m_positionalNames << name;
    if (name.contains(QLatin1String("PROJECT")) && !m_hasReadOnlyOption) {
        m_parser.addOption({kReadOnlyOption, QStringLiteral("Open the project for reading only: nothing in it is written "
                                                            "(automatic when this user cannot write it).")});
        m_hasReadOnlyOption = true;
    }
}

int CommandLine::usageError(const QString &message) const
{
    printErr(QStringLiteral("neuroonco %1: %2").arg(m_command, message));
    printErr(QStringLiteral("Try 'neuroonco %1 --help'.").arg(m_command));
    return ExitUsage;
}

bool CommandLine::parse(const QStringList &arguments, int *exitCode, int minPositional, int maxPositional)
{
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("neuroonco %1").arg(m_command));
    if (!m_parser.parse(argv)) {
        *exitCode = usageError(m_parser.errorText());
        return false;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the binary's full path; show the command as users type it.
        QString help = m_parser.helpText();
        const qsizetype eol = help.indexOf(QLatin1Char('\n'));
        QString usage = help.left(eol);
        const qsizetype options = usage.indexOf(QStringLiteral(" [options]"));
        if (usage.startsWith(QStringLiteral("Usage: ")) && options > 0)
            help.replace(0, options, QStringLiteral("Usage: neuroonco ") + m_command);
        printOut(help.trimmed());
        *exitCode = ExitOk;
        return false;
    }
    if (m_hasReadOnlyOption && m_parser.isSet(kReadOnlyOption))
        s_requestedAccess = DatabaseAccess::ReadOnly;
    const int n = int(m_parser.positionalArguments().size());
    if (n < minPositional) {
        *exitCode = usageError(QStringLiteral("missing argument %1").arg(m_positionalNames.value(n)));
        return false;
    }
    if (maxPositional >= 0 && n > maxPositional) {
        *exitCode = usageError(QStringLiteral("unexpected argument '%1'")
                                   .arg(m_parser.positionalArguments().at(maxPositional)));
        return false;
    }
    return true;
}

bool openProjectOrReport(const QString &path, Project *project)
{
    Result<Project> opened = Project::open(path, s_requestedAccess);
    if (!opened) {
        printError(QString(), opened.error());
        return false;
    }
    *project = *opened;
    return true;
}

std::vector<CliCommand> allCommands()
{
    std::vector<CliCommand> commands = projectCommands();
    for (auto group : {demoCommands(), stageCommands(), benchmarkCommands(), evaluationCommands(), exportCommands(), reportCommands(), endpointCommands()})
        commands.insert(commands.end(), group.begin(), group.end());
    return commands;
}

} // namespace neuroonco
