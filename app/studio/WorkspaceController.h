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
class SampleInspector;
class SampleTableModel;

class WorkspaceController : public QObject
{
    Q_OBJECT
public:
    WorkspaceController(ProjectSession *session, QWidget *parentWidget);

    QTabWidget *tabs() const { return m_tabs; }
    ProjectOverview *overview() const { return m_overview; }
    SampleBrowser *samples() const { return m_samples; }
    SampleInspector *inspector() const { return m_inspector; }
    QWidget *samplesTab() const { return m_samplesTab; }
    DuplicateClusterView *duplicates() const { return m_duplicates; }
    IngestIssuesView *issues() const { return m_issues; }
    SampleTableModel *sampleModel() const { return m_sampleModel; }

    // Reloads samples, clusters and problems from the database.
    void reload();
    void retranslate();
    void showSample(qint64 id);

private:
    ProjectSession *m_session;
    QTabWidget *m_tabs;
    ProjectOverview *m_overview;
    QWidget *m_samplesTab;
    SampleBrowser *m_samples;
    SampleInspector *m_inspector;
    DuplicateClusterView *m_duplicates;
    IngestIssuesView *m_issues;
    SampleTableModel *m_sampleModel;
};

} // namespace neuroonco
