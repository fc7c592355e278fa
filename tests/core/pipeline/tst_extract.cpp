// Sign extraction through a model endpoint (the local fake server) and the classical reader:
// stored replies, prompt versions, token usage, fault tolerance over 1,000 requests, resume
// after kill -9 without asking a sample twice, and the API key in no row, log or export. A run
// is one reader's work: resuming it with another is refused, --force starts it over.
#include "FakeChatServer.h"
#include "FakeReader.h"
#include "FaultPlan.h"
#include "IngestFixture.h"
#include "PipelineFixture.h"
#include "TestUtil.h"
#include "UserEndpointsFile.h"

#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRepository.h"
#include "core/jobs/StageRegistry.h"
#include "core/llm/EndpointDirectory.h"
#include "core/llm/EndpointStore.h"
#include "core/pipeline/ExtractStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/signs/LabelExchange.h"
#include "core/signs/LabelRepository.h"
#include "core/signs/SignReport.h"
#include "core/store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using neuroonco::test::FakeChatServer;
using neuroonco::test::FakeReader;
using neuroonco::test::FakeReply;
using neuroonco::test::FaultPlan;

namespace {

const char *kKeyVariable = "NEUROONCO_TEST_API_KEY";
const QString kKey = QStringLiteral("sk-test-7f3c9a1b5e-DO-NOT-LEAK");

Error writeEndpoints(const QUrl &url, int inFlight, double timeout = 20)
{
    EndpointStore store;
    Result<EndpointConfig> e = EndpointConfig::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("fake")},
                                                                    {QStringLiteral("base_url"), url.toString()},
                                                                    {QStringLiteral("model"), QStringLiteral("fake-reader-1")},
                                                                    {QStringLiteral("api_key_env"), QLatin1String(kKeyVariable)},
                                                                    {QStringLiteral("max_in_flight"), inFlight},
                                                                    {QStringLiteral("timeout_s"), timeout},
                                                                    {QStringLiteral("max_retries"), 3}});
    if (!e)
        return e.error();
    store.upsert(*e);
    return test::UserEndpointsFile::save(store);
}

// A model reading derived from the image, in rotating reply styles.
FakeReply reading(const QJsonObject &request, int index)
{
    const QJsonObject r = FakeReader::readingFor(test::RecordedRequest::imageBytesOf(request));
    const FakeReader::Style styles[] = {FakeReader::Style::Json, FakeReader::Style::Fenced, FakeReader::Style::Chatty};
    return FakeReply::json(FakeReader::render(r, styles[index % 3]));
}

QString dumpText(Database &db)
{
    QString all;
    QSqlQuery tables = db.query();
    tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table'"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &t : names) {
        QSqlQuery q = db.query();
        q.exec(QStringLiteral("SELECT * FROM ") + t);
        while (q.next())
            for (int c = 0; c < q.record().count(); ++c)
                all += q.value(c).toString() + QLatin1Char('\n');
    }
    return all;
}

} // namespace

class TestExtract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void endpointReadingsAreStoredWithProvenance();
    void thousandRequestsWithFaults();
    void killedExtractionResumesWithoutAskingTwice();
    void classicalPipelineGivesGoldAndAir();
    void publishedFilesRoundTrip();
    void rerunsKeepWhatDidNotChange();
    void anotherReaderDoesNotResumeARun();
    void aRecordThatCannotBeStoredStopsTheRun();
    void receivedProjectCannotSendAKeyTheUserDidNotConfigure();

private:
    test::UserEndpointsFile m_userEndpoints; // first: the user's file is this test's own
    FakeChatServer m_server;
};

void TestExtract::initTestCase()
{
    qputenv(kKeyVariable, kKey.toUtf8());
    registerBuiltinStages();
    QVERIFY(m_server.start());
}

