// Filters and orders the review queue: audit state, source, tumour type, modality, mask,
// disagreement, consistency warnings, duplicates, cluster, certification draw, free text;
// "most disagreement first" as one order.
#pragma once

#include <QSortFilterProxyModel>

namespace neuroonco {

class QueueFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class AuditFilter { Any, NotAudited, Partial, Audited, NotDone };
    enum class Tristate { Any, Yes, No };

    explicit QueueFilterModel(QObject *parent = nullptr);

    void setAuditFilter(AuditFilter f);
    void setSource(const QString &source);        // empty: any
    void setTumourType(const QString &type);
    void setModality(const QString &modality);
    void setHasMask(Tristate t);
    void setDisagreementOnly(bool on);
    void setWarningCode(int code);                 // -1 any sample, -2 any warning, ≥0 one check
    void setShowDuplicates(bool on);
    void setCluster(qint64 clusterId);            // 0: any
    void setCertificationOnly(bool on);
    void setText(const QString &text);
    // Sorts by disagreements, then warnings, then sample id.
    void sortMostDisagreementFirst();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:

    AuditFilter m_audit = AuditFilter::Any;
    QString m_source, m_type, m_modality, m_text;
    Tristate m_mask = Tristate::Any;
    bool m_disagreementOnly = false;
    int m_warning = -1;
    bool m_showDuplicates = false;
    qint64 m_cluster = 0;
    bool m_certificationOnly = false;
    bool m_disagreementOrder = false;
};

} // namespace neuroonco
