// The problems ingest found, one row per file: source, path, kind, reason.
#pragma once

#include "core/samples/SampleRecord.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace neuroonco {

class IngestIssuesView : public QWidget
{
    Q_OBJECT
public:
    explicit IngestIssuesView(QWidget *parent = nullptr);
    void setIssues(const std::vector<IngestIssueRecord> &issues);
    QTableWidget *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilter();

    QComboBox *m_severity;
    QLabel *m_count;
    QTableWidget *m_table;
};

} // namespace neuroonco
