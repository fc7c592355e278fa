// Percentile bootstrap intervals for evaluation scores: resample the questions with
// replacement, recompute the mean, take the 2.5th and 97.5th percentiles of the resampled means
// (linear interpolation between order statistics). Deterministic: resample b draws from its own
// generator seeded by (seed, b), so results do not depend on threads or call order.
#pragma once

#include <QJsonObject>
#include <QtGlobal>
#include <vector>

namespace neuroonco {

struct BootstrapOptions
{
    int resamples = 1000;
    quint64 seed = 20250101;
    double level = 0.95;
};

struct Interval
{
    double estimate = 0; // the mean over all questions
    double lower = 0;
    double upper = 0;
    qint64 n = 0;
    bool hasInterval = false; // false when not computed or n = 0

    QJsonObject toJson() const;
};

class Bootstrap
{
public:
    // A share of successes: only the counts matter (resampling n outcomes of which `successes`
    // are 1), so the outcomes need not be passed.
    static Interval proportion(qint64 successes, qint64 n, const BootstrapOptions &options = {});
    // The mean of arbitrary values (open-answer scores).
    static Interval mean(const std::vector<double> &values, const BootstrapOptions &options = {});
};

} // namespace neuroonco
