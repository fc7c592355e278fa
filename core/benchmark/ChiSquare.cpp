// χ² statistic and the upper incomplete gamma function (series below a+1, continued fraction
// above, as in Numerical Recipes §6.2).
#include "core/benchmark/ChiSquare.h"

#include <algorithm>
#include <cmath>

namespace neuroonco {

namespace {

double lowerSeries(double a, double x)
{
    double sum = 1.0 / a, term = sum, ap = a;
    for (int i = 0; i < 1000; ++i) {
        ap += 1;
        term *= x / ap;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * 1e-15)
            break;
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a)); // P(a, x)
}

double upperFraction(double a, double x)
{
    const double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < 1e-15)
            break;
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h; // Q(a, x)
}

} // namespace

double ChiSquare::pValue(double x, int df)
{
    if (df <= 0)
        return 1;
    if (x <= 0)
        return 1;
    const double a = df / 2.0, half = x / 2.0;
    if (half < a + 1)
        return std::clamp(1 - lowerSeries(a, half), 0.0, 1.0);
    return std::clamp(upperFraction(a, half), 0.0, 1.0);
}

ChiSquareResult ChiSquare::uniform(const QMap<QString, int> &counts, const QStringList &categories)
{
    ChiSquareResult r;
    for (const QString &c : categories) {
        r.counts.insert(c, counts.value(c));
        r.n += counts.value(c);
    }
    r.df = int(categories.size()) - 1;
    if (r.n == 0 || r.df <= 0)
        return r;
    const double expected = double(r.n) / categories.size();
    for (const QString &c : categories) {
        const double diff = r.counts.value(c) - expected;
        r.chi2 += diff * diff / expected;
    }
    r.p = pValue(r.chi2, r.df);
    return r;
}

QJsonObject ChiSquareResult::toJson() const
{
    QJsonObject c;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        c.insert(it.key(), it.value());
    return {{QStringLiteral("counts"), c},
            {QStringLiteral("n"), n},
            {QStringLiteral("df"), df},
            {QStringLiteral("chi2"), chi2},
            {QStringLiteral("p"), p}};
}

} // namespace neuroonco
