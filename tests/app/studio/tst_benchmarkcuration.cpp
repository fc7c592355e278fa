// Benchmark curation as a curator does it, from the keyboard: approve, reject with a note, edit
// through the dialog (refused while invalid), an item turns stale after a reviewer corrects an
// attribute it was built from, lint warnings are shown, exports hold only approved items.
#include "PipelineFixture.h"

#include "app/studio/BenchmarkController.h"
#include "app/studio/MainWindow.h"
#include "app/studio/ProjectSession.h"
#include "app/studio/WorkspaceController.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/models/BenchmarkItemModel.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/review/AuditRepository.h"
#include "core/review/ReviewFields.h"
#include "core/review/ReviewRepository.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "widgets/benchmark/BenchmarkItemView.h"
#include "widgets/benchmark/BenchmarkListPanel.h"
#include "widgets/benchmark/ItemEditDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace neuroonco;

class TestBenchmarkCuration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void modelPassesTheTester();
    void approveAndRejectFromTheKeyboard();
    void editThroughTheDialog();
    void correctedAttributeMakesItemsStale();
    void exportHoldsOnlyApprovedItems();
    void importedDefectsShowLintWarnings();
    void splitFromTheGuiWritesTheLeakageReport();

private:
    BenchmarkItem stored(qint64 id);
    QTemporaryDir m_tmp;
    Project m_project;
    std::unique_ptr<MainWindow> m_window;
    BenchmarkController *m_bench = nullptr;
};

void TestBenchmarkCuration::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::setValue(settings::ReviewerName, QStringLiteral("Dr Curator"));
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    std::unique_ptr<Stage> stage = StageRegistry::instance().create(BenchmarkStage::stageId());
    QVERIFY(stage);
    const JobOutcome o = JobExecutor::execute(m_project, *stage, BenchmarkStage::parameters(0.2, 7), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
}

void TestBenchmarkCuration::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openProject(m_project.root(), true));
    m_bench = m_window->benchmark();
    m_window->workspace()->tabs()->setCurrentWidget(m_bench->tab());
    QTRY_VERIFY(m_bench->model()->rowCount() > 20);
    QTRY_VERIFY(m_bench->currentItem() != 0);
}

void TestBenchmarkCuration::cleanup()
{
    m_window.reset();
}

BenchmarkItem TestBenchmarkCuration::stored(qint64 id)
{
    auto db = m_project.connect();
    if (!db)
        return {};
    Result<BenchmarkItem> item = BenchmarkRepository(**db).item(id);
    return item ? item.take() : BenchmarkItem{};
}

void TestBenchmarkCuration::modelPassesTheTester()
{
    QAbstractItemModelTester tester(m_bench->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_bench->reload();
    QVERIFY(m_bench->model()->rowCount() > 0);
}

void TestBenchmarkCuration::approveAndRejectFromTheKeyboard()
{
    QTableView *list = m_bench->list()->view();
    list->setFocus();
    const qint64 first = m_bench->currentItem();
    QTest::keyClick(list, Qt::Key_A);
    QCOMPARE(stored(first).status, ItemStatus::Approved);
    const qint64 second = m_bench->currentItem();
    QVERIFY(second != first); // moved on to the next item

    auto *note = m_bench->itemView()->findChild<QLineEdit *>(QStringLiteral("benchmarkNote"));
    QVERIFY(note);
    note->setText(QStringLiteral("stem gives the answer away"));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_R);
    QCOMPARE(stored(second).status, ItemStatus::Rejected);
    auto db = m_project.connect();
    QVERIFY(db);
    Result<std::vector<BenchmarkReview>> history = BenchmarkRepository(**db).reviews(second);
    QVERIFY(history && !history->empty());
    QCOMPARE(history->back().action, QStringLiteral("reject"));
    QCOMPARE(history->back().reviewer, QStringLiteral("Dr Curator"));
    QCOMPARE(history->back().note, QStringLiteral("stem gives the answer away"));
    QVERIFY(note->text().isEmpty()); // the note belonged to that decision

    // The model row follows without a reload.
    const CurationRow *row = m_bench->model()->row(m_bench->model()->indexOfId(second));
    QVERIFY(row);
    QCOMPARE(row->item.status, ItemStatus::Rejected);
    // PageDown / PageUp walk the list; back on the rejected item its history is on screen.
    const qint64 third = m_bench->currentItem();
    QTest::keyClick(list, Qt::Key_PageDown);
    QVERIFY(m_bench->currentItem() != third);
    QTest::keyClick(list, Qt::Key_PageUp);
    QCOMPARE(m_bench->currentItem(), third);
    m_bench->list()->selectId(second);
    QCOMPARE(m_bench->currentItem(), second);
    QVERIFY(m_bench->itemView()->detailsHtml().contains(QStringLiteral("stem gives the answer away")));
}

