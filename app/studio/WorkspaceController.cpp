// Workspace tabs and their data.
#include "WorkspaceController.h"

#include "ProjectSession.h"
#include "dedup/DuplicateClusterView.h"
#include "ingest/IngestIssuesView.h"
#include "models/SampleTableModel.h"
#include "project/ProjectOverview.h"
#include "samples/SampleBrowser.h"

#include <QTabWidget>

namespace neuroonco {

WorkspaceController::WorkspaceController(ProjectSession *session, QWidget *parentWidget)
    : QObject(parentWidget)
    , m_session(session)
    , m_tabs(new QTabWidget(parentWidget))
    , m_overview(new ProjectOverview(m_tabs))
    , m_samples(new SampleBrowser(m_tabs))
    , m_duplicates(new DuplicateClusterView(m_tabs))
    , m_issues(new IngestIssuesView(m_tabs))
    , m_sampleModel(new SampleTableModel(this))
{
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, QString());
    m_tabs->addTab(m_samples, QString());
    m_tabs->addTab(m_duplicates, QString());
    m_tabs->addTab(m_issues, QString());
    m_samples->setModel(m_sampleModel);
    connect(m_duplicates, &DuplicateClusterView::clusterSelected, this, [this](qint64 id) {
        m_duplicates->setMembers(m_session->cluster(id), m_session->project().slicesDir());
    });
    connect(m_session, &ProjectSession::opened, this, &WorkspaceController::reload);
    connect(m_session, &ProjectSession::closed, this, &WorkspaceController::reload);
    retranslate();
}

void WorkspaceController::retranslate()
{
    m_tabs->setTabText(0, tr("Overview"));
    m_tabs->setTabText(1, tr("Samples (%1)").arg(m_sampleModel->rowCount()));
    m_tabs->setTabText(2, tr("Duplicates"));
    m_tabs->setTabText(3, tr("Ingest problems"));
}

void WorkspaceController::reload()
{
    const bool open = m_session->isOpen();
    m_samples->setSlicesDir(open ? m_session->project().slicesDir() : QString());
    m_sampleModel->setSamples(m_session->samples());
    m_duplicates->setClusters(m_session->clusters());
    m_issues->setIssues(m_session->ingestIssues());
    for (int i = 1; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, open);
    retranslate();
}

} // namespace neuroonco
