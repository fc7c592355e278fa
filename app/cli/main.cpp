// neuroonco: the headless command-line front end. Every pipeline stage is a subcommand.
#include "app/cli/CliCommand.h"

#include "core/jobs/StageRegistry.h"
#include "core/pipeline/PipelineStages.h"
#include "core/version/Version.h"

#include <QApplication>
#include <QCoreApplication>

#include <QDir>
#include <QFile>

#include <cstring>
#include <memory>

#include <unistd.h>

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

// Reports draw charts (Qt Charts needs a QApplication); on the offscreen platform that works on a
// headless server. Every other command stays a plain QCoreApplication.
bool drawsCharts(int argc, char *argv[])
{
    if (argc < 2 || std::strcmp(argv[1], "report") != 0)
        return false;
    for (int i = 2; i < argc; ++i)
        if (std::strncmp(argv[i], "--out", 5) == 0 || std::strncmp(argv[i], "--charts", 8) == 0)
            return true;
    return false;
}

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (drawsCharts(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a session (cron, ssh) Qt warns about the runtime directory on every run.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QByteArray runtime = QDir::tempPath().toLocal8Bit() + "/neuroonco-runtime-" + QByteArray::number(qulonglong(getuid()));
            if (QDir().mkpath(QString::fromLocal8Bit(runtime)))
                QFile::setPermissions(QString::fromLocal8Bit(runtime), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", runtime);
        }
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
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
