// The review queue as an item model: one row per sample with its audit state, disagreement
// and warning counts. Pure data, fed by the application; QueueFilterModel sorts and filters.
#pragma once

#include "core/review/QueueRow.h"

#include <QAbstractTableModel>

#include <vector>

namespace neuroonco {

class QueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SampleColumn, SourceColumn, TypeColumn, ModalityColumn, MaskColumn, DisagreementColumn,
                  WarningColumn, AuditColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, RowRole };

    explicit QueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(std::vector<QueueRow> rows);
    // Replaces one row (after a decision) without resetting the view.
    void updateRow(const QueueRow &row);
    const QueueRow *row(int index) const;
    int indexOfId(qint64 id) const;
    const std::vector<QueueRow> &rows() const { return m_rows; }

    qint64 auditedCount() const;

private:
    std::vector<QueueRow> m_rows;
    QHash<qint64, int> m_indexOfId;
};

} // namespace neuroonco
