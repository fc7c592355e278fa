// The central workspace: overview, the review workstation (queue, slice viewer, attribute
// panel), duplicate clusters and ingest problems as tabs, refreshed from the project session
// when a project opens and when a job finishes.
#pragma once

#include <QObject>

class QTabWidget;
class QWidget;

namespace neuroonco {

class AttributePanel;
class DuplicateClusterView;
class IngestIssuesView;
class ProjectOverview;
class ProjectSession;
class QueuePanel;
class ReviewController;
class SampleInspector;

class WorkspaceController : public QObject
{
    Q_OBJECT
public:
    WorkspaceController(ProjectSession *session, QWidget *parentWidget);

    QTabWidget *tabs() const { return m_tabs; }
    ProjectOverview *overview() const { return m_overview; }
    QWidget *reviewTab() const { return m_reviewTab; }
    QueuePanel *queue() const { return m_queue; }
    SampleInspector *inspector() const { return m_inspector; }
    AttributePanel *attributes() const { return m_attributes; }
    ReviewController *review() const { return m_review; }
    // Shows the review tab at the sample with this sample_id; false when there is none.
    bool reviewSample(const QString &sampleId);
    // Shows the tab whose page is named `name` (overview, review, benchmark, dashboard,
    // duplicates, ingest); false when there is none.
    bool showTab(const QString &name);
    DuplicateClusterView *duplicates() const { return m_duplicates; }
    IngestIssuesView *issues() const { return m_issues; }

    // Reloads the queue, clusters and problems from the database.
    void reload();
    void retranslate();

private:
    ProjectSession *m_session;
    QTabWidget *m_tabs;
    ProjectOverview *m_overview;
    QWidget *m_reviewTab;
    QueuePanel *m_queue;
    SampleInspector *m_inspector;
    AttributePanel *m_attributes;
    ReviewController *m_review;
    DuplicateClusterView *m_duplicates;
    IngestIssuesView *m_issues;
};

} // namespace neuroonco
