// The evaluate stage against the local fake server playing models of known behaviour (always A,
// always E, oracle, oracle except traps, chatty, refusing; echo and silent for open questions;
// a judge): exact expected scores computed from the item set, circular evaluation, kill -9 in
// the middle of a run and a rerun that asks no stored question again, the published prediction
// format out and back in (with the trap flags the published scripts lose), the leaderboard
// report and the dashboard figure. The functions share one project and run in order: later
// ones read the runs earlier ones made.
#include "core/benchmark/BenchmarkRepository.h"
#include "core/evaluate/EvalRepository.h"
#include "core/evaluate/Leaderboard.h"
#include "core/evaluate/OptionRotation.h"
#include "core/evaluate/PredictionExchange.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRepository.h"
#include "core/jobs/StageRegistry.h"
#include "core/llm/EndpointStore.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/report/ProjectFigures.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"
#include "FakeChatServer.h"
#include "FakeExaminee.h"
#include "IngestFixture.h"
#include "TestUtil.h"
#include "UserEndpointsFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <memory>

using namespace neuroonco;
using neuroonco::test::FakeChatServer;
using neuroonco::test::FakeExaminee;
using neuroonco::test::FakeReply;
using Persona = FakeExaminee::Persona;

namespace {

const char *kKeyVariable = "NEUROONCO_EVAL_TEST_KEY";
const QString kKey = QStringLiteral("sk-eval-5d1e0c-DO-NOT-STORE");
const QString kDiagnosis = QStringLiteral("What is the most likely diagnosis?");
const QString kModality = QStringLiteral("What imaging sequence is shown?");
const QString kSize = QStringLiteral("What is the overall size of the lesion?");
const QString kOpenQuestion = QStringLiteral("Describe the lesion in this slice.");
const QString kReference =
    QStringLiteral("A large irregular glioma in the upper left region with surrounding oedema.");

// Four options with `answer` at position `at` (the others fill the remaining places in order),
// then E; or, for a trap, the four distractors and E as the answer.
ClosedQuestion mcq(const QString &stem, const QString &answer, const QStringList &distractors,
                   int at, bool trap)
{
    ClosedQuestion q;
    q.question = stem;
    QStringList texts = distractors.mid(0, trap ? 4 : 3);
    if (!trap)
        texts.insert(at, answer);
    for (int i = 0; i < 4; ++i)
        q.options.push_back({QString(QChar('A' + i)), texts.at(i)});
    q.options.push_back({QStringLiteral("E"), ClosedQuestion::noneOfTheAbove()});
    q.trap = trap;
    q.answer = trap ? QStringLiteral("E") : QString(QChar('A' + at));
    q.originalAnswer = trap ? answer : QString();
    return q;
}

QString sha1Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1).toHex());
}

Error writeEndpoints(const QUrl &url, int inFlight)
{
    EndpointStore store;
    for (Persona p : {Persona::AlwaysA, Persona::AlwaysE, Persona::Oracle,
                      Persona::OracleExceptTraps, Persona::Chatty, Persona::Refuse,
                      Persona::EchoReference, Persona::Silent, Persona::JudgeHalf}) {
        Result<EndpointConfig> e = EndpointConfig::fromJson(
            QJsonObject{{QStringLiteral("name"), FakeExaminee::modelName(p)},
                        {QStringLiteral("base_url"), url.toString()},
                        {QStringLiteral("model"), FakeExaminee::modelName(p)},
                        {QStringLiteral("max_in_flight"), inFlight},
                        {QStringLiteral("timeout_s"), 20},
                        {QStringLiteral("max_retries"), 2},
                        {QStringLiteral("api_key_env"), QLatin1String(kKeyVariable)}});
        if (!e)
            return e.error();
        store.upsert(*e);
    }
    return test::UserEndpointsFile::save(store);
}

// What a persona should score on a set of items, worked out here from the items alone.
struct Expected
{
    qint64 n = 0, correct = 0, invalid = 0, traps = 0, trapsCorrect = 0, nonTraps = 0,
           nonTrapsCorrect = 0, binary = 0, binaryCorrect = 0, multiple = 0, multipleCorrect = 0,
           trapRejected = 0, answerableWithE = 0, answerableRejected = 0;
};

Expected expectedFor(Persona persona, const std::vector<BenchmarkItem> &items)
{
    Expected x;
    for (const BenchmarkItem &item : items) {
        const ClosedQuestion q = item.closed();
        const bool hasE = !q.optionText(QStringLiteral("E")).isNull();
        const bool multiple = OptionRotation::count(q) > 2;
        QString pred;
        bool valid = true;
        switch (persona) {
        case Persona::AlwaysA:
            pred = QStringLiteral("A");
            break;
        case Persona::AlwaysE:
            pred = QStringLiteral("E");
            valid = hasE;
            break;
        case Persona::OracleExceptTraps:
            pred = q.answer;
            valid = !q.trap;
            break;
        case Persona::Refuse:
            valid = false;
            break;
        default:
            pred = q.answer;
            break;
        }
        const bool correct = valid && pred == q.answer;
        ++x.n;
        x.correct += correct;
        x.invalid += !valid;
        if (q.trap) {
            ++x.traps;
            x.trapsCorrect += correct;
            x.trapRejected += valid && pred == QLatin1String("E");
        } else {
            ++x.nonTraps;
            x.nonTrapsCorrect += correct;
            if (hasE) {
                ++x.answerableWithE;
                x.answerableRejected += valid && pred == QLatin1String("E");
            }
        }
        (multiple ? x.multiple : x.binary) += 1;
        (multiple ? x.multipleCorrect : x.binaryCorrect) += correct;
    }
    return x;
}

} // namespace

class TestEvaluateStage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void personasGiveExpectedScores();
    void circularOracleIsPerfectAlwaysAIsZero();
    void killedEvaluationResumesWithoutAskingTwice();
    void exportImportRoundTripKeepsTrapFlags();
    void leaderboardReportAndFigure();
    void openAnswersAreScoredAndJudged();
    void runSettingsCannotChangeUnderOneName();
    void missingImagesAreRecordedAndAskedAgain();
    void everyRequestFailingFailsTheRun();
    void emptyItemSetIsNothingToDo();
    void projectEndpointsAreRefusedUntilTrusted();

