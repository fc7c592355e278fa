// Table model of samples for the queue and browsers: one row per sample, value data only.
// Filled from SampleRepository by the application; sorting and filtering sit on top.
#pragma once

#include "samples/SampleRecord.h"

#include <QAbstractTableModel>

#include <vector>

namespace neuroonco {

class SampleTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SampleColumn, SourceColumn, TypeColumn, ModalityColumn, MaskColumn, SizeColumn,
                  DuplicateColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, RecordRole };

    explicit SampleTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSamples(std::vector<SampleRecord> samples);
    const SampleRecord *sample(int row) const;
    int rowOfId(qint64 id) const;

private:
    std::vector<SampleRecord> m_samples;
};

} // namespace neuroonco
