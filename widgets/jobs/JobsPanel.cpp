// Layout and button state of the jobs panel.
#include "widgets/jobs/JobsPanel.h"

#include "core/jobs/JobTypes.h"
#include "core/models/JobListModel.h"
#include "widgets/jobs/ProgressDelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace neuroonco {

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeView(this))
    , m_cancel(new QPushButton(this))
    , m_resume(new QPushButton(this))
    , m_detailsTitle(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("JobsPanel"));
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(JobListModel::ProgressColumn,
                                     new ProgressDelegate(JobListModel::FractionRole, this));
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("jobDetails"));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_resume->setObjectName(QStringLiteral("resumeJob"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    buttons->addStretch();

    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addWidget(m_details);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(splitter);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedJobId())
            Q_EMIT cancelRequested(id);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedJobId())
            Q_EMIT resumeRequested(id);
    });
    retranslate();
    updateButtons();
}

void JobsPanel::retranslate()
{
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the selected job after the current batch; finished items are kept."));
    m_resume->setText(tr("Resume"));
    m_resume->setToolTip(tr("Run the selected stage again; items finished earlier are not redone."));
    m_detailsTitle->setText(tr("Details and log"));
}

void JobsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void JobsPanel::setModel(JobListModel *model)
{
    m_model = model;
    m_view->setModel(model);
    m_view->header()->setSectionResizeMode(JobListModel::SummaryColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(true);
    const std::pair<int, int> widths[] = {
        {JobListModel::IdColumn, 50},     {JobListModel::StageColumn, 150}, {JobListModel::StateColumn, 90},
        {JobListModel::ProgressColumn, 170}, {JobListModel::RateColumn, 70}, {JobListModel::EtaColumn, 80},
        {JobListModel::StartedColumn, 130}, {JobListModel::DurationColumn, 80}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        Q_EMIT selectedJobChanged(selectedJobId());
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &JobsPanel::updateButtons);
}

void JobsPanel::setDetails(const QString &details)
{
    m_details->setPlainText(details);
    m_details->moveCursor(QTextCursor::End);
}

qint64 JobsPanel::selectedJobId() const
{
    if (!m_model)
        return 0;
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->index(current.row(), 0).data(JobListModel::JobIdRole).toLongLong() : 0;
}

void JobsPanel::selectJob(qint64 jobId)
{
    if (!m_model)
        return;
    const int row = m_model->rowOf(jobId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void JobsPanel::updateButtons()
{
    const JobRecord *r = m_model ? m_model->record(m_view->currentIndex().row()) : nullptr;
    m_cancel->setEnabled(r && r->state == JobState::Running);
    m_resume->setEnabled(r && isResumable(r->state));
}

} // namespace neuroonco
