// Feeds the dashboard tab: collects the project figures on a worker thread (its own database
// connection) whenever the tab is shown or a job finishes while it is shown, exports single
// charts (PNG/SVG) and the whole report (File → Export Report…, PDF/HTML).
#pragma once

#include "core/report/ProjectFigures.h"

#include <QObject>

class QTabWidget;
class QWidget;

namespace neuroonco {

class DashboardView;
class ProjectSession;

class DashboardController : public QObject
{
    Q_OBJECT
public:
    DashboardController(ProjectSession *session, QTabWidget *tabs, QWidget *dialogParent);

    DashboardView *view() const { return m_view; }
    void refresh();
    // Collects the figures now (GUI thread) and writes the report; errors name the file.
    Error exportReport(const QString &path);
    Error exportChart(const QString &figureId, const QString &path);
    void chooseReportFile();
    void retranslate();

Q_SIGNALS:
    void figuresUpdated();

private:
    void chooseChartFile(const QString &figureId, const QString &format);
    bool isVisible() const;

    ProjectSession *m_session;
    QTabWidget *m_tabs;
    QWidget *m_dialogParent;
    DashboardView *m_view;
    quint64 m_generation = 0;
};

} // namespace neuroonco
