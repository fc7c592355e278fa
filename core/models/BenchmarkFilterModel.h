// Filters and orders the benchmark curation list: kind, status (or "needs attention": stale or
// with lint warnings), question type, only items with warnings, free text; "needs attention
// first" as the default order.
#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace neuroonco {

class BenchmarkFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StatusFilter { Any, Pending, Approved, Rejected, Stale, NeedsAttention };

    explicit BenchmarkFilterModel(QObject *parent = nullptr);

    void setKind(std::optional<int> kind); // ItemKind as int; nullopt: any
    void setStatusFilter(StatusFilter f);
    void setQuestionType(const QString &type); // empty: any
    void setWarningsOnly(bool on);
    void setText(const QString &text);
    void sortNeedsAttentionFirst();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::optional<int> m_kind;
    StatusFilter m_status = StatusFilter::Any;
    QString m_type;
    QString m_text;
    bool m_warningsOnly = false;
};

} // namespace neuroonco
