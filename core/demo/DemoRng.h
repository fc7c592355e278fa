// Deterministic random numbers for the demo-data generator. Every item draws from its own
// generator derived from (seed, stream, index), so the output does not depend on how items are
// spread over threads. Sampling is implemented on the raw 64-bit output of std::mt19937_64
// because std:: distributions differ between standard libraries.
#pragma once

#include <QtGlobal>

#include <cstddef>
#include <initializer_list>
#include <random>

namespace neuroonco::demo {

class DemoRng
{
public:
    DemoRng(quint64 seed, quint64 stream, quint64 index);

    quint64 next() { return m_engine(); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Integer in [lo, hi] (inclusive).
    int range(int lo, int hi);
    bool chance(double p) { return uniform() < p; }
    // Standard normal through Box-Muller (no cached second value: keeps the state simple).
    double normal();
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // Index drawn with the given (not necessarily normalised) weights.
    int weighted(std::initializer_list<double> weights) { return weighted(weights.begin(), int(weights.size())); }
    int weighted(const double *weights, int count);
    // Fills `out` with standard normal values from a quantile table: fast enough for per-pixel
    // noise and still exactly reproducible.
    void fillNormal(float *out, std::size_t count);
    // A fresh seed for a sub-generator (e.g. a value-noise field).
    quint64 derive() { return next(); }

    static quint64 mix(quint64 value);

private:
    std::mt19937_64 m_engine;
};

} // namespace neuroonco::demo
