// The attribute panel's table: one row per audited field, columns for the mask rule, run A,
// run B, fused, QC (gold) and the reviewer. Provenance of every value is in its tooltip.
#pragma once

#include "core/review/ReviewSample.h"

#include <QAbstractTableModel>

#include <optional>

namespace neuroonco {

class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FieldColumn, MaskColumn, RunAColumn, RunBColumn, FusedColumn, QcColumn, ReviewerColumn, ColumnCount };
    enum Role { FieldKeyRole = Qt::UserRole + 1, DisagreementRole, DecisionRole, SilverRole, WarningRole };

    explicit AttributeTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSample(const ReviewSample &sample);
    void clear();
    bool hasSample() const { return m_sample.has_value(); }
    const ReviewSample *sample() const { return m_sample ? &*m_sample : nullptr; }
    QString fieldAt(int row) const;
    int rowOf(const QString &field) const;

private:
    QString reviewerText(const QString &field) const;
    std::optional<ReviewSample> m_sample;
};

} // namespace neuroonco
