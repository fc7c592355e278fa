// The central page when no sample is being reviewed: a start page without a project, and the
// project's pipeline state (items per stage, latest job) with one. Shows a ProjectStatus value.
#pragma once

#include "core/pipeline/ProjectStatus.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace neuroonco {

class ProjectOverview : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectOverview(QWidget *parent = nullptr);

    void showStartPage(const QStringList &recentProjects);
    void showStatus(const ProjectStatus &status);
    QTableWidget *stageTable() const { return m_stages; }

Q_SIGNALS:
    void newProjectRequested();
    void openProjectRequested();
    void openRecentRequested(const QString &path);
    void runStageRequested(const QString &stageId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_startTitle = nullptr;
    QLabel *m_startText = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_recentTitle = nullptr;
    QListWidget *m_recent = nullptr;
    QLabel *m_projectTitle = nullptr;
    QLabel *m_projectFacts = nullptr;
    QTableWidget *m_stages = nullptr;
    ProjectStatus m_status;
    bool m_hasStatus = false;
};

} // namespace neuroonco
