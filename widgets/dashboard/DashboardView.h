// The dashboard tab: one panel per project figure (AIR, audit, benchmark composition,
// evaluation) as a Qt Chart, or a sentence saying what to run when there is no data yet. Each
// panel offers PNG/SVG export; the controller asks for the file.
#pragma once

#include "core/report/ProjectFigures.h"

#include <QWidget>

#include <map>

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE
class QGridLayout;
class QLabel;
class QPushButton;

namespace neuroonco {

class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(QWidget *parent = nullptr);

    void setFigures(const ProjectFigures &figures);
    void showMessage(const QString &text);
    // Chart of a figure currently shown (null when the figure is empty), for exports and tests.
    QChartView *chartView(const QString &figureId) const;
    const ProjectFigures &figures() const { return m_figures; }

Q_SIGNALS:
    void exportChartRequested(const QString &figureId, const QString &format);
    void refreshRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QGridLayout *m_grid = nullptr;
    QLabel *m_header = nullptr;
    QPushButton *m_refresh = nullptr;
    QWidget *m_panels = nullptr;
    ProjectFigures m_figures;
    bool m_hasFigures = false;
    std::map<QString, QChartView *> m_views;
};

} // namespace neuroonco
