// Building Qt Charts from project figures.
#include "widgets/charts/ChartFactory.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace neuroonco {

namespace {

// Colour-blind-safe palette (Okabe–Ito), in series order.
const QColor kPalette[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115), QColor(204, 121, 167),
                           QColor(86, 180, 233), QColor(213, 94, 0), QColor(240, 228, 66), QColor(80, 80, 80)};

constexpr double kGroupWidth = 0.7;

} // namespace

QString ChartFactory::title(const Figure &figure)
{
    if (figure.id == QLatin1String("air"))
        return tr("Average Information Rate per field and stage");
    if (figure.id == QLatin1String("audit"))
        return tr("Audit: precision and omission per field (95% Wilson intervals)");
    if (figure.id == QLatin1String("benchmark-types"))
        return tr("Benchmark composition: questions per type");
    if (figure.id == QLatin1String("benchmark-letters"))
        return tr("Benchmark: correct answer letters (closed questions)");
    if (figure.id == QLatin1String("benchmark-traps"))
        return tr("Benchmark: share of trap questions per type");
    if (figure.id == QLatin1String("eval-accuracy"))
        return tr("Evaluation: accuracy per model and question type");
    return figure.id;
}

QString ChartFactory::valueAxisTitle(const Figure &figure)
{
    if (figure.unit == Figure::Unit::Count)
        return tr("Questions");
    if (figure.id == QLatin1String("air"))
        return tr("Fields filled (%)");
    if (figure.id == QLatin1String("eval-accuracy"))
        return tr("Accuracy (%)");
    return tr("Percent");
}

QString ChartFactory::seriesLabel(const QString &figureId, const QString &seriesName)
{
    Q_UNUSED(figureId)
    static const QHash<QString, const char *> names{
        {QStringLiteral("run_a"), QT_TR_NOOP("Run A")},
        {QStringLiteral("run_b"), QT_TR_NOOP("Run B")},
        {QStringLiteral("fused"), QT_TR_NOOP("Fused")},
        {QStringLiteral("gold"), QT_TR_NOOP("Gold (after QC)")},
        {QStringLiteral("precision"), QT_TR_NOOP("Precision")},
        {QStringLiteral("omission"), QT_TR_NOOP("Omission rate")},
        {QStringLiteral("closed"), QT_TR_NOOP("Closed")},
        {QStringLiteral("open"), QT_TR_NOOP("Open")},
        {QStringLiteral("answers"), QT_TR_NOOP("Answers")},
        {QStringLiteral("trap_share"), QT_TR_NOOP("Trap share")},
    };
    const auto it = names.find(seriesName);
    return it == names.end() ? seriesName : tr(it.value());
}

QString ChartFactory::categoryLabel(const QString &category)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("overall"), QT_TR_NOOP("overall")},
        {QStringLiteral("signal_intensity"), QT_TR_NOOP("signal")},
        {QStringLiteral("lesion_found"), QT_TR_NOOP("lesion")},
        {QStringLiteral("mask_size"), QT_TR_NOOP("size")},
        {QStringLiteral("mask_shape"), QT_TR_NOOP("mask shape")},
        {QStringLiteral("mask_spread"), QT_TR_NOOP("spread")},
        {QStringLiteral("mask_location"), QT_TR_NOOP("mask location")},
        // Sign fields, and the question types named after them.
        {QStringLiteral("modality"), QT_TR_NOOP("modality")},
        {QStringLiteral("location"), QT_TR_NOOP("location")},
        {QStringLiteral("shape"), QT_TR_NOOP("shape")},
        {QStringLiteral("margins"), QT_TR_NOOP("margins")},
        {QStringLiteral("texture"), QT_TR_NOOP("texture")},
        {QStringLiteral("enhancement"), QT_TR_NOOP("enhancement")},
        {QStringLiteral("edema"), QT_TR_NOOP("oedema")},
        {QStringLiteral("diagnosis"), QT_TR_NOOP("diagnosis")},
        {QStringLiteral("size"), QT_TR_NOOP("size")},
        {QStringLiteral("spread"), QT_TR_NOOP("spread")},
    };
    const auto it = names.find(category);
    return it == names.end() ? category : tr(it.value());
}