void TestExtract::endpointReadingsAreStoredWithProvenance()
{
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state, JobState::Succeeded);
    QVERIFY(!writeEndpoints(m_server.url(), 4));
    m_server.resetStats();
    m_server.setRule(reading);
    ExtractStage stage(QStringLiteral("A"));
    JobOutcome o = JobExecutor::execute(*project, stage, ExtractStage::parameters(QStringLiteral("fake")), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    auto db = project->connect();
    const int kept = test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM samples WHERE duplicate_of IS NULL")).toInt();
    QCOMPARE(o.summary.value(QStringLiteral("read")).toInt(), kept);
    QCOMPARE(m_server.requestCount(), kept);
    // The request carried the key, the system prompt, the description context and the image.
    const test::RecordedRequest first = m_server.request(0);
    QVERIFY(first.header("authorization") == "Bearer " + kKey.toUtf8());
    QVERIFY(first.json.value(QStringLiteral("messages")).toArray().first()[QStringLiteral("content")].toString().contains(QStringLiteral("CONSERVATIVE")));
    QVERIFY(!first.imageBytes().isEmpty());
    LabelRepository labels(**db);
    const auto runs = *labels.extractions(QStringLiteral("A"));
    QCOMPARE(runs.size(), kept);
    for (const ExtractionRecord &r : runs) {
        QCOMPARE(r.status, QStringLiteral("ok"));
        QCOMPARE(r.extractor, QStringLiteral("endpoint:fake"));
        QCOMPARE(r.promptVersion, QStringLiteral("run-a@1"));
        QVERIFY(!r.raw.isEmpty());
        QVERIFY(r.promptTokens > 0 && r.completionTokens > 0);
        QVERIFY(r.attempts >= 1);
    }
    // The key is in no row, no job log and no export.
    const QString text = dumpText(**db);
    QVERIFY(!text.contains(kKey));
    QVERIFY(!text.contains(QStringLiteral("7f3c9a1b5e")));
    const QJsonArray exported = *LabelExchange::exportFile(**db, LabelFile::RunA);
    QVERIFY(!QString::fromUtf8(QJsonDocument(exported).toJson()).contains(kKey));
    QFile endpoints(m_userEndpoints.path());
    QVERIFY(endpoints.open(QIODevice::ReadOnly));
    QVERIFY(!endpoints.readAll().contains(kKey.toUtf8()));
}

void TestExtract::thousandRequestsWithFaults()
{
    QTemporaryDir tmp;
    const QString manifest = test::IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 1000);
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(manifest), nullptr, &cancel, 2).state, JobState::Succeeded);
    QVERIFY(!writeEndpoints(m_server.url(), 16, 5));
    m_server.resetStats();
    const FaultPlan plan(0.2, 7);
    m_server.setRule([plan](const QJsonObject &request, int index) {
        if (std::optional<FakeReply> fault = plan.replyAt(index))
            return *fault;
        return reading(request, index);
    });
    ExtractStage stage(QStringLiteral("B"));
    JobOutcome o = JobExecutor::execute(*project, stage, ExtractStage::parameters(QStringLiteral("fake")), nullptr, &cancel, 2);
    QCOMPARE(o.state, JobState::Succeeded); // per-sample failures never fail the run
    auto db = project->connect();
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions WHERE run='B'")).toInt(), 1000);
    const int ok = test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions WHERE run='B' AND status='ok'")).toInt();
    const int errors = test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions WHERE run='B' AND status='error' AND error <> ''")).toInt();
    QCOMPARE(ok + errors, 1000);
    QVERIFY2(ok > 900, qPrintable(QString::number(ok))); // transient faults were retried
    QCOMPARE(o.summary.value(QStringLiteral("read")).toInt(), ok);
    // A second run asks again only for the failed ones.
    m_server.resetStats();
    m_server.setRule(reading);
    JobOutcome again = JobExecutor::execute(*project, stage, ExtractStage::parameters(QStringLiteral("fake")), nullptr, &cancel, 2);
    QCOMPARE(again.state, JobState::Succeeded);
    QCOMPARE(m_server.requestCount(), errors);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions WHERE run='B' AND status='ok'")).toInt(), 1000);
}

