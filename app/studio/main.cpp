// neuroonco-studio: the desktop application. Usage: neuroonco-studio [PROJECT]
#include "Appearance.h"
#include "MainWindow.h"
#include "WorkspaceController.h"
#include "Translations.h"
#include "jobs/StageRegistry.h"
#include "settings/Settings.h"
#include "version/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

using namespace neuroonco;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NeuroOnco"));
    QApplication::setApplicationName(QStringLiteral("NeuroOncoStudio"));
    QApplication::setApplicationDisplayName(QStringLiteral("NeuroOnco Studio"));
    QApplication::setApplicationVersion(version::string());

    // --language is looked at before the parser runs, so that --help itself is translated.
    QString language = Settings::value(settings::Language);
    const QStringList args = QApplication::arguments();
    if (const auto at = args.indexOf(QStringLiteral("--language")); at > 0 && at + 1 < args.size())
        language = args.at(at + 1);
    Translations::install(language);
    Appearance::applyTheme(Settings::value(settings::Theme));
    registerBuiltinStages();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "NeuroOnco Studio desktop application"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QApplication::translate("main", "Project folder to open."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a picture of the window to FILE after DELAY ms and quit (for checks)."),
                                  QStringLiteral("FILE"));
    QCommandLineOption delay(QStringLiteral("screenshot-delay"), QApplication::translate("main", "Delay before --screenshot, in ms."),
                             QStringLiteral("DELAY"), QStringLiteral("1500"));
    QCommandLineOption sample(QStringLiteral("sample"), QApplication::translate("main", "Open the review at this sample_id."),
                              QStringLiteral("SAMPLE_ID"));
    parser.addOption(sample);
    QCommandLineOption tab(QStringLiteral("tab"),
                           QApplication::translate("main", "Open on this tab: overview, review, benchmark, evaluations, dashboard, duplicates or ingest."),
                           QStringLiteral("NAME"));
    parser.addOption(tab);
    QCommandLineOption languageOption(QStringLiteral("language"),
                                      QApplication::translate("main", "Show the interface in LANG for this run (en or zh_CN); the "
                                                                      "setting in Preferences is kept."),
                                      QStringLiteral("LANG"));
    parser.addOption(languageOption);
    parser.addOption(screenshot);
    parser.addOption(delay);
    parser.process(app);

    MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty() && window.openProject(parser.positionalArguments().constFirst())
        && parser.isSet(sample) && !window.workspace()->reviewSample(parser.value(sample))) {
        QTextStream(stderr) << QApplication::translate("main", "No sample %1 in this project.").arg(parser.value(sample)) << '\n';
    }

    if (parser.isSet(tab) && !window.workspace()->showTab(parser.value(tab)))
        QTextStream(stderr) << QApplication::translate("main", "No tab named %1.").arg(parser.value(tab)) << '\n';

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(parser.value(delay).toInt(), &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return app.exec();
}
