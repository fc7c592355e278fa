// The Evaluations tab as a user meets it: runs made by the evaluate stage against the local
// OpenAI-compatible server appear on the leaderboard with the scores the engine computes; a
// run's questions load, filter to the wrong ones, and a question shows its slice, its options,
// the right and the given answer; predictions exported and imported again score the same; and
// Benchmark → Evaluate a Model… runs a new evaluation through the dialog and the job engine.
#include "FakeChatServer.h"
#include "FakeExaminee.h"
#include "PipelineFixture.h"

#include "app/studio/EvaluationController.h"
#include "app/studio/MainWindow.h"
#include "app/studio/WorkspaceController.h"
#include "core/evaluate/Leaderboard.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/llm/EndpointStore.h"
#include "core/models/EvalQuestionModel.h"
#include "core/models/EvalRunModel.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "UserEndpointsFile.h"
#include "widgets/evaluation/EvaluationView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace neuroonco;
using test::FakeExaminee;
using Persona = FakeExaminee::Persona;

namespace {

const char *kKeyVariable = "NEUROONCO_EVALUATIONS_GUI_KEY";

RunScores scoresOf(const Project &project, const QString &run)
{
    auto db = project.connect();
    if (!db)
        return {};
    Result<RunScores> s = Leaderboard::scores(**db, run);
    return s ? s.take() : RunScores{};
}

} // namespace

class TestEvaluations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void leaderboardShowsEveryRun();
    void questionsFilterAndShowTheSlice();
    void importedPredictionsScoreTheSame();
    void evaluateFromTheMenu();

private:
    void openTab();
    JobOutcome evaluate(Persona persona);

    QTemporaryDir m_tmp;
    test::UserEndpointsFile m_userEndpoints;
    test::FakeChatServer m_server;
    Project m_project;
    std::unique_ptr<MainWindow> m_window;
    EvaluationController *m_eval = nullptr;
};

void TestEvaluations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv(kKeyVariable, "sk-gui-test-not-stored");
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    std::unique_ptr<Stage> bench = StageRegistry::instance().create(BenchmarkStage::stageId());
    QVERIFY(bench);
    JobOutcome o = JobExecutor::execute(m_project, *bench, BenchmarkStage::parameters(0.2, 7), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));

    // Personas that need no answer key: every letter A, every letter E, refusing.
    m_server.setRule([](const QJsonObject &request, int) {
        const std::optional<Persona> p = FakeExaminee::personaFromModel(request.value(QStringLiteral("model")).toString());
        return test::FakeReply::json(FakeExaminee().answerText(p.value_or(Persona::Refuse), request));
    });
    QVERIFY(m_server.start());
    EndpointStore store;
    for (Persona p : {Persona::AlwaysA, Persona::AlwaysE, Persona::Refuse}) {
        Result<EndpointConfig> e = EndpointConfig::fromJson(QJsonObject{{QStringLiteral("name"), FakeExaminee::modelName(p)},
                                                                        {QStringLiteral("base_url"), m_server.url().toString()},
                                                                        {QStringLiteral("model"), FakeExaminee::modelName(p)},
                                                                        {QStringLiteral("max_in_flight"), 4},
                                                                        {QStringLiteral("timeout_s"), 20},
                                                                        {QStringLiteral("api_key_env"), QLatin1String(kKeyVariable)}});
        QVERIFY(e.ok());
        store.upsert(*e);
    }
    QVERIFY(!test::UserEndpointsFile::save(store));
    for (Persona p : {Persona::AlwaysA, Persona::AlwaysE}) {
        const JobOutcome r = evaluate(p);
        QVERIFY2(r.state == JobState::Succeeded, qPrintable(errorMessage(r.error)));
    }
}

JobOutcome TestEvaluations::evaluate(Persona persona)
{
    EvaluateOptions options;
    options.endpoint = FakeExaminee::modelName(persona);
    options.includeUnapproved = true; // nobody curated the fixture's items
    std::atomic_bool cancel{false};
    EvaluateStage stage;
    return JobExecutor::execute(m_project, stage, options.toParameters(), nullptr, &cancel, 2);
}

void TestEvaluations::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openProject(m_project.root(), true));
    m_eval = m_window->evaluations();
    QVERIFY(m_eval);
}

