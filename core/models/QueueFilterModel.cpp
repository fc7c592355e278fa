// Queue filtering on the rows' plain values (no QVariant per check, so 100k rows stay quick).
#include "core/models/QueueFilterModel.h"

#include "core/models/QueueModel.h"

namespace neuroonco {

QueueFilterModel::QueueFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(QueueModel::SortRole);
}


void QueueFilterModel::setAuditFilter(AuditFilter f) { m_audit = f; invalidateFilter(); }
void QueueFilterModel::setSource(const QString &source) { m_source = source; invalidateFilter(); }
void QueueFilterModel::setTumourType(const QString &type) { m_type = type; invalidateFilter(); }
void QueueFilterModel::setModality(const QString &modality) { m_modality = modality; invalidateFilter(); }
void QueueFilterModel::setHasMask(Tristate t) { m_mask = t; invalidateFilter(); }
void QueueFilterModel::setDisagreementOnly(bool on) { m_disagreementOnly = on; invalidateFilter(); }
void QueueFilterModel::setWarningCode(int code) { m_warning = code; invalidateFilter(); }
void QueueFilterModel::setShowDuplicates(bool on) { m_showDuplicates = on; invalidateFilter(); }
void QueueFilterModel::setCluster(qint64 clusterId) { m_cluster = clusterId; invalidateFilter(); }
void QueueFilterModel::setCertificationOnly(bool on) { m_certificationOnly = on; invalidateFilter(); }
void QueueFilterModel::setText(const QString &text) { m_text = text; invalidateFilter(); }

void QueueFilterModel::sortMostDisagreementFirst()
{
    m_disagreementOrder = true;
    sort(QueueModel::DisagreementColumn, Qt::DescendingOrder);
    m_disagreementOrder = false;
}

bool QueueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const QueueModel *>(sourceModel());
    const QueueRow *r = model->row(sourceRow);
    if (!r)
        return false;
    if (!m_showDuplicates && r->isDuplicate && m_cluster == 0)
        return false;
    switch (m_audit) {
    case AuditFilter::Any: break;
    case AuditFilter::NotAudited: if (r->state != QueueRow::NotAudited) return false; break;
    case AuditFilter::Partial: if (r->state != QueueRow::Partial) return false; break;
    case AuditFilter::Audited: if (r->state != QueueRow::Audited) return false; break;
    case AuditFilter::NotDone: if (r->state == QueueRow::Audited) return false; break;
    }
    if (!m_source.isEmpty() && r->source != m_source)
        return false;
    if (!m_type.isEmpty() && r->tumourType != m_type)
        return false;
    if (!m_modality.isEmpty() && r->modality != m_modality)
        return false;
    if (m_mask == Tristate::Yes && !r->hasMask)
        return false;
    if (m_mask == Tristate::No && r->hasMask)
        return false;
    if (m_disagreementOnly && r->disagreements == 0)
        return false;
    if (m_warning == -2 && r->warnings == 0)
        return false;
    if (m_warning >= 0 && !(r->warningCodes & (1u << m_warning)))
        return false;
    if (m_cluster != 0 && r->clusterId != m_cluster)
        return false;
    if (m_certificationOnly && r->certificationDraw == 0)
        return false;
    if (!m_text.isEmpty() && !r->sampleId.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool QueueFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = static_cast<const QueueModel *>(sourceModel());
    const QueueRow *a = model->row(left.row());
    const QueueRow *b = model->row(right.row());
    if (!a || !b)
        return false;
    if (m_disagreementOrder || left.column() == QueueModel::DisagreementColumn) {
        if (a->disagreements != b->disagreements)
            return a->disagreements < b->disagreements;
        if (a->warnings != b->warnings)
            return a->warnings < b->warnings;
        return a->id > b->id; // descending sort: lower ids first within ties
    }
    switch (left.column()) {
    case QueueModel::WarningColumn: return a->warnings < b->warnings;
    case QueueModel::AuditColumn: return int(a->state) * 100 + a->decided < int(b->state) * 100 + b->decided;
    case QueueModel::MaskColumn: return a->hasMask < b->hasMask;
    case QueueModel::SourceColumn: return a->source < b->source;
    case QueueModel::TypeColumn: return a->tumourType < b->tumourType;
    case QueueModel::ModalityColumn: return a->modality < b->modality;
    default: return a->sampleId < b->sampleId;
    }
}

} // namespace neuroonco
