// The neuroonco CLI as users run it: exit codes, --help everywhere (stating the engine's real
// defaults), init/status/jobs output; neuroonco-studio --help on a machine without a display.
#include "TestUtil.h"

#include "core/benchmark/InstructionBuilder.h"
#include "core/dedup/DedupEngine.h"
#include "core/evaluate/Bootstrap.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/SplitStage.h"
#include "core/semantics/MaskSemantics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco::test;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noArgumentsIsUsageError();
    void unknownCommandIsUsageError();
    void topLevelHelpListsCommands();
    void everySubcommandHasHelp();
    void initStatusJobs();
    void usageErrors();
    void missingProjectIsFailure();
    void reportDocumentOnAHeadlessServer();
    void manifestTemplateListsThePapersSources();
    void manifestCheckNamesMissingRootsAndBadOptions();
    void helpStatesTheRealDefaults();
    void everyJobCommandTakesStrict();
    void studioHelpNeedsNoDisplay();
    void nothingToDoSaysHowToProceed();

private:
    int cli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return runProgram(m_exe, args, out, err);
    }
    QString m_exe;
    QStringList m_commands;
};

void TestCli::initTestCase()
{
    m_exe = binaryDir() + QStringLiteral("/neuroonco");
    QVERIFY2(QFileInfo::exists(m_exe), qPrintable(m_exe));
}

void TestCli::noArgumentsIsUsageError()
{
    QString out;
    QCOMPARE(cli({}, &out), 2);
    QVERIFY(out.contains(QStringLiteral("Usage: neuroonco")));
}

void TestCli::unknownCommandIsUsageError()
{
    QString err;
    QCOMPARE(cli({QStringLiteral("frobnicate")}, nullptr, &err), 2);
    QVERIFY(err.contains(QStringLiteral("unknown command 'frobnicate'")));
}

void TestCli::topLevelHelpListsCommands()
{
    QString out;
    QCOMPARE(cli({QStringLiteral("--help")}, &out), 0);
    for (const char *c : {"init", "status", "jobs"})
        QVERIFY2(out.contains(QStringLiteral("  ") + QLatin1String(c)), c);
    QCOMPARE(cli({QStringLiteral("--version")}, &out), 0);
    QVERIFY(out.startsWith(QStringLiteral("neuroonco ")));
}

void TestCli::everySubcommandHasHelp()
{
    QString out;
    QCOMPARE(cli({QStringLiteral("--help")}, &out), 0);
    // Commands are the indented first words of the "Commands:" block.
    const QString block = out.section(QStringLiteral("Commands:"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList commands;
    for (const QString &line : block.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        commands << line.trimmed().section(QLatin1Char(' '), 0, 0);
    QVERIFY(commands.size() >= 3);
    for (const QString &c : commands) {
        QString help;
        QCOMPARE(cli({c, QStringLiteral("--help")}, &help), 0);
        QVERIFY2(help.startsWith(QStringLiteral("Usage: neuroonco ") + c), qPrintable(c + QStringLiteral(": ") + help.left(80)));
    }
}

void TestCli::initStatusJobs()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("proj"));
    QString out, err;
    QCOMPARE(cli({QStringLiteral("init"), dir}, &out, &err), 0);
    QVERIFY(out.contains(dir));
    QCOMPARE(cli({QStringLiteral("init"), dir}, &out, &err), 1); // already a project
    QVERIFY(err.contains(QStringLiteral("already exists")));

    QCOMPARE(cli({QStringLiteral("status"), dir, QStringLiteral("--json")}, &out, &err), 0);
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &perr);
    QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString() + out));
    const QJsonObject status = doc.object();
    QVERIFY(status.value(QStringLiteral("schema_version")).toInt() >= 1);
    QVERIFY(status.value(QStringLiteral("stages")).isObject());
    QCOMPARE(status.value(QStringLiteral("running_jobs")).toInt(), 0);
    QVERIFY(status.value(QStringLiteral("project")).toString().endsWith(QStringLiteral("proj")));

    QCOMPARE(cli({QStringLiteral("status"), dir}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("Schema")));
    QCOMPARE(cli({QStringLiteral("jobs"), dir}, &out), 0);
    QCOMPARE(cli({QStringLiteral("jobs"), dir, QStringLiteral("--json")}, &out), 0);
    QVERIFY(QJsonDocument::fromJson(out.toUtf8()).isArray());
}

