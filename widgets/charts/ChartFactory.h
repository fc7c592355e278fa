// Qt Charts for the project figures (dashboard, report, exports): grouped bars per category with
// 95 % interval whiskers where the figure has them. Titles and series names are translated here;
// the numbers come from core (ProjectFigures).
#pragma once

#include "core/report/ProjectFigures.h"

#include <QCoreApplication>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace neuroonco {

class ChartFactory
{
    Q_DECLARE_TR_FUNCTIONS(ChartFactory)

public:
    static QString title(const Figure &figure);
    // Axis label of the values ("Share of samples (%)", "Questions"…).
    static QString valueAxisTitle(const Figure &figure);
    static QString seriesLabel(const QString &figureId, const QString &seriesName);
    static QString categoryLabel(const QString &category);
    // Text shown instead of an empty figure.
    static QString emptyText(const Figure &figure);

    // A new chart (caller owns it). Shares are drawn in percent.
    static QChart *create(const Figure &figure);
};

} // namespace neuroonco
