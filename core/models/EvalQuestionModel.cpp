// Per-question results of an evaluation run.
#include "core/models/EvalQuestionModel.h"

namespace neuroonco {

EvalQuestionModel::EvalQuestionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EvalQuestionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_questions.size());
}

int EvalQuestionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

EvalQuestionModel::Verdict EvalQuestionModel::verdictOf(const QuestionResult &q, bool closed)
{
    if (!q.error.isEmpty())
        return Verdict::Failed;
    if (!q.valid)
        return Verdict::Invalid;
    if (!closed)
        return Verdict::Scored;
    return q.correct.value_or(false) ? Verdict::Right : Verdict::Wrong;
}

QVariant EvalQuestionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_questions.size()))
        return {};
    const QuestionResult &q = m_questions[size_t(index.row())];
    const Verdict verdict = verdictOf(q, m_closed);
    switch (role) {
    case VerdictRole: return int(verdict);
    case TrapRole: return q.isTrap;
    case IndexRole: return index.row();
    case SortRole:
        switch (index.column()) {
        case KeyColumn: return q.item ? QVariant(q.item) : QVariant(q.externalId + QStringLiteral(" #%1").arg(q.qIndex + 1, 6, 10, QLatin1Char('0')));
        case VerdictColumn: return m_closed || !q.rougeL ? QVariant(int(verdict)) : QVariant(*q.rougeL);
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: return q.item ? QStringLiteral("#%1").arg(q.item) : QStringLiteral("%1 #%2").arg(q.externalId).arg(q.qIndex + 1);
        case TypeColumn: return q.questionType;
        case TrapColumn: return q.isTrap ? tr("trap") : QString();
        case TruthColumn: return m_closed ? q.gt : QString();
        case AnswerColumn: return m_closed ? q.pred : q.raw.left(80);
        case VerdictColumn:
            switch (verdict) {
            case Verdict::Right: return tr("right");
            case Verdict::Wrong: return tr("wrong");
            case Verdict::Invalid: return tr("invalid");
            case Verdict::Failed: return tr("request failed");
            case Verdict::Scored:
                return q.rougeL ? tr("ROUGE-L %1").arg(*q.rougeL, 0, 'f', 2) : QString();
            }
            return {};
        default: return {};
        }
    default:
        return {};
    }
}

QVariant EvalQuestionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Item");
    case TypeColumn: return tr("Question");
    case TrapColumn: return tr("Trap");
    case TruthColumn: return tr("Correct");
    case AnswerColumn: return tr("Answer");
    case VerdictColumn: return tr("Verdict");
    default: return {};
    }
}

void EvalQuestionModel::setQuestions(std::vector<QuestionResult> questions, bool closed)
{
    beginResetModel();
    m_questions = std::move(questions);
    m_closed = closed;
    endResetModel();
}

const QuestionResult *EvalQuestionModel::question(int row) const
{
    return row >= 0 && row < int(m_questions.size()) ? &m_questions[size_t(row)] : nullptr;
}

EvalQuestionFilter::EvalQuestionFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void EvalQuestionFilter::setShow(Show show)
{
    m_show = show;
    invalidateFilter();
}

bool EvalQuestionFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto verdict = EvalQuestionModel::Verdict(idx.data(EvalQuestionModel::VerdictRole).toInt());
    switch (m_show) {
    case Show::All: return true;
    case Show::Wrong: return verdict == EvalQuestionModel::Verdict::Wrong;
    case Show::Invalid: return verdict == EvalQuestionModel::Verdict::Invalid || verdict == EvalQuestionModel::Verdict::Failed;
    case Show::Traps: return idx.data(EvalQuestionModel::TrapRole).toBool();
    }
    return true;
}

} // namespace neuroonco
