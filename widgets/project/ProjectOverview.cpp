// Start page and pipeline overview.
#include "widgets/project/ProjectOverview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace neuroonco {

namespace {
QString lastJobText(const StageStatus &s)
{
    if (s.lastJob.id == 0)
        return ProjectOverview::tr("never run");
    QString state;
    switch (s.lastJob.state) {
    case JobState::Queued: state = ProjectOverview::tr("queued"); break;
    case JobState::Running: state = ProjectOverview::tr("running"); break;
    case JobState::Succeeded:
        state = s.lastJob.errors() > 0
                    ? ProjectOverview::tr("succeeded with %n error(s)", nullptr, int(std::min<qint64>(s.lastJob.errors(), INT_MAX)))
                    : ProjectOverview::tr("succeeded");
        break;
    case JobState::Failed: state = ProjectOverview::tr("failed"); break;
    case JobState::Canceled: state = ProjectOverview::tr("canceled"); break;
    case JobState::Interrupted: state = ProjectOverview::tr("interrupted"); break;
    }
    return ProjectOverview::tr("#%1 %2").arg(s.lastJob.id).arg(state);
}
} // namespace

ProjectOverview::ProjectOverview(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_startTitle(new QLabel(this))
    , m_startText(new QLabel(this))
    , m_new(new QPushButton(this))
    , m_open(new QPushButton(this))
    , m_recentTitle(new QLabel(this))
    , m_recent(new QListWidget(this))
    , m_projectTitle(new QLabel(this))
    , m_projectFacts(new QLabel(this))
    , m_stages(new QTableWidget(this))
{
    setObjectName(QStringLiteral("ProjectOverview"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_startTitle->setFont(big);
    m_projectTitle->setFont(big);
    m_startText->setWordWrap(true);
    m_projectFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_projectFacts->setWordWrap(true);
    m_new->setObjectName(QStringLiteral("newProject"));
    m_open->setObjectName(QStringLiteral("openProject"));
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_stages->setObjectName(QStringLiteral("stageTable"));

    auto *start = new QWidget(this);
    auto *startLayout = new QVBoxLayout(start);
    startLayout->addWidget(m_startTitle);
    startLayout->addWidget(m_startText);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_open);
    buttons->addStretch();
    startLayout->addLayout(buttons);
    startLayout->addSpacing(12);
    startLayout->addWidget(m_recentTitle);
    startLayout->addWidget(m_recent, 1);
    startLayout->setContentsMargins(32, 32, 32, 32);

    auto *overview = new QWidget(this);
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->addWidget(m_projectTitle);
    overviewLayout->addWidget(m_projectFacts);
    overviewLayout->addWidget(m_stages, 1);
    overviewLayout->setContentsMargins(24, 24, 24, 24);
    m_stages->setColumnCount(5);
    m_stages->verticalHeader()->hide();
    m_stages->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stages->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stages->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stages->horizontalHeader()->setStretchLastSection(true);

    m_stack->addWidget(start);
    m_stack->addWidget(overview);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_new, &QPushButton::clicked, this, &ProjectOverview::newProjectRequested);
    connect(m_open, &QPushButton::clicked, this, &ProjectOverview::openProjectRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT openRecentRequested(item->data(Qt::UserRole).toString()); });
    connect(m_stages, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_stages->item(row, 0))
            Q_EMIT runStageRequested(item->data(Qt::UserRole).toString());
    });
    retranslate();
}

void ProjectOverview::retranslate()
{
    m_startTitle->setText(tr("NeuroOnco Studio"));
    m_startText->setText(tr("Build audited brain-tumour MRI datasets and benchmarks: ingest public "
                            "collections, derive mask attributes, extract and cross-check "
                            "radiological signs, review them slice by slice, and publish a "
                            "rejection-aware benchmark. Create a project or open one to begin."));
    m_new->setText(tr("New Project…"));
    m_open->setText(tr("Open Project…"));
    m_recentTitle->setText(tr("Recent projects"));
    m_stages->setHorizontalHeaderLabels(
        {tr("Stage"), tr("Finished items"), tr("Errors"), tr("Skipped"), tr("Latest job")});
    if (m_hasStatus)
        showStatus(m_status);
}

void ProjectOverview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProjectOverview::showStartPage(const QStringList &recentProjects)
{
    m_hasStatus = false;
    m_recent->clear();
    for (const QString &path : recentProjects) {
        auto *item = new QListWidgetItem(path, m_recent);
        item->setData(Qt::UserRole, path);
    }
    m_recentTitle->setVisible(!recentProjects.isEmpty());
    m_recent->setVisible(!recentProjects.isEmpty());
    m_stack->setCurrentIndex(0);
}

void ProjectOverview::showStatus(const ProjectStatus &status)
{
    m_status = status;
    m_hasStatus = true;
    const QLocale locale;
    m_projectTitle->setText(status.root.section(QLatin1Char('/'), -1));
    QStringList facts{tr("Folder: %1").arg(status.root), tr("Schema version: %1").arg(status.schemaVersion)};
    for (auto it = status.counts.begin(); it != status.counts.end(); ++it)
        facts << tr("%1: %2").arg(ProjectStatus::countLabel(it.key()), locale.toString(it.value()));
    m_projectFacts->setText(facts.join(QStringLiteral("   ·   ")));

    m_stages->setRowCount(int(status.stages.size()));
    for (int row = 0; row < int(status.stages.size()); ++row) {
        const StageStatus &s = status.stages[size_t(row)];
        auto *title = new QTableWidgetItem(s.title);
        title->setData(Qt::UserRole, s.id);
        title->setToolTip(tr("Double-click to run this stage"));
        m_stages->setItem(row, 0, title);
        const qint64 numbers[] = {s.items.ok, s.items.error, s.items.skipped};
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(locale.toString(numbers[c]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_stages->setItem(row, c + 1, item);
        }
        m_stages->setItem(row, 4, new QTableWidgetItem(lastJobText(s)));
    }
    m_stack->setCurrentIndex(1);
}

} // namespace neuroonco
