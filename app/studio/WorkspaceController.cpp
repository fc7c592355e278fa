// Workspace tabs and their data.
#include "app/studio/WorkspaceController.h"

#include "app/studio/ProjectSession.h"
#include "app/studio/ReviewController.h"
#include "core/models/QueueModel.h"
#include "widgets/dedup/DuplicateClusterView.h"
#include "widgets/ingest/IngestIssuesView.h"
#include "widgets/project/ProjectOverview.h"
#include "widgets/review/AttributePanel.h"
#include "widgets/review/QueuePanel.h"
#include "widgets/samples/SampleInspector.h"

#include <QHash>
#include <QSplitter>
#include <QTabWidget>

namespace neuroonco {

WorkspaceController::WorkspaceController(ProjectSession *session, QWidget *parentWidget)
    : QObject(parentWidget)
    , m_session(session)
    , m_tabs(new QTabWidget(parentWidget))
    , m_overview(new ProjectOverview(m_tabs))
    , m_reviewTab(new QSplitter(m_tabs))
    , m_queue(new QueuePanel(m_reviewTab))
    , m_inspector(new SampleInspector(m_reviewTab))
    , m_attributes(new AttributePanel(m_reviewTab))
    , m_review(new ReviewController(session, m_queue, m_inspector, m_attributes, parentWidget))
    , m_duplicates(new DuplicateClusterView(m_tabs))
    , m_issues(new IngestIssuesView(m_tabs))
{
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_reviewTab->setObjectName(QStringLiteral("reviewTab"));
    auto *splitter = static_cast<QSplitter *>(m_reviewTab);
    splitter->addWidget(m_queue);
    splitter->addWidget(m_inspector);
    splitter->addWidget(m_attributes);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({330, 640, 560});
    m_tabs->addTab(m_overview, QString());
    m_tabs->addTab(m_reviewTab, QString());
    m_tabs->addTab(m_duplicates, QString());
    m_tabs->addTab(m_issues, QString());
    connect(m_duplicates, &DuplicateClusterView::clusterSelected, this, [this](qint64 id) {
        m_duplicates->setMembers(m_session->cluster(id), m_session->project().slicesDir());
    });
    connect(m_session, &ProjectSession::opened, this, &WorkspaceController::reload);
    connect(m_session, &ProjectSession::closed, this, &WorkspaceController::reload);
    connect(m_review->queueModel(), &QAbstractItemModel::modelReset, this, &WorkspaceController::retranslate);
    retranslate();
}

void WorkspaceController::retranslate()
{
    // By page, not by index: other controllers insert their own tabs.
    m_tabs->setTabText(m_tabs->indexOf(m_overview), tr("Overview"));
    m_tabs->setTabText(m_tabs->indexOf(m_reviewTab), tr("Review (%1)").arg(m_review->queueModel()->rowCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_duplicates), tr("Duplicates"));
    m_tabs->setTabText(m_tabs->indexOf(m_issues), tr("Ingest problems"));
    m_review->retranslate();
}

void WorkspaceController::reload()
{
    const bool open = m_session->isOpen();
    if (!open)
        m_inspector->clear(QString());
    m_review->reload();
    m_duplicates->setClusters(m_session->clusters());
    m_issues->setIssues(m_session->ingestIssues());
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, open);
    retranslate();
}

bool WorkspaceController::showTab(const QString &name)
{
    const QHash<QString, QWidget *> fixed{{QStringLiteral("overview"), m_overview},
                                          {QStringLiteral("review"), m_reviewTab},
                                          {QStringLiteral("duplicates"), m_duplicates},
                                          {QStringLiteral("ingest"), m_issues}};
    if (QWidget *page = fixed.value(name.toLower())) {
        m_tabs->setCurrentWidget(page);
        return true;
    }
    // Pages other controllers add are found by their object name (benchmarkTab, dashboard).
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName().startsWith(name, Qt::CaseInsensitive)) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool WorkspaceController::reviewSample(const QString &sampleId)
{
    for (const QueueRow &row : m_review->queueModel()->rows()) {
        if (row.sampleId == sampleId) {
            m_tabs->setCurrentWidget(m_reviewTab);
            m_review->select(row.id);
            return true;
        }
    }
    return false;
}

} // namespace neuroonco
