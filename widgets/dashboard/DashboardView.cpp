// The dashboard tab.
#include "widgets/dashboard/DashboardView.h"

#include "widgets/charts/ChartFactory.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace neuroonco {

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("dashboardHeader"));
    m_header->setWordWrap(true);
    top->addWidget(m_header, 1);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("dashboardRefresh"));
    connect(m_refresh, &QPushButton::clicked, this, &DashboardView::refreshRequested);
    top->addWidget(m_refresh);
    layout->addLayout(top);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_panels = new QWidget(scroll);
    m_grid = new QGridLayout(m_panels);
    m_grid->setSpacing(10);
    scroll->setWidget(m_panels);
    layout->addWidget(scroll, 1);
    showMessage(tr("Open a project to see its figures."));
}

void DashboardView::showMessage(const QString &text)
{
    m_hasFigures = false;
    m_header->setText(text);
    m_views.clear();
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void DashboardView::setFigures(const ProjectFigures &figures)
{
    m_figures = figures;
    m_hasFigures = true;
    rebuild();
}

QChartView *DashboardView::chartView(const QString &figureId) const
{
    const auto it = m_views.find(figureId);
    return it == m_views.end() ? nullptr : it->second;
}

void DashboardView::rebuild()
{
    showMessage(QString());
    m_hasFigures = true;
    m_header->setText(tr("%1 · %2 samples · %3 audited by a reviewer · updated %4")
                          .arg(m_figures.projectName)
                          .arg(m_figures.status.counts.value(QStringLiteral("samples")))
                          .arg(m_figures.samplesAudited)
                          .arg(m_figures.generatedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    int index = 0;
    for (const Figure *figure : m_figures.all()) {
        auto *panel = new QWidget(m_panels);
        panel->setObjectName(QStringLiteral("figure-") + figure->id);
        auto *v = new QVBoxLayout(panel);
        v->setContentsMargins(0, 0, 0, 0);
        if (figure->isEmpty()) {
            auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(ChartFactory::title(*figure).toHtmlEscaped()), panel);
            title->setWordWrap(true);
            auto *empty = new QLabel(ChartFactory::emptyText(*figure), panel);
            empty->setWordWrap(true);
            empty->setAlignment(Qt::AlignCenter);
            empty->setMinimumHeight(120);
            empty->setStyleSheet(QStringLiteral("color: #806020;"));
            v->addWidget(title);
            v->addWidget(empty, 1);
        } else {
            auto *view = new QChartView(ChartFactory::create(*figure), panel);
            view->setRenderHint(QPainter::Antialiasing);
            view->setMinimumSize(420, 300);
            m_views[figure->id] = view;
            v->addWidget(view, 1);
            auto *exportButton = new QToolButton(panel);
            exportButton->setObjectName(QStringLiteral("export-") + figure->id);
            exportButton->setText(tr("Export…"));
            exportButton->setPopupMode(QToolButton::InstantPopup);
            auto *menu = new QMenu(exportButton);
            const QString id = figure->id;
            menu->addAction(tr("As PNG image…"), this, [this, id] { Q_EMIT exportChartRequested(id, QStringLiteral("png")); });
            menu->addAction(tr("As SVG drawing…"), this, [this, id] { Q_EMIT exportChartRequested(id, QStringLiteral("svg")); });
            exportButton->setMenu(menu);
            auto *row = new QHBoxLayout;
            row->addStretch(1);
            row->addWidget(exportButton);
            v->addLayout(row);
        }
        m_grid->addWidget(panel, index / 2, index % 2);
        ++index;
    }
}

void DashboardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_refresh->setText(tr("Refresh"));
        if (m_hasFigures)
            rebuild();
    }
    QWidget::changeEvent(event);
}

} // namespace neuroonco
