// Queue cells and sort keys.
#include "core/models/QueueModel.h"

namespace neuroonco {

QueueModel::QueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueRow &r = m_rows[size_t(index.row())];
    switch (role) {
    case IdRole: return r.id;
    case RowRole: return QVariant::fromValue(r);
    case SortRole:
        switch (index.column()) {
        case DisagreementColumn: return r.disagreements;
        case WarningColumn: return r.warnings;
        case AuditColumn: return int(r.state) * 100 + r.decided;
        case MaskColumn: return r.hasMask ? 1 : 0;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (r.isDuplicate)
            return tr("Flagged as a duplicate of another sample");
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case SampleColumn: return r.sampleId;
    case SourceColumn: return r.source;
    case TypeColumn: return r.tumourType;
    case ModalityColumn: return r.modality;
    case MaskColumn: return r.hasMask ? tr("yes") : tr("no");
    case DisagreementColumn: return r.disagreements ? QVariant(r.disagreements) : QVariant(QString());
    case WarningColumn: return r.warnings ? QVariant(r.warnings) : QVariant(QString());
    case AuditColumn:
        switch (r.state) {
        case QueueRow::NotAudited: return QString();
        case QueueRow::Partial: return tr("%1/%2").arg(r.decided).arg(r.silverFields);
        case QueueRow::Audited: return tr("done");
        }
        return {};
    default: return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SampleColumn: return tr("Sample");
    case SourceColumn: return tr("Src");
    case TypeColumn: return tr("Type");
    case ModalityColumn: return tr("Seq.");
    case MaskColumn: return tr("Mask");
    case DisagreementColumn: return tr("A≠B");
    case WarningColumn: return tr("Warn");
    case AuditColumn: return tr("Audit");
    default: return {};
    }
}

void QueueModel::setRows(std::vector<QueueRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_indexOfId.clear();
    m_indexOfId.reserve(qsizetype(m_rows.size()));
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_indexOfId.insert(m_rows[size_t(i)].id, i);
    endResetModel();
}

void QueueModel::updateRow(const QueueRow &row)
{
    const int i = indexOfId(row.id);
    if (i < 0)
        return;
    m_rows[size_t(i)] = row;
    Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

const QueueRow *QueueModel::row(int i) const
{
    return i >= 0 && i < int(m_rows.size()) ? &m_rows[size_t(i)] : nullptr;
}

int QueueModel::indexOfId(qint64 id) const
{
    return m_indexOfId.value(id, -1);
}

qint64 QueueModel::auditedCount() const
{
    qint64 n = 0;
    for (const QueueRow &r : m_rows)
        n += r.state == QueueRow::Audited ? 1 : 0;
    return n;
}

} // namespace neuroonco
