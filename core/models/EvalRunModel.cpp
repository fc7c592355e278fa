// Evaluation leaderboard model.
#include "core/models/EvalRunModel.h"

namespace neuroonco {

EvalRunModel::EvalRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EvalRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int EvalRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EvalRunModel::formatRate(const Rate &rate, bool withInterval)
{
    if (rate.n == 0)
        return QStringLiteral("—");
    QString text = QStringLiteral("%1%").arg(100.0 * rate.value(), 0, 'f', 1);
    if (withInterval && rate.interval.hasInterval)
        text += QStringLiteral(" [%1–%2]").arg(100.0 * rate.interval.lower, 0, 'f', 1).arg(100.0 * rate.interval.upper, 0, 'f', 1);
    return text;
}

QString EvalRunModel::formatInterval(const Interval &interval, bool percent)
{
    if (interval.n == 0)
        return QStringLiteral("—");
    const double scale = percent ? 100.0 : 1.0;
    const int digits = percent ? 1 : 3;
    QString text = QString::number(scale * interval.estimate, 'f', digits) + (percent ? QStringLiteral("%") : QString());
    if (interval.hasInterval)
        text += QStringLiteral(" [%1–%2]").arg(scale * interval.lower, 0, 'f', digits).arg(scale * interval.upper, 0, 'f', digits);
    return text;
}

QVariant EvalRunModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_runs.size()))
        return {};
    const RunScores &r = m_runs[size_t(index.row())];
    const bool closed = r.run.benchmark == EvalBenchmark::Closed;
    const ClosedScores &c = r.closed;
    const OpenScores &o = r.open;
    if (role == NameRole)
        return r.run.name;
    if (role == SortRole) {
        switch (index.column()) {
        case QuestionsColumn: return closed ? c.questions : o.questions;
        case AccuracyColumn: return closed ? c.accuracy.value() : -1.0;
        case TrapColumn: return closed ? c.trap.value() : -1.0;
        case NonTrapColumn: return closed ? c.nonTrap.value() : -1.0;
        case InvalidColumn: return closed ? c.invalid.value() : o.invalid.value();
        case CorrectRejectionColumn: return closed ? c.correctRejection.value() : -1.0;
        case FalseRejectionColumn: return closed ? c.falseRejection.value() : -1.0;
        case KeywordColumn: return closed ? -1.0 : o.overall.keywordRecall.estimate;
        case BleuColumn: return closed ? -1.0 : o.overall.bleu.estimate;
        case RougeColumn: return closed ? -1.0 : o.overall.rougeL.estimate;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == RunColumn)
            return tr("%1 run, created %2%3").arg(evalOriginName(r.run.origin), r.run.createdAt,
                                                  r.run.finishedAt.isEmpty() ? tr(", not finished") : QString());
        if (index.column() == AccuracyColumn || index.column() >= TrapColumn)
            return tr("Brackets: 95% bootstrap interval over questions");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RunColumn: return r.run.name;
    case ModelColumn: return r.run.model.isEmpty() ? r.run.endpoint : r.run.model;
    case BenchmarkColumn:
        return (closed ? tr("closed") : tr("open")) + (r.run.circular ? tr(", circular") : QString())
               + (r.run.origin == EvalOrigin::Imported ? tr(", imported") : QString());
    case QuestionsColumn: {
        const qint64 n = closed ? c.questions : o.questions;
        const qint64 pending = closed ? c.pending : o.pending;
        return pending > 0 ? tr("%1 (+%2 pending)").arg(n).arg(pending) : QString::number(n);
    }
    case AccuracyColumn: return closed ? formatRate(c.accuracy) : QString();
    case TrapColumn: return closed ? formatRate(c.trap) : QString();
    case NonTrapColumn: return closed ? formatRate(c.nonTrap) : QString();
    case InvalidColumn: return formatRate(closed ? c.invalid : o.invalid, false);
    case CorrectRejectionColumn: return closed ? formatRate(c.correctRejection, false) : QString();
    case FalseRejectionColumn: return closed ? formatRate(c.falseRejection, false) : QString();
    case KeywordColumn: return closed ? QString() : formatInterval(o.overall.keywordRecall);
    case BleuColumn: return closed ? QString() : formatInterval(o.overall.bleu, false);
    case RougeColumn: return closed ? QString() : formatInterval(o.overall.rougeL, false);
    default: return {};
    }
}

QVariant EvalRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TrapColumn: return tr("Accuracy on trap questions: the correct option was removed, the answer is \"None of the above\"");
        case CorrectRejectionColumn: return tr("Share of trap questions answered \"None of the above\"");
        case FalseRejectionColumn: return tr("Share of answerable questions answered \"None of the above\"");
        case InvalidColumn: return tr("Replies that name no single option (refusals, several letters, no answer)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn: return tr("Run");
    case ModelColumn: return tr("Model");
    case BenchmarkColumn: return tr("Benchmark");
    case QuestionsColumn: return tr("Questions");
    case AccuracyColumn: return tr("Accuracy [95% CI]");
    case TrapColumn: return tr("Traps");
    case NonTrapColumn: return tr("Non-traps");
    case InvalidColumn: return tr("Invalid");
    case CorrectRejectionColumn: return tr("Correct rejection");
    case FalseRejectionColumn: return tr("False rejection");
    case KeywordColumn: return tr("Keyword recall");
    case BleuColumn: return tr("BLEU-4");
    case RougeColumn: return tr("ROUGE-L");
    default: return {};
    }
}

void EvalRunModel::setRuns(std::vector<RunScores> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const RunScores *EvalRunModel::run(int row) const
{
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[size_t(row)] : nullptr;
}

int EvalRunModel::rowOfName(const QString &name) const
{
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].run.name == name)
            return int(i);
    return -1;
}

} // namespace neuroonco