private:
    JobOutcome evaluate(const EvaluateOptions &options);
    std::vector<BenchmarkItem> closedItems(bool includeUnapproved);
    int requestsFor(const QString &model) const;

    QTemporaryDir m_tmp;
    test::UserEndpointsFile m_userEndpoints;
    FakeChatServer m_server;
    std::shared_ptr<FakeExaminee> m_examinee = std::make_shared<FakeExaminee>();
    std::shared_ptr<std::atomic_int> m_delayMs = std::make_shared<std::atomic_int>(0);
    Project m_project;
};

void TestEvaluateStage::initTestCase()
{
    qputenv(kKeyVariable, kKey.toUtf8()); // inherited by the CLI children too
    registerBuiltinStages();
    QVERIFY(m_server.start());
    const QString manifest =
        test::IngestFixture::buildManySmall(m_tmp.filePath(QStringLiteral("data")), 30);
    Result<Project> project = Project::create(m_tmp.filePath(QStringLiteral("p")));
    QVERIFY(project.ok());
    m_project = *project;
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(m_project, ingest, IngestStage::parameters(manifest), nullptr,
                                  &cancel, 2)
                 .state,
             JobState::Succeeded);
    QVERIFY(!writeEndpoints(m_server.url(), 4));

    auto db = m_project.connect();
    const std::vector<SampleRecord> samples = *SampleRepository(**db).all();
    QCOMPARE(samples.size(), size_t(30));
    BenchmarkRepository repo(**db);
    const QStringList diagnoses{QStringLiteral("Metastasis"), QStringLiteral("Lymphoma"),
                                QStringLiteral("Abscess"), QStringLiteral("Radiation necrosis")};
    const QStringList modalities{QStringLiteral("T2"), QStringLiteral("FLAIR"),
                                 QStringLiteral("T1_CE"), QStringLiteral("DWI")};
    const QStringList sizes{QStringLiteral("Small"), QStringLiteral("Medium"),
                            QStringLiteral("No lesion visible"), QStringLiteral("Diffuse")};
    for (int k = 0; k < int(samples.size()); ++k) {
        const SampleRecord &s = samples[size_t(k)];
        const QString hash = sha1Of(QDir(m_project.slicesDir()).filePath(s.imagePath));
        QVERIFY(!hash.isEmpty());
        ClosedQuestion diagnosis;
        if (k % 10 == 0) { // binary without E
            diagnosis.question = kDiagnosis;
            diagnosis.options = {{QStringLiteral("A"), QStringLiteral("Healthy")},
                                 {QStringLiteral("B"), QStringLiteral("Abnormal")}};
            diagnosis.answer = QStringLiteral("B");
        } else if (k % 10 == 5) { // binary with E
            diagnosis.question = kDiagnosis;
            diagnosis.options = {{QStringLiteral("A"), QStringLiteral("Abnormal")},
                                 {QStringLiteral("B"), QStringLiteral("Healthy")},
                                 {QStringLiteral("E"), ClosedQuestion::noneOfTheAbove()}};
            diagnosis.answer = QStringLiteral("A");
        } else {
            diagnosis = mcq(kDiagnosis, QStringLiteral("Glioma"), diagnoses, k % 4, k % 4 == 1);
        }
        const std::pair<QString, ClosedQuestion> questions[] = {
            {QStringLiteral("diagnosis"), diagnosis},
            {QStringLiteral("modality"),
             mcq(kModality, QStringLiteral("T1"), modalities, (k + 1) % 4, k % 5 == 2)},
            {QStringLiteral("size"),
             mcq(kSize, QStringLiteral("Large/Extensive"), sizes, (k + 2) % 4, k % 3 == 0)},
        };
        for (const auto &[type, question] : questions) {
            ClosedQuestion q = question;
            q.questionType = type;
            BenchmarkItem item;
            item.kind = ItemKind::Closed;
            item.sample = s.id;
            item.itemKey = QStringLiteral("closed:%1:%2").arg(s.sampleId, type);
            item.imagePath = s.imagePath;
            item.questionType = type;
            item.payload = q.toJson();
            item.trap = q.trap;
            item.answer = q.answer;
            item.status = k == 3                                      ? ItemStatus::Pending
                          : (k == 7 && type == QLatin1String("size")) ? ItemStatus::Rejected
                                                                      : ItemStatus::Approved;
            QVERIFY(repo.upsert(item, BenchmarkRepository::UpsertMode::KeepExisting).ok());
            m_examinee->addClosed(FakeExaminee::keyOf(hash, q.question),
                                  {q.trap ? ClosedQuestion::noneOfTheAbove() : q.answerText(),
                                   q.trap, q.originalAnswer});
        }
        if (k < 5) {
            OpenQuestion open;
            open.questionId = QStringLiteral("%1_q1").arg(s.id);
            open.questionType = QStringLiteral("Detail");
            open.question = kOpenQuestion;
            open.referenceAnswer = kReference;
            open.keywords = {QStringLiteral("glioma"), QStringLiteral("irregular"),
                             QStringLiteral("large")};
            BenchmarkItem item;
            item.kind = ItemKind::Open;
            item.sample = s.id;
            item.itemKey = QStringLiteral("open:%1:1").arg(s.sampleId);
            item.imagePath = s.imagePath;
            item.questionType = open.questionType;
            item.payload = open.toJson();
            item.status = ItemStatus::Approved;
            QVERIFY(repo.upsert(item, BenchmarkRepository::UpsertMode::KeepExisting).ok());
            m_examinee->addOpen(FakeExaminee::keyOf(hash, kOpenQuestion), kReference);
        }
    }
    const std::shared_ptr<const FakeExaminee> examinee = m_examinee;
    const std::shared_ptr<std::atomic_int> delay = m_delayMs;
    m_server.setRule([examinee, delay](const QJsonObject &request, int) {
        FakeReply r = examinee->reply(request);
        r.delayMs = delay->load();
        return r;
    });
}

