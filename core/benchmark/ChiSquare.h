// Pearson's χ² goodness-of-fit test against a uniform distribution, with its p-value (the
// regularised upper incomplete gamma function), for answer-letter balance.
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace neuroonco {

struct ChiSquareResult
{
    QMap<QString, int> counts; // every category, zeros included
    int n = 0;
    int df = 0;
    double chi2 = 0;
    double p = 1;

    QJsonObject toJson() const;
};

class ChiSquare
{
public:
    // Tests counts over `categories` (missing ones count zero) against equal expected shares.
    static ChiSquareResult uniform(const QMap<QString, int> &counts, const QStringList &categories);
    // P(X ≥ x) for X ~ χ²(df).
    static double pValue(double x, int df);
};

} // namespace neuroonco
