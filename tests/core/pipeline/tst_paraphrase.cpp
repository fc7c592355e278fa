// Paraphrasing open reference answers: the acceptance rules one by one, then the stage against
// the local server, which rewords well, drops the numbers, invents a patient or fails, decided
// by the answer text so the expected outcome of every item is known here. Accepted rewrites
// are edits by the model with the original kept; curated items are never touched; a rerun asks
// only the items whose request failed.
#include "FakeChatServer.h"
#include "PipelineFixture.h"
#include "RecordedRequest.h"

#include "core/benchmark/BenchmarkCuration.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/ParaphraseCheck.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/llm/EndpointStore.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/ParaphraseStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/store/Database.h"
#include "UserEndpointsFile.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {

OpenQuestion sample()
{
    OpenQuestion q;
    q.questionType = QStringLiteral("Detail");
    q.question = QStringLiteral("Describe the lesion.");
    q.referenceAnswer = QStringLiteral(
        "A single lesion covers 12.5% of the brain area, with circularity 0.42, in the upper left region; "
        "it is hyperintense relative to normal white matter.");
    q.keywords = {QStringLiteral("single"), QStringLiteral("hyperintense"), QStringLiteral("upper left")};
    return q;
}

enum class Mode { Good, DropNumbers, InventPatient, Fail };

// How the fake model treats an answer: fixed by the text, so the test knows it in advance.
Mode modeOf(const QString &reference)
{
    const QByteArray h = QCryptographicHash::hash(reference.toUtf8(), QCryptographicHash::Md5);
    return Mode(quint8(h.at(0)) % 4);
}

QString referenceIn(const QString &userText)
{
    static const QRegularExpression re(QStringLiteral("Answer to rewrite: (.*)\\n"));
    return re.match(userText).captured(1);
}

QString dropNumbers(QString text)
{
    static const QRegularExpression number(QStringLiteral("\\d+(\\.\\d+)?%?"));
    return text.replace(number, QStringLiteral("some"));
}

} // namespace

class TestParaphrase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbersAreRead();
    void acceptsAFaithfulRewrite();
    void refusesWhatChangesTheFacts();
    void unchangedIsNotAnEdit();
    void stageRewordsOnlyWhatPasses();

private:
    QTemporaryDir m_tmp;
    test::UserEndpointsFile m_userEndpoints;
};

void TestParaphrase::numbersAreRead()
{
    QCOMPARE(ParaphraseCheck::numbers(QStringLiteral("T1 and T2: 12.5% at (0.42, 0.31), 3 components, 2.5cm.")),
             (QStringList{QStringLiteral("12.5"), QStringLiteral("0.42"), QStringLiteral("0.31"), QStringLiteral("3"),
                          QStringLiteral("2.5")}));
    QVERIFY(ParaphraseCheck::numbers(QStringLiteral("No lesion is visible.")).isEmpty());
}

void TestParaphrase::acceptsAFaithfulRewrite()
{
    const OpenQuestion q = sample();
    const QString rewrite = QStringLiteral(
        "There is a single hyperintense lesion in the upper left region occupying 12.5% of the brain area; "
        "its circularity is 0.42.");
    ParaphraseVerdict v = ParaphraseCheck::check(q, rewrite);
    QVERIFY2(v.ok(), qPrintable(v.problems.join(QStringLiteral("; "))));
    QCOMPARE(v.text, rewrite);
    // The JSON the prompt asks for, quoted and fenced, gives the same text.
    v = ParaphraseCheck::check(q, QStringLiteral("```json\n{\"answer\": \"\\\"%1\\\"\"}\n```").arg(rewrite));
    QVERIFY2(v.ok(), qPrintable(v.problems.join(QStringLiteral("; "))));
    QCOMPARE(v.text, rewrite);
}