JobOutcome TestEvaluateStage::evaluate(const EvaluateOptions &options)
{
    std::atomic_bool cancel{false};
    EvaluateStage stage;
    return JobExecutor::execute(m_project, stage, options.toParameters(), nullptr, &cancel, 2);
}

std::vector<BenchmarkItem> TestEvaluateStage::closedItems(bool includeUnapproved)
{
    auto db = m_project.connect();
    ItemFilter filter;
    filter.kind = ItemKind::Closed;
    filter.statuses = includeUnapproved ? QList<ItemStatus>{ItemStatus::Approved,
                                                            ItemStatus::Pending, ItemStatus::Stale}
                                        : QList<ItemStatus>{ItemStatus::Approved};
    return *BenchmarkRepository(**db).items(filter);
}

int TestEvaluateStage::requestsFor(const QString &model) const
{
    int n = 0;
    for (const test::RecordedRequest &r : m_server.requests())
        n += r.json.value(QStringLiteral("model")).toString() == model ? 1 : 0;
    return n;
}

void TestEvaluateStage::personasGiveExpectedScores()
{
    const std::vector<BenchmarkItem> approved = closedItems(false);
    QCOMPARE(approved.size(), size_t(30 * 3 - 3 - 1)); // sample 3 pending, one size item rejected
    for (Persona p : {Persona::AlwaysA, Persona::AlwaysE, Persona::Oracle,
                      Persona::OracleExceptTraps, Persona::Chatty, Persona::Refuse}) {
        const QString model = FakeExaminee::modelName(p);
        m_server.resetStats();
        EvaluateOptions o;
        o.endpoint = model;
        o.run = model;
        const JobOutcome outcome = evaluate(o);
        QVERIFY2(outcome.state == JobState::Succeeded, qPrintable(errorMessage(outcome.error)));
        // Only approved items were asked, each once.
        QCOMPARE(requestsFor(model), int(approved.size()));
        QCOMPARE(outcome.summary.value(QStringLiteral("asked")).toInt(), int(approved.size()));
        QCOMPARE(outcome.summary.value(QStringLiteral("errors")).toInt(), 0);

        auto db = m_project.connect();
        const RunScores scores = *Leaderboard::scores(**db, model);
        const ClosedScores &s = scores.closed;
        const Expected x = expectedFor(p, approved);
        const QByteArray who = model.toUtf8();
        QVERIFY2(s.questions == x.n && s.pending == 0, who.constData());
        QVERIFY2(s.accuracy.hits == x.correct && s.accuracy.n == x.n, who.constData());
        QVERIFY2(s.invalid.hits == x.invalid, who.constData());
        QVERIFY2(s.trap.hits == x.trapsCorrect && s.trap.n == x.traps, who.constData());
        QVERIFY2(s.nonTrap.hits == x.nonTrapsCorrect && s.nonTrap.n == x.nonTraps, who.constData());
        QVERIFY2(s.binary.hits == x.binaryCorrect && s.binary.n == x.binary, who.constData());
        QVERIFY2(s.multipleChoice.hits == x.multipleCorrect && s.multipleChoice.n == x.multiple,
                 who.constData());
        QVERIFY2(s.correctRejection.hits == x.trapRejected && s.correctRejection.n == x.traps,
                 who.constData());
        QVERIFY2(s.falseRejection.hits == x.answerableRejected &&
                     s.falseRejection.n == x.answerableWithE,
                 who.constData());
        QVERIFY(x.traps > 10 && x.binary >= 5);
        // The headline numbers of each persona, spelled out.
        switch (p) {
        case Persona::AlwaysE:
            QCOMPARE(s.trap.value(), 1.0);
            QCOMPARE(s.nonTrap.value(), 0.0);
            QCOMPARE(s.correctRejection.value(), 1.0);
            QCOMPARE(s.falseRejection.value(), 1.0);
            QCOMPARE(s.invalid.hits,
                     qint64(3)); // the binary questions without E (samples 0, 10, 20)
            break;
        case Persona::Oracle:
        case Persona::Chatty:
            QCOMPARE(s.accuracy.value(), 1.0);
            QCOMPARE(s.correctRejection.value(), 1.0);
            QCOMPARE(s.falseRejection.value(), 0.0);
            QCOMPARE(s.invalid.hits, qint64(0));
            break;
        case Persona::OracleExceptTraps:
            QCOMPARE(s.nonTrap.value(), 1.0);
            QCOMPARE(s.trap.value(), 0.0);
            QCOMPARE(s.invalid.hits,
                     x.traps); // the removed answer is not an option: invalid, never guessed
            break;
        case Persona::Refuse:
            QCOMPARE(s.accuracy.value(), 0.0);
            QCOMPARE(s.invalid.value(), 1.0);
            break;
        default:
            break;
        }
        for (const auto &[type, rate] : s.byType.asKeyValueRange())
            QVERIFY2(rate.n > 0 && rate.interval.hasInterval, qPrintable(type));
        // The raw replies are kept.
        const std::vector<EvalAnswer> answers = *EvalRepository(**db).answers(scores.run.id);
        QCOMPARE(answers.size(), approved.size());
        for (const EvalAnswer &a : answers) {
            if (p == Persona::Chatty)
                QVERIFY(a.raw.startsWith(QStringLiteral("I think the answer is (")));
            if (p == Persona::Refuse)
                QCOMPARE(a.problem, QStringLiteral("refusal"));
            QCOMPARE(a.gt, a.isTrap ? QStringLiteral("E") : a.gt);
        }
        QVERIFY(!scores.run.finishedAt.isEmpty());
        QCOMPARE(scores.run.promptVersion, QStringLiteral("eval-closed@1"));
    }
    // The request carries the question, the lettered options and the image.
    const test::RecordedRequest first = m_server.request(0);
    QVERIFY(first.userText().contains(QStringLiteral("Question: ")));
    QVERIFY(first.userText().contains(QStringLiteral("E. None of the above")) ||
            first.userText().contains(QStringLiteral("B. ")));
    QVERIFY(!first.imageBytes().isEmpty());
    QVERIFY(!first.json.contains(QStringLiteral("response_format")));
    // Rerunning a finished run asks nothing.
    m_server.resetStats();
    EvaluateOptions again;
    again.endpoint = FakeExaminee::modelName(Persona::Oracle);
    again.run = again.endpoint;
    QCOMPARE(evaluate(again).state, JobState::Succeeded);
    QCOMPARE(m_server.requestCount(), 0);
}

