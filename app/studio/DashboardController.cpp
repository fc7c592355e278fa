// Dashboard figures, chart exports and the project report from the GUI.
#include "app/studio/DashboardController.h"

#include "app/studio/BackgroundRead.h"
#include "app/studio/ProjectSession.h"
#include "core/project/Project.h"
#include "core/store/Database.h"
#include "widgets/charts/ChartFactory.h"
#include "widgets/charts/ChartRender.h"
#include "widgets/dashboard/DashboardView.h"
#include "widgets/report/ReportRenderer.h"

#include <QChart>
#include <QFileDialog>
#include <QMessageBox>
#include <QTabWidget>

#include <memory>

namespace neuroonco {

DashboardController::DashboardController(ProjectSession *session, QTabWidget *tabs, QWidget *dialogParent)
    : QObject(tabs)
    , m_session(session)
    , m_tabs(tabs)
    , m_dialogParent(dialogParent)
    , m_view(new DashboardView(tabs))
{
    m_view->setObjectName(QStringLiteral("dashboard"));
    m_tabs->addTab(m_view, QString());
    retranslate();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (isVisible()) // figures change with every decision and job: collect them afresh
            refresh();
    });
    connect(m_view, &DashboardView::refreshRequested, this, &DashboardController::refresh);
    connect(m_view, &DashboardView::exportChartRequested, this, &DashboardController::chooseChartFile);
    connect(m_session, &ProjectSession::opened, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        ++m_generation;
        m_view->showMessage(tr("Open a project to see its figures."));
    });
}

bool DashboardController::isVisible() const
{
    return m_tabs->currentWidget() == m_view;
}

void DashboardController::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_view), tr("Dashboard"));
}

void DashboardController::refresh()
{
    if (!m_session->isOpen())
        return;
    if (!isVisible())
        return; // collected when the tab is next shown
    const quint64 generation = ++m_generation;
    const QString root = m_session->project().root();
    readProject<ProjectFigures>(
        this, m_session->project(), [root](Database &db) { return ProjectFiguresBuilder::collect(db, root); },
        [this, generation](Result<ProjectFigures> figures) {
            if (generation != m_generation)
                return;
            if (!figures) {
                m_view->showMessage(tr("Cannot collect the figures: %1").arg(errorMessage(figures.error())));
                return;
            }
            m_view->setFigures(*figures);
            Q_EMIT figuresUpdated();
        });
}

Error DashboardController::exportReport(const QString &path)
{
    Database *db = m_session->database();
    if (!db)
        return Error(ErrorCode::NotFound, path, QStringLiteral("no project is open"));
    Result<ProjectFigures> figures = ProjectFiguresBuilder::collect(*db, m_session->project().root());
    if (!figures)
        return figures.error();
    return ReportRenderer(figures.take()).save(path);
}

Error DashboardController::exportChart(const QString &figureId, const QString &path)
{
    for (const Figure *f : m_view->figures().all()) {
        if (f->id == figureId && !f->isEmpty()) {
            std::unique_ptr<QChart> chart(ChartFactory::create(*f));
            return chartrender::save(chart.get(), path);
        }
    }
    return Error(ErrorCode::NotFound, figureId, QStringLiteral("the figure has no data"));
}

void DashboardController::chooseReportFile()
{
    if (!m_session->isOpen())
        return;
    const QString suggested = m_session->project().root() + QStringLiteral("/exports/report.pdf");
    QString selected;
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export Report"), suggested,
                                                      tr("PDF document (*.pdf);;Web page (*.html)"), &selected);
    if (path.isEmpty())
        return;
    QString file = path;
    if (!file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) && !file.endsWith(QLatin1String(".html"), Qt::CaseInsensitive))
        file += selected.contains(QLatin1String("html")) ? QStringLiteral(".html") : QStringLiteral(".pdf");
    if (Error e = exportReport(file))
        QMessageBox::warning(m_dialogParent, tr("The report was not written"), errorMessage(e));
}

void DashboardController::chooseChartFile(const QString &figureId, const QString &format)
{
    const QString suggested = m_session->project().root() + QStringLiteral("/exports/") + figureId + QLatin1Char('.') + format;
    const QString filter = format == QLatin1String("svg") ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export Chart"), suggested, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + format, Qt::CaseInsensitive))
        path += QLatin1Char('.') + format;
    if (Error e = exportChart(figureId, path))
        QMessageBox::warning(m_dialogParent, tr("The chart was not written"), errorMessage(e));
}

} // namespace neuroonco
