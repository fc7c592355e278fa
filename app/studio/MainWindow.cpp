// Menus, docks and status bar of NeuroOnco Studio.
#include "app/studio/MainWindow.h"

#include "app/studio/Appearance.h"
#include "app/studio/BenchmarkController.h"
#include "app/studio/ContextController.h"
#include "app/studio/DashboardController.h"
#include "app/studio/EvaluationController.h"
#include "app/studio/JobsController.h"
#include "app/studio/ProjectSession.h"
#include "app/studio/ProjectTrustDialog.h"
#include "app/studio/ReviewController.h"
#include "app/studio/ReviewerName.h"
#include "app/studio/SettingsDialog.h"
#include "app/studio/StageLauncher.h"
#include "app/studio/Translations.h"
#include "app/studio/ViewerActions.h"
#include "app/studio/WorkspaceController.h"
#include "core/jobs/JobRunner.h"
#include "core/jobs/StageRegistry.h"
#include "core/settings/Settings.h"
#include "core/version/Version.h"
#include "widgets/context/VolumeContextView.h"
#include "widgets/jobs/JobsPanel.h"
#include "widgets/project/ProjectOverview.h"
#include "widgets/samples/SampleInspector.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

namespace neuroonco {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ProjectSession(this))
    , m_jobsPanel(new JobsPanel(this))
    , m_jobs(new JobsController(m_session, m_jobsPanel, this))
    , m_workspace(new WorkspaceController(m_session, this))
    , m_jobsDock(new QDockWidget(this))
    , m_contextDock(new QDockWidget(this))
    , m_contextView(new VolumeContextView(this))
    , m_statusProject(new QLabel(this))
    , m_statusAccess(new QLabel(this))
    , m_statusProblem(new QLabel(this))
    , m_statusCounts(new QLabel(this))
    , m_statusJobs(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/neuroonco.svg")));
    setCentralWidget(m_workspace->tabs());

    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    m_contextDock->setObjectName(QStringLiteral("contextDock"));
    m_contextDock->setWidget(m_contextView);
    addDockWidget(Qt::RightDockWidgetArea, m_contextDock);
    m_context = new ContextController(m_session, m_contextDock, m_contextView, this);
    m_benchmark = new BenchmarkController(m_session, m_workspace->tabs(), this);
    m_evaluations = new EvaluationController(m_session, m_workspace->tabs(), this);
    m_dashboard = new DashboardController(m_session, m_workspace->tabs(), this);
    connect(m_evaluations, &EvaluationController::runStageRequested, this, &MainWindow::runStage);
    connect(m_benchmark, &BenchmarkController::runStageRequested, this, &MainWindow::runStage);
    connect(m_benchmark, &BenchmarkController::actionFailed, this,
            [this](const QString &message) { showError(tr("The benchmark item was not changed"), message); });
    connect(m_workspace->review(), &ReviewController::sampleShown, m_context, &ContextController::showSample);

    m_statusProject->setObjectName(QStringLiteral("statusProject"));
    m_statusAccess->setObjectName(QStringLiteral("statusAccess"));
    m_statusAccess->setStyleSheet(QStringLiteral("QLabel { color: palette(highlighted-text); background: #b06000; "
                                                 "padding: 0 6px; border-radius: 3px; }"));
    m_statusAccess->hide();
    m_statusProblem->setObjectName(QStringLiteral("statusProblem"));
    m_statusProblem->setStyleSheet(QStringLiteral("QLabel { color: #c03030; }"));
    m_statusProblem->hide();
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    m_statusJobs->setObjectName(QStringLiteral("statusJobs"));
    statusBar()->addWidget(m_statusProject);
    statusBar()->addWidget(m_statusAccess);
    statusBar()->addWidget(m_statusProblem);
    statusBar()->addWidget(m_statusCounts, 1);
    statusBar()->addPermanentWidget(m_statusJobs);

    createActions();
    createMenus();
    retranslate();

    connect(m_session, &ProjectSession::readFailed, this, [this](const Error &error) {
        // Shown where it stays in sight, not in a dialog per failed read.
        const QString message = error.code == ErrorCode::Damaged
                                    ? tr("%1. Close the project and run 'neuroonco status' on it: it checks the database "
                                         "and says how to restore a backup.")
                                          .arg(errorMessage(error))
                                    : errorMessage(error);
        m_statusProblem->setText(error.code == ErrorCode::Damaged ? tr("Database damaged") : tr("A read failed"));
        m_statusProblem->setToolTip(message);
        m_statusProblem->show();
        statusBar()->showMessage(message, 15000);
    });
    connect(m_session, &ProjectSession::opened, this, [this](const Project &project) {
        m_statusProblem->hide();
        rebuildRecentMenu();
        refreshStatus();
        updateActions();
        // A project received from someone else may list its own endpoints: ask before any is used.
        ProjectTrustDialog::offer(project.root(), this);
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        m_statusProblem->hide();
        overview()->showStartPage(Settings::value(settings::RecentProjects));
        refreshStatus();
        updateActions();
    });
    connect(m_jobs, &JobsController::jobFinished, this, [this] {
        refreshStatus();
        m_workspace->reload();
        m_dashboard->refresh();
        m_evaluations->refresh();
    });
    connect(m_jobs->runner(), &JobRunner::jobStarted, this, [this] {
        refreshStatus();
        m_jobsDock->show();
    });
    connect(m_workspace->review(), &ReviewController::decisionFailed, this,
            [this](const QString &message) { showError(tr("The decision was not saved"), message); });
    connect(m_jobs, &JobsController::startFailed, this,
            [this](const QString &message) { showError(tr("Cannot start the job"), message); });
    connect(overview(), &ProjectOverview::newProjectRequested, this, &MainWindow::newProject);
    connect(overview(), &ProjectOverview::openProjectRequested, this, [this] { chooseProject(DatabaseAccess::ReadWrite); });
    connect(overview(), &ProjectOverview::openRecentRequested, this, [this](const QString &path) { openProject(path); });
    connect(overview(), &ProjectOverview::runStageRequested, this, &MainWindow::runStage);

    resize(1280, 820);
    QTimer::singleShot(0, this, [this] {
        resizeDocks({m_jobsDock}, {180}, Qt::Vertical);
        resizeDocks({m_contextDock}, {340}, Qt::Horizontal);
    });
    restoreGeometry(Settings::value(settings::WindowGeometry));
    restoreState(Settings::value(settings::WindowState));
    overview()->showStartPage(Settings::value(settings::RecentProjects));
    refreshStatus();
    updateActions();
}

