// Shapes are ellipsoids in the canonical frame (x right→left, y anterior→posterior, z up);
// cortical folding comes from thin sheets where a ridged noise field peaks.
#include "core/demo/HeadPhantom.h"

#include "core/demo/ValueNoise.h"

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

constexpr double kSpacing = 1.2;
constexpr int kNx = 150, kNy = 186, kNz = 160;

// T1 intensities of the phantom's tissues (white matter 0.72 like the derived contrasts).
constexpr float kFat = 0.95f, kMuscle = 0.38f, kBone = 0.04f, kMarrow = 0.6f, kCsf = 0.14f,
                kGrey = 0.47f, kWhite = 0.72f, kDeepGrey = 0.55f, kVitreous = 0.1f, kAir = 0.f;

// Normalised radius of p in an axis-aligned ellipsoid (1 on its surface).
double ellipsoid(const Vec3 &p, const Vec3 &c, const Vec3 &a)
{
    const double dx = (p.x - c.x) / a.x, dy = (p.y - c.y) / a.y, dz = (p.z - c.z) / a.z;
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

// Approximate distance in mm below an ellipsoid's surface (negative outside).
double depthIn(const Vec3 &p, const Vec3 &c, const Vec3 &a)
{
    const double r = ellipsoid(p, c, a);
    const double meanAxis = (a.x + a.y + a.z) / 3.0;
    return (1.0 - r) * meanAxis;
}

} // namespace

