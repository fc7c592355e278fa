// Evaluations in the GUI.
#include "app/studio/EvaluationController.h"

#include "app/studio/BackgroundRead.h"
#include "app/studio/ProjectSession.h"
#include "core/models/EvalQuestionModel.h"
#include "core/models/EvalRunModel.h"
#include "core/operations/ExportService.h"
#include "core/operations/ImportService.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/project/Project.h"
#include "core/samples/SampleRecord.h"
#include "core/store/Database.h"
#include "widgets/evaluation/EvaluationView.h"
#include "widgets/samples/SampleImage.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>

#include <algorithm>

namespace neuroonco {

namespace {

} // namespace

EvaluationController::EvaluationController(ProjectSession *session, QTabWidget *tabs, QWidget *dialogParent)
    : QObject(tabs)
    , m_session(session)
    , m_tabs(tabs)
    , m_dialogParent(dialogParent)
    , m_view(new EvaluationView(tabs))
{
    // After the Benchmark tab when there is one.
    int at = m_tabs->count();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == QLatin1String("benchmarkTab"))
            at = i + 1;
    m_tabs->insertTab(at, m_view, QString());
    retranslate();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_session, &ProjectSession::opened, this, [this] {
        m_view->setRuns({});
        // Evaluating and importing predictions write the project.
        const QString why = m_session->readOnlyText();
        m_view->setReadOnly(why);
        for (QAction *a : {m_evaluateAction, m_importAction}) {
            if (!a)
                continue;
            a->setEnabled(why.isEmpty());
            a->setToolTip(why);
        }
        if (isVisible())
            refresh();
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        ++m_generation;
        m_view->setRuns({});
        m_view->setQuestions({}, true);
    });
    connect(m_view, &EvaluationView::refreshRequested, this, &EvaluationController::refresh);
    connect(m_view, &EvaluationView::runSelected, this, &EvaluationController::showRun);
    connect(m_view, &EvaluationView::questionSelected, this, &EvaluationController::showQuestion);
    connect(m_view, &EvaluationView::evaluateRequested, this, [this] { Q_EMIT runStageRequested(EvaluateStage::stageId()); });
    connect(m_view, &EvaluationView::importRequested, this, &EvaluationController::chooseImport);
    connect(m_view, &EvaluationView::exportRequested, this, &EvaluationController::chooseExport);
}

bool EvaluationController::isVisible() const
{
    return m_tabs->currentWidget() == m_view;
}

void EvaluationController::populateMenu(QMenu *menu)
{
    menu->addSeparator();
    m_showAction = menu->addAction(QString(), this, [this] { m_tabs->setCurrentWidget(m_view); });
    m_showAction->setObjectName(QStringLiteral("benchmarkEvaluations"));
    m_evaluateAction = menu->addAction(QString(), this, [this] { Q_EMIT runStageRequested(EvaluateStage::stageId()); });
    m_evaluateAction->setObjectName(QStringLiteral("benchmarkEvaluate"));
    m_importAction = menu->addAction(QString(), this, &EvaluationController::chooseImport);
    retranslate();
}

void EvaluationController::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_view), tr("Evaluations"));
    if (!m_showAction)
        return;
    m_showAction->setText(tr("E&valuations"));
    m_evaluateAction->setText(tr("Evaluate a &Model…"));
    m_importAction->setText(tr("Import &Predictions…"));
}

void EvaluationController::refresh()
{
    if (!m_session->isOpen() || !isVisible())
        return;
    const quint64 generation = ++m_generation;
    readProject<std::vector<RunScores>>(
        this, m_session->project(), [](Database &db) { return Leaderboard::all(db); },
        [this, generation](Result<std::vector<RunScores>> runs) {
            if (generation != m_generation)
                return;
            if (!runs) {
                m_view->showMessage(tr("Cannot read the evaluations: %1").arg(errorMessage(runs.error())));
                return;
            }
            m_view->setRuns(runs.take());
            Q_EMIT leaderboardLoaded();
        });
}

