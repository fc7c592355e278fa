// The zh_CN catalogue covers the GUI: with it installed, the main window's menus read in Chinese,
// and a recording translator of the lowest priority — asked only when no catalogue has an
// answer — sees no text of ours while every tab, the Settings dialog and the item views are
// shown. Switching the language at run time retranslates the open window.
#include "FakeChatServer.h"
#include "FakeExaminee.h"
#include "PipelineFixture.h"

#include "app/studio/BenchmarkController.h"
#include "app/studio/DashboardController.h"
#include "app/studio/EvaluationController.h"
#include "app/studio/MainWindow.h"
#include "app/studio/ProjectTrustDialog.h"
#include "app/studio/ReviewController.h"
#include "app/studio/Translations.h"
#include "app/studio/WorkspaceController.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/llm/EndpointStore.h"
#include "core/models/AttributeTableModel.h"
#include "core/models/BenchmarkItemModel.h"
#include "core/models/QueueModel.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/review/QueueRow.h"
#include "core/settings/Settings.h"
#include "UserEndpointsFile.h"
#include "widgets/dashboard/DashboardView.h"
#include "widgets/dedup/DuplicateClusterView.h"
#include "widgets/evaluation/EvaluationView.h"
#include "widgets/ingest/IngestIssuesView.h"
#include "widgets/project/ProjectOverview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>

#include <atomic>

using namespace neuroonco;

namespace {

// Installed before the real catalogues, so Qt asks it last: whatever reaches it had no
// translation anywhere. It keeps (context, source) and answers nothing.
class RecordingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (context && sourceText && *sourceText) {
            const QMutexLocker lock(&m_mutex); // figures are collected on worker threads
            m_misses.insert(QString::fromUtf8(context) + QStringLiteral(" | ") + QString::fromUtf8(sourceText));
        }
        return {};
    }
    bool isEmpty() const override { return false; }

    QSet<QString> misses() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_misses;
    }
    void clear()
    {
        const QMutexLocker lock(&m_mutex);
        m_misses.clear();
    }

private:
    mutable QMutex m_mutex;
    mutable QSet<QString> m_misses;
};

bool hasCjk(const QString &text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return text.contains(cjk);
}

// Texts that stay as they are in every language.
bool isUntranslatable(const QString &text)
{
    return text == QLatin1String("English") || text == QStringLiteral("中文 (简体)")
           || text == QLatin1String("NeuroOnco Studio");
}

// The contexts of our catalogue, read from the .ts file the test was built against.
QSet<QString> catalogueContexts()
{
    QSet<QString> contexts;
    QFile file(QStringLiteral(NEUROONCO_ZH_CN_TS));
    if (!file.open(QIODevice::ReadOnly))
        return contexts;
    QXmlStreamReader xml(&file);
    bool inContext = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("context"))
            inContext = true;
        else if (xml.isStartElement() && xml.name() == QLatin1String("name") && inContext) {
            contexts.insert(xml.readElementText());
            inContext = false;
        }
    }
    return contexts;
}

// Reads what item views show and tell (cells, tooltips, headers), as painting and hovering do.
void touchItemViews(QWidget *root)
{
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = view->model();
        if (!model)
            continue;
        for (int c = 0; c < model->columnCount(); ++c)
            model->headerData(c, Qt::Horizontal, Qt::DisplayRole);
        for (int r = 0; r < std::min(model->rowCount(), 40); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                    model->index(r, c).data(role);
    }
}