void TestEvaluateStage::circularOracleIsPerfectAlwaysAIsZero()
{
    const std::vector<BenchmarkItem> approved = closedItems(false);
    int rotations = 0, multiple = 0;
    for (const BenchmarkItem &i : approved) {
        rotations += OptionRotation::count(i.closed());
        multiple += OptionRotation::count(i.closed()) == 4 ? 1 : 0;
    }
    for (Persona p : {Persona::Oracle, Persona::AlwaysA}) {
        const QString model = FakeExaminee::modelName(p);
        m_server.resetStats();
        EvaluateOptions o;
        o.endpoint = model;
        o.circular = true;
        QCOMPARE(o.runName(), model + QStringLiteral("-closed-circular"));
        const JobOutcome outcome = evaluate(o);
        QVERIFY2(outcome.state == JobState::Succeeded, qPrintable(errorMessage(outcome.error)));
        QCOMPARE(requestsFor(model), rotations); // every rotation of every question, once
        auto db = m_project.connect();
        const ClosedScores s = Leaderboard::scores(**db, o.runName())->closed;
        QVERIFY(s.circular);
        QCOMPARE(s.questions, qint64(approved.size()));
        QCOMPARE(s.multipleChoice.n, qint64(multiple));
        if (p == Persona::Oracle) {
            QCOMPARE(s.accuracy.value(), 1.0);
        } else {
            // "A" names a different option in every rotation: right at most once, so never
            // right in all of them.
            QCOMPARE(s.multipleChoice.hits, qint64(0));
            QCOMPARE(s.accuracy.hits, qint64(0));
        }
    }
    // The oracle really saw the options move: the same question came with different orders.
    QSet<QString> orders;
    for (const test::RecordedRequest &r : m_server.requests())
        if (FakeExaminee::parse(r.userText()).question == kModality)
            orders.insert(r.userText().section(QStringLiteral("Options:"), 1));
    QVERIFY(orders.size() > 4);
}

void TestEvaluateStage::killedEvaluationResumesWithoutAskingTwice()
{
    const std::vector<BenchmarkItem> all = closedItems(true);
    int units = 0;
    for (const BenchmarkItem &i : all)
        units += OptionRotation::count(i.closed());
    m_server.resetStats();
    m_delayMs->store(25);
    const QString dir = m_project.root();
    const QStringList args{QStringLiteral("evaluate"),   dir,
                           QStringLiteral("--endpoint"), FakeExaminee::modelName(Persona::Oracle),
                           QStringLiteral("--name"),     QStringLiteral("killed"),
                           QStringLiteral("--circular"), QStringLiteral("--all")};
    QProcess child;
    child.start(test::binaryDir() + QStringLiteral("/neuroonco"),
                args + QStringList{QStringLiteral("--quiet")});
    QVERIFY(child.waitForStarted());
    auto db = m_project.connect();
    const QString stored = QStringLiteral("SELECT COUNT(*) FROM eval_answers a JOIN eval_runs r ON "
                                          "r.id = a.run WHERE r.name = 'killed'");
    QTRY_VERIFY_WITH_TIMEOUT(
        test::scalar(**db, stored, 0).toInt() >= 60 || child.state() == QProcess::NotRunning, 60000);
    QVERIFY(child.state() == QProcess::Running);
    child.kill();
    QVERIFY(child.waitForFinished());
    m_delayMs->store(0);

    // Each question as the model saw it: image, question and the options in presented order.
    auto unitKey = [](const QString &imageHash, const QString &question, const QString &options) {
        return imageHash + QLatin1Char('\n') + question + QLatin1Char('\n') + options;
    };
    QSet<QString> storedBefore;
    {
        QSqlQuery q = (*db)->query();
        QVERIFY(q.exec(QStringLiteral("SELECT a.image_path, a.presented, i.payload FROM "
                                      "eval_answers a JOIN eval_runs r ON r.id = a.run "
                                      "JOIN benchmark_items i ON i.id = a.item WHERE r.name = "
                                      "'killed' AND a.error IS NULL")));
        while (q.next()) {
            const QJsonObject presented =
                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            QStringList lines;
            for (auto it = presented.begin(); it != presented.end(); ++it)
                lines << QStringLiteral("%1. %2").arg(it.key(), it.value().toString());
            const QString question = QJsonDocument::fromJson(q.value(2).toString().toUtf8())
                                         .object()
                                         .value(QStringLiteral("question"))
                                         .toString();
            storedBefore.insert(
                unitKey(sha1Of(QDir(m_project.slicesDir()).filePath(q.value(0).toString())),
                        question, lines.join(QLatin1Char('\n'))));
        }
    }
    QVERIFY2(storedBefore.size() >= 60 && storedBefore.size() < units,
             qPrintable(QString::number(storedBefore.size())));

    QString out, err;
    QCOMPARE(test::runProgram(test::binaryDir() + QStringLiteral("/neuroonco"),
                              args + QStringList{QStringLiteral("--json")}, &out, &err),
             0);
    QCOMPARE(test::scalar(**db, stored + QStringLiteral(" AND a.error IS NULL")).toInt(), units);

    // Count what the server was asked, per question as presented.
    QHash<QString, int> asked;
    for (const test::RecordedRequest &r : m_server.requests()) {
        const FakeExaminee::Asked a = FakeExaminee::parse(r.userText());
        QStringList lines;
        for (const auto &[letter, text] : a.options)
            lines << QStringLiteral("%1. %2").arg(letter, text);
        ++asked[unitKey(test::RecordedRequest::imageHashOf(r.json), a.question,
                        lines.join(QLatin1Char('\n')))];
    }
    QCOMPARE(asked.size(), units); // every question in every rotation was asked …
    for (const QString &key : storedBefore)
        QCOMPARE(asked.value(key), 1); // … and none stored before the kill was asked again
    int twice = 0;
    for (int n : asked)
        twice += n > 1 ? 1 : 0;
    // Only the requests in flight at the kill (4), and at most the few replies of the event-loop
    // pass the kill interrupted: every reply is committed as soon as it is read.
    QVERIFY2(twice <= 8, qPrintable(QString::number(twice)));
    qInfo("killed after %d of %d answers were stored; %d asked twice (in flight at the kill)",
          int(storedBefore.size()), units, twice);

    const ClosedScores s = Leaderboard::scores(**db, QStringLiteral("killed"))->closed;
    QCOMPARE(s.accuracy.value(), 1.0);
    QCOMPARE(s.questions, qint64(all.size()));
    // The killed job is on record as interrupted, the rerun as resuming it.
    std::vector<JobRecord> jobs;
    const std::vector<JobRecord> allJobs = *JobRepository(**db).list();
    for (const JobRecord &j : allJobs)
        if (j.lockKey == QLatin1String("evaluate:killed"))
            jobs.push_back(j);
    QCOMPARE(jobs.size(), size_t(2));
    QCOMPARE(jobs.back().state, JobState::Interrupted);
    QCOMPARE(jobs.front().state, JobState::Succeeded);
    QCOMPARE(jobs.front().resumedFrom, jobs.back().id);
}