MainWindow::~MainWindow() = default;

ProjectOverview *MainWindow::overview() const
{
    return m_workspace->overview();
}

void MainWindow::createActions()
{
    m_newAction = new QAction(this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    m_openAction = new QAction(this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, [this] { chooseProject(DatabaseAccess::ReadWrite); });
    m_openReadOnlyAction = new QAction(this);
    m_openReadOnlyAction->setObjectName(QStringLiteral("openReadOnly"));
    connect(m_openReadOnlyAction, &QAction::triggered, this, [this] { chooseProject(DatabaseAccess::ReadOnly); });
    m_closeAction = new QAction(this);
    connect(m_closeAction, &QAction::triggered, m_session, &ProjectSession::close);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_runAllAction = new QAction(this);
    m_runAllAction->setObjectName(QStringLiteral("runAllStages"));
    connect(m_runAllAction, &QAction::triggered, this, &MainWindow::runAllStages);
    m_resumeAction = new QAction(this);
    m_resumeAction->setObjectName(QStringLiteral("resumeInterrupted"));
    connect(m_resumeAction, &QAction::triggered, this, &MainWindow::resumeInterrupted);

    m_reviewerAction = new QAction(this);
    connect(m_reviewerAction, &QAction::triggered, this, &MainWindow::askReviewerName);
    m_settingsAction = new QAction(this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    m_exportReportAction = new QAction(this);
    m_exportReportAction->setObjectName(QStringLiteral("exportReport"));
    connect(m_exportReportAction, &QAction::triggered, this, [this] { m_dashboard->chooseReportFile(); });

    m_themeGroup = new QActionGroup(this);
    for (const char *theme : {"system", "light", "dark"}) {
        QAction *a = m_themeGroup->addAction(QString());
        a->setCheckable(true);
        a->setData(QString::fromLatin1(theme));
        a->setChecked(Appearance::currentTheme() == QLatin1String(theme));
        connect(a, &QAction::triggered, this, [this, a] { setTheme(a->data().toString()); });
    }
    m_languageGroup = new QActionGroup(this);
    const QString language = Settings::value(settings::Language);
    for (const char *lang : {"", "en", "zh_CN"}) {
        QAction *a = m_languageGroup->addAction(QString());
        a->setCheckable(true);
        a->setData(QString::fromLatin1(lang));
        a->setChecked(language == QLatin1String(lang));
        connect(a, &QAction::triggered, this, [this, a] { setLanguage(a->data().toString()); });
    }

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_fileMenu->addAction(m_openReadOnlyAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addAction(m_closeAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_exportReportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_pipelineMenu = menuBar()->addMenu(QString());
    m_pipelineMenu->setObjectName(QStringLiteral("pipelineMenu"));
    m_pipelineMenu->setToolTipsVisible(true); // a disabled stage says why (read-only project)
    m_reviewMenu = menuBar()->addMenu(QString());
    m_reviewMenu->setObjectName(QStringLiteral("reviewMenu"));
    m_reviewMenu->addAction(m_reviewerAction);
    m_reviewMenu->addSeparator();
    m_workspace->review()->populateMenu(m_reviewMenu);
    // Review and slice shortcuts (A, E, G, PgDown…) act only in the Review tab: the Benchmark tab
    // has its own single-key shortcuts, and the same key must not mean two things at once.
    for (QAction *a : m_reviewMenu->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_workspace->reviewTab()->addActions(m_reviewMenu->actions());
    m_benchmarkMenu = menuBar()->addMenu(QString());
    m_benchmarkMenu->setObjectName(QStringLiteral("benchmarkMenu"));
    m_benchmark->populateMenu(m_benchmarkMenu);
    m_evaluations->populateMenu(m_benchmarkMenu);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_jobsDock->toggleViewAction());
    m_viewMenu->addAction(m_contextDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_sliceMenu = m_viewMenu->addMenu(QString());
    m_viewerActions = new ViewerActions(m_workspace->inspector()->view(), this);
    m_viewerActions->populate(m_sliceMenu);
    for (QAction *a : m_sliceMenu->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_workspace->reviewTab()->addActions(m_sliceMenu->actions()); // shortcuts work even when the menu is closed
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->addActions(m_themeGroup->actions());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
    rebuildRecentMenu();
    rebuildPipelineMenu();
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_newAction->setText(tr("&New Project…"));
    m_openAction->setText(tr("&Open Project…"));
    m_openReadOnlyAction->setText(tr("Open Project &Read-Only…"));
    m_openReadOnlyAction->setStatusTip(tr("Open a project for reading only: nothing in it is written."));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_closeAction->setText(tr("&Close Project"));
    m_exportReportAction->setText(tr("&Export Report…"));
    m_dashboard->retranslate();
    m_benchmark->retranslate();
    m_evaluations->retranslate();
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_pipelineMenu->setTitle(tr("&Pipeline"));
    m_runAllAction->setText(tr("Run &All Stages"));
    m_resumeAction->setText(tr("&Resume Interrupted Jobs"));
    m_reviewMenu->setTitle(tr("&Review"));
    m_reviewerAction->setText(tr("Reviewer &Name…"));
    m_benchmarkMenu->setTitle(tr("&Benchmark"));
    m_viewMenu->setTitle(tr("&View"));
    m_jobsDock->setWindowTitle(tr("Jobs"));
    m_jobsDock->toggleViewAction()->setText(tr("&Jobs Panel"));
    m_contextDock->setWindowTitle(tr("3D Context"));
    m_contextDock->toggleViewAction()->setText(tr("&3D Context"));
    m_sliceMenu->setTitle(tr("&Slice"));
    m_viewerActions->retranslate();
    m_themeMenu->setTitle(tr("&Theme"));
    const QStringList themeNames{tr("System"), tr("Light"), tr("Dark")};
    for (int i = 0; i < m_themeGroup->actions().size(); ++i)
        m_themeGroup->actions().at(i)->setText(themeNames.at(i));
    m_languageMenu->setTitle(tr("&Language"));
    const QStringList languageNames{tr("System Default"), QStringLiteral("English"), QStringLiteral("中文 (简体)")};
    for (int i = 0; i < m_languageGroup->actions().size(); ++i)
        m_languageGroup->actions().at(i)->setText(languageNames.at(i));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About NeuroOnco Studio"));
    m_aboutQtAction->setText(tr("About &Qt"));
    rebuildRecentMenu();
    rebuildPipelineMenu();
    m_workspace->retranslate();
    updateActions();
    refreshStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings::value(settings::RecentProjects);
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(path);
        connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::rebuildPipelineMenu()
{
    m_pipelineMenu->clear();
    for (const StageInfo &info : StageRegistry::instance().stages()) {
        QAction *a = m_pipelineMenu->addAction(StageRegistry::instance().title(info.id) + QStringLiteral("…"));
        a->setObjectName(QStringLiteral("runStage_") + info.id);
        if (info.description)
            a->setStatusTip(QCoreApplication::translate("Stage", info.description));
        a->setEnabled(m_session->isOpen() && !m_session->isReadOnly());
        const QString id = info.id;
        connect(a, &QAction::triggered, this, [this, id] { runStage(id); });
    }
    if (!StageRegistry::instance().stages().empty()) {
        m_pipelineMenu->addSeparator();
        m_pipelineMenu->addAction(m_runAllAction);
    }
    m_pipelineMenu->addAction(m_resumeAction);
    if (m_session->isOpen() && m_session->isReadOnly())
        updateActions(); // the rebuilt stage actions say why they are disabled
}

void MainWindow::updateActions()
{
    const bool open = m_session->isOpen();
    const bool writable = open && !m_session->isReadOnly();
    // Stages write their results: on a read-only project they stay disabled and say why.
    const QString why = m_session->readOnlyText();
    m_closeAction->setEnabled(open);
    m_exportReportAction->setEnabled(open);
    m_runAllAction->setEnabled(writable && !StageRegistry::instance().stages().empty());
    m_resumeAction->setEnabled(writable);
    m_runAllAction->setToolTip(why); // empty: the action's text, as before
    m_resumeAction->setToolTip(why);
    m_benchmarkMenu->setEnabled(open && !m_benchmarkMenu->actions().isEmpty());
    for (QAction *a : m_pipelineMenu->actions()) {
        if (!a->objectName().startsWith(QLatin1String("runStage_")))
            continue;
        a->setEnabled(writable);
        a->setToolTip(why);
    }
    m_statusAccess->setVisible(open && !writable);
    m_statusAccess->setText(tr("Read-only"));
    m_statusAccess->setToolTip(why);
    setWindowTitle(!open      ? tr("NeuroOnco Studio")
                   : writable ? tr("%1 — NeuroOnco Studio").arg(m_session->project().name())
                              : tr("%1 (read-only) — NeuroOnco Studio").arg(m_session->project().name()));
}

void MainWindow::refreshStatus()
{
    const int running = m_jobs->runner()->runningCount();
    m_statusJobs->setText(running > 0 ? tr("%n job(s) running", nullptr, running) : tr("No jobs running"));
    if (!m_session->isOpen()) {
        m_statusProject->setText(tr("No project open"));
        m_statusCounts->clear();
        return;
    }
    m_statusProject->setText(m_session->project().name());
    Result<ProjectStatus> status = m_session->status();
    if (!status) {
        m_statusCounts->setText(errorMessage(status.error()));
        return;
    }
    const QLocale locale;
    const auto count = [&](const char *key) { return locale.toString(status->counts.value(QLatin1String(key))); };
    QStringList parts{tr("%1 samples (%2 with mask)").arg(count("samples"), count("with_mask")),
                      tr("%1 flagged duplicates").arg(count("duplicates")),
                      tr("%1 ingest problems").arg(count("ingest_problems")),
                      tr("%1 sources").arg(count("sources"))};
    m_statusCounts->setText(parts.join(QStringLiteral(" · ")));
    overview()->showStatus(*status);
}

bool MainWindow::openProject(const QString &directory, bool quiet, DatabaseAccess access)
{
    if (Error e = m_session->open(directory, access)) {
        if (quiet)
            QTextStream(stderr) << errorMessage(e) << Qt::endl;
        else
            showError(tr("Cannot open the project"), errorMessage(e));
        return false;
    }
    return true;
}

void MainWindow::newProject()
{
    const QString dir = QFileDialog::getSaveFileName(this, tr("New Project Folder"));
    if (dir.isEmpty())
        return;
    if (Error e = m_session->create(dir))
        showError(tr("Cannot create the project"), errorMessage(e));
}

void MainWindow::chooseProject(DatabaseAccess access)
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, access == DatabaseAccess::ReadOnly ? tr("Open Project Folder Read-Only") : tr("Open Project Folder"));
    if (!dir.isEmpty())
        openProject(dir, false, access);
}

void MainWindow::runStage(const QString &stageId)
{
    startStage(stageId, false);
}

bool MainWindow::startStage(const QString &stageId, bool reuseParameters)
{
    const std::optional<QJsonObject> params = StageLauncher::parametersFor(
        stageId, *m_session, this, reuseParameters ? StageLauncher::Mode::ReuseLast : StageLauncher::Mode::Ask);
    if (!params)
        return false;
    if (Result<qint64> id = m_jobs->start(stageId, *params); !id) {
        showError(tr("Cannot start %1").arg(StageRegistry::instance().title(stageId)), errorMessage(id.error()));
        return false;
    }
    return true;
}

void MainWindow::runAllStages()
{
    // Stages depend on their predecessors: run them one after another, stopping at a failure.
    auto remaining = std::make_shared<QStringList>();
    for (const StageInfo &info : StageRegistry::instance().stages())
        remaining->append(info.id);
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, remaining, next] {
        if (remaining->isEmpty())
            return;
        const QString id = remaining->takeFirst();
        // Evaluation and paraphrasing need a model endpoint: "run all" does them only when one
        // was chosen before.
        if ((id == QLatin1String("evaluate") || id == QLatin1String("paraphrase"))
            && m_session->lastParameters(id).value(QStringLiteral("endpoint")).toString().isEmpty()) {
            (*next)();
            return;
        }
        const std::optional<QJsonObject> params =
            StageLauncher::parametersFor(id, *m_session, this, StageLauncher::Mode::ReuseLast);
        if (!params)
            return;
        Result<qint64> job = m_jobs->start(id, *params);
        if (!job) {
            showError(tr("Cannot start %1").arg(StageRegistry::instance().title(id)), errorMessage(job.error()));
            return;
        }
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_jobs, &JobsController::jobFinished, this,
                              [next, connection, jobId = *job](qint64 finished, JobState state) {
                                  if (finished != jobId)
                                      return;
                                  QObject::disconnect(*connection);
                                  if (state == JobState::Succeeded)
                                      (*next)();
                              });
    };
    (*next)();
}

void MainWindow::resumeInterrupted()
{
    QStringList errors;
    const int started = m_jobs->resumeAllInterrupted(&errors);
    if (!errors.isEmpty())
        showError(tr("Some jobs could not be resumed"), errors.join(QLatin1Char('\n')));
    else if (started == 0)
        statusBar()->showMessage(tr("No interrupted jobs to resume."), 5000);
}

void MainWindow::askReviewerName()
{
    ReviewerName::ask(this);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::setTheme(const QString &theme)
{
    Settings::setValue(settings::Theme, theme);
    Appearance::applyTheme(theme);
}

void MainWindow::setLanguage(const QString &language)
{
    Settings::setValue(settings::Language, language);
    Translations::install(language); // LanguageChange events retranslate every open widget
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NeuroOnco Studio"),
                       tr("<h3>NeuroOnco Studio %1</h3>"
                          "<p>Builds audited, multimodal brain-tumour MRI datasets and rejection-aware "
                          "benchmarks from public collections, and gives radiologists and curators a "
                          "fast tool to review them.</p>")
                           .arg(version::string()));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_jobs->runner()->runningCount() > 0) {
        const auto answer = QMessageBox::question(
            this, tr("Jobs are running"),
            tr("Stop the running jobs and quit? Finished items are kept; the jobs can be resumed later."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_jobs->runner()->cancelAll();
        m_jobs->runner()->waitForDone();
    }
    Settings::setValue(settings::WindowGeometry, saveGeometry());
    Settings::setValue(settings::WindowState, saveState());
    event->accept();
}

} // namespace neuroonco
