// Runs the Evaluations tab: the leaderboard and one run's questions are read on a worker thread
// (own database connection) when the tab is shown or an evaluation job ends; importing and
// exporting predictions; starting an evaluation goes through the job engine like every stage.
#pragma once

#include "core/evaluate/Leaderboard.h"
#include "core/evaluate/PredictionExchange.h"
#include "core/operations/ExportService.h"

#include <QObject>

class QAction;
class QMenu;
class QTabWidget;
class QWidget;

namespace neuroonco {

class EvaluationView;
class ProjectSession;

class EvaluationController : public QObject
{
    Q_OBJECT
public:
    EvaluationController(ProjectSession *session, QTabWidget *tabs, QWidget *dialogParent);

    EvaluationView *view() const { return m_view; }
    void populateMenu(QMenu *menu);
    void retranslate();
    void refresh();
    void showRun(const QString &name);

    Result<PredictionImportSummary> importPredictions(const QString &path, const QString &runName);
    Result<ExportResult> exportPredictions(const QString &runName, const QString &path);

Q_SIGNALS:
    void runStageRequested(const QString &stageId);
    void leaderboardLoaded();
    void questionsLoaded();

private:
    bool isVisible() const;
    void showQuestion(int row);
    void chooseImport();
    void chooseExport(const QString &runName);

    ProjectSession *m_session;
    QTabWidget *m_tabs;
    QWidget *m_dialogParent;
    EvaluationView *m_view;
    quint64 m_generation = 0;
    quint64 m_questionGeneration = 0;
    QAction *m_showAction = nullptr;
    QAction *m_evaluateAction = nullptr;
    QAction *m_importAction = nullptr;
};

} // namespace neuroonco