void TestEvaluateStage::exportImportRoundTripKeepsTrapFlags()
{
    const std::vector<BenchmarkItem> approved = closedItems(false);
    int traps = 0;
    for (const BenchmarkItem &i : approved)
        traps += i.trap ? 1 : 0;
    const QString neuroonco = test::binaryDir() + QStringLiteral("/neuroonco");
    const QString file = m_tmp.filePath(QStringLiteral("oracle.jsonl"));
    QString out, err;
    QCOMPARE(test::runProgram(neuroonco,
                              {QStringLiteral("export"), m_project.root(), QStringLiteral("--what"),
                               QStringLiteral("predictions"), QStringLiteral("--run"),
                               QStringLiteral("oracle"), QStringLiteral("--out"), file},
                              &out, &err),
             0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray first = f.readAll();
    f.close();
    const QList<QByteArray> lines = first.trimmed().split('\n');
    QCOMPARE(lines.size(), qsizetype(approved.size()));
    int trapLines = 0;
    QSet<QString> ids;
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        for (const char *key :
             {"id", "q_index", "type", "is_mcq", "is_trap", "gt", "pred", "correct", "image_path"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QStringLiteral("id")).isDouble());
        QVERIFY(o.value(QStringLiteral("correct")).toBool());
        trapLines += o.value(QStringLiteral("is_trap")).toBool() ? 1 : 0;
        ids.insert(QStringLiteral("%1#%2")
                       .arg(o.value(QStringLiteral("id")).toInteger())
                       .arg(o.value(QStringLiteral("q_index")).toInt()));
    }
    QCOMPARE(trapLines, traps);
    QCOMPARE(ids.size(), lines.size()); // (id, q_index) names each question once
    // q_index counts from 1, as in the published evaluation output: every record's questions
    // are numbered 1, 2, … without a gap.
    QHash<qint64, QList<int>> perRecord;
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        perRecord[o.value(QStringLiteral("id")).toInteger()] << o.value(QStringLiteral("q_index")).toInt();
    }
    for (QList<int> &numbers : perRecord) {
        std::sort(numbers.begin(), numbers.end());
        for (qsizetype i = 0; i < numbers.size(); ++i)
            QCOMPARE(numbers[i], int(i) + 1);
    }
    QFile summaryFile(m_tmp.filePath(QStringLiteral("oracle.summary.json")));
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(summaryFile.readAll()).object();
    QCOMPARE(summary[QStringLiteral("scores")][QStringLiteral("trap")][QStringLiteral("n")].toInt(),
             traps);
    QCOMPARE(summary[QStringLiteral("scores")][QStringLiteral("accuracy")][QStringLiteral("value")]
                 .toDouble(),
             1.0);
    for (const char *key : {"by_type", "binary", "multiple_choice", "non_trap"})
        QVERIFY(summary[QStringLiteral("scores")].toObject().contains(QLatin1String(key)));

    // Back in as a new run: every line finds its item; the same file comes out again.
    QCOMPARE(test::runProgram(neuroonco,
                              {QStringLiteral("import"), m_project.root(), QStringLiteral("--what"),
                               QStringLiteral("predictions"), QStringLiteral("--in"), file,
                               QStringLiteral("--name"), QStringLiteral("oracle-again")},
                              &out, &err),
             0);
    QVERIFY2(out.contains(QStringLiteral("%1 matched").arg(approved.size())), qPrintable(out));
    const QString again = m_tmp.filePath(QStringLiteral("again.jsonl"));
    QCOMPARE(test::runProgram(neuroonco,
                              {QStringLiteral("export"), m_project.root(), QStringLiteral("--what"),
                               QStringLiteral("predictions"), QStringLiteral("--run"),
                               QStringLiteral("oracle-again"), QStringLiteral("--out"), again},
                              &out, &err),
             0);
    QFile g(again);
    QVERIFY(g.open(QIODevice::ReadOnly));
    QCOMPARE(g.readAll(), first);
    // A second import under the same name is refused.
    QCOMPARE(test::runProgram(neuroonco,
                              {QStringLiteral("import"), m_project.root(), QStringLiteral("--what"),
                               QStringLiteral("predictions"), QStringLiteral("--in"), file,
                               QStringLiteral("--name"), QStringLiteral("oracle-again")},
                              &out, &err),
             1);

    // As the published scripts write it: is_trap false everywhere, plus a question this
    // project does not have. The items' trap flags win; the stranger is kept as external.
    QByteArray published;
    for (const QByteArray &line : lines) {
        QJsonObject o = QJsonDocument::fromJson(line).object();
        o.insert(QStringLiteral("is_trap"), false);
        published += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    published +=
        R"({"id": 987654, "q_index": 1, "type": "diagnosis", "is_mcq": true, "is_trap": false, "gt": "B", "pred": "Answer: B", "correct": true, "image_path": "elsewhere/x.png"})"
        "\n";
    const QString publishedFile = m_tmp.filePath(QStringLiteral("published.jsonl"));
    QFile p(publishedFile);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(published);
    p.close();
    auto db = m_project.connect();
    Result<PredictionImportSummary> s = PredictionExchange::importFile(
        **db, publishedFile, QStringLiteral("published"), QStringLiteral("someone"));
    QVERIFY2(s.ok(), qPrintable(errorMessage(s.error())));
    QCOMPARE(s->matched, int(approved.size()));
    QCOMPARE(s->external, 1);
    QCOMPARE(s->trapFlagsCorrected, traps);
    QCOMPARE(s->invalid, 0);
    const ClosedScores scores = Leaderboard::scores(**db, QStringLiteral("published"))->closed;
    QCOMPARE(scores.trap.n,
             qint64(traps)); // not empty, unlike the published scripts' trap accuracy
    QCOMPARE(scores.trap.value(), 1.0);
    QCOMPARE(scores.questions, qint64(approved.size() + 1));
    QCOMPARE(scores.accuracy.value(), 1.0);
    // Lines that name their question only by record id and q_index (no type, no image path)
    // find their items by position: q_index 1 is the record's first question.
    QByteArray bare;
    for (const QByteArray &line : lines) {
        QJsonObject o = QJsonDocument::fromJson(line).object();
        o.remove(QStringLiteral("type"));
        o.remove(QStringLiteral("image_path"));
        bare += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString bareFile = m_tmp.filePath(QStringLiteral("bare.jsonl"));
    QFile b(bareFile);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(bare);
    b.close();
    Result<PredictionImportSummary> byPosition =
        PredictionExchange::importFile(**db, bareFile, QStringLiteral("by-position"), QStringLiteral("someone"));
    QVERIFY2(byPosition.ok(), qPrintable(errorMessage(byPosition.error())));
    QCOMPARE(byPosition->matched, int(approved.size()));
    QCOMPARE(Leaderboard::scores(**db, QStringLiteral("by-position"))->closed.accuracy.value(), 1.0);

    const std::vector<QuestionResult> results =
        *Leaderboard::questions(**db, QStringLiteral("published"));
    QCOMPARE(results.back().item, qint64(0));
    QCOMPARE(results.back().externalId, QStringLiteral("987654"));
    QCOMPARE(results.front().question.isEmpty(), false);
    QVERIFY(!results.front().options.isEmpty());
}

void TestEvaluateStage::leaderboardReportAndFigure()
{
    {
        // The key went to the server, and into no table of the project.
        QVERIFY(m_server.requestCount() == 0 ||
                m_server.request(0).header("authorization") == "Bearer " + kKey.toUtf8());
        auto db = m_project.connect();
        QSqlQuery tables = (*db)->query();
        QVERIFY(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        QVERIFY(names.contains(QStringLiteral("eval_answers")));
        for (const QString &t : names) {
            QSqlQuery q = (*db)->query();
            QVERIFY(q.exec(QStringLiteral("SELECT * FROM ") + t));
            while (q.next())
                for (int c = 0; c < q.record().count(); ++c)
                    QVERIFY2(!q.value(c).toString().contains(QStringLiteral("5d1e0c")),
                             qPrintable(t));
        }
    }
    QString out, err;
    QCOMPARE(test::runProgram(test::binaryDir() + QStringLiteral("/neuroonco"),
                              {QStringLiteral("report"), m_project.root(), QStringLiteral("--eval"),
                               QStringLiteral("--json")},
                              &out, &err),
             0);
    const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(report[QStringLiteral("bootstrap")][QStringLiteral("resamples")].toInt(), 1000);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &v : report[QStringLiteral("runs")].toArray())
        byName.insert(v[QStringLiteral("run")][QStringLiteral("name")].toString(),
                      v[QStringLiteral("scores")].toObject());
    QVERIFY(byName.contains(QStringLiteral("oracle")) &&
            byName.contains(QStringLiteral("always-a")));
    const QJsonObject oracle = byName.value(QStringLiteral("oracle"));
    QCOMPARE(oracle[QStringLiteral("accuracy")][QStringLiteral("value")].toDouble(), 1.0);
    const QJsonObject alwaysA =
        byName.value(QStringLiteral("always-a"))[QStringLiteral("accuracy")].toObject();
    QVERIFY(alwaysA[QStringLiteral("lower")].toDouble() <=
            alwaysA[QStringLiteral("value")].toDouble());
    QVERIFY(alwaysA[QStringLiteral("value")].toDouble() <=
            alwaysA[QStringLiteral("upper")].toDouble());
    QVERIFY(alwaysA[QStringLiteral("upper")].toDouble() >
            alwaysA[QStringLiteral("lower")].toDouble());
    // The human-readable table names every run.
    QCOMPARE(
        test::runProgram(test::binaryDir() + QStringLiteral("/neuroonco"),
                         {QStringLiteral("report"), m_project.root(), QStringLiteral("--eval")},
                         &out, &err),
        0);
    QVERIFY(out.contains(QStringLiteral("always-e")) &&
            out.contains(QStringLiteral("Accuracy by question type")));

    auto db = m_project.connect();
    const ProjectFigures figures = *ProjectFiguresBuilder::collect(**db, m_project.root());
    const Figure &f = figures.evalAccuracy;
    QCOMPARE(f.categories, (QStringList{QStringLiteral("diagnosis"), QStringLiteral("modality"),
                                        QStringLiteral("size"), QStringLiteral("overall")}));
    QVERIFY(f.series.size() >= 8);
    for (const FigureSeries &s : f.series) {
        QVERIFY(s.hasIntervals());
        for (size_t i = 0; i < s.values.size(); ++i)
            QVERIFY(s.lower[i] <= s.values[i] + 1e-12 && s.values[i] <= s.upper[i] + 1e-12);
        if (s.name == QLatin1String("oracle"))
            QCOMPARE(s.values.back(), 1.0);
    }
}

void TestEvaluateStage::openAnswersAreScoredAndJudged()
{
    m_server.resetStats();
    EvaluateOptions o;
    o.endpoint = FakeExaminee::modelName(Persona::EchoReference);
    o.benchmark = EvalBenchmark::Open;
    o.judge = FakeExaminee::modelName(Persona::JudgeHalf);
    JobOutcome outcome = evaluate(o);
    QVERIFY2(outcome.state == JobState::Succeeded, qPrintable(errorMessage(outcome.error)));
    QCOMPARE(requestsFor(o.endpoint), 5);
    QCOMPARE(requestsFor(o.judge), 5);
    QVERIFY(m_server.request(5).userText().contains(
        kReference)); // the judge sees the reference and the answer
    auto db = m_project.connect();
    OpenScores s = Leaderboard::scores(**db, o.runName())->open;
    QCOMPARE(s.questions, qint64(5));
    QCOMPARE(s.overall.keywordRecall.estimate, 1.0);
    QCOMPARE(s.overall.bleu.estimate, 1.0);
    QCOMPARE(s.overall.rougeL.estimate, 1.0);
    QCOMPARE(s.overall.judge.estimate, 0.5);
    QCOMPARE(s.overall.judge.n, qint64(5));
    QCOMPARE(s.invalid.hits, qint64(0));
    QCOMPARE(s.byType.value(QStringLiteral("Detail")).n, qint64(5));
    // A rerun asks neither the model nor the judge again.
    m_server.resetStats();
    QCOMPARE(evaluate(o).state, JobState::Succeeded);
    QCOMPARE(m_server.requestCount(), 0);

    EvaluateOptions silent;
    silent.endpoint = FakeExaminee::modelName(Persona::Silent);
    silent.benchmark = EvalBenchmark::Open;
    outcome = evaluate(silent);
    QVERIFY2(outcome.state == JobState::Succeeded, qPrintable(errorMessage(outcome.error)));
    s = Leaderboard::scores(**db, silent.runName())->open;
    QCOMPARE(s.invalid.value(), 1.0);
    QCOMPARE(s.overall.rougeL.estimate, 0.0);
    QCOMPARE(s.overall.judge.n, qint64(0));
    // The predictions of an open run come out with their metrics.
    const std::vector<PredictionLine> lines = *PredictionExchange::lines(**db, o.runName());
    QCOMPARE(lines.size(), size_t(5));
    QCOMPARE(lines.front().extra.value(QStringLiteral("rouge_l")).toDouble(), 1.0);
    QCOMPARE(lines.front().extra.value(QStringLiteral("judge_score")).toDouble(), 0.5);
}

void TestEvaluateStage::runSettingsCannotChangeUnderOneName()
{
    EvaluateOptions o;
    o.endpoint = FakeExaminee::modelName(Persona::AlwaysA);
    o.run = FakeExaminee::modelName(Persona::Oracle); // a run made with the oracle endpoint
    JobOutcome outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QVERIFY(outcome.error.detail.contains(QStringLiteral("endpoint")));
    o.endpoint = FakeExaminee::modelName(Persona::Oracle);
    o.circular = true;
    outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QVERIFY(outcome.error.detail.contains(QStringLiteral("circular")));
    // Nor the questions it is over: another split or item set needs another name.
    o.circular = false;
    o.split = QStringLiteral("test");
    outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QVERIFY2(outcome.error.detail.contains(QStringLiteral("split 'all', not 'test'")), qPrintable(outcome.error.detail));
    o.split.clear();
    o.includeUnapproved = true;
    outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QVERIFY2(outcome.error.detail.contains(QStringLiteral("items")), qPrintable(outcome.error.detail));
    o.includeUnapproved = false;
    QCOMPARE(evaluate(o).state, JobState::Succeeded); // the same settings continue it
    o.run = QStringLiteral("published"); // imported predictions
    o.circular = false;
    QCOMPARE(evaluate(o).state, JobState::Failed);
    EvaluateOptions noEndpoint;
    QCOMPARE(evaluate(noEndpoint).state, JobState::Failed);
}

void TestEvaluateStage::missingImagesAreRecordedAndAskedAgain()
{
    const std::vector<BenchmarkItem> approved = closedItems(false);
    m_server.resetStats();
    EvaluateOptions o;
    o.endpoint = FakeExaminee::modelName(Persona::Oracle);
    o.run = QStringLiteral("moved-images");
    o.images = m_tmp.filePath(QStringLiteral("no-images-here"));
    QDir().mkpath(o.images);
    JobOutcome outcome = evaluate(o);
    // Not one question answered while every one failed: the job failed, and says why.
    QCOMPARE(outcome.state, JobState::Failed);
    QCOMPARE(outcome.error.code, ErrorCode::ItemsFailed);
    QVERIFY2(outcome.error.detail.contains(QStringLiteral("cannot read the image")), qPrintable(outcome.error.detail));
    QCOMPARE(outcome.errors(), qint64(approved.size()));
    QCOMPARE(outcome.items.succeeded, qint64(0));
    QCOMPARE(m_server.requestCount(), 0);
    QCOMPARE(outcome.summary.value(QStringLiteral("errors")).toInt(), int(approved.size()));
    auto db = m_project.connect();
    RunScores s = *Leaderboard::scores(**db, o.run);
    QCOMPARE(s.closed.questions, qint64(0));
    QCOMPARE(s.closed.pending, qint64(approved.size()));
    QVERIFY(s.run.finishedAt.isEmpty());
    const std::vector<QuestionResult> results = *Leaderboard::questions(**db, o.run);
    QVERIFY(results.front().error.contains(QStringLiteral("cannot read the image")));
    // With the images where they belong, the rerun asks every question once and finishes.
    o.images.clear();
    outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Succeeded);
    QCOMPARE(outcome.errors(), qint64(0));
    QCOMPARE(outcome.items.succeeded, qint64(approved.size()));
    QCOMPARE(m_server.requestCount(), int(approved.size()));
    s = *Leaderboard::scores(**db, o.run);
    QCOMPARE(s.closed.pending, qint64(0));
    QCOMPARE(s.closed.accuracy.value(), 1.0);
    QVERIFY(!s.run.finishedAt.isEmpty());
    // Removing a run takes its answers and checkpoints with it.
    QVERIFY(!EvalRepository(**db).removeRun(s.run.id));
    QCOMPARE(
        test::scalar(**db, 
                QStringLiteral("SELECT COUNT(*) FROM eval_answers WHERE run = %1").arg(s.run.id))
            .toInt(),
        0);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints WHERE scope = "
                                         "'evaluate' AND item LIKE '%1:%'")
                              .arg(s.run.id))
                 .toInt(),
             0);
    QVERIFY(!Leaderboard::scores(**db, o.run).ok());
}

