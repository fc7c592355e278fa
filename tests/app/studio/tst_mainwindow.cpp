// The GUI shell: the window opens a project, shows its status, has the product's menus, the
// jobs panel follows a running job's progress to its end, and a read-only project is shown
// without anything that would change it.
#include "CounterStage.h"
#include "IngestFixture.h"

#include "app/studio/JobsController.h"
#include "app/studio/MainWindow.h"
#include "app/studio/ProjectSession.h"
#include "app/studio/ReviewController.h"
#include "app/studio/WorkspaceController.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRunner.h"
#include "core/jobs/StageRegistry.h"
#include "core/models/JobListModel.h"
#include "core/models/QueueModel.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/project/Project.h"
#include "core/review/AuditRepository.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "widgets/dedup/DuplicateClusterView.h"
#include "widgets/ingest/IngestIssuesView.h"
#include "widgets/jobs/JobsPanel.h"
#include "widgets/review/AttributePanel.h"
#include "widgets/review/QueuePanel.h"
#include "widgets/samples/SampleInspector.h"
#include "widgets/viewer/SliceView.h"

#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTableWidget>
#include <QTreeView>

using namespace neuroonco;
using neuroonco::test::CounterStage;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hasProductMenus();
    void opensProjectAndShowsStatus();
    void jobsPanelShowsRunningJobProgress();
    void openingAMissingProjectKeepsStartPage();
    void ingestAndDedupShowInWorkspace();
    void readOnlyProjectIsShownNotChanged();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    CounterStage::registerInRegistry();
}

void TestMainWindow::hasProductMenus()
{
    MainWindow w;
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text().remove(QLatin1Char('&'));
    QCOMPARE(titles, (QStringList{QStringLiteral("File"), QStringLiteral("Pipeline"), QStringLiteral("Review"),
                                  QStringLiteral("Benchmark"), QStringLiteral("View"), QStringLiteral("Help")}));
}

void TestMainWindow::opensProjectAndShowsStatus()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("demo-project"));
    QVERIFY(Project::create(dir).ok());
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openProject(dir, true));
    QVERIFY(w.session()->isOpen());
    QVERIFY(w.windowTitle().contains(QStringLiteral("demo-project")));
    auto *label = w.findChild<QLabel *>(QStringLiteral("statusProject"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("demo-project"));
    // The stage table lists registered stages (the test stage among them).
    auto *table = w.findChild<QTableWidget *>(QStringLiteral("stageTable"));
    QVERIFY(table && table->rowCount() >= 1);
}

void TestMainWindow::jobsPanelShowsRunningJobProgress()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QVERIFY(Project::create(dir).ok());
    MainWindow w;
    w.show();
    QVERIFY(w.openProject(dir, true));
    QSignalSpy finished(w.jobs(), &JobsController::jobFinished);
    Result<qint64> id = w.jobs()->start(QStringLiteral("counter"), CounterStage::parameters(300, 5, 5));
    QVERIFY2(id.ok(), qPrintable(errorMessage(id.error())));

    JobListModel *model = w.jobs()->model();
    QTRY_VERIFY(model->rowOf(*id) >= 0);
    const int row = model->rowOf(*id);
    // While it runs, the panel shows progress between 0 and 100 %.
    QTRY_VERIFY_WITH_TIMEOUT(model->index(row, 0).data(JobListModel::FractionRole).toDouble() > 0.05, 20000);
    const JobRecord *record = model->record(row);
    QCOMPARE(record->state, JobState::Running);
    QVERIFY(model->index(row, JobListModel::ProgressColumn).data().toString().contains(QStringLiteral("300")));
    QCOMPARE(w.jobsPanel()->selectedJobId(), *id);
    const QImage running = w.jobsPanel()->grab().toImage();
    QVERIFY(!running.isNull());
    running.save(QDir::temp().filePath(QStringLiteral("neuroonco-jobs-panel-running.png")));

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(model->record(model->rowOf(*id))->state, JobState::Succeeded);
    QCOMPARE(model->index(model->rowOf(*id), 0).data(JobListModel::FractionRole).toDouble(), 1.0);
    auto *statusJobs = w.findChild<QLabel *>(QStringLiteral("statusJobs"));
    QTRY_VERIFY(statusJobs->text().contains(QStringLiteral("No jobs")));
}

void TestMainWindow::openingAMissingProjectKeepsStartPage()
{
    QTemporaryDir tmp;
    MainWindow w;
    QVERIFY(!w.openProject(tmp.filePath(QStringLiteral("nope")), true));
    QVERIFY(!w.session()->isOpen());
}