void TestCli::usageErrors()
{
    QString err;
    QCOMPARE(cli({QStringLiteral("status")}, nullptr, &err), 2);
    QVERIFY(err.contains(QStringLiteral("missing argument PROJECT")));
    QCOMPARE(cli({QStringLiteral("status"), QStringLiteral("a"), QStringLiteral("b")}, nullptr, &err), 2);
    QCOMPARE(cli({QStringLiteral("status"), QStringLiteral("--bogus"), QStringLiteral("a")}, nullptr, &err), 2);
    QVERIFY(err.contains(QStringLiteral("bogus")));
    QTemporaryDir tmp;
    QCOMPARE(cli({QStringLiteral("init"), tmp.filePath(QStringLiteral("p"))}), 0);
    QCOMPARE(cli({QStringLiteral("jobs"), tmp.filePath(QStringLiteral("p")), QStringLiteral("--limit"), QStringLiteral("x")}, nullptr, &err), 2);
}

void TestCli::missingProjectIsFailure()
{
    QTemporaryDir tmp;
    QString err;
    QCOMPARE(cli({QStringLiteral("status"), tmp.filePath(QStringLiteral("none"))}, nullptr, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("project.sqlite")), qPrintable(err));
}

void TestCli::reportDocumentOnAHeadlessServer()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QCOMPARE(cli({QStringLiteral("init"), dir}), 0);
    QString out, err;
    // An empty project still gets a report: every figure says what to run first.
    const QString pdf = tmp.filePath(QStringLiteral("out/report.pdf"));
    QCOMPARE(cli({QStringLiteral("report"), dir, QStringLiteral("--out"), pdf, QStringLiteral("--charts"), tmp.filePath(QStringLiteral("charts")),
                  QStringLiteral("--format"), QStringLiteral("svg")}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("0 chart(s) written")), qPrintable(out));
    QVERIFY2(!err.contains(QStringLiteral("XDG_RUNTIME_DIR")), qPrintable(err));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    const QString html = tmp.filePath(QStringLiteral("report.html"));
    QCOMPARE(cli({QStringLiteral("report"), dir, QStringLiteral("--out"), html}, &out, &err), 0);
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    QVERIFY(h.readAll().contains("No sign extraction yet"));
    QCOMPARE(cli({QStringLiteral("report"), dir, QStringLiteral("--out"), tmp.filePath(QStringLiteral("r.txt"))}, nullptr, &err), 2);
    QVERIFY(err.contains(QStringLiteral(".pdf or .html")));
    QCOMPARE(cli({QStringLiteral("report"), dir, QStringLiteral("--charts"), tmp.filePath(QStringLiteral("c")), QStringLiteral("--format"),
                  QStringLiteral("gif")}, nullptr, &err), 2);
    QCOMPARE(cli({QStringLiteral("report"), dir}, nullptr, &err), 2);
}