void TestEvaluations::cleanup()
{
    m_window.reset();
}

void TestEvaluations::openTab()
{
    QSignalSpy loaded(m_eval, &EvaluationController::leaderboardLoaded);
    m_window->workspace()->tabs()->setCurrentWidget(m_eval->view());
    QVERIFY(loaded.wait(20000));
}

void TestEvaluations::leaderboardShowsEveryRun()
{
    openTab();
    EvalRunModel *runs = m_eval->view()->runModel();
    QAbstractItemModelTester tester(runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(runs->rowCount(), 2);
    for (Persona p : {Persona::AlwaysA, Persona::AlwaysE}) {
        const QString name = FakeExaminee::modelName(p) + QStringLiteral("-closed");
        const int row = runs->rowOfName(name);
        QVERIFY2(row >= 0, qPrintable(name));
        const RunScores expected = scoresOf(m_project, name);
        QVERIFY(expected.closed.accuracy.n > 0);
        const RunScores *shown = runs->run(row);
        QVERIFY(shown);
        QCOMPARE(shown->closed.accuracy.n, expected.closed.accuracy.n);
        QCOMPARE(shown->closed.accuracy.hits, expected.closed.accuracy.hits);
        QCOMPARE(runs->index(row, EvalRunModel::QuestionsColumn).data().toString(), QString::number(expected.closed.questions));
        const QString accuracy = runs->index(row, EvalRunModel::AccuracyColumn).data().toString();
        QVERIFY2(accuracy.contains(QString::number(100.0 * expected.closed.accuracy.value(), 'f', 1)), qPrintable(accuracy));
    }
    // "Always E" answers every trap right and no answerable question; "always A" the opposite
    // on traps. The tab says so in numbers.
    const RunScores *e = runs->run(runs->rowOfName(QStringLiteral("always-e-closed")));
    const RunScores *a = runs->run(runs->rowOfName(QStringLiteral("always-a-closed")));
    QVERIFY(e->closed.trap.n > 0);
    QCOMPARE(e->closed.trap.hits, e->closed.trap.n);
    QCOMPARE(a->closed.trap.hits, qint64(0));
    QVERIFY(m_eval->view()->leaderboard()->isVisible());
    QVERIFY(m_eval->view()->leaderboard()->model()->rowCount() == 2);
}

void TestEvaluations::questionsFilterAndShowTheSlice()
{
    openTab();
    QSignalSpy questions(m_eval, &EvaluationController::questionsLoaded);
    m_eval->view()->selectRun(QStringLiteral("always-a-closed"));
    QVERIFY(questions.wait(20000));
    EvalQuestionModel *model = m_eval->view()->questionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunScores expected = scoresOf(m_project, QStringLiteral("always-a-closed"));
    QCOMPARE(qint64(model->rowCount()), expected.answers);
    int wrong = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        wrong += EvalQuestionModel::Verdict(model->index(r, 0).data(EvalQuestionModel::VerdictRole).toInt())
                         == EvalQuestionModel::Verdict::Wrong
                     ? 1
                     : 0;
    QCOMPARE(qint64(wrong), expected.closed.accuracy.n - expected.closed.accuracy.hits - expected.closed.invalid.hits);

    // Show: wrong answers only.
    auto *show = m_eval->view()->findChild<QComboBox *>(QStringLiteral("evaluationShow"));
    QVERIFY(show);
    QTableView *table = m_eval->view()->questionTable();
    auto *filter = qobject_cast<EvalQuestionFilter *>(table->model());
    QVERIFY(filter);
    QAbstractItemModelTester filterTester(filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    show->setCurrentIndex(1);
    QCOMPARE(table->model()->rowCount(), wrong);
    for (int r = 0; r < table->model()->rowCount(); ++r)
        QCOMPARE(EvalQuestionModel::Verdict(table->model()->index(r, 0).data(EvalQuestionModel::VerdictRole).toInt()),
                 EvalQuestionModel::Verdict::Wrong);

    // One wrong question: its slice, its options, the right one and the model's marked.
    table->setFocus();
    table->selectRow(0);
    const QString html = m_eval->view()->detailsHtml();
    QVERIFY2(html.contains(QStringLiteral("◀")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("✓")));
    auto *image = m_eval->view()->findChild<QLabel *>(QStringLiteral("evaluationImage"));
    QVERIFY(image);
    QTRY_VERIFY(!image->pixmap().isNull());
    QVERIFY(image->pixmap().width() > 64);
    if (const QByteArray dir = qgetenv("NEUROONCO_TEST_ARTIFACTS"); !dir.isEmpty())
        m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/evaluations.png"));
}

void TestEvaluations::importedPredictionsScoreTheSame()
{
    openTab();
    const QString file = m_tmp.filePath(QStringLiteral("always-a.jsonl"));
    Result<ExportResult> out = m_eval->exportPredictions(QStringLiteral("always-a-closed"), file);
    QVERIFY2(out.ok(), qPrintable(out ? QString() : errorMessage(out.error())));
    QSignalSpy loaded(m_eval, &EvaluationController::leaderboardLoaded);
    Result<PredictionImportSummary> in = m_eval->importPredictions(file, QStringLiteral("always-a-reimported"));
    QVERIFY2(in.ok(), qPrintable(in ? QString() : errorMessage(in.error())));
    QCOMPARE(in->external, 0);
    QVERIFY(loaded.wait(20000));
    EvalRunModel *runs = m_eval->view()->runModel();
    QCOMPARE(runs->rowCount(), 3);
    const RunScores *original = runs->run(runs->rowOfName(QStringLiteral("always-a-closed")));
    const RunScores *again = runs->run(runs->rowOfName(QStringLiteral("always-a-reimported")));
    QVERIFY(original && again);
    QCOMPARE(again->closed.accuracy.n, original->closed.accuracy.n);
    QCOMPARE(again->closed.accuracy.hits, original->closed.accuracy.hits);
    QCOMPARE(again->closed.trap.hits, original->closed.trap.hits);

    // A file that is not predictions names itself and changes nothing.
    const QString bad = m_tmp.filePath(QStringLiteral("bad.jsonl"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"id\": 1, \"pred\": \n");
    f.close();
    Result<PredictionImportSummary> refused = m_eval->importPredictions(bad, QStringLiteral("bad"));
    QVERIFY(!refused.ok());
    QVERIFY2(errorMessage(refused.error()).contains(QStringLiteral("bad.jsonl")), qPrintable(errorMessage(refused.error())));
    QCOMPARE(scoresOf(m_project, QStringLiteral("bad")).answers, qint64(0));
}

void TestEvaluations::evaluateFromTheMenu()
{
    openTab();
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("benchmarkEvaluate"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    bool sawDialog = false;
    auto *poll = new QTimer(m_window.get());
    connect(poll, &QTimer::timeout, this, [&sawDialog, poll] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        auto *endpoint = dialog->findChild<QComboBox *>(QStringLiteral("evaluateEndpoint"));
        auto *all = dialog->findChild<QCheckBox *>(QStringLiteral("evaluateIncludeUnapproved"));
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("evaluateRunName"));
        if (!endpoint || !all || !name) {
            dialog->reject();
            return;
        }
        sawDialog = true;
        endpoint->setCurrentIndex(endpoint->findData(QStringLiteral("refuse")));
        all->setChecked(true);
        name->setText(QStringLiteral("refusing model"));
        if (const QByteArray dir = qgetenv("NEUROONCO_TEST_ARTIFACTS"); !dir.isEmpty())
            dialog->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/evaluate-dialog.png"));
        dialog->accept();
    });
    poll->start(50);
    QSignalSpy loaded(m_eval, &EvaluationController::leaderboardLoaded);
    action->trigger();
    QVERIFY(sawDialog);
    EvalRunModel *runs = m_eval->view()->runModel();
    QTRY_VERIFY_WITH_TIMEOUT(runs->rowOfName(QStringLiteral("refusing model")) >= 0, 60000);
    const RunScores *refusing = runs->run(runs->rowOfName(QStringLiteral("refusing model")));
    QVERIFY(refusing->closed.accuracy.n > 0);
    // A refusal names no option: invalid, never a guess, never right.
    QCOMPARE(refusing->closed.accuracy.hits, qint64(0));
    QCOMPARE(refusing->closed.invalid.hits, refusing->closed.accuracy.n);
}

QTEST_MAIN(TestEvaluations)
#include "tst_evaluations.moc"