// Every menu of the bar, and the menus inside them.
void collectMenus(QMenu *menu, QList<QMenu *> &out)
{
    out << menu;
    for (QAction *a : menu->actions())
        if (a->menu())
            collectMenus(a->menu(), out);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mainWindowIsFullyTranslated();
    void languageSwitchesAtRunTime();

private:
    QTemporaryDir m_tmp;
    test::UserEndpointsFile m_userEndpoints;
    test::FakeChatServer m_server;
    Project m_project;
    RecordingTranslator *m_recorder = nullptr;
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::setValue(settings::ReviewerName, QStringLiteral("Dr Translator"));
    Settings::setValue(settings::RecentProjects, QStringList()); // earlier runs' projects are gone
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    std::unique_ptr<Stage> stage = StageRegistry::instance().create(BenchmarkStage::stageId());
    QVERIFY(stage);
    const JobOutcome o = JobExecutor::execute(m_project, *stage, BenchmarkStage::parameters(0.2, 7), nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));

    // One evaluation run (a model answering "A" to everything) for the Evaluations tab.
    m_server.setRule([](const QJsonObject &request, int) {
        return test::FakeReply::json(test::FakeExaminee().answerText(test::FakeExaminee::Persona::AlwaysA, request));
    });
    QVERIFY(m_server.start());
    EndpointStore endpoints;
    Result<EndpointConfig> endpoint = EndpointConfig::fromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("always-a")},
                                                                           {QStringLiteral("base_url"), m_server.url().toString()},
                                                                           {QStringLiteral("model"), QStringLiteral("always-a")}});
    QVERIFY(endpoint.ok());
    endpoints.upsert(*endpoint);
    QVERIFY(!test::UserEndpointsFile::save(endpoints));
    EvaluateOptions evaluate;
    evaluate.endpoint = QStringLiteral("always-a");
    evaluate.includeUnapproved = true;
    EvaluateStage evaluateStage;
    const JobOutcome e = JobExecutor::execute(m_project, evaluateStage, evaluate.toParameters(), nullptr, &cancel, 2);
    QVERIFY2(e.state == JobState::Succeeded, qPrintable(errorMessage(e.error)));

    m_recorder = new RecordingTranslator;
    QCoreApplication::installTranslator(m_recorder); // first installed = asked last
    QCOMPARE(Translations::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QVERIFY(!catalogueContexts().isEmpty());
}

