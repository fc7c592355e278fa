// Benchmark curation list model.
#include "core/models/BenchmarkItemModel.h"

namespace neuroonco {

namespace {

int priority(const CurationRow &r)
{
    switch (r.item.status) {
    case ItemStatus::Stale: return 0;
    case ItemStatus::Pending: return r.findings.empty() ? 2 : 1;
    case ItemStatus::Approved: return r.findings.empty() ? 4 : 3;
    case ItemStatus::Rejected: return 5;
    }
    return 6;
}

} // namespace

BenchmarkItemModel::BenchmarkItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int BenchmarkItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BenchmarkItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenchmarkItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const CurationRow &r = m_rows[size_t(index.row())];
    const BenchmarkItem &item = r.item;
    switch (role) {
    case IdRole: return item.id;
    case StatusRole: return int(item.status);
    case KindRole: return int(item.kind);
    case WarningsRole: return int(r.findings.size());
    case PriorityRole: return priority(r);
    case ImagePathRole: return item.imagePath;
    case Qt::ToolTipRole:
        if (index.column() == WarningColumn && !r.findings.empty()) {
            QStringList lines;
            for (const LintFinding &f : r.findings)
                lines << f.message;
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == StatusColumn && item.status == ItemStatus::Stale)
            return tr("A reviewer changed an attribute this item was built from: check it again");
        return {};
    case SortRole:
        switch (index.column()) {
        case IdColumn: return item.id;
        case TrapColumn: return item.trap ? 1 : 0;
        case WarningColumn: return int(r.findings.size());
        case StatusColumn: return priority(r);
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return item.id;
        case KindColumn: return item.kind == ItemKind::Closed ? tr("closed") : tr("open");
        case TypeColumn: return item.questionType;
        case ImageColumn: return item.imagePath.section(QLatin1Char('/'), -1);
        case StatusColumn:
            switch (item.status) {
            case ItemStatus::Pending: return tr("pending");
            case ItemStatus::Approved: return tr("approved");
            case ItemStatus::Rejected: return tr("rejected");
            case ItemStatus::Stale: return tr("stale");
            }
            return {};
        case TrapColumn: return item.trap ? tr("trap") : QString();
        case AnswerColumn: return item.answer;
        case SplitColumn: return item.split;
        case WarningColumn: return r.findings.empty() ? QString() : QString::number(r.findings.size());
        default: return {};
        }
    default:
        return {};
    }
}

QVariant BenchmarkItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("#");
    case KindColumn: return tr("Kind");
    case TypeColumn: return tr("Question");
    case ImageColumn: return tr("Image");
    case StatusColumn: return tr("Status");
    case TrapColumn: return tr("Trap");
    case AnswerColumn: return tr("Ans.");
    case SplitColumn: return tr("Split");
    case WarningColumn: return tr("Lint");
    default: return {};
    }
}

void BenchmarkItemModel::setRows(std::vector<CurationRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_indexOfId.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_indexOfId.insert(m_rows[i].item.id, int(i));
    endResetModel();
}

void BenchmarkItemModel::updateRow(const CurationRow &row)
{
    const int i = indexOfId(row.item.id);
    if (i < 0)
        return;
    m_rows[size_t(i)] = row;
    Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

const CurationRow *BenchmarkItemModel::row(int i) const
{
    return i >= 0 && i < int(m_rows.size()) ? &m_rows[size_t(i)] : nullptr;
}

int BenchmarkItemModel::indexOfId(qint64 id) const
{
    return m_indexOfId.value(id, -1);
}

QHash<QString, int> BenchmarkItemModel::statusCounts() const
{
    QHash<QString, int> counts;
    for (const CurationRow &r : m_rows)
        counts[itemStatusName(r.item.status)]++;
    return counts;
}

} // namespace neuroonco