void TestExtract::killedExtractionResumesWithoutAskingTwice()
{
    QTemporaryDir tmp;
    const QString manifest = test::IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 300);
    const QString dir = tmp.filePath(QStringLiteral("p"));
    Result<Project> project = Project::create(dir);
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(manifest), nullptr, &cancel, 2).state, JobState::Succeeded);
    QVERIFY(!writeEndpoints(m_server.url(), 4));
    m_server.resetStats();
    m_server.setRule([](const QJsonObject &request, int index) {
        FakeReply r = reading(request, index);
        r.delayMs = 20;
        return r;
    });
    QProcess child;
    child.start(test::binaryDir() + QStringLiteral("/neuroonco"),
                {QStringLiteral("extract"), dir, QStringLiteral("--run"), QStringLiteral("A"), QStringLiteral("--endpoint"),
                 QStringLiteral("fake"), QStringLiteral("--quiet")});
    QVERIFY(child.waitForStarted());
    auto db = project->connect();
    QTRY_VERIFY_WITH_TIMEOUT(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions"), 0).toInt() >= 60
                                 || child.state() == QProcess::NotRunning, 60000);
    QVERIFY(child.state() == QProcess::Running);
    child.kill();
    QVERIFY(child.waitForFinished());
    // Which samples were stored before the kill.
    QSet<QString> storedImages;
    {
        QSqlQuery q = (*db)->query();
        q.exec(QStringLiteral("SELECT s.image_path FROM extractions e JOIN samples s ON s.id = e.sample WHERE e.status='ok'"));
        while (q.next()) {
            QFile f(QDir(project->slicesDir()).filePath(q.value(0).toString()));
            f.open(QIODevice::ReadOnly);
            storedImages.insert(QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1).toHex()));
        }
    }
    const int before = storedImages.size();
    QVERIFY(before >= 60 && before < 300);
    const int firstRunRequests = m_server.requestCount();
    QString out;
    QCOMPARE(test::runProgram(test::binaryDir() + QStringLiteral("/neuroonco"),
                              {QStringLiteral("extract"), dir, QStringLiteral("--run"), QStringLiteral("A"),
                               QStringLiteral("--endpoint"), QStringLiteral("fake"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions WHERE run='A' AND status='ok'")).toInt(), 300);
    // No sample stored before the kill was asked again.
    const QList<test::RecordedRequest> requests = m_server.requests();
    for (int i = firstRunRequests; i < requests.size(); ++i)
        QVERIFY(!storedImages.contains(test::RecordedRequest::imageHashOf(requests.at(i).json)));
    // The killed job is on record as interrupted; the rerun as resuming it.
    JobRepository jobs(**db);
    std::vector<JobRecord> extractJobs;
    const std::vector<JobRecord> allJobs = *jobs.list();
    for (const JobRecord &r : allJobs)
        if (r.stage == QLatin1String("extract-a"))
            extractJobs.push_back(r);
    QCOMPARE(extractJobs.size(), size_t(2));
    QCOMPARE(extractJobs.back().state, JobState::Interrupted);
    QCOMPARE(extractJobs.front().state, JobState::Succeeded);
    QCOMPARE(extractJobs.front().resumedFrom, extractJobs.back().id);
}

void TestExtract::classicalPipelineGivesGoldAndAir()
{
    QTemporaryDir tmp;
    Project project = test::buildPipelineProject(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("p")));
    auto db = project.connect();
    LabelRepository labels(**db);
    const auto a = *labels.extractions(QStringLiteral("A"));
    QVERIFY(!a.isEmpty());
    for (const ExtractionRecord &r : a)
        QCOMPARE(r.extractor, QStringLiteral("classical"));
    const auto fused = *labels.fused();
    QVERIFY(!fused.isEmpty());
    int kept = 0;
    for (const FusedRecord &f : fused)
        kept += f.outcome.status == FusionOutcome::Status::Kept;
    QCOMPARE(int(labels.audits()->size()), kept);
    const QJsonObject air = *SignReport::air(**db);
    for (const char *stage : {"run_a", "run_b", "fused", "gold"}) {
        const double overall = air[QLatin1String(stage)][QStringLiteral("overall")].toDouble();
        QVERIFY2(overall >= 0 && overall <= 1, stage);
    }
    QVERIFY(air[QStringLiteral("run_a")][QStringLiteral("positives")].toInt() > 0);
}

void TestExtract::publishedFilesRoundTrip()
{
    QTemporaryDir tmp;
    Project project = test::buildPipelineProject(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("p")));
    auto db = project.connect();
    for (LabelFile kind : {LabelFile::RunA, LabelFile::RunB, LabelFile::Fused, LabelFile::Gold}) {
        const QJsonArray exported = *LabelExchange::exportFile(**db, kind);
        QVERIFY(!exported.isEmpty());
        const QJsonObject first = exported.first().toObject();
        if (kind == LabelFile::RunA || kind == LabelFile::RunB) {
            QVERIFY(first[QStringLiteral("ai_prediction")][QStringLiteral("meta_info")].isObject());
            QVERIFY(first[QStringLiteral("ai_prediction")][QStringLiteral("structured_signs")][QStringLiteral("shape")].isString());
        } else if (kind == LabelFile::Fused) {
            QVERIFY(first[QStringLiteral("fused_label")][QStringLiteral("structured_signs")].isObject());
            QVERIFY(first.contains(QStringLiteral("image_path")));
        } else {
            QCOMPARE(first[QStringLiteral("status")].toString(), QStringLiteral("success"));
            QVERIFY(first[QStringLiteral("gold_label")][QStringLiteral("additional_clues")].isArray());
        }
        // Into a fresh project with the same samples: the same file comes back out.
        const QString file = tmp.filePath(QStringLiteral("export.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(exported).toJson());
        f.close();
        Result<ImportSummary> s = LabelExchange::importFile(**db, kind, file);
        QVERIFY2(s.ok(), qPrintable(errorMessage(s.error())));
        QCOMPARE(s->imported, qint64(exported.size()));
        QCOMPARE(s->unknownSamples, qint64(0));
        QCOMPARE(*LabelExchange::exportFile(**db, kind), exported);
    }
    // A failed prediction and an unknown sample id are reported, not fatal.
    const QString file = tmp.filePath(QStringLiteral("bad.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"([{"sample_id": "no-such-sample", "ai_prediction": {}}, {"sample_id": "x", "ai_prediction": {"error": "timeout"}}])");
    f.close();
    Result<ImportSummary> s = LabelExchange::importFile(**db, LabelFile::RunA, file);
    QVERIFY(s.ok());
    QCOMPARE(s->unknownSamples, qint64(2));
    QVERIFY(!LabelExchange::importFile(**db, LabelFile::RunA, tmp.filePath(QStringLiteral("missing.json"))).ok());

    // Every record is accounted for, record by record: a sample named twice is stored once (the
    // second record would silently replace the first), unknown ids and non-records are refused.
    const QString known = LabelExchange::exportFile(**db, LabelFile::RunB)->at(0)[QStringLiteral("sample_id")].toString();
    const QJsonObject prediction{{QStringLiteral("meta_info"), QJsonObject{}}, {QStringLiteral("structured_signs"), QJsonObject{}}};
    const QJsonArray mixed{QJsonObject{{QStringLiteral("sample_id"), known}, {QStringLiteral("ai_prediction"), prediction}},
                           QJsonObject{{QStringLiteral("sample_id"), known}, {QStringLiteral("ai_prediction"), prediction}},
                           QJsonObject{{QStringLiteral("sample_id"), QStringLiteral("no-such-sample")}},
                           QJsonValue(42)};
    QFile m(tmp.filePath(QStringLiteral("mixed.json")));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(QJsonDocument(mixed).toJson());
    m.close();
    const int extractionsBefore = test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions")).toInt();
    Result<ImportSummary> counted = LabelExchange::importFile(**db, LabelFile::RunB, m.fileName());
    QVERIFY(counted.ok());
    QCOMPARE(counted->records, qint64(4));
    QCOMPARE(counted->imported, qint64(1));
    QCOMPARE(counted->refused, qint64(3));
    QCOMPARE(counted->imported + counted->refused, counted->records);
    QCOMPARE(int(counted->notes.size()), 3);
    QCOMPARE(counted->notes[0].record, 2);
    QCOMPARE(counted->notes[0].kind, QStringLiteral("duplicate-sample"));
    QVERIFY(counted->notes[0].reason.contains(QStringLiteral("record 1")));
    QCOMPARE(counted->notes[1].kind, QStringLiteral("unknown-sample"));
    QCOMPARE(counted->notes[2].kind, QStringLiteral("not-a-record"));
    // Run B of that sample existed already: the one stored record replaced it, nothing more.
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM extractions")).toInt(), extractionsBefore);
}

namespace {

QHash<qint64, QString> times(Database &db, const QString &table)
{
    QHash<qint64, QString> out;
    QSqlQuery q = db.query();
    q.exec(QStringLiteral("SELECT sample, created_at FROM ") + table);
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

JobOutcome runStage(const Project &project, const char *id, const QJsonObject &params = {})
{
    std::atomic_bool cancel{false};
    std::unique_ptr<Stage> stage = StageRegistry::instance().create(QLatin1String(id));
    return JobExecutor::execute(project, *stage, params, nullptr, &cancel, 2);
}

} // namespace

void TestExtract::rerunsKeepWhatDidNotChange()
{
    QTemporaryDir tmp;
    Project project = test::buildPipelineProject(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("p")));
    auto db = project.connect();
    QVERIFY(db);
    const auto fusedBefore = times(**db, QStringLiteral("fused_labels"));
    const auto qcBefore = times(**db, QStringLiteral("qc_audits"));
    QVERIFY(!qcBefore.isEmpty());

    // Reading everything again gives the same readings: fusion and QC stay as they are.
    QTest::qWait(5); // a later timestamp would show if anything were rewritten
    for (const char *stage : {"extract-a", "extract-b"})
        QCOMPARE(runStage(project, stage, {{QStringLiteral("force"), true}}).state, JobState::Succeeded);
    QCOMPARE(runStage(project, "fuse").state, JobState::Succeeded);
    QCOMPARE(runStage(project, "qc").state, JobState::Succeeded);
    QCOMPARE(times(**db, QStringLiteral("fused_labels")), fusedBefore);
    QCOMPARE(times(**db, QStringLiteral("qc_audits")), qcBefore);

    // Run A changes its mind on one kept sample: fusion drops it, and its old QC audit no
    // longer counts as gold (nor in the AIR), though the row stays in the history.
    LabelRepository labels(**db);
    const auto fused = *labels.fused();
    qint64 victim = 0;
    for (const FusedRecord &f : fused)
        if (f.outcome.status == FusionOutcome::Status::Kept)
            victim = f.sample;
    QVERIFY(victim);
    const Result<std::optional<ExtractionRecord>> stored = labels.extraction(victim, QStringLiteral("A"));
    QVERIFY(stored && *stored);
    ExtractionRecord a = **stored;
    a.signs = SignSet{};
    a.signs.lesionFound = 0;
    a.createdAt.clear();
    QVERIFY(!labels.storeExtraction(a, 0));
    QCOMPARE(runStage(project, "fuse").state, JobState::Succeeded);
    const Result<std::optional<FusedRecord>> refused = labels.fusedFor(victim);
    QVERIFY(refused && *refused);
    QVERIFY((*refused)->outcome.status != FusionOutcome::Status::Kept);
    QVERIFY(labels.audits(LabelRepository::AuditSelection::All)->contains(victim));
    QVERIFY(!labels.audits()->contains(victim));
    const QJsonObject air = *SignReport::air(**db);
    QCOMPARE(air[QStringLiteral("gold")][QStringLiteral("positives")].toInt(), air[QStringLiteral("fused")][QStringLiteral("positives")].toInt());
}

void TestExtract::anotherReaderDoesNotResumeARun()
{
    QTemporaryDir tmp;
    const QString manifest = test::IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 20);
    const QString dir = tmp.filePath(QStringLiteral("p"));
    Result<Project> project = Project::create(dir);
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(manifest), nullptr, &cancel, 2).state, JobState::Succeeded);
    QVERIFY(!writeEndpoints(m_server.url(), 4));
    m_server.setRule(reading);
    m_server.resetStats();
    const QString cli = test::binaryDir() + QStringLiteral("/neuroonco");
    auto extract = [&](const QStringList &extra, QString *out, QString *err) {
        return test::runProgram(cli, QStringList{QStringLiteral("extract"), dir, QStringLiteral("--run"), QStringLiteral("A")} + extra,
                                out, err);
    };
    auto readers = [&] {
        auto db = project->connect();
        QStringList list;
        QSqlQuery q = (*db)->query();
        q.exec(QStringLiteral("SELECT extractor || ' ' || model || ' ' || COUNT(*) FROM extractions WHERE run = 'A' "
                              "GROUP BY extractor, model ORDER BY extractor"));
        while (q.next())
            list << q.value(0).toString();
        return list;
    };
    QString out, err;
    // Run A starts with the classical extractor and stops after 8 samples.
    QCOMPARE(extract({QStringLiteral("--limit"), QStringLiteral("8")}, &out, &err), 0);
    const QStringList classical = readers();
    QCOMPARE(classical.size(), 1);
    QVERIFY2(classical.front().startsWith(QStringLiteral("classical ")) && classical.front().endsWith(QStringLiteral(" 8")),
             qPrintable(classical.join(QLatin1Char('|'))));

    // Continuing it with the endpoint is refused, naming both readers; nothing is asked.
    QCOMPARE(extract({QStringLiteral("--endpoint"), QStringLiteral("fake")}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("the classical extractor")) && err.contains(QStringLiteral("endpoint 'fake'"))
                 && err.contains(QStringLiteral("fake-reader-1")) && err.contains(QStringLiteral("--force")),
             qPrintable(err));
    QCOMPARE(m_server.requestCount(), 0);
    QCOMPARE(readers(), classical);

    // --force starts run A over with the endpoint: every reading is the endpoint's.
    QCOMPARE(extract({QStringLiteral("--endpoint"), QStringLiteral("fake"), QStringLiteral("--force")}, &out, &err), 0);
    QCOMPARE(readers(), QStringList{QStringLiteral("endpoint:fake fake-reader-1 20")});
    QCOMPARE(m_server.requestCount(), 20);

    // And now the classical extractor may not continue the endpoint's run either.
    QCOMPARE(extract({}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("endpoint 'fake' (model fake-reader-1)")), qPrintable(err));
    QCOMPARE(readers(), QStringList{QStringLiteral("endpoint:fake fake-reader-1 20")});
}

void TestExtract::receivedProjectCannotSendAKeyTheUserDidNotConfigure()
{
    // A project received from someone else: its endpoints.json names a host (the local fake
    // server stands in for theirs) and the variable of the user's GitHub token.
    const QByteArray canary = "ghp_CANARY5c0ffee0123456789abcdefDoNotSend";
    const QByteArray otherCanary = "AKIA_CANARY_9f8e7d6c5b4a3210_DoNotSend";
    qputenv("GITHUB_TOKEN", canary);
    qputenv("AWS_SECRET_ACCESS_KEY", otherCanary);
    m_userEndpoints.clear();
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("received")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state, JobState::Succeeded);
    auto writeProjectEndpoints = [&](const char *keyVariable) {
        QFile f(project->endpointsFile());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QJsonObject e{{QStringLiteral("name"), QStringLiteral("shared")},
                            {QStringLiteral("base_url"), m_server.url().toString()},
                            {QStringLiteral("model"), QStringLiteral("their-model")},
                            {QStringLiteral("api_key_env"), QLatin1String(keyVariable)}};
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("endpoints"), QJsonArray{e}}}).toJson());
    };
    writeProjectEndpoints("GITHUB_TOKEN");
    m_server.resetStats();
    m_server.setRule(reading);
    auto leaked = [&](const QByteArray &secret) {
        auto db = project->connect();
        QString text = dumpText(**db);
        const QStringList logs = QDir(project->logsDir()).entryList(QDir::Files);
        for (const QString &name : logs) {
            QFile f(QDir(project->logsDir()).filePath(name));
            if (f.open(QIODevice::ReadOnly))
                text += QString::fromUtf8(f.readAll());
        }
        return text.contains(QString::fromLatin1(secret)) || text.contains(QString::fromLatin1(secret.left(16)));
    };

    // Untrusted: refused before anything is sent, with what it would have done and how to allow it.
    ExtractStage runA(QStringLiteral("A"));
    JobOutcome o = JobExecutor::execute(*project, runA, ExtractStage::parameters(QStringLiteral("shared")), nullptr, &cancel, 2);
    QCOMPARE(o.state, JobState::Failed);
    QCOMPARE(o.error.code, ErrorCode::Untrusted);
    const QString message = errorMessage(o.error);
    for (const QString &part : {QStringLiteral("'shared'"), project->endpointsFile(), QStringLiteral("127.0.0.1"),
                                QStringLiteral("$GITHUB_TOKEN"), QStringLiteral("neuroonco endpoints trust")})
        QVERIFY2(message.contains(part), qPrintable(part + QStringLiteral(" not in: ") + message));
    QVERIFY(!message.contains(QString::fromLatin1(canary)));
    QCOMPARE(m_server.requestCount(), 0);
    QVERIFY(!leaked(canary));

    // Trusted: it works, with exactly the key variable the trust showed.
    QVERIFY(!EndpointDirectory::load(project->root())->trustProject());
    o = JobExecutor::execute(*project, runA, ExtractStage::parameters(QStringLiteral("shared")), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    QVERIFY(m_server.requestCount() > 0);
    for (const test::RecordedRequest &r : m_server.requests())
        QCOMPARE(r.header("authorization"), QByteArray("Bearer " + canary));
    QVERIFY(!leaked(canary)); // sent as the user allowed, stored nowhere

    // The received file is edited after the trust to name another variable: the trust is void.
    writeProjectEndpoints("AWS_SECRET_ACCESS_KEY");
    m_server.resetStats();
    ExtractStage runB(QStringLiteral("B"));
    o = JobExecutor::execute(*project, runB, ExtractStage::parameters(QStringLiteral("shared")), nullptr, &cancel, 2);
    QCOMPARE(o.state, JobState::Failed);
    QCOMPARE(o.error.code, ErrorCode::Untrusted);
    QVERIFY2(errorMessage(o.error).contains(QStringLiteral("changed")), qPrintable(errorMessage(o.error)));
    QCOMPARE(m_server.requestCount(), 0);
    QVERIFY(!leaked(otherCanary));

    // Plain http to another machine: refused before any connection, even when trusted.
    QFile f(project->endpointsFile());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"endpoints":[{"name":"lan","base_url":"http://192.0.2.1:8000/v1","model":"m","allow_insecure_http":true,"timeout_s":600}]})");
    f.close();
    QVERIFY(!EndpointDirectory::load(project->root())->trustProject());
    o = JobExecutor::execute(*project, runB, ExtractStage::parameters(QStringLiteral("lan")), nullptr, &cancel, 2);
    QCOMPARE(o.state, JobState::Failed);
    QVERIFY2(errorMessage(o.error).contains(QStringLiteral("allow_insecure_http")), qPrintable(errorMessage(o.error)));
    qunsetenv("GITHUB_TOKEN");
    qunsetenv("AWS_SECRET_ACCESS_KEY");
}

