// The main window: menus, the jobs dock, the central overview and the status bar. It wires
// controllers together and holds no business rules.
#pragma once

#include "core/store/DatabaseAccess.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace neuroonco {

class BenchmarkController;
class ContextController;
class DashboardController;
class EvaluationController;
class JobsController;
class JobsPanel;
class ProjectOverview;
class ProjectSession;
class ViewerActions;
class VolumeContextView;
class WorkspaceController;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectSession *session() const { return m_session; }
    JobsController *jobs() const { return m_jobs; }
    JobsPanel *jobsPanel() const { return m_jobsPanel; }
    ProjectOverview *overview() const;
    WorkspaceController *workspace() const { return m_workspace; }
    ContextController *contextController() const { return m_context; }
    DashboardController *dashboard() const { return m_dashboard; }
    BenchmarkController *benchmark() const { return m_benchmark; }
    EvaluationController *evaluations() const { return m_evaluations; }
    VolumeContextView *contextView() const { return m_contextView; }
    QDockWidget *contextDock() const { return m_contextDock; }

    // Opens a project and reports failures in a message box (or on stderr when `quiet`). A
    // project this user cannot write, or any with `access` ReadOnly, opens read-only: it is shown
    // and nothing that would write it can be started.
    bool openProject(const QString &directory, bool quiet = false, DatabaseAccess access = DatabaseAccess::ReadWrite);
    void refreshStatus();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void rebuildRecentMenu();
    void rebuildPipelineMenu();
    void updateActions();
    void newProject();
    void chooseProject(DatabaseAccess access);
    void runStage(const QString &stageId);
    bool startStage(const QString &stageId, bool reuseParameters);
    void runAllStages();
    void resumeInterrupted();
    void askReviewerName();
    void showSettings();
    void setTheme(const QString &theme);
    void setLanguage(const QString &language);
    void showAbout();
    void showError(const QString &title, const QString &message);

    ProjectSession *m_session;
    JobsPanel *m_jobsPanel;
    JobsController *m_jobs;
    WorkspaceController *m_workspace;
    QDockWidget *m_jobsDock;
    QDockWidget *m_contextDock;
    VolumeContextView *m_contextView;
    ContextController *m_context = nullptr;
    DashboardController *m_dashboard = nullptr;
    BenchmarkController *m_benchmark = nullptr;
    EvaluationController *m_evaluations = nullptr;
    QLabel *m_statusProject;
    QLabel *m_statusAccess;  // "Read-only" while a read-only project is open
    QLabel *m_statusProblem; // the last failed read of the open project (a damaged database)
    QLabel *m_statusCounts;
    QLabel *m_statusJobs;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_pipelineMenu = nullptr;
    QMenu *m_reviewMenu = nullptr;
    QMenu *m_benchmarkMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_sliceMenu = nullptr;
    ViewerActions *m_viewerActions = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openReadOnlyAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_exportReportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_runAllAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_reviewerAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace neuroonco
