// The Evaluations tab: the leaderboard of every evaluation run (accuracy with 95 % bootstrap
// intervals, traps, rejection behaviour, open-answer metrics), the chosen run's questions
// (filterable to wrong, invalid or trap ones), and one question with its image, options, the
// correct and the given answer and the model's raw reply.
#pragma once

#include "core/evaluate/Leaderboard.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace neuroonco {

class EvalQuestionFilter;
class EvalQuestionModel;
class EvalRunModel;

class EvaluationView : public QWidget
{
    Q_OBJECT
public:
    explicit EvaluationView(QWidget *parent = nullptr);

    void setRuns(std::vector<RunScores> runs);
    void setQuestions(std::vector<QuestionResult> questions, bool closed);
    void showQuestion(const QuestionResult &question, const QImage &image);
    void showMessage(const QString &text);
    QString currentRun() const;
    void selectRun(const QString &name);
    EvalRunModel *runModel() const { return m_runs; }
    EvalQuestionModel *questionModel() const { return m_questions; }
    QTableView *leaderboard() const { return m_board; }
    QTableView *questionTable() const { return m_questionView; }
    QString detailsHtml() const;
    // With a reason, Evaluate and Import (which write the project) are disabled and show it as
    // their tooltip; empty: enabled again.
    void setReadOnly(const QString &reason);

Q_SIGNALS:
    void runSelected(const QString &name);
    void questionSelected(int row); // row of the question model
    void evaluateRequested();
    void importRequested();
    void exportRequested(const QString &runName);
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void showImage();

    EvalRunModel *m_runs;
    QSortFilterProxyModel *m_runSort;
    EvalQuestionModel *m_questions;
    EvalQuestionFilter *m_filter;
    QLabel *m_header;
    QPushButton *m_evaluate, *m_import, *m_export, *m_refresh;
    QTableView *m_board;
    QComboBox *m_show;
    QTableView *m_questionView;
    QLabel *m_image;
    QTextBrowser *m_details;
    QImage m_picture;
    QString m_readOnlyReason;
    bool m_closed = true;
};

} // namespace neuroonco
