// `neuroonco endpoints …` as users run it, through the file NEUROONCO_ENDPOINTS names: add, list,
// show and remove round trip; a received project's own endpoints are refused by `extract` until
// `endpoints trust` (which wants --yes off a terminal), and the user's token never reaches the
// fake server, stdout or stderr before that; an edit of the project's file voids the trust.
#include "FakeChatServer.h"
#include "FakeReader.h"
#include "IngestFixture.h"
#include "TestUtil.h"
#include "UserEndpointsFile.h"

#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/project/Project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using neuroonco::test::FakeChatServer;
using neuroonco::test::FakeReader;
using neuroonco::test::FakeReply;

namespace {
const QByteArray kCanary = "ghp_CANARYcli0123456789abcdefDoNotSend";
}

class TestCliEndpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addListShowRemoveRoundTrip();
    void receivedProjectIsRefusedUntilTrusted();

private:
    int cli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return test::runProgram(m_exe, args, out, err);
    }
    QJsonObject listJson(const QStringList &extra = {});

    test::UserEndpointsFile m_userEndpoints;
    FakeChatServer m_server;
    QString m_exe;
};

void TestCliEndpoints::initTestCase()
{
    registerBuiltinStages();
    m_exe = test::binaryDir() + QStringLiteral("/neuroonco");
    QVERIFY2(QFileInfo::exists(m_exe), qPrintable(m_exe));
    QVERIFY(m_server.start());
    qputenv("GITHUB_TOKEN", kCanary); // inherited by every neuroonco child
}

QJsonObject TestCliEndpoints::listJson(const QStringList &extra)
{
    QString out, err;
    const int code = cli(QStringList{QStringLiteral("endpoints"), QStringLiteral("list"), QStringLiteral("--json")} + extra, &out, &err);
    if (code != 0)
        qWarning() << err;
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

void TestCliEndpoints::addListShowRemoveRoundTrip()
{
    m_userEndpoints.clear();
    QString out, err;
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("qwen"), QStringLiteral("--base-url"),
                  QStringLiteral("https://gpu.example.org/v1"), QStringLiteral("--model"), QStringLiteral("Qwen2.5-VL-7B"),
                  QStringLiteral("--api-key-env"), QStringLiteral("QWEN_API_KEY"), QStringLiteral("--max-in-flight"),
                  QStringLiteral("8"), QStringLiteral("--temperature"), QStringLiteral("0.2")},
                 &out, &err),
             0);
    QVERIFY2(out.contains(m_userEndpoints.path()), qPrintable(out));
    QVERIFY(err.contains(QStringLiteral("QWEN_API_KEY is not set"))); // a hint, not a failure
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("local"), QStringLiteral("--base-url"),
                  QStringLiteral("http://127.0.0.1:8000/v1"), QStringLiteral("--model"), QStringLiteral("m")}),
             0);

    QJsonObject list = listJson();
    QCOMPARE(list.value(QStringLiteral("user_file")).toString(), m_userEndpoints.path());
    QJsonArray endpoints = list.value(QStringLiteral("endpoints")).toArray();
    QCOMPARE(endpoints.size(), 2);
    const QJsonObject qwen = endpoints.at(0).toObject();
    QCOMPARE(qwen.value(QStringLiteral("name")).toString(), QStringLiteral("qwen"));
    QCOMPARE(qwen.value(QStringLiteral("source")).toString(), QStringLiteral("user"));
    QCOMPARE(qwen.value(QStringLiteral("max_in_flight")).toInt(), 8);
    QCOMPARE(qwen.value(QStringLiteral("temperature")).toDouble(), 0.2);
    QCOMPARE(qwen.value(QStringLiteral("api_key_env")).toString(), QStringLiteral("QWEN_API_KEY"));
    QVERIFY(qwen.value(QStringLiteral("usable")).toBool());

    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("show"), QStringLiteral("local")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("base_url")).toString(),
             QStringLiteral("http://127.0.0.1:8000/v1"));
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("list")}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("qwen")) && out.contains(QStringLiteral("$QWEN_API_KEY")) && out.contains(QStringLiteral("yours")));

    // The same name again needs --replace; validation is the file's (errors name the field).
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("local"), QStringLiteral("--base-url"),
                  QStringLiteral("http://127.0.0.1:9000/v1"), QStringLiteral("--model"), QStringLiteral("m")},
                 nullptr, &err),
             1);
    QVERIFY(err.contains(QStringLiteral("--replace")));
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("local"), QStringLiteral("--base-url"),
                  QStringLiteral("http://127.0.0.1:9000/v1"), QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--replace")}),
             0);
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--base-url"),
                  QStringLiteral("https://h/v1"), QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--max-in-flight"),
                  QStringLiteral("0")},
                 nullptr, &err),
             1);
    QVERIFY(err.contains(QStringLiteral("max_in_flight")));
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--model"), QStringLiteral("m")}), 2);
    // Plain http to another machine only with the explicit opt-in.
    const QStringList lan{QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("lan"), QStringLiteral("--base-url"),
                          QStringLiteral("http://gpu-box.lan:8000/v1"), QStringLiteral("--model"), QStringLiteral("m")};
    QCOMPARE(cli(lan, nullptr, &err), 1);
    QVERIFY(err.contains(QStringLiteral("allow_insecure_http")));
    QCOMPARE(cli(lan + QStringList{QStringLiteral("--allow-insecure-http")}), 0);
    endpoints = listJson().value(QStringLiteral("endpoints")).toArray();
    QCOMPARE(endpoints.size(), 3);
    QCOMPARE(endpoints.at(1).toObject().value(QStringLiteral("base_url")).toString(), QStringLiteral("http://127.0.0.1:9000/v1"));
    QVERIFY(endpoints.at(2).toObject().value(QStringLiteral("allow_insecure_http")).toBool());

    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("remove"), QStringLiteral("qwen")}), 0);
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("remove"), QStringLiteral("qwen")}, nullptr, &err), 1);
    QVERIFY(err.contains(QStringLiteral("no endpoint 'qwen'")));
    endpoints = listJson().value(QStringLiteral("endpoints")).toArray();
    QCOMPARE(endpoints.size(), 2);
    QCOMPARE(endpoints.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("local"));
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("frob")}), 2);
}

