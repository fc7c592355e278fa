// The benchmark curation list as an item model: one row per item (closed or open question) with
// its status, trap flag, answer, split and lint warnings. Pure data, fed by the application;
// sorting and filtering happen in a QSortFilterProxyModel (stale and warned items first by role).
#pragma once

#include "core/benchmark/BenchmarkCuration.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace neuroonco {

class BenchmarkItemModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, KindColumn, TypeColumn, ImageColumn, StatusColumn, TrapColumn, AnswerColumn, SplitColumn,
                  WarningColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole,   // ItemStatus as int
        KindRole,     // ItemKind as int
        WarningsRole, // number of lint findings
        SortRole,     // natural sort key of the column
        PriorityRole, // stale first, then warned, then pending, then the rest
        ImagePathRole, // the whole image path (the column shows its file name)
    };

    explicit BenchmarkItemModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(std::vector<CurationRow> rows);
    // Replaces one row (after an action) without resetting the view.
    void updateRow(const CurationRow &row);
    const CurationRow *row(int index) const;
    int indexOfId(qint64 id) const;
    const std::vector<CurationRow> &rows() const { return m_rows; }
    // Counts per status name (pending, approved, rejected, stale) for the header line.
    QHash<QString, int> statusCounts() const;

private:
    std::vector<CurationRow> m_rows;
    QHash<qint64, int> m_indexOfId;
};

} // namespace neuroonco
