// xoshiro256** seeded through SplitMix64, one generator per resample. Means of arbitrary values
// draw "question i of n" with Lemire's multiply-shift on 32 random bits (resamples in parallel
// chunks on the global thread pool when there is enough work); shares of 0/1 outcomes draw the
// resampled success count from its binomial distribution directly.
#include "core/evaluate/Bootstrap.h"

#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace neuroonco {

namespace {

quint64 splitMix(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Xoshiro
{
public:
    Xoshiro(quint64 seed, quint64 stream)
    {
        quint64 s = seed ^ (stream * 0xD1B54A32D192ED03ULL);
        for (quint64 &word : m_s)
            word = splitMix(s);
    }
    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
};

double quantile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double at = q * double(sorted.size() - 1);
    const size_t below = size_t(std::floor(at));
    const size_t above = std::min(sorted.size() - 1, below + 1);
    const double w = at - double(below);
    return sorted[below] * (1 - w) + sorted[above] * w;
}

// Runs `one(b)` for every resample b and returns the interval of the sorted results. `cost` is
// the work of one resample (draws), which decides whether to spread resamples over threads.
template<typename One>
Interval percentile(double estimate, qint64 n, qint64 cost, const BootstrapOptions &options,
                    One one)
{
    Interval out;
    out.estimate = estimate;
    out.n = n;
    if (n <= 0 || options.resamples <= 0)
        return out;
    std::vector<double> means(size_t(options.resamples));
    // Chunks of resamples: enough work per task to pay for the scheduling.
    const int chunk = std::max(1, int(200000 / std::max<qint64>(1, cost)));
    std::vector<int> starts;
    for (int b = 0; b < options.resamples; b += chunk)
        starts.push_back(b);
    auto work = [&](int start) {
        const int end = std::min(options.resamples, start + chunk);
        for (int b = start; b < end; ++b)
            means[size_t(b)] = one(quint64(b));
    };
    if (starts.size() > 1 && qint64(options.resamples) * cost > 2000000)
        QtConcurrent::blockingMap(starts, work);
    else
        for (int start : starts)
            work(start);
    std::sort(means.begin(), means.end());
    const double alpha = 1 - options.level;
    out.lower = quantile(means, alpha / 2);
    out.upper = quantile(means, 1 - alpha / 2);
    out.hasInterval = true;
    return out;
}

} // namespace

QJsonObject Interval::toJson() const
{
    QJsonObject o{{QStringLiteral("value"), estimate}, {QStringLiteral("n"), n}};
    if (hasInterval) {
        o.insert(QStringLiteral("lower"), lower);
        o.insert(QStringLiteral("upper"), upper);
    }
    return o;
}

Interval Bootstrap::proportion(qint64 successes, qint64 n, const BootstrapOptions &options)
{
    successes = std::clamp<qint64>(successes, 0, std::max<qint64>(0, n));
    const double p = n > 0 ? double(successes) / double(n) : 0.0;
    if (n <= 0 || successes == 0 || successes == n)
        return percentile(p, n, 1, options, [p](quint64) { return p; });
    // Resampling n outcomes of which k are 1 gives Binomial(n, k/n) successes, so the count is
    // drawn directly: the binomial probabilities around the mode (out to where they fall below
    // 1e-18 of the peak), accumulated, and inverted with one uniform draw per resample. Exact
    // in distribution and independent of n in cost per resample.
    const double q = 1 - p;
    const qint64 mode = std::clamp<qint64>(qint64(std::floor(double(n + 1) * p)), 0, n);
    const double logPeak = std::lgamma(double(n) + 1) - std::lgamma(double(mode) + 1) -
                           std::lgamma(double(n - mode) + 1) + double(mode) * std::log(p) +
                           double(n - mode) * std::log(q);
    const double peak = std::exp(logPeak);
    std::vector<double> below, above; // pmf(mode - 1), pmf(mode - 2)… and pmf(mode + 1)…
    for (qint64 j = mode; j > 0; --j) {
        const double prev =
            (below.empty() ? peak : below.back()) * double(j) / double(n - j + 1) * q / p;
        if (prev < peak * 1e-18)
            break;
        below.push_back(prev);
    }
    for (qint64 j = mode; j < n; ++j) {
        const double next =
            (above.empty() ? peak : above.back()) * double(n - j) / double(j + 1) * p / q;
        if (next < peak * 1e-18)
            break;
        above.push_back(next);
    }
    const qint64 first = mode - qint64(below.size());
    std::vector<double> cdf;
    cdf.reserve(below.size() + above.size() + 1);
    double sum = 0;
    for (auto it = below.rbegin(); it != below.rend(); ++it)
        cdf.push_back(sum += *it);
    cdf.push_back(sum += peak);
    for (double v : above)
        cdf.push_back(sum += v);
    for (double &c : cdf)
        c /= sum;
    return percentile(p, n, 1, options, [&](quint64 b) {
        Xoshiro rng(options.seed, b);
        const double u = double(rng.next() >> 11) * 0x1.0p-53;
        const size_t at = size_t(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
        return double(first + qint64(std::min(at, cdf.size() - 1))) / double(n);
    });
}

Interval Bootstrap::mean(const std::vector<double> &values, const BootstrapOptions &options)
{
    const qint64 n = qint64(values.size());
    const double estimate =
        n > 0 ? std::accumulate(values.begin(), values.end(), 0.0) / double(n) : 0.0;
    return percentile(estimate, n, n, options, [&](quint64 b) {
        Xoshiro rng(options.seed, b);
        double sum = 0;
        for (qint64 i = 0; i < n; ++i) {
            const quint64 r = rng.next() >> 32;
            sum += values[size_t((r * quint64(n)) >> 32)];
        }
        return sum / double(n);
    });
}

} // namespace neuroonco
