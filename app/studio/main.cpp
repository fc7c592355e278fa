// neuroonco-studio: the desktop application. Usage: neuroonco-studio [PROJECT]
#include "app/studio/Appearance.h"
#include "app/studio/MainWindow.h"
#include "app/studio/Translations.h"
#include "app/studio/WorkspaceController.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/PipelineStages.h"
#include "core/settings/Settings.h"
#include "core/version/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdlib>

using namespace neuroonco;

namespace {

void setNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroOnco"));
    QCoreApplication::setApplicationName(QStringLiteral("NeuroOncoStudio"));
    QCoreApplication::setApplicationVersion(version::string());
}

// The language for this run: --language LANG, else the saved setting.
QString chosenLanguage(const QStringList &args)
{
    QString language = Settings::value(settings::Language);
    if (const auto at = args.indexOf(QStringLiteral("--language")); at > 0 && at + 1 < args.size())
        language = args.at(at + 1);
    return language;
}

// The arguments without those QGuiApplication/QApplication take for themselves (-platform X,
// -style X, …), which a plain QCoreApplication would leave for our parser to reject.
QStringList withoutQtGuiArguments(const QStringList &args)
{
    static const QStringList withValue{QStringLiteral("-platform"), QStringLiteral("-platformpluginpath"),
                                       QStringLiteral("-platformtheme"), QStringLiteral("-plugin"),
                                       QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
                                       QStringLiteral("-qwindowicon"), QStringLiteral("-display"),
                                       QStringLiteral("-geometry"), QStringLiteral("-style"),
                                       QStringLiteral("-stylesheet"), QStringLiteral("-session")};
    static const QStringList flags{QStringLiteral("-reverse"), QStringLiteral("-widgetcount"),
                                   QStringLiteral("-nograb"), QStringLiteral("-dograb"), QStringLiteral("-sync")};
    QStringList out;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (i > 0 && withValue.contains(a)) {
            ++i;
            continue;
        }
        if (i > 0 && (flags.contains(a) || a.startsWith(QLatin1String("-style="))
                      || a.startsWith(QLatin1String("-stylesheet=")) || a.startsWith(QLatin1String("-qmljsdebugger="))))
            continue;
        out << a;
    }
    return out;
}

struct Options
{
    QString project;
    QString sample;
    QString tab;
    QString screenshot;
    int screenshotDelayMs = 1500;
    DatabaseAccess access = DatabaseAccess::ReadWrite;
};

// Parses the command line with the application's translations installed. --help, --version
// and usage errors print and exit here, inside a QCoreApplication: no display is needed for
// them (a QApplication would abort without one).
Options parseCommandLine(int argc, char *argv[])
{
    QCoreApplication probe(argc, argv);
    setNames();
    // --language is looked at before the parser runs, so that --help itself is translated.
    Translations::install(chosenLanguage(QCoreApplication::arguments()));
    registerBuiltinStages();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "NeuroOnco Studio desktop application"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QCoreApplication::translate("main", "Project folder to open."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main", "Save a picture of the window to FILE after DELAY ms and quit (for checks)."),
                                  QStringLiteral("FILE"));
    QCommandLineOption delay(QStringLiteral("screenshot-delay"), QCoreApplication::translate("main", "Delay before --screenshot, in ms."),
                             QStringLiteral("DELAY"), QStringLiteral("1500"));
    QCommandLineOption sample(QStringLiteral("sample"), QCoreApplication::translate("main", "Open the review at this sample_id."),
                              QStringLiteral("SAMPLE_ID"));
    parser.addOption(sample);
    QCommandLineOption tab(QStringLiteral("tab"),
                           QCoreApplication::translate("main", "Open on this tab: overview, review, benchmark, evaluations, dashboard, duplicates or ingest."),
                           QStringLiteral("NAME"));
    parser.addOption(tab);
    QCommandLineOption languageOption(QStringLiteral("language"),
                                      QCoreApplication::translate("main", "Show the interface in LANG for this run (en or zh_CN); the "
                                                                          "setting in Preferences is kept."),
                                      QStringLiteral("LANG"));
    parser.addOption(languageOption);
    QCommandLineOption readOnly(QStringLiteral("read-only"),
                                QCoreApplication::translate("main", "Open PROJECT for reading only: nothing in it is written."));
    parser.addOption(readOnly);
    parser.addOption(screenshot);
    parser.addOption(delay);
    parser.process(withoutQtGuiArguments(QCoreApplication::arguments()));

    Options o;
    if (!parser.positionalArguments().isEmpty())
        o.project = parser.positionalArguments().constFirst();
    o.sample = parser.value(sample);
    o.tab = parser.value(tab);
    o.screenshot = parser.value(screenshot);
    o.access = parser.isSet(readOnly) ? DatabaseAccess::ReadOnly : DatabaseAccess::ReadWrite;
    bool ok = false;
    o.screenshotDelayMs = parser.value(delay).toInt(&ok);
    if (!ok || o.screenshotDelayMs < 0) {
        QTextStream(stderr) << QCoreApplication::translate("main", "--screenshot-delay needs a number of milliseconds.") << '\n';
        std::exit(2);
    }
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    const Options options = parseCommandLine(argc, argv);

    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("NeuroOnco Studio"));
    Translations::install(chosenLanguage(QApplication::arguments()));
    Appearance::applyTheme(Settings::value(settings::Theme));

    MainWindow window;
    window.show();
    if (!options.project.isEmpty() && window.openProject(options.project, false, options.access) && !options.sample.isEmpty()
        && !window.workspace()->reviewSample(options.sample)) {
        QTextStream(stderr) << QApplication::translate("main", "No sample %1 in this project.").arg(options.sample) << '\n';
    }

    if (!options.tab.isEmpty() && !window.workspace()->showTab(options.tab))
        QTextStream(stderr) << QApplication::translate("main", "No tab named %1.").arg(options.tab) << '\n';

    if (!options.screenshot.isEmpty()) {
        const QString file = options.screenshot;
        QTimer::singleShot(options.screenshotDelayMs, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return app.exec();
}