void TestParaphrase::refusesWhatChangesTheFacts()
{
    const OpenQuestion q = sample();
    auto problems = [&](const QString &rewrite) {
        return ParaphraseCheck::check(q, rewrite).problems.join(QStringLiteral("; "));
    };
    QCOMPARE(problems(QStringLiteral("A single hyperintense lesion in the upper left region covers about an eighth of "
                                     "the brain area and is fairly round.")),
             QStringLiteral("numbers dropped: 12.5, 0.42"));
    QCOMPARE(problems(QStringLiteral("A single hyperintense lesion of 3 cm in the upper left region covers 12.5% of "
                                     "the brain area, circularity 0.42.")),
             QStringLiteral("numbers added: 3"));
    QCOMPARE(problems(QStringLiteral("One bright lesion in the upper left region covers 12.5% of the brain area, with "
                                     "circularity 0.42, brighter than white matter.")),
             QStringLiteral("key terms dropped: single, hyperintense"));
    QCOMPARE(problems(QStringLiteral("In this patient with headaches, a single hyperintense lesion in the upper left "
                                     "region covers 12.5% of the brain, circularity 0.42.")),
             QStringLiteral("patient details added: headaches, patient"));
    QVERIFY(problems(QStringLiteral("Single, hyperintense, upper left, 12.5, 0.42.")).startsWith(QStringLiteral("length changed")));
    QCOMPARE(problems(QStringLiteral("{\"reason\": \"no\"}")), QStringLiteral("the reply holds no answer"));
}

void TestParaphrase::unchangedIsNotAnEdit()
{
    const OpenQuestion q = sample();
    const ParaphraseVerdict v = ParaphraseCheck::check(q, QStringLiteral("{\"answer\": \"%1\"}").arg(q.referenceAnswer));
    QVERIFY(v.unchanged);
    QVERIFY(!v.ok());
}

