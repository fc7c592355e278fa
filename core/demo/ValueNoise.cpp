// Integer hashing keeps the noise identical on every platform (no floating-point tables).
#include "core/demo/ValueNoise.h"

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

inline double fade(double t)
{
    return t * t * t * (t * (t * 6 - 15) + 10);
}

} // namespace

ValueNoise::ValueNoise(quint64 seed)
    : m_seed(seed)
{
    const double a = double((seed >> 8) & 0xffff) / 65536.0 * 2 * M_PI;
    const double b = 0.6 + double((seed >> 24) & 0xffff) / 65536.0 * 1.2;
    const double c = double((seed >> 40) & 0xffff) / 65536.0 * 2 * M_PI;
    const double ca = std::cos(a), sa = std::sin(a), cb = std::cos(b), sb = std::sin(b), cc = std::cos(c), sc = std::sin(c);
    // Z(a)·X(b)·Z(c)
    const double r[9] = {ca * cc - sa * cb * sc, -ca * sc - sa * cb * cc, sa * sb,
                         sa * cc + ca * cb * sc, -sa * sc + ca * cb * cc, -ca * sb,
                         sb * sc, sb * cc, cb};
    std::copy(r, r + 9, m_rot);
}

double ValueNoise::lattice(long long x, long long y, long long z) const
{
    quint64 h = m_seed ^ (quint64(x) * 0x9E3779B97F4A7C15ull) ^ (quint64(y) * 0xC2B2AE3D27D4EB4Full)
                ^ (quint64(z) * 0x165667B19E3779F9ull);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 32;
    return double(h >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}

double ValueNoise::at(double px, double py, double pz) const
{
    const double x = m_rot[0] * px + m_rot[1] * py + m_rot[2] * pz;
    const double y = m_rot[3] * px + m_rot[4] * py + m_rot[5] * pz;
    const double z = m_rot[6] * px + m_rot[7] * py + m_rot[8] * pz;
    const double fx = std::floor(x), fy = std::floor(y), fz = std::floor(z);
    const long long ix = (long long)fx, iy = (long long)fy, iz = (long long)fz;
    const double tx = fade(x - fx), ty = fade(y - fy), tz = fade(z - fz);
    auto lerp = [](double a, double b, double t) { return a + (b - a) * t; };
    const double c00 = lerp(lattice(ix, iy, iz), lattice(ix + 1, iy, iz), tx);
    const double c10 = lerp(lattice(ix, iy + 1, iz), lattice(ix + 1, iy + 1, iz), tx);
    const double c01 = lerp(lattice(ix, iy, iz + 1), lattice(ix + 1, iy, iz + 1), tx);
    const double c11 = lerp(lattice(ix, iy + 1, iz + 1), lattice(ix + 1, iy + 1, iz + 1), tx);
    return lerp(lerp(c00, c10, ty), lerp(c01, c11, ty), tz);
}

double ValueNoise::fractal(const Vec3 &p, int octaves) const
{
    double sum = 0, amplitude = 1, norm = 0, f = 1;
    for (int o = 0; o < octaves; ++o) {
        // Offsetting each octave decorrelates the layers' lattices.
        sum += amplitude * at(p.x * f + 17.3 * o, p.y * f - 9.1 * o, p.z * f + 5.7 * o);
        norm += amplitude;
        amplitude *= 0.5;
        f *= 2;
    }
    return sum / norm;
}

} // namespace neuroonco::demo