AnatomySource HeadPhantom::build()
{
    AnatomySource src;
    src.name = QStringLiteral("phantom");
    src.nx = kNx;
    src.ny = kNy;
    src.nz = kNz;
    src.spacing = kSpacing;
    const size_t n = size_t(kNx) * size_t(kNy) * size_t(kNz);
    std::vector<float> t1(n, 0.f);
    src.brain.assign(n, 0);

    const double midX = kNx * kSpacing / 2.0;
    const Vec3 headC{midX, 110, 98}, headA{76, 96, 96};
    const Vec3 cerebrumC{midX, 112, 110}, cerebrumA{63, 82, 64};
    const Vec3 cerebellumC{midX, 160, 60}, cerebellumA{50, 27, 21};
    const ValueNoise folds(0x5eed01);
    const ValueNoise warp(0x5eed02);

    src.landmarks.sella = {midX, 100, 64};
    src.landmarks.cpaRight = {midX - 21, 136, 62};
    src.landmarks.cpaLeft = {midX + 21, 136, 62};
    src.landmarks.fourthVentricle = {midX, 147, 60};

    for (int z = 0; z < kNz; ++z)
        for (int y = 0; y < kNy; ++y)
            for (int x = 0; x < kNx; ++x) {
                const Vec3 p{x * kSpacing, y * kSpacing, z * kSpacing};
                const size_t i = (size_t(z) * size_t(kNy) + size_t(y)) * size_t(kNx) + size_t(x);
                const double lateral = std::fabs(p.x - midX);
                // Head below the skull base narrows into the neck.
                Vec3 hc = headC, ha = headA;
                if (p.z < 60) {
                    const double t = std::clamp((60 - p.z) / 60, 0.0, 1.0);
                    ha = {76 - 26 * t, 96 - 30 * t, 96};
                    hc.y = headC.y + 8 * t;
                }
                const double headDepth = depthIn(p, hc, ha);
                if (headDepth < 0 || p.z < 4) {
                    t1[i] = kAir;
                    continue;
                }
                float v;
                if (headDepth < 4)
                    v = kFat;
                else if (headDepth < 6)
                    v = kMuscle;
                else if (headDepth < 8)
                    v = kBone;
                else if (headDepth < 10)
                    v = kMarrow;
                else if (headDepth < 12)
                    v = kBone;
                else
                    v = kCsf;
                // Orbits: vitreous globes in orbital fat, and the sphenoid sinus below the sella.
                for (double side : {-1.0, 1.0}) {
                    const Vec3 eye{midX + side * 32, 24, 68};
                    const double r = ellipsoid(p, eye, {12, 12, 12});
                    if (r < 1.0)
                        v = kVitreous;
                    else if (ellipsoid(p, eye + Vec3{side * 2, 14, -2}, {16, 20, 13}) < 1.0)
                        v = kFat;
                }
                if (ellipsoid(p, {midX, 86, 50}, {14, 12, 10}) < 1.0)
                    v = kAir;
                if (ellipsoid(p, src.landmarks.sella, {6, 5, 4}) < 1.0)
                    v = kDeepGrey;

                bool brain = false;
                // Cerebrum, whose underside rises in the middle (skull base) and dips laterally
                // (temporal lobes).
                // Skull base: the suprasellar cistern above the sella, orbital roofs in front and
                // the tentorium over the cerebellum raise the cerebrum's floor.
                const double sellaDist2 = std::pow(p.x - midX, 2) + std::pow(p.y - 100, 2);
                const double floorZ = 56 + 14 * std::exp(-sellaDist2 / (2 * 12.0 * 12.0))
                                      + 22 * std::clamp((p.y - 135) / 25, 0.0, 1.0)
                                      + 14 * std::clamp((62 - p.y) / 20, 0.0, 1.0);
                const double cd = depthIn(p, cerebrumC, cerebrumA);
                if (cd > 0 && p.z > floorZ) {
                    brain = true;
                    const double fromFloor = p.z - floorZ;
                    const double surfaceDepth = std::min(cd, fromFloor);
                    // Ridged noise: sheets where |noise| is small become sulci lined with cortex.
                    const Vec3 q = p * (1.0 / 9.0) + Vec3{warp.at(p * 0.05), warp.at(p * 0.05 + Vec3{7, 3, 1}), 0} * 0.8;
                    const double ridge = std::fabs(folds.fractal(q, 2));
                    // Sulci reach deeper near the surface; grey matter lines them on both sides.
                    const double reach = std::clamp(1.0 - surfaceDepth / 24.0, 0.0, 1.0);
                    if (surfaceDepth < 1.2 || ridge < 0.07 * reach)
                        v = kCsf;
                    else if (surfaceDepth < 3.5 || ridge < 0.3 * reach)
                        v = kGrey;
                    else
                        v = kWhite;
                    if (lateral < 1.5 && p.z > 112)
                        v = kCsf; // interhemispheric fissure
                    for (double side : {-1.0, 1.0}) {
                        if (ellipsoid(p, {midX + side * 17, 110, 100}, {9, 17, 9}) < 1.0)
                            v = kDeepGrey; // basal ganglia and thalamus
                        const double horn = ellipsoid(p, {midX + side * 9, 108 + 0.02 * (p.z - 110) * (p.z - 110), 114},
                                                      {5.5, 30, 9});
                        if (horn < 1.0)
                            v = kCsf; // lateral ventricles
                    }
                    if (ellipsoid(p, {midX, 114, 98}, {2, 11, 8}) < 1.0)
                        v = kCsf; // third ventricle
                }
                // Brainstem and cerebellum with its folia.
                const double stemR = std::hypot(p.x - midX, (p.y - 132) * 1.1);
                const double stemRadius = 11 + 4 * std::exp(-std::pow((p.z - 64) / 8, 2));
                if (p.z > 20 && p.z < 100 && stemR < stemRadius) {
                    brain = true;
                    v = stemR > stemRadius - 1.5 ? kGrey : 0.66f;
                }
                const double cb = depthIn(p, cerebellumC, cerebellumA);
                if (cb > 0) {
                    brain = true;
                    const double folium = std::sin(ellipsoid(p, cerebellumC, cerebellumA) * 22 + (p.z - cerebellumC.z) * 0.5
                                                   + 7 * folds.at(p * 0.06));
                    v = cb < 1.2 ? kCsf : (cb > 10 && folium > 0.2 ? kWhite : (folium > -0.6 ? kGrey : kCsf));
                }
                if (ellipsoid(p, src.landmarks.fourthVentricle, {5, 4, 6}) < 1.0) {
                    brain = true;
                    v = kCsf;
                }
                t1[i] = v;
                src.brain[i] = brain ? 1 : 0;
            }

    // A light 3×3×3 binomial blur stands in for partial-volume mixing at tissue borders.
    auto blurAxis = [&](size_t stride, int count, int axisIndexDivisor) {
        std::vector<float> out(t1);
        for (size_t i = 0; i < n; ++i) {
            const int pos = int((i / size_t(axisIndexDivisor)) % size_t(count));
            if (pos == 0 || pos == count - 1)
                continue;
            out[i] = 0.25f * t1[i - stride] + 0.5f * t1[i] + 0.25f * t1[i + stride];
        }
        t1.swap(out);
    };
    blurAxis(1, kNx, 1);
    blurAxis(size_t(kNx), kNy, kNx);
    blurAxis(size_t(kNx) * size_t(kNy), kNz, kNx * kNy);
    src.t1 = std::move(t1);
    return src;
}

} // namespace neuroonco::demo
