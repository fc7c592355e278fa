// Smooth deterministic 3D value noise (lattice hash + quintic interpolation) for gyral folds,
// lesion outlines and textures. Pure function of (seed, point): safe to share between threads.
#pragma once

#include "core/demo/DemoTypes.h"

#include <QtGlobal>

namespace neuroonco::demo {

class ValueNoise
{
public:
    explicit ValueNoise(quint64 seed = 0);

    // Noise in [-1, 1] with features about one unit apart.
    double at(double x, double y, double z) const;
    double at(const Vec3 &p) const { return at(p.x, p.y, p.z); }
    // Sum of `octaves` layers, each at twice the frequency and half the amplitude; in [-1, 1].
    double fractal(const Vec3 &p, int octaves) const;

private:
    double lattice(long long x, long long y, long long z) const;

    quint64 m_seed;
    // A seed-dependent rotation of the lattice hides its axis-aligned (blocky) look.
    double m_rot[9];
};

} // namespace neuroonco::demo
