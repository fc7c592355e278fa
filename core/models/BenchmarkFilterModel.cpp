// Benchmark curation list filter.
#include "core/models/BenchmarkFilterModel.h"

#include "core/benchmark/BenchmarkTypes.h"
#include "core/models/BenchmarkItemModel.h"

namespace neuroonco {

BenchmarkFilterModel::BenchmarkFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BenchmarkItemModel::SortRole);
    setDynamicSortFilter(true);
}

void BenchmarkFilterModel::setKind(std::optional<int> kind)
{
    m_kind = kind;
    invalidateFilter();
}

void BenchmarkFilterModel::setStatusFilter(StatusFilter f)
{
    m_status = f;
    invalidateFilter();
}

void BenchmarkFilterModel::setQuestionType(const QString &type)
{
    m_type = type;
    invalidateFilter();
}

void BenchmarkFilterModel::setWarningsOnly(bool on)
{
    m_warningsOnly = on;
    invalidateFilter();
}

void BenchmarkFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void BenchmarkFilterModel::sortNeedsAttentionFirst()
{
    sort(BenchmarkItemModel::StatusColumn, Qt::AscendingOrder);
}

bool BenchmarkFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_kind && idx.data(BenchmarkItemModel::KindRole).toInt() != *m_kind)
        return false;
    const auto status = ItemStatus(idx.data(BenchmarkItemModel::StatusRole).toInt());
    const int warnings = idx.data(BenchmarkItemModel::WarningsRole).toInt();
    switch (m_status) {
    case StatusFilter::Any: break;
    case StatusFilter::Pending: if (status != ItemStatus::Pending) return false; break;
    case StatusFilter::Approved: if (status != ItemStatus::Approved) return false; break;
    case StatusFilter::Rejected: if (status != ItemStatus::Rejected) return false; break;
    case StatusFilter::Stale: if (status != ItemStatus::Stale) return false; break;
    case StatusFilter::NeedsAttention:
        if (status == ItemStatus::Rejected || (status != ItemStatus::Stale && warnings == 0))
            return false;
        break;
    }
    if (m_warningsOnly && warnings == 0)
        return false;
    if (!m_type.isEmpty()
        && sourceModel()->index(sourceRow, BenchmarkItemModel::TypeColumn, sourceParent).data().toString() != m_type)
        return false;
    if (!m_text.isEmpty()) {
        // The whole path: a curator narrows the list by tumour type or source folder too.
        const QString image = idx.data(BenchmarkItemModel::ImagePathRole).toString();
        const QString id = idx.data().toString();
        if (!image.contains(m_text, Qt::CaseInsensitive) && id != m_text)
            return false;
    }
    return true;
}

bool BenchmarkFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(BenchmarkItemModel::SortRole);
    const QVariant r = right.data(BenchmarkItemModel::SortRole);
    if (l != r)
        return QVariant::compare(l, r) == QPartialOrdering::Less;
    // Ties: by item id, so the order is stable and predictable.
    return left.sibling(left.row(), 0).data(BenchmarkItemModel::IdRole).toLongLong()
           < right.sibling(right.row(), 0).data(BenchmarkItemModel::IdRole).toLongLong();
}

} // namespace neuroonco