void TestMainWindow::ingestAndDedupShowInWorkspace()
{
    registerBuiltinStages();
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QVERIFY(Project::create(dir).ok());
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(w.openProject(dir, true));
    // The pipeline menu offers the real stages.
    QVERIFY(w.findChild<QAction *>(QStringLiteral("runStage_ingest")));
    QVERIFY(w.findChild<QAction *>(QStringLiteral("runStage_dedup")));

    QSignalSpy finished(w.jobs(), &JobsController::jobFinished);
    QVERIFY(w.jobs()->start(QStringLiteral("ingest"), IngestStage::parameters(fx.manifestPath)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(w.jobs()->start(QStringLiteral("dedup"), {}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QCOMPARE(finished.at(1).at(1).value<JobState>(), JobState::Succeeded);
    QVERIFY(w.jobs()->start(QStringLiteral("semantics"), {}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
    QVERIFY(w.jobs()->start(QStringLiteral("describe"), {}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 60000);
    QCOMPARE(finished.at(3).at(1).value<JobState>(), JobState::Succeeded);

    WorkspaceController *ws = w.workspace();
    QueueModel *queue = ws->review()->queueModel();
    QTRY_VERIFY(queue->rowCount() > 20);
    QVERIFY(ws->issues()->table()->rowCount() >= 10);
    // Selecting a sample with a mask shows it in the slice viewer with its semantics.
    ws->tabs()->setCurrentWidget(ws->reviewTab());
    qint64 masked = 0;
    for (const QueueRow &r : queue->rows())
        if (r.sampleId.endsWith(QLatin1String("m1_t1")))
            masked = r.id;
    QVERIFY(masked > 0);
    ws->queue()->selectId(masked);
    QCOMPARE(ws->review()->currentSample(), masked);
    QVERIFY(ws->inspector()->view()->hasImage());
    QVERIFY2(ws->inspector()->detailsText().contains(QStringLiteral("Round/Oval")), qPrintable(ws->inspector()->detailsText()));
    QVERIFY(ws->inspector()->detailsText().contains(QStringLiteral("showing signs of Meningioma")));
    w.grab().save(QDir::temp().filePath(QStringLiteral("neuroonco-samples.png")));

    // The duplicates tab lists clusters; choosing one shows its members side by side.
    ws->tabs()->setCurrentWidget(ws->duplicates());
    QListWidget *clusters = ws->duplicates()->clusterList();
    QCOMPARE(clusters->count(), 2);
    clusters->setCurrentRow(0);
    QTRY_VERIFY(ws->duplicates()->memberCount() >= 2);
    QTest::qWait(50);
    w.grab().save(QDir::temp().filePath(QStringLiteral("neuroonco-duplicates.png")));
    ws->tabs()->setCurrentWidget(ws->issues());
    w.grab().save(QDir::temp().filePath(QStringLiteral("neuroonco-issues.png")));
}

void TestMainWindow::readOnlyProjectIsShownNotChanged()
{
    registerBuiltinStages();
    // A reviewer name is set: if a key did reach the decisions, it would be written, not asked.
    Settings::setValue(settings::ReviewerName, QStringLiteral("Dr Test"));
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    const QString dir = tmp.filePath(QStringLiteral("archived"));
    {
        Result<Project> p = Project::create(dir);
        QVERIFY(p.ok());
        IngestStage ingest;
        std::atomic_bool cancel{false};
        QCOMPARE(JobExecutor::execute(*p, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state,
                 JobState::Succeeded);
    }
    auto fileHash = [&] {
        QFile f(Project::databasePathIn(dir));
        f.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    };
    const QByteArray before = fileHash();

    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(w.openProject(dir, true, DatabaseAccess::ReadOnly));
    QVERIFY(w.session()->isReadOnly());
    QVERIFY2(w.windowTitle().contains(QStringLiteral("(read-only)")), qPrintable(w.windowTitle()));
    auto *access = w.findChild<QLabel *>(QStringLiteral("statusAccess"));
    QVERIFY(access && access->isVisible());
    QVERIFY2(access->toolTip().contains(QStringLiteral("read-only")), qPrintable(access->toolTip()));

    // Stages cannot start, and say why.
    QAction *ingestAction = w.findChild<QAction *>(QStringLiteral("runStage_ingest"));
    QVERIFY(ingestAction && !ingestAction->isEnabled());
    QVERIFY2(ingestAction->toolTip().contains(QStringLiteral("read-only")), qPrintable(ingestAction->toolTip()));
    QVERIFY(!w.findChild<QAction *>(QStringLiteral("runAllStages"))->isEnabled());
    QVERIFY(!w.findChild<QAction *>(QStringLiteral("benchmarkBuild"))->isEnabled());

    // Review: the samples are there to look at; decisions are disabled, with the reason shown.
    WorkspaceController *ws = w.workspace();
    QTRY_VERIFY(ws->review()->queueModel()->rowCount() > 0);
    ws->tabs()->setCurrentWidget(ws->reviewTab());
    const qint64 first = ws->review()->queueModel()->rows().front().id;
    ws->queue()->selectId(first);
    QCOMPARE(ws->review()->currentSample(), first);
    auto *panel = w.findChild<AttributePanel *>(QStringLiteral("AttributePanel"));
    QVERIFY(panel && panel->isReadOnly());
    auto *comment = w.findChild<QLineEdit *>(QStringLiteral("commentEdit"));
    QVERIFY(comment && !comment->isEnabled());
    QVERIFY2(comment->toolTip().contains(QStringLiteral("read-only")), qPrintable(comment->toolTip()));
    QVERIFY(panel->view()->toolTip().contains(QStringLiteral("read-only")));
    panel->view()->setFocus();
    for (Qt::Key key : {Qt::Key_A, Qt::Key_R, Qt::Key_1, Qt::Key_Return})
        QTest::keyClick(panel->view(), key);
    w.grab().save(QDir::temp().filePath(QStringLiteral("neuroonco-read-only.png")));
    w.session()->close();

    auto db = Database::openSqlite(Project::databasePathIn(dir), DatabaseAccess::ReadOnly);
    QVERIFY(db.ok());
    Result<std::vector<AuditDecision>> decisions = AuditRepository(**db).all();
    QVERIFY(decisions.ok());
    QCOMPARE(int(decisions->size()), 0);
    db->reset();
    QCOMPARE(fileHash(), before);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