QString ChartFactory::emptyText(const Figure &figure)
{
    if (figure.id == QLatin1String("air"))
        return tr("No sign extraction yet: run Pipeline → Extract signs.");
    if (figure.id == QLatin1String("audit"))
        return tr("No reviewer decisions yet: audit samples in the Review tab.");
    if (figure.id.startsWith(QLatin1String("benchmark")))
        return tr("No benchmark yet: run Pipeline → Build benchmark.");
    if (figure.id == QLatin1String("eval-accuracy"))
        return tr("No evaluation yet: evaluate a model on the benchmark.");
    return tr("No data yet.");
}

QChart *ChartFactory::create(const Figure &figure)
{
    auto *chart = new QChart;
    chart->setTitle(title(figure));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    const bool share = figure.unit == Figure::Unit::Share;
    const double scale = share ? 100.0 : 1.0;
    const int n = int(figure.categories.size());

    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    x->setRange(-0.5, std::max(0, n) - 0.5);
    for (int i = 0; i < n; ++i)
        x->append(categoryLabel(figure.categories.at(i)), i + 0.5);
    x->setGridLineVisible(false);
    if (n > 6)
        x->setLabelsAngle(-35);
    auto *y = new QValueAxis;
    y->setTitleText(valueAxisTitle(figure));
    double top = share ? 100.0 : 1.0;
    for (const FigureSeries &s : figure.series)
        for (size_t i = 0; i < s.values.size(); ++i)
            top = std::max(top, (s.hasIntervals() ? s.upper[i] : s.values[i]) * scale);
    y->setRange(0, share ? 100.0 : top * 1.1);
    y->setLabelFormat(share ? QStringLiteral("%.0f") : QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    auto *bars = new QBarSeries;
    bars->setBarWidth(kGroupWidth);
    const int sets = int(figure.series.size());
    for (int j = 0; j < sets; ++j) {
        const FigureSeries &s = figure.series[size_t(j)];
        auto *set = new QBarSet(seriesLabel(figure.id, s.name));
        set->setColor(kPalette[j % 8]);
        set->setBorderColor(kPalette[j % 8].darker(130));
        for (double v : s.values)
            *set << v * scale;
        bars->append(set);
    }
    chart->addSeries(bars);
    bars->attachAxis(x);
    bars->attachAxis(y);

    // Interval whiskers, centred on each bar of its group.
    for (int j = 0; j < sets; ++j) {
        const FigureSeries &s = figure.series[size_t(j)];
        if (!s.hasIntervals())
            continue;
        const double barWidth = kGroupWidth / sets;
        for (int i = 0; i < n && i < int(s.values.size()); ++i) {
            if (!s.counts.empty() && s.counts[size_t(i)] == 0)
                continue;
            const double cx = i - kGroupWidth / 2 + (j + 0.5) * barWidth;
            const double cap = barWidth * 0.25;
            auto *whisker = new QLineSeries;
            whisker->setPen(QPen(QColor(30, 30, 30), 1.4));
            const double lo = s.lower[size_t(i)] * scale, hi = s.upper[size_t(i)] * scale;
            *whisker << QPointF(cx - cap, lo) << QPointF(cx + cap, lo) << QPointF(cx, lo) << QPointF(cx, hi)
                     << QPointF(cx - cap, hi) << QPointF(cx + cap, hi);
            chart->addSeries(whisker);
            whisker->attachAxis(x);
            whisker->attachAxis(y);
            for (QLegendMarker *m : chart->legend()->markers(whisker))
                m->setVisible(false);
        }
    }
    chart->legend()->setVisible(sets > 1);
    return chart;
}

} // namespace neuroonco