void TestCli::manifestTemplateListsThePapersSources()
{
    // The published dataset's own table (ID | host | name | …), read from the reference file.
    QFile table(QStringLiteral(NEUROONCO_TEST_DATA_DIR "/sources/paper_sources.md"));
    QVERIFY(table.open(QIODevice::ReadOnly));
    static const QRegularExpression row(QStringLiteral("^\\|\\s*(\\d\\d)\\s*\\|[^|]*\\|\\s*([^|]+?)\\s*\\|"));
    QMap<QString, QString> published;
    for (const QString &line : QString::fromUtf8(table.readAll()).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch())
            published.insert(m.captured(1), m.captured(2));
    }
    QCOMPARE(published.size(), 20);

    QString out, err;
    QCOMPARE(cli({QStringLiteral("manifest"), QStringLiteral("--template")}, &out, &err), 0);
    QJsonParseError perr;
    const QJsonObject doc = QJsonDocument::fromJson(out.toUtf8(), &perr).object();
    QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
    QMap<QString, QString> listed;
    for (const QJsonValue &s : doc.value(QStringLiteral("sources")).toArray()) {
        QVERIFY2(!listed.contains(s[QStringLiteral("code")].toString()), qPrintable(s[QStringLiteral("code")].toString()));
        listed.insert(s[QStringLiteral("code")].toString(), s[QStringLiteral("name")].toString());
        // Each source says what to download and where its root points.
        QVERIFY2(!s[QStringLiteral("download")].toString().isEmpty(), qPrintable(s[QStringLiteral("code")].toString()));
    }
    QCOMPARE(listed, published);

    // The template is a valid manifest: written to a file it passes the option check, and only
    // its FILL_IN roots are reported (20 of them, one per source).
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("sources.json"));
    QCOMPARE(cli({QStringLiteral("manifest"), QStringLiteral("--template"), QStringLiteral("--out"), file}, &out, &err), 0);
    QCOMPARE(cli({QStringLiteral("manifest"), QStringLiteral("--check"), file}, &out, &err), 1);
    QCOMPARE(err.count(QStringLiteral(".root")), 20);
    QVERIFY2(!err.contains(QStringLiteral("options.")), qPrintable(err));
}

void TestCli::manifestCheckNamesMissingRootsAndBadOptions()
{
    QTemporaryDir tmp;
    QDir().mkpath(tmp.filePath(QStringLiteral("downloads/brisc2025/segmentation_task")));
    const QString missing = tmp.filePath(QStringLiteral("downloads/BraTS2021_Training_Data"));
    auto write = [&](const QByteArray &json) {
        const QString path = tmp.filePath(QStringLiteral("manifest.json"));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(json);
        return path;
    };
    const QByteArray sources = R"({"sources":[
        {"code":"05","layout":"image-mask-pairs","root":"downloads/brisc2025/segmentation_task","options":{"mask_sufix":"_mask"}},
        {"code":"16","layout":"nifti-volumes","root":"downloads/BraTS2021_Training_Data"}]})";
    QString out, err;
    QCOMPARE(cli({QStringLiteral("manifest"), QStringLiteral("--check"), write(sources)}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("sources[1].root")) && err.contains(missing), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("sources[0].options.mask_sufix")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("sources[0].root")), qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("1 of 2 source folders found")), qPrintable(out));

    // A wrongly typed option refuses the manifest, naming the field and the file.
    const QByteArray typed = R"({"sources":[{"code":"19","layout":"yolo-seg","root":"downloads","options":{"class_names":"glioma"}}]})";
    QCOMPARE(cli({QStringLiteral("manifest"), QStringLiteral("--check"), write(typed)}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("sources[0].options.class_names")) && err.contains(QStringLiteral("manifest.json")),
             qPrintable(err));
    // So does ingest, before it touches the project.
    QCOMPARE(cli({QStringLiteral("init"), tmp.filePath(QStringLiteral("p"))}), 0);
    QCOMPARE(cli({QStringLiteral("ingest"), tmp.filePath(QStringLiteral("p")), QStringLiteral("--manifest"),
                  tmp.filePath(QStringLiteral("manifest.json"))}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("sources[0].options.class_names")), qPrintable(err));
}