void TestCliEndpoints::receivedProjectIsRefusedUntilTrusted()
{
    m_userEndpoints.clear();
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    const QString dir = tmp.filePath(QStringLiteral("received"));
    Result<Project> project = Project::create(dir);
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state,
             JobState::Succeeded);
    auto writeProjectEndpoints = [&](const QString &keyVariable) {
        QFile f(project->endpointsFile());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral(R"({"endpoints":[{"name":"shared","base_url":"%1","model":"m","api_key_env":"%2"}]})")
                    .arg(m_server.url().toString(), keyVariable)
                    .toUtf8());
    };
    writeProjectEndpoints(QStringLiteral("GITHUB_TOKEN"));
    m_server.setRule([](const QJsonObject &request, int) {
        return FakeReply::json(FakeReader::render(FakeReader::readingFor(test::RecordedRequest::imageBytesOf(request)),
                                                  FakeReader::Style::Json));
    });
    m_server.resetStats();
    const QStringList extractA{QStringLiteral("extract"), dir, QStringLiteral("--run"), QStringLiteral("A"),
                               QStringLiteral("--endpoint"), QStringLiteral("shared")};

    QString out, err;
    QCOMPARE(cli(extractA, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("neuroonco endpoints trust ") + project->root()), qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("$GITHUB_TOKEN")) && err.contains(QStringLiteral("127.0.0.1")));
    QVERIFY(!out.contains(QString::fromLatin1(kCanary)) && !err.contains(QString::fromLatin1(kCanary)));
    QCOMPARE(m_server.requestCount(), 0);
    QJsonObject list = listJson({dir});
    QCOMPARE(list.value(QStringLiteral("project_trust")).toString(), QStringLiteral("untrusted"));
    QCOMPARE(list.value(QStringLiteral("endpoints")).toArray().at(0).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("project"));

    // Off a terminal, trust shows what it would allow and wants --yes.
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("trust"), dir}, &out, &err), 2);
    QVERIFY(out.contains(QStringLiteral("shared")) && out.contains(QStringLiteral("host 127.0.0.1")) &&
            out.contains(QStringLiteral("$GITHUB_TOKEN")));
    QVERIFY(err.contains(QStringLiteral("--yes")));
    QCOMPARE(listJson({dir}).value(QStringLiteral("project_trust")).toString(), QStringLiteral("untrusted"));
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("trust"), dir, QStringLiteral("--yes")}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("Trusted")), qPrintable(out + err));
    QCOMPARE(listJson({dir}).value(QStringLiteral("project_trust")).toString(), QStringLiteral("trusted"));

    // Now it runs, with the key variable listed at trust.
    QCOMPARE(cli(extractA, &out, &err), 0);
    QVERIFY(m_server.requestCount() > 0);
    for (const test::RecordedRequest &r : m_server.requests())
        QCOMPARE(r.header("authorization"), QByteArray("Bearer " + kCanary));
    QVERIFY(!out.contains(QString::fromLatin1(kCanary)) && !err.contains(QString::fromLatin1(kCanary)));

    // An edit of the project's file voids the trust.
    writeProjectEndpoints(QStringLiteral("OTHER_TOKEN"));
    m_server.resetStats();
    QCOMPARE(listJson({dir}).value(QStringLiteral("project_trust")).toString(), QStringLiteral("changed"));
    QCOMPARE(cli({QStringLiteral("extract"), dir, QStringLiteral("--run"), QStringLiteral("B"), QStringLiteral("--endpoint"),
                  QStringLiteral("shared")},
                 &out, &err),
             1);
    QVERIFY(err.contains(QStringLiteral("changed")));
    QCOMPARE(m_server.requestCount(), 0);

    // Untrust withdraws a trust (and says when there was none).
    writeProjectEndpoints(QStringLiteral("GITHUB_TOKEN"));
    QCOMPARE(listJson({dir}).value(QStringLiteral("project_trust")).toString(), QStringLiteral("trusted")); // the same bytes again
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("untrust"), dir}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("no longer trusted")));
    QCOMPARE(listJson({dir}).value(QStringLiteral("project_trust")).toString(), QStringLiteral("untrusted"));
    QCOMPARE(cli({QStringLiteral("endpoints"), QStringLiteral("untrust"), dir}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("was not trusted")));
}

QTEST_GUILESS_MAIN(TestCliEndpoints)
#include "tst_cli_endpoints.moc"