QTEST_GUILESS_MAIN(TestExtract)
void TestExtract::aRecordThatCannotBeStoredStopsTheRun()
{
    // A sample whose slice is gone is recorded as an error before any request; when even that
    // record cannot be written, the run stops with the database's error instead of carrying on
    // as if the sample had been recorded.
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state,
             JobState::Succeeded);
    auto db = project->connect();
    const QString slice = test::scalar(**db, QStringLiteral("SELECT image_path FROM samples WHERE duplicate_of IS NULL ORDER BY sample_id LIMIT 1")).toString();
    QVERIFY(!slice.isEmpty());
    QVERIFY(QFile::remove(QDir(project->slicesDir()).filePath(slice)));
    QVERIFY(!(*db)->exec(QStringLiteral("CREATE TRIGGER refuse_error_rows BEFORE INSERT ON extractions "
                                        "WHEN NEW.status = 'error' BEGIN SELECT RAISE(ABORT, 'disk says no'); END")));
    QVERIFY(!writeEndpoints(m_server.url(), 2));
    m_server.resetStats();
    m_server.setRule(reading);
    ExtractStage stage(QStringLiteral("A"));
    const JobOutcome o = JobExecutor::execute(*project, stage, ExtractStage::parameters(QStringLiteral("fake")), nullptr, &cancel, 1);
    QCOMPARE(o.state, JobState::Failed);
    QCOMPARE(o.error.code, ErrorCode::Database);
    QVERIFY2(errorMessage(o.error).contains(QStringLiteral("disk says no")), qPrintable(errorMessage(o.error)));
}

#include "tst_extract.moc"