void TestBenchmarkCuration::editThroughTheDialog()
{
    // Find a closed multiple-choice item and select it.
    qint64 target = 0;
    for (const CurationRow &r : m_bench->model()->rows())
        if (r.item.kind == ItemKind::Closed && r.item.closed().options.size() == 5 && r.item.status == ItemStatus::Pending) {
            target = r.item.id;
            break;
        }
    QVERIFY(target);
    m_bench->list()->selectId(target);
    QCOMPARE(m_bench->currentItem(), target);
    const BenchmarkItem before = stored(target);

    bool sawRefusal = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ItemEditDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *question = dialog->findChild<QLineEdit *>(QStringLiteral("editQuestion"));
        auto *optionB = dialog->findChild<QLineEdit *>(QStringLiteral("editOptionB"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("editError"));
        QVERIFY(question && optionB && error);
        const QString keepB = optionB->text();
        optionB->clear(); // an empty option is refused by core's rules
        dialog->accept();
        sawRefusal = dialog->isVisible() && !error->text().isEmpty();
        optionB->setText(keepB);
        question->setText(QStringLiteral("Which diagnosis fits this image best?"));
        dialog->accept();
    });
    m_bench->list()->view()->setFocus();
    QTest::keyClick(m_bench->list()->view(), Qt::Key_E);
    QVERIFY(sawRefusal);

    const BenchmarkItem after = stored(target);
    QCOMPARE(after.closed().question, QStringLiteral("Which diagnosis fits this image best?"));
    QCOMPARE(after.origin, ItemOrigin::Edited);
    QCOMPARE(after.version, before.version + 1);
    QCOMPARE(after.closed().answer, before.closed().answer);
}

void TestBenchmarkCuration::correctedAttributeMakesItemsStale()
{
    // An approved "size" item; then a reviewer corrects the mask size of its sample.
    qint64 target = 0, sample = 0;
    for (const CurationRow &r : m_bench->model()->rows())
        if (r.item.kind == ItemKind::Closed && r.item.questionType == QLatin1String("size") && r.item.status == ItemStatus::Pending) {
            target = r.item.id;
            sample = r.item.sample;
            break;
        }
    QVERIFY2(target, "the fixture has no size question");
    m_bench->list()->selectId(target);
    QVERIFY(m_bench->approve());
    QCOMPARE(stored(target).status, ItemStatus::Approved);

    auto db = m_project.connect();
    QVERIFY(db);
    Result<ReviewSample> review = ReviewRepository(**db).load(sample);
    QVERIFY(review);
    const QString silver = review->silver(QStringLiteral("mask_size"));
    QString other;
    for (const QString &v : ReviewFields::find(QStringLiteral("mask_size"))->values)
        if (v != silver)
            other = v;
    AuditDecision d;
    d.sample = sample;
    d.field = QStringLiteral("mask_size");
    d.action = AuditAction::Correct;
    d.value = other;
    d.silver = silver;
    d.reviewer = QStringLiteral("Dr Reviewer");
    d.at = QDateTime::currentDateTimeUtc();
    QVERIFY(AuditRepository(**db).append(d));

    // Coming back to the tab checks staleness.
    QTabWidget *tabs = m_window->workspace()->tabs();
    tabs->setCurrentWidget(m_window->workspace()->reviewTab());
    tabs->setCurrentWidget(m_bench->tab());
    QTRY_COMPARE(stored(target).status, ItemStatus::Stale);
    const int row = m_bench->model()->indexOfId(target);
    QCOMPARE(m_bench->model()->row(row)->item.status, ItemStatus::Stale);
    QCOMPARE(m_bench->model()->index(row, 0).data(BenchmarkItemModel::PriorityRole).toInt(), 0);
    // Stale items come first in the list's default order.
    const QModelIndex top = m_bench->list()->view()->model()->index(0, 0);
    QCOMPARE(ItemStatus(top.data(BenchmarkItemModel::StatusRole).toInt()), ItemStatus::Stale);
}

void TestBenchmarkCuration::exportHoldsOnlyApprovedItems()
{
    const QString path = m_tmp.filePath(QStringLiteral("closed.json"));
    QVERIFY(!m_bench->exportFile(ItemKind::Closed, path, false));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray records = QJsonDocument::fromJson(f.readAll()).array();
    int questions = 0;
    for (const QJsonValue &r : records)
        questions += r.toObject().value(QStringLiteral("vqa_pairs")).toArray().size();
    int approved = 0;
    for (const CurationRow &r : m_bench->model()->rows())
        approved += r.item.kind == ItemKind::Closed && r.item.status == ItemStatus::Approved;
    QVERIFY(approved > 0);
    QCOMPARE(questions, approved);
}

void TestBenchmarkCuration::importedDefectsShowLintWarnings()
{
    const QString sample = QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_closed_sample.json");
    Result<BenchmarkImportSummary> summary = m_bench->importFile(ItemKind::Closed, sample);
    QVERIFY2(summary, qPrintable(summary ? QString() : errorMessage(summary.error())));
    QVERIFY(summary->questions > 0);
    qint64 warned = 0;
    for (const CurationRow &r : m_bench->model()->rows())
        if (r.item.origin == ItemOrigin::Imported && !r.findings.empty())
            warned = r.item.id;
    QVERIFY2(warned, "the published sample's defects were not found");
    m_bench->list()->selectId(warned);
    QVERIFY(m_bench->itemView()->detailsHtml().contains(QStringLiteral("Lint warnings")));
}


void TestBenchmarkCuration::splitFromTheGuiWritesTheLeakageReport()
{
    // The GUI's split is the CLI's operation: the job, then the leakage report in exports/.
    const QString report = QDir(m_window->session()->project().exportsDir()).filePath(QStringLiteral("split-report.json"));
    QFile::remove(report);
    QVERIFY(!m_bench->makeSplit(0.3));
    QVERIFY(QFile::exists(report));
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject r = QJsonDocument::fromJson(f.readAll()).object();
    QVERIFY(r.value(QStringLiteral("ok")).toBool());
    QVERIFY(r.value(QStringLiteral("test")).toInt() > 0);
}

QTEST_MAIN(TestBenchmarkCuration)
#include "tst_benchmarkcuration.moc"
