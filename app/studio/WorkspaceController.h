// The central workspace: overview, sample browser, duplicate clusters and ingest problems as
// tabs, refreshed from the project session when a project opens and when a job finishes.
#pragma once

#include <QObject>

class QTabWidget;

namespace neuroonco {

class DuplicateClusterView;
class IngestIssuesView;
class ProjectOverview;
class ProjectSession;
class SampleBrowser;
class SampleTableModel;

class WorkspaceController : public QObject
{
    Q_OBJECT
public:
    WorkspaceController(ProjectSession *session, QWidget *parentWidget);

    QTabWidget *tabs() const { return m_tabs; }
    ProjectOverview *overview() const { return m_overview; }
    SampleBrowser *samples() const { return m_samples; }
    DuplicateClusterView *duplicates() const { return m_duplicates; }
    IngestIssuesView *issues() const { return m_issues; }
    SampleTableModel *sampleModel() const { return m_sampleModel; }

    // Reloads samples, clusters and problems from the database.
    void reload();
    void retranslate();

private:
    ProjectSession *m_session;
    QTabWidget *m_tabs;
    ProjectOverview *m_overview;
    SampleBrowser *m_samples;
    DuplicateClusterView *m_duplicates;
    IngestIssuesView *m_issues;
    SampleTableModel *m_sampleModel;
};

} // namespace neuroonco