void TestEvaluateStage::everyRequestFailingFailsTheRun()
{
    // A server that answers every request with an error: no question is answered.
    FakeChatServer broken;
    broken.setRule([](const QJsonObject &, int) { return FakeReply::error(500, QStringLiteral("the model is overloaded")); });
    QVERIFY(broken.start());
    Result<EndpointConfig> e = EndpointConfig::fromJson(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("broken")},
                    {QStringLiteral("base_url"), broken.url().toString()},
                    {QStringLiteral("model"), QStringLiteral("oracle")},
                    {QStringLiteral("max_in_flight"), 4},
                    {QStringLiteral("timeout_s"), 10},
                    {QStringLiteral("max_retries"), 0},
                    {QStringLiteral("api_key_env"), QLatin1String(kKeyVariable)}});
    QVERIFY(e.ok());
    QVERIFY(!m_userEndpoints.add(*e));

    const std::vector<BenchmarkItem> approved = closedItems(false);
    EvaluateOptions o;
    o.endpoint = QStringLiteral("broken");
    const JobOutcome outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QCOMPARE(outcome.error.code, ErrorCode::ItemsFailed);
    QCOMPARE(outcome.errors(), qint64(approved.size()));
    QCOMPARE(outcome.items.succeeded, qint64(0));
    QVERIFY2(!outcome.failures.isEmpty() && outcome.failures.front().contains(QStringLiteral("overloaded")),
             qPrintable(outcome.failures.join(QLatin1Char('|'))));
    QCOMPARE(broken.requestCount(), int(approved.size()));
    // The stored job says the same, and the CLI exits 1 with the first reasons.
    auto db = m_project.connect();
    const JobRecord job = *JobRepository(**db).get(outcome.jobId);
    QCOMPARE(job.state, JobState::Failed);
    QCOMPARE(job.errors(), qint64(approved.size()));
    QVERIFY(job.error.contains(QStringLiteral("overloaded")));
    QString out, err;
    QCOMPARE(test::runProgram(test::binaryDir() + QStringLiteral("/neuroonco"),
                              {QStringLiteral("evaluate"), m_project.root(), QStringLiteral("--endpoint"),
                               QStringLiteral("broken"), QStringLiteral("--name"), QStringLiteral("broken-cli")},
                              &out, &err),
             1);
    QVERIFY2(out.contains(QStringLiteral("evaluate: job ")) && out.contains(QStringLiteral(" failed.")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("none succeeded")) && err.contains(QStringLiteral("overloaded")), qPrintable(err));
}

