// The evaluation leaderboard as an item model: one row per evaluation run (evaluated or
// imported) with accuracy and its bootstrap 95 % interval, trap / non-trap accuracy, invalid
// answers and rejection behaviour (closed runs), keyword recall, BLEU-4 and ROUGE-L (open runs).
#pragma once

#include "core/evaluate/Leaderboard.h"

#include <QAbstractTableModel>

#include <vector>

namespace neuroonco {

class EvalRunModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RunColumn, ModelColumn, BenchmarkColumn, QuestionsColumn, AccuracyColumn, TrapColumn, NonTrapColumn,
                  InvalidColumn, CorrectRejectionColumn, FalseRejectionColumn, KeywordColumn, BleuColumn, RougeColumn,
                  ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, SortRole };

    explicit EvalRunModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRuns(std::vector<RunScores> runs);
    const RunScores *run(int row) const;
    int rowOfName(const QString &name) const;

    // "71.2% [68.0–74.3]" (or "—" when n = 0).
    static QString formatRate(const Rate &rate, bool withInterval = true);
    static QString formatInterval(const Interval &interval, bool percent = true);

private:
    std::vector<RunScores> m_runs;
};

} // namespace neuroonco
