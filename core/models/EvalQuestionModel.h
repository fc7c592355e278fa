// One evaluation run's questions as an item model: type, trap flag, the correct and the given
// answer, and the verdict (right, wrong, invalid, failed request); filterable to what needs a
// look (wrong, invalid, traps).
#pragma once

#include "core/evaluate/EvalTypes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace neuroonco {

class EvalQuestionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, TypeColumn, TrapColumn, TruthColumn, AnswerColumn, VerdictColumn, ColumnCount };
    enum class Verdict { Right, Wrong, Invalid, Failed, Scored };
    enum Role { VerdictRole = Qt::UserRole + 1, TrapRole, IndexRole, SortRole };

    explicit EvalQuestionModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setQuestions(std::vector<QuestionResult> questions, bool closed);
    const QuestionResult *question(int row) const;
    static Verdict verdictOf(const QuestionResult &q, bool closed);

private:
    std::vector<QuestionResult> m_questions;
    bool m_closed = true;
};

// Shows all questions, or only wrong / invalid / trap ones.
class EvalQuestionFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Show { All, Wrong, Invalid, Traps };
    explicit EvalQuestionFilter(QObject *parent = nullptr);
    void setShow(Show show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Show m_show = Show::All;
};

} // namespace neuroonco
