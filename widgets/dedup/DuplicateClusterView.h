// Duplicate clusters: a list of clusters and the members of the selected one side by side, the
// kept sample first, each with its source, size and how it matched.
#pragma once

#include "core/samples/SampleRecord.h"

#include <QWidget>

#include <vector>

class QHBoxLayout;
class QLabel;
class QListWidget;

namespace neuroonco {

class DuplicateClusterView : public QWidget
{
    Q_OBJECT
public:
    explicit DuplicateClusterView(QWidget *parent = nullptr);

    void setClusters(const std::vector<ClusterSummary> &clusters);
    void setMembers(const std::vector<SampleRecord> &members, const QString &slicesDir);
    int memberCount() const { return m_memberCount; }
    QListWidget *clusterList() const { return m_list; }

Q_SIGNALS:
    void clusterSelected(qint64 clusterId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QListWidget *m_list;
    QLabel *m_title;
    QWidget *m_strip;
    QHBoxLayout *m_stripLayout;
    int m_memberCount = 0;
};

} // namespace neuroonco