void TestEvaluateStage::emptyItemSetIsNothingToDo()
{
    // No sample of this project has a split: a test-split evaluation has nothing to ask.
    EvaluateOptions o;
    o.endpoint = FakeExaminee::modelName(Persona::Oracle);
    o.run = QStringLiteral("nothing-in-test");
    o.split = QStringLiteral("test");
    const JobOutcome outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QCOMPARE(outcome.error.code, ErrorCode::NothingToDo);
    QVERIFY2(outcome.error.detail.contains(QStringLiteral("--all")), qPrintable(outcome.error.detail));
    auto db = m_project.connect();
    QVERIFY(!EvalRepository(**db).runNamed(o.run).ok()); // no empty run was made
}

void TestEvaluateStage::projectEndpointsAreRefusedUntilTrusted()
{
    // The project as received names its own examinee and judge on "their" host, with the
    // user's GitHub token as the key. Neither the examinee nor the judge is used untrusted.
    const QByteArray canary = "ghp_CANARYevaluate0123456789DoNotSend";
    qputenv("GITHUB_TOKEN", canary);
    const QString model = FakeExaminee::modelName(Persona::AlwaysA);
    QFile f(m_project.endpointsFile());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral(R"({"endpoints":[{"name":"theirs","base_url":"%1","model":"%2","api_key_env":"GITHUB_TOKEN"}]})")
                .arg(m_server.url().toString(), model)
                .toUtf8());
    f.close();
    m_server.resetStats();
    EvaluateOptions o;
    o.endpoint = QStringLiteral("theirs");
    o.run = QStringLiteral("theirs");
    JobOutcome outcome = evaluate(o);
    QCOMPARE(outcome.state, JobState::Failed);
    QCOMPARE(outcome.error.code, ErrorCode::Untrusted);
    QVERIFY(errorMessage(outcome.error).contains(QStringLiteral("$GITHUB_TOKEN")));
    EvaluateOptions judged;
    judged.endpoint = FakeExaminee::modelName(Persona::EchoReference); // the user's own
    judged.benchmark = EvalBenchmark::Open;
    judged.judge = QStringLiteral("theirs");
    judged.run = QStringLiteral("judged-by-theirs");
    outcome = evaluate(judged);
    QCOMPARE(outcome.state, JobState::Failed);
    QCOMPARE(outcome.error.code, ErrorCode::Untrusted);
    QCOMPARE(m_server.requestCount(), 0);
    auto db = m_project.connect();
    QVERIFY(!Leaderboard::scores(**db, o.run).ok());
    QFile::remove(m_project.endpointsFile());
    qunsetenv("GITHUB_TOKEN");
}

QTEST_GUILESS_MAIN(TestEvaluateStage)
#include "tst_evaluate_stage.moc"