void TestParaphrase::stageRewordsOnlyWhatPasses()
{
    registerBuiltinStages();
    Project project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    std::unique_ptr<Stage> bench = StageRegistry::instance().create(BenchmarkStage::stageId());
    QCOMPARE(JobExecutor::execute(project, *bench, BenchmarkStage::parameters(0.2, 7), nullptr, &cancel, 2).state,
             JobState::Succeeded);

    test::FakeChatServer server;
    auto failing = std::make_shared<std::atomic_bool>(true);
    server.setRule([failing](const QJsonObject &request, int) {
        const QString reference = referenceIn(test::RecordedRequest::userTextOf(request));
        if (reference.isEmpty())
            return test::FakeReply::error(400, QStringLiteral("no answer in the prompt"));
        switch (modeOf(reference)) {
        case Mode::Good:
            return test::FakeReply::json(QJsonDocument(QJsonObject{{QStringLiteral("answer"), QStringLiteral("On this slice, ") + reference}})
                                             .toJson(QJsonDocument::Compact));
        case Mode::DropNumbers:
            return test::FakeReply::json(
                QJsonDocument(QJsonObject{{QStringLiteral("answer"), dropNumbers(reference)}}).toJson(QJsonDocument::Compact));
        case Mode::InventPatient:
            return test::FakeReply::json(
                QJsonDocument(QJsonObject{{QStringLiteral("answer"), QStringLiteral("The patient presents with seizures. ") + reference}})
                    .toJson(QJsonDocument::Compact));
        case Mode::Fail: break;
        }
        if (failing->load())
            return test::FakeReply::error(400, QStringLiteral("the model is unavailable"));
        return test::FakeReply::json(QJsonDocument(QJsonObject{{QStringLiteral("answer"), QStringLiteral("As seen here, ") + reference}})
                                         .toJson(QJsonDocument::Compact));
    });
    QVERIFY(server.start());
    EndpointStore endpoints;
    endpoints.upsert(*EndpointConfig::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("writer")},
                                                           {QStringLiteral("base_url"), server.url().toString()},
                                                           {QStringLiteral("model"), QStringLiteral("fake-writer")},
                                                           {QStringLiteral("max_retries"), 0},
                                                           {QStringLiteral("max_in_flight"), 4}}));
    QVERIFY(!test::UserEndpointsFile::save(endpoints));

    auto db = project.connect();
    QVERIFY(db);
    BenchmarkRepository repo(**db);
    ItemFilter open;
    open.kind = ItemKind::Open;
    std::vector<BenchmarkItem> items = *repo.items(open);
    QVERIFY(items.size() >= 8);
    // A curator approved one item and rejected another first: neither is reworded.
    BenchmarkCuration curation(**db);
    QVERIFY(curation.approve(items[0].id, QStringLiteral("Dr Curator")).ok());
    QVERIFY(curation.reject(items[1].id, QStringLiteral("Dr Curator")).ok());

    QMap<Mode, int> expected;
    qint64 unchanged = 0;
    for (size_t i = 2; i < items.size(); ++i) {
        const QString reference = items[i].open().referenceAnswer;
        const Mode m = modeOf(reference);
        if (m == Mode::DropNumbers && dropNumbers(reference) == reference)
            ++unchanged; // nothing to drop: the "rewrite" is the answer itself
        else
            ++expected[m];
    }
    qInfo("%d open items: %d reworded well, %d without numbers, %d with a patient, %d failing, %lld unchanged",
          int(items.size()), expected.value(Mode::Good), expected.value(Mode::DropNumbers), expected.value(Mode::InventPatient),
          expected.value(Mode::Fail), unchanged);
    QVERIFY2(expected.value(Mode::Good) > 0 && expected.value(Mode::Fail) > 0 && expected.value(Mode::InventPatient) > 0,
             "the fixture needs every kind of reply");

    ParaphraseStage stage;
    JobOutcome o = JobExecutor::execute(project, stage, ParaphraseStage::parameters(QStringLiteral("writer")), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    QCOMPARE(o.summary.value(QStringLiteral("accepted")).toInt(), expected.value(Mode::Good));
    QCOMPARE(o.summary.value(QStringLiteral("discarded")).toInt(),
             expected.value(Mode::DropNumbers) + expected.value(Mode::InventPatient));
    QCOMPARE(o.summary.value(QStringLiteral("unchanged")).toInt(), unchanged);
    QCOMPARE(o.summary.value(QStringLiteral("failed")).toInt(), expected.value(Mode::Fail));
    QCOMPARE(size_t(server.requests().size()), items.size() - 2);

    for (const BenchmarkItem &before : items) {
        const BenchmarkItem after = *repo.item(before.id);
        const QString reference = before.open().referenceAnswer;
        const bool curated = before.id == items[0].id || before.id == items[1].id;
        if (!curated && modeOf(reference) == Mode::Good) {
            QCOMPARE(after.open().referenceAnswer, QStringLiteral("On this slice, ") + reference);
            QCOMPARE(after.open().keywords, before.open().keywords);
            QCOMPARE(after.origin, ItemOrigin::Edited);
            QCOMPARE(after.status, ItemStatus::Pending);
            QCOMPARE(after.version, before.version + 1);
            QCOMPARE(after.lineage.value(QStringLiteral("reference_original")).toString(), reference);
            const std::vector<BenchmarkReview> history = *repo.reviews(before.id);
            QVERIFY(!history.empty());
            QCOMPARE(history.back().action, QStringLiteral("edit"));
            QCOMPARE(history.back().reviewer, QStringLiteral("model:writer"));
            QCOMPARE(history.back().before.value(QStringLiteral("payload")).toObject(), before.payload);
        } else {
            QCOMPARE(after.open().referenceAnswer, reference);
            QCOMPARE(after.origin, before.origin);
        }
    }

    // The rerun asks only what failed; the model answers now.
    failing->store(false);
    server.resetStats();
    o = JobExecutor::execute(project, stage, ParaphraseStage::parameters(QStringLiteral("writer")), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    QCOMPARE(int(server.requests().size()), expected.value(Mode::Fail));
    QCOMPARE(o.summary.value(QStringLiteral("accepted")).toInt(), expected.value(Mode::Fail));
    server.resetStats();
    o = JobExecutor::execute(project, stage, ParaphraseStage::parameters(QStringLiteral("writer")), nullptr, &cancel, 2);
    QCOMPARE(int(server.requests().size()), 0);

    // Without an endpoint the job fails naming the field.
    o = JobExecutor::execute(project, stage, ParaphraseStage::parameters(QStringLiteral("nobody")), nullptr, &cancel, 2);
    QCOMPARE(o.state, JobState::Failed);
    QVERIFY2(errorMessage(o.error).contains(QStringLiteral("endpoint 'nobody'")), qPrintable(errorMessage(o.error)));
}

QTEST_GUILESS_MAIN(TestParaphrase)
#include "tst_paraphrase.moc"