void EvaluationController::showRun(const QString &name)
{
    if (!m_session->isOpen() || name.isEmpty())
        return;
    const quint64 generation = ++m_questionGeneration;
    bool closed = true;
    if (const RunScores *run = m_view->runModel()->run(m_view->runModel()->rowOfName(name)))
        closed = run->run.benchmark == EvalBenchmark::Closed;
    readProject<std::vector<QuestionResult>>(
        this, m_session->project(), [name](Database &db) { return Leaderboard::questions(db, name); },
        [this, generation, closed](Result<std::vector<QuestionResult>> questions) {
            if (generation != m_questionGeneration)
                return;
            if (!questions) {
                m_view->showMessage(errorMessage(questions.error()));
                return;
            }
            m_view->setQuestions(questions.take(), closed);
            Q_EMIT questionsLoaded();
        });
}

void EvaluationController::showQuestion(int row)
{
    const QuestionResult *q = m_view->questionModel()->question(row);
    if (!q)
        return;
    SampleRecord sample;
    sample.imagePath = q->imagePath;
    const QImage image = SampleImage::render(m_session->project().slicesDir(), sample, QSize(512, 512));
    m_view->showQuestion(*q, image);
}

Result<PredictionImportSummary> EvaluationController::importPredictions(const QString &path, const QString &runName)
{
    Database *db = m_session->database();
    if (!db)
        return Error(ErrorCode::NotFound, path, QStringLiteral("no project is open"));
    ImportRequest request;
    request.kind = ImportKind::Predictions;
    request.in = path;
    request.name = runName;
    Result<ImportResult> result = ImportService::run(*db, request);
    if (!result)
        return result.error();
    refresh();
    return *result->predictions;
}

Result<ExportResult> EvaluationController::exportPredictions(const QString &runName, const QString &path)
{
    Database *db = m_session->database();
    if (!db)
        return Error(ErrorCode::NotFound, path, QStringLiteral("no project is open"));
    ExportRequest request;
    request.kind = ExportKind::Predictions;
    request.out = path;
    request.run = runName;
    return ExportService::run(*db, request);
}

void EvaluationController::chooseImport()
{
    if (!m_session->isOpen())
        return;
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Import Predictions"), QString(),
                                                      tr("Predictions (*.jsonl *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(m_dialogParent, tr("Import Predictions"), tr("Name of the run:"), QLineEdit::Normal,
                                               QFileInfo(path).completeBaseName(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    Result<PredictionImportSummary> s = importPredictions(path, name);
    if (!s) {
        QMessageBox::warning(m_dialogParent, tr("The predictions were not imported"), errorMessage(s.error()));
        return;
    }
    m_tabs->setCurrentWidget(m_view);
    QMessageBox::information(m_dialogParent, tr("Import Predictions"),
                             tr("%1 lines: %2 matched to benchmark items, %3 kept as external questions, %4 refused "
                                "(repeating an earlier line's id and q_index), %5 trap flags corrected from the items, %6 "
                                "unreadable answers (counted as invalid).")
                                 .arg(s->lines).arg(s->matched).arg(s->external).arg(s->refused)
                                 .arg(s->trapFlagsCorrected).arg(s->invalid));
}

void EvaluationController::chooseExport(const QString &runName)
{
    if (!m_session->isOpen())
        return;
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export Predictions"),
                                                      m_session->project().root() + QStringLiteral("/exports/") + runName
                                                          + QStringLiteral(".jsonl"),
                                                      tr("Predictions (*.jsonl)"));
    if (path.isEmpty())
        return;
    Result<ExportResult> s = exportPredictions(runName, path);
    if (!s)
        QMessageBox::warning(m_dialogParent, tr("The predictions were not exported"), errorMessage(s.error()));
}

} // namespace neuroonco
