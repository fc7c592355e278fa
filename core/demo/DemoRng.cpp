// Seeding by splitmix64 and a 4096-entry table of normal quantiles for bulk noise.
#include "core/demo/DemoRng.h"

#include <array>
#include <cmath>

namespace neuroonco::demo {

namespace {

constexpr int kTableBits = 12;
constexpr int kTableSize = 1 << kTableBits;

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.2e-9).
double inverseNormal(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
               / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
               / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
           / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

const std::array<float, kTableSize> &normalTable()
{
    static const std::array<float, kTableSize> table = [] {
        std::array<float, kTableSize> t{};
        for (int i = 0; i < kTableSize; ++i)
            t[size_t(i)] = float(inverseNormal((i + 0.5) / kTableSize));
        return t;
    }();
    return table;
}

} // namespace

quint64 DemoRng::mix(quint64 z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

DemoRng::DemoRng(quint64 seed, quint64 stream, quint64 index)
    : m_engine(mix(mix(mix(seed) ^ (stream * 0xD1B54A32D192ED03ull)) ^ index))
{}

double DemoRng::uniform()
{
    return double(m_engine() >> 11) * (1.0 / 9007199254740992.0);
}

int DemoRng::range(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(qint64(hi) - qint64(lo) + 1);
    return int(qint64(lo) + qint64(m_engine() % span));
}

double DemoRng::normal()
{
    const double u1 = 1.0 - uniform(); // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

int DemoRng::weighted(const double *weights, int count)
{
    double total = 0;
    for (int i = 0; i < count; ++i)
        total += weights[i];
    double x = uniform() * total;
    for (int i = 0; i < count; ++i) {
        if (x < weights[i])
            return i;
        x -= weights[i];
    }
    return count - 1;
}

void DemoRng::fillNormal(float *out, std::size_t count)
{
    // Per-pixel noise needs hundreds of thousands of values: a SplitMix64 counter stream keyed
    // by one draw of the Mersenne Twister is several times cheaper and just as reproducible.
    const auto &table = normalTable();
    quint64 key = m_engine();
    std::size_t i = 0;
    while (i < count) {
        key += 0x9E3779B97F4A7C15ull;
        quint64 bits = key;
        bits = (bits ^ (bits >> 30)) * 0xBF58476D1CE4E5B9ull;
        bits = (bits ^ (bits >> 27)) * 0x94D049BB133111EBull;
        bits ^= bits >> 31;
        for (int k = 0; k < 5 && i < count; ++k, ++i) {
            out[i] = table[size_t(bits & (kTableSize - 1))];
            bits >>= kTableBits;
        }
    }
}

} // namespace neuroonco::demo