void TestTranslations::mainWindowIsFullyTranslated()
{
    m_recorder->clear();
    MainWindow w;
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The project brings its own endpoint list: the trust dialog comes up on opening it.
    QFile own(m_project.endpointsFile());
    QVERIFY(own.open(QIODevice::WriteOnly));
    own.write(R"({"endpoints":[{"name":"theirs","base_url":"https://theirs.example.com/v1","model":"m","api_key_env":"THEIR_KEY"}]})");
    own.close();
    QVERIFY(w.openProject(m_project.root(), true));
    ProjectTrustDialog *trust = nullptr;
    QTRY_VERIFY((trust = w.findChild<ProjectTrustDialog *>()) != nullptr && trust->isVisible());
    touchItemViews(trust);
    trust->grab();
    QVERIFY2(hasCjk(trust->windowTitle()), qPrintable(trust->windowTitle()));
    trust->reject(); // Not now: Settings then offers to review the list
    QTRY_VERIFY(!w.findChild<ProjectTrustDialog *>());
    QTabWidget *tabs = w.workspace()->tabs();
    auto visit = [&](QWidget *page) {
        tabs->setCurrentWidget(page);
        QTest::qWait(50);
        touchItemViews(&w);
        w.grab();
    };

    visit(w.overview());

    // Review: a sample with consistency warnings and a flagged duplicate, and one decision.
    ReviewController *review = w.workspace()->review();
    visit(w.workspace()->reviewTab());
    QTRY_VERIFY(review->current() != nullptr);
    qint64 withWarnings = 0, duplicate = 0;
    for (const QueueRow &r : review->queueModel()->rows()) {
        if (!withWarnings && r.warnings > 0)
            withWarnings = r.id;
        if (!duplicate && r.isDuplicate)
            duplicate = r.id;
    }
    for (qint64 id : {duplicate, withWarnings}) {
        if (id) {
            review->select(id);
            QCOMPARE(review->currentSample(), id);
            visit(w.workspace()->reviewTab());
        }
    }
    auto *attributes = w.workspace()->reviewTab()->findChild<QAbstractItemView *>(QStringLiteral("attributeTable"));
    QVERIFY(attributes);
    for (int row = 0; row < attributes->model()->rowCount(); ++row) {
        if (!review->current()->silver(attributes->model()->index(row, 0).data(AttributeTableModel::FieldKeyRole).toString()).isEmpty()) {
            attributes->setCurrentIndex(attributes->model()->index(row, 0));
            break;
        }
    }
    attributes->setFocus();
    QTest::keyClick(attributes, Qt::Key_A); // a decision: undo text and the reviewer column
    visit(w.workspace()->reviewTab());

    BenchmarkController *bench = w.benchmark();
    visit(bench->tab());
    QTRY_VERIFY(bench->model()->rowCount() > 0);
    QTRY_VERIFY(bench->currentItem() != 0);
    visit(bench->tab());

    DashboardController *dashboard = w.dashboard();
    QSignalSpy figures(dashboard, &DashboardController::figuresUpdated);
    tabs->setCurrentWidget(dashboard->view());
    QVERIFY(figures.wait(20000));
    visit(dashboard->view());

    EvaluationController *evaluations = w.evaluations();
    QSignalSpy runQuestions(evaluations, &EvaluationController::questionsLoaded);
    tabs->setCurrentWidget(evaluations->view());
    QVERIFY(runQuestions.wait(20000));
    visit(evaluations->view());

    auto *clusters = w.workspace()->duplicates()->findChild<QListWidget *>(QStringLiteral("clusterList"));
    QVERIFY(clusters);
    visit(w.workspace()->duplicates());
    if (clusters->count() > 0)
        clusters->setCurrentRow(0);
    visit(w.workspace()->duplicates());
    visit(w.workspace()->issues());

    // The Settings dialog, opened from its menu action and closed again.
    QAction *settingsAction = w.findChild<QAction *>(QStringLiteral("settingsAction"));
    QVERIFY(settingsAction);
    QStringList dialogTexts;
    auto *poll = new QTimer(&w);
    connect(poll, &QTimer::timeout, &w, [&dialogTexts, poll] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->stop();
        dialogTexts << dialog->windowTitle();
        if (auto *pages = dialog->findChild<QTabWidget *>()) {
            for (int i = 0; i < pages->count(); ++i) {
                pages->setCurrentIndex(i);
                dialogTexts << pages->tabText(i);
                dialog->grab();
            }
        }
        touchItemViews(dialog);
        dialog->reject();
    });
    poll->start(50);
    settingsAction->trigger();
    QCOMPARE(dialogTexts.size(), 4);
    for (const QString &text : std::as_const(dialogTexts))
        QVERIFY2(hasCjk(text), qPrintable(QStringLiteral("Settings dialog text not in Chinese: ") + text));

    QAction *evaluateAction = w.findChild<QAction *>(QStringLiteral("benchmarkEvaluate"));
    QVERIFY(evaluateAction);
    QString evaluateTitle;
    auto *pollEvaluate = new QTimer(&w);
    connect(pollEvaluate, &QTimer::timeout, &w, [&evaluateTitle, pollEvaluate] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        pollEvaluate->stop();
        evaluateTitle = dialog->windowTitle();
        dialog->grab();
        dialog->reject();
    });
    pollEvaluate->start(50);
    evaluateAction->trigger();
    QVERIFY2(hasCjk(evaluateTitle), qPrintable(evaluateTitle));

    visit(w.overview());

    // Tab titles and menus read in Chinese (project paths in Open Recent are data).
    for (int i = 0; i < tabs->count(); ++i)
        QVERIFY2(hasCjk(tabs->tabText(i)), qPrintable(QStringLiteral("tab: ") + tabs->tabText(i)));
    QList<QMenu *> menus;
    for (QAction *a : w.menuBar()->actions())
        if (a->menu())
            collectMenus(a->menu(), menus);
    QVERIFY(menus.size() >= 6);
    QStringList english;
    for (QMenu *menu : std::as_const(menus)) {
        if (!hasCjk(menu->title()))
            english << QStringLiteral("menu: ") + menu->title();
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->menu() || isUntranslatable(a->text()) || QDir::isAbsolutePath(a->text()))
                continue;
            if (!hasCjk(a->text()))
                english << menu->title() + QStringLiteral(" → ") + a->text();
        }
    }
    QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("Menu texts not in Chinese:\n  ") + english.join(QStringLiteral("\n  "))));

    // No text of ours went without a translation. Qt's own contexts (QPlatformTheme, QShortcut…)
    // are qtbase's business; ours are the catalogue's contexts and our classes.
    const QSet<QString> ours = catalogueContexts();
    QStringList untranslated;
    for (const QString &miss : m_recorder->misses()) {
        const QString context = miss.section(QStringLiteral(" | "), 0, 0);
        if (ours.contains(context) || context.startsWith(QLatin1String("neuroonco::")))
            untranslated << miss;
    }
    untranslated.sort();
    QFile::remove(m_project.endpointsFile());
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("%1 texts without a zh_CN translation (context | source):\n  %2")
                            .arg(untranslated.size())
                            .arg(untranslated.join(QStringLiteral("\n  ")))));
}

void TestTranslations::languageSwitchesAtRunTime()
{
    Translations::install(QStringLiteral("en"));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *fileMenu = w.findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(fileMenu);
    QCOMPARE(fileMenu->title(), QStringLiteral("&File"));

    QCOMPARE(Translations::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("文件(&F)"));
    QTRY_COMPARE(w.workspace()->tabs()->tabText(0), QStringLiteral("概览"));

    Translations::install(QStringLiteral("en"));
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("&File"));
    QTRY_COMPARE(w.workspace()->tabs()->tabText(0), QStringLiteral("Overview"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
