// Display text and sort keys for sample rows.
#include "models/SampleTableModel.h"

#include <QLocale>

namespace neuroonco {

SampleTableModel::SampleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SampleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int SampleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SampleRecord &s = m_samples[size_t(index.row())];
    if (role == IdRole)
        return s.id;
    if (role == RecordRole)
        return QVariant::fromValue(s);
    if (role == SortRole) {
        switch (index.column()) {
        case SizeColumn: return qint64(s.width) * s.height;
        case MaskColumn: return s.hasMask() ? 1 : 0;
        case DuplicateColumn: return s.isDuplicate() ? 2 : s.clusterId ? 1 : 0;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == SampleColumn)
        return tr("%1\nfrom %2").arg(s.imagePath, s.origin);
    if (role == Qt::ToolTipRole && index.column() == ModalityColumn && !s.modalityEvidence.isEmpty())
        return tr("Inferred from %1").arg(s.modalityEvidence);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SampleColumn: return s.sampleId;
    case SourceColumn: return s.sourceCode;
    case TypeColumn: return s.tumourType;
    case ModalityColumn: return s.modality;
    case MaskColumn: return s.hasMask() ? tr("yes") : tr("no");
    case SizeColumn: return QStringLiteral("%1×%2").arg(s.width).arg(s.height);
    case DuplicateColumn:
        if (s.isDuplicate())
            return tr("%1 duplicate").arg(s.duplicateKind);
        return s.clusterId ? tr("kept") : QString();
    default: return {};
    }
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SampleColumn: return tr("Sample");
    case SourceColumn: return tr("Source");
    case TypeColumn: return tr("Tumour type");
    case ModalityColumn: return tr("Modality");
    case MaskColumn: return tr("Mask");
    case SizeColumn: return tr("Size");
    case DuplicateColumn: return tr("Duplicates");
    default: return {};
    }
}

void SampleTableModel::setSamples(std::vector<SampleRecord> samples)
{
    beginResetModel();
    m_samples = std::move(samples);
    endResetModel();
}

const SampleRecord *SampleTableModel::sample(int row) const
{
    return row >= 0 && row < int(m_samples.size()) ? &m_samples[size_t(row)] : nullptr;
}

int SampleTableModel::rowOfId(qint64 id) const
{
    for (size_t i = 0; i < m_samples.size(); ++i)
        if (m_samples[i].id == id)
            return int(i);
    return -1;
}

} // namespace neuroonco
