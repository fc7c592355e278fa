// Issue table with a severity filter.
#include "widgets/ingest/IngestIssuesView.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace neuroonco {

IngestIssuesView::IngestIssuesView(QWidget *parent)
    : QWidget(parent)
    , m_severity(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("IngestIssuesView"));
    m_table->setObjectName(QStringLiteral("issueTable"));
    m_table->setColumnCount(5);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_severity);
    top->addWidget(m_count, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table);
    m_severity->addItems({QString(), QString(), QString()});
    connect(m_severity, &QComboBox::currentIndexChanged, this, &IngestIssuesView::applyFilter);
    retranslate();
}

void IngestIssuesView::retranslate()
{
    m_severity->setItemText(0, tr("All problems"));
    m_severity->setItemText(1, tr("Errors (file skipped)"));
    m_severity->setItemText(2, tr("Warnings (file kept)"));
    m_table->setHorizontalHeaderLabels({tr("Source"), tr("File"), tr("Severity"), tr("Kind"), tr("Reason")});
    applyFilter();
}

void IngestIssuesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IngestIssuesView::setIssues(const std::vector<IngestIssueRecord> &issues)
{
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(issues.size()));
    for (int row = 0; row < int(issues.size()); ++row) {
        const IngestIssueRecord &i = issues[size_t(row)];
        const QString values[] = {i.sourceCode, i.path, i.severity, i.kind, i.reason};
        for (int c = 0; c < 5; ++c) {
            auto *item = new QTableWidgetItem(values[c]);
            if (c == 2) {
                // The stored severity stays in UserRole for the filter; the cell shows it translated.
                item->setData(Qt::UserRole, i.severity);
                if (i.severity == QLatin1String("error"))
                    item->setText(tr("error"));
                else if (i.severity == QLatin1String("warning"))
                    item->setText(tr("warning"));
            }
            if (c == 2 && i.severity == QLatin1String("error"))
                item->setForeground(QColor(200, 60, 60));
            m_table->setItem(row, c, item);
        }
    }
    m_table->setSortingEnabled(true);
    applyFilter();
}

void IngestIssuesView::applyFilter()
{
    const int mode = m_severity->currentIndex();
    int shown = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *severity = m_table->item(row, 2);
        const bool error = severity && severity->data(Qt::UserRole).toString() == QLatin1String("error");
        const bool visible = mode == 0 || (mode == 1 && error) || (mode == 2 && !error);
        m_table->setRowHidden(row, !visible);
        shown += visible ? 1 : 0;
    }
    m_count->setText(tr("%1 shown of %2").arg(shown).arg(m_table->rowCount()));
}

} // namespace neuroonco
