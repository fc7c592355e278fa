// neuroonco: the headless command-line front end. Every pipeline stage is a subcommand.
#include "CliCommand.h"

#include "jobs/StageRegistry.h"
#include "version/Version.h"

#include <QCoreApplication>

using namespace neuroonco;

namespace {

void printUsage(const std::vector<CliCommand> &commands)
{
    printOut(QStringLiteral("Usage: neuroonco COMMAND [options]\n\n"
                            "NeuroOnco Studio's command-line engine: builds audited brain-tumour MRI\n"
                            "datasets and benchmarks. Every command takes --help.\n\nCommands:"));
    for (const CliCommand &c : commands)
        printOut(QStringLiteral("  %1 %2").arg(c.name.leftJustified(14), c.summary));
    printOut(QStringLiteral("\nExit codes: 0 success, 1 failure, 2 usage error."));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroOnco"));
    QCoreApplication::setApplicationName(QStringLiteral("NeuroOncoStudio"));
    QCoreApplication::setApplicationVersion(version::string());
    registerBuiltinStages();

    const std::vector<CliCommand> commands = allCommands();
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printUsage(commands);
        return ExitUsage;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(commands);
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        printOut(QStringLiteral("neuroonco ") + version::string());
        return ExitOk;
    }
    for (const CliCommand &c : commands) {
        if (c.name == name)
            return c.run(args);
    }
    printErr(QStringLiteral("neuroonco: unknown command '%1'. Try 'neuroonco --help'.").arg(name));
    return ExitUsage;
}