void TestCli::helpStatesTheRealDefaults()
{
    // Each default as the code has it, not as someone once wrote it down.
    const QString d = QStringLiteral("(default %1)");
    const neuroonco::DedupOptions dedup;
    const neuroonco::InstructionOptions instructions;
    const struct
    {
        const char *command;
        QStringList expected;
    } cases[] = {
        {"dedup", {d.arg(dedup.pHashRadius), d.arg(dedup.dHashRadius)}},
        {"benchmark", {d.arg(neuroonco::BenchmarkStage::kDefaultTrapShare), QStringLiteral("(default %1);").arg(neuroonco::BenchmarkStage::kDefaultSeed)}},
        {"split", {d.arg(neuroonco::SplitStage::kDefaultTestShare), d.arg(neuroonco::SplitStage::kDefaultSeed)}},
        {"instructions", {d.arg(instructions.perSample), d.arg(instructions.trapShare), d.arg(instructions.seed)}},
        {"semantics", {QStringLiteral("small_below %1").arg(neuroonco::SemanticsThresholds().smallBelow)}},
    };
    for (const auto &c : cases) {
        QString out;
        QCOMPARE(cli({QLatin1String(c.command), QStringLiteral("--help")}, &out), 0);
        out.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" ")); // help text wraps
        for (const QString &e : c.expected)
            QVERIFY2(out.contains(e), qPrintable(QLatin1String(c.command) + QStringLiteral(": ") + e + QStringLiteral("\n") + out));
    }
    QString out;
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--help")}, &out), 0);
    out.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    QVERIFY(out.contains(QStringLiteral("(default %1;").arg(neuroonco::BootstrapOptions().resamples)));
}

void TestCli::everyJobCommandTakesStrict()
{
    for (const char *c : {"ingest", "dedup", "semantics", "describe", "extract", "fuse", "qc", "benchmark", "paraphrase",
                          "instructions", "evaluate"}) {
        QString out;
        QCOMPARE(cli({QLatin1String(c), QStringLiteral("--help")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("--strict")), c);
    }
}

void TestCli::studioHelpNeedsNoDisplay()
{
    // A server without X: no DISPLAY, no platform chosen. --help and --version still answer.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(v));
    for (const QString &arg : {QStringLiteral("--help"), QStringLiteral("--version")}) {
        QProcess studio;
        studio.setProcessEnvironment(env);
        studio.start(binaryDir() + QStringLiteral("/neuroonco-studio"), {arg});
        QVERIFY(studio.waitForFinished(60000));
        const QString out = QString::fromUtf8(studio.readAllStandardOutput());
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QVERIFY2(studio.exitCode() == 0, qPrintable(QString::fromUtf8(studio.readAllStandardError())));
        if (arg == QLatin1String("--help"))
            QVERIFY2(out.contains(QStringLiteral("Usage:")) && out.contains(QStringLiteral("--tab")), qPrintable(out));
        else
            QVERIFY2(!out.trimmed().isEmpty(), "no version printed");
    }
}

void TestCli::nothingToDoSaysHowToProceed()
{
    // On an empty project a filter or an order leaves nothing: exit 1 and a sentence saying what
    // to run, never a "succeeded" with nothing in it.
    QTemporaryDir tmp;
    const QString p = tmp.filePath(QStringLiteral("p"));
    QCOMPARE(cli({QStringLiteral("init"), p}), 0);
    QString out, err;
    QCOMPARE(cli({QStringLiteral("split"), p}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("neuroonco ingest")), qPrintable(err));
    QCOMPARE(cli({QStringLiteral("instructions"), p}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("Nothing to do")) && err.contains(QStringLiteral("neuroonco ingest")), qPrintable(err));
    const QString file = tmp.filePath(QStringLiteral("closed.json"));
    QCOMPARE(cli({QStringLiteral("export"), p, QStringLiteral("--what"), QStringLiteral("benchmark-closed"), QStringLiteral("--out"), file},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("approve items")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(cli({QStringLiteral("export"), p, QStringLiteral("--what"), QStringLiteral("instructions"), QStringLiteral("--out"), file},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("neuroonco instructions")), qPrintable(err));
    QCOMPARE(cli({QStringLiteral("export"), p, QStringLiteral("--what"), QStringLiteral("gold"), QStringLiteral("--out"), file},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("nothing to export")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(file));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
