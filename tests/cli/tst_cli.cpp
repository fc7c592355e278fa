// The neuroonco CLI as users run it: exit codes, --help everywhere, init/status/jobs output.
#include "TestUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
