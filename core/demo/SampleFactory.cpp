// Pose ranges follow the brief: rotation ±12°, scale 0.88–1.12, shifts, optional flip, a smooth
// deformation and a few degrees of obliquity so no two patients share a cut.
#include "core/demo/SampleFactory.h"

#include "core/demo/Anatomy.h"
#include "core/demo/DemoRng.h"

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

constexpr double kDegree = M_PI / 180.0;

} // namespace

SliceGeometry SampleFactory::randomPose(DemoRng &rng, Plane plane) const
{
    SliceGeometry g;
    g.plane = plane;
    const Vec3 c = m_anatomy.brainCentre();
    // Coronal and sagittal views are centred a little lower: they show the skull base too.
    g.pivot = plane == Plane::Axial ? Vec3{c.x, c.y + 4, c.z} : Vec3{c.x, c.y + 4, c.z - 10};
    g.pitch = std::tan(rng.uniform(-7, 7) * kDegree);
    g.roll = std::tan(rng.uniform(-4, 4) * kDegree);
    // Head size (scale) and the protocol's field of view (framing) vary independently.
    const double scale = rng.uniform(0.88, 1.12);
    g.fov = rng.uniform(200, 250) / scale;
    g.rotation = rng.uniform(-12, 12) * kDegree;
    g.flip = rng.chance(0.3);
    g.offset = {rng.uniform(-0.12, 0.12) * g.fov, rng.uniform(-0.06, 0.06) * g.fov, 0};
    for (SliceGeometry::Wave &w : g.waves) {
        const double angle = rng.uniform(0, 2 * M_PI);
        const double k = 2 * M_PI / rng.uniform(60, 180);
        w.freqX = k * std::cos(angle);
        w.freqY = k * std::sin(angle);
        w.ampX = rng.uniform(-2.5, 2.5);
        w.ampY = rng.uniform(-2.5, 2.5);
        w.phase = rng.uniform(0, 2 * M_PI);
    }
    return g;
}

Appearance SampleFactory::randomAppearance(DemoRng &rng) const
{
    Appearance a;
    a.biasAmplitude = rng.uniform(0.03, 0.22);
    a.biasAngle = rng.uniform(0, 2 * M_PI);
    a.biasCurvature = rng.uniform(-0.04, 0.08);
    a.gamma = rng.uniform(0.85, 1.2);
    a.noise = rng.uniform(0.008, 0.03);
    a.brightness = rng.uniform(0.88, 1.0);
    return a;
}

LesionModel SampleFactory::placeLesion(TumourType type, SliceGeometry *g, DemoRng &rng) const
{
    const Vec3 n = g->normal();
    const double lo = n.dot(m_anatomy.brainMin()), hi = n.dot(m_anatomy.brainMax());
    auto level = [&](double a, double b) { g->setLevel(lo + rng.uniform(a, b) * (hi - lo)); };
    const bool sagittal = g->plane == Plane::Sagittal;
    // Sagittal cuts of hemispheric tumours avoid the midline.
    auto hemispheric = [&](double a, double b) {
        if (sagittal)
            level(rng.chance(0.5) ? 0.12 : 0.6, rng.chance(0.5) ? 0.4 : 0.88);
        else
            level(a, b);
    };
    const Landmarks &lm = m_anatomy.landmarks();
    switch (type) {
    case TumourType::Healthy: level(0.22, 0.88); break;
    case TumourType::Glioma: hemispheric(0.38, 0.85); break;
    case TumourType::Meningioma: level(0.3, 0.9); break;
    case TumourType::Metastasis: hemispheric(0.2, 0.85); break;
    case TumourType::Pituitary: g->passThrough(lm.sella + Vec3{0, 0, rng.uniform(-1, 4)}); break;
    case TumourType::Schwannoma: g->passThrough((rng.chance(0.5) ? lm.cpaLeft : lm.cpaRight) + Vec3{0, 0, rng.uniform(-2, 2)}); break;
    case TumourType::Ependymoma:
        if (rng.chance(0.6))
            g->passThrough(lm.fourthVentricle);
        else
            level(0.45, 0.7);
        break;
    }
    if (type == TumourType::Healthy)
        return {};
    const SliceGeometry plane = *g;
    const Vec3 bmin = m_anatomy.brainMin(), bmax = m_anatomy.brainMax();
    LesionModel::Placement placement;
    placement.randomPoint = [plane, bmin, bmax](DemoRng &r) {
        return plane.onPlane(Vec3{r.uniform(bmin.x, bmax.x), r.uniform(bmin.y, bmax.y), r.uniform(bmin.z, bmax.z)});
    };
    placement.project = [plane](const Vec3 &p) { return plane.onPlane(p); };
    placement.u = g->columnAxis();
    placement.v = g->rowAxis();
    return LesionModel::create(type, m_anatomy, rng, placement);
}

RenderedSample SampleFactory::render(TumourType type, Sequence sequence, const SliceGeometry &geometry,
                                     const LesionModel &lesion, int width, int height, const Appearance &appearance,
                                     DemoRng &rng) const
{
    RenderedSample out;
    out.type = type;
    out.sequence = sequence;
    out.lesion = lesion;
    out.plane = geometry.plane;
    out.sliceLevel = geometry.level();
    out.slice = m_renderer.render(sequence, geometry, lesion.isEmpty() ? nullptr : &lesion, width, height,
                                  appearance, rng);
    out.stats = MaskGeometry::stats(out.slice.mask);
    return out;
}

RenderedSample SampleFactory::make(TumourType type, Sequence sequence, int width, int height, DemoRng &rng,
                                   Framing framing, Plane plane) const
{
    const Appearance appearance = randomAppearance(rng);
    RenderedSample best;
    for (int attempt = 0; attempt < 4; ++attempt) {
        SliceGeometry g = randomPose(rng, plane);
        const LesionModel lesion = placeLesion(type, &g, rng);
        if (framing == Framing::CroppedToHead)
            frameHead(&g, lesion, sequence, width, height, appearance, rng);
        RenderedSample s = render(type, sequence, g, lesion, width, height, appearance, rng);
        // A tumour image must show its tumour: a cut that misses it is drawn again.
        if (type == TumourType::Healthy || s.stats.areaFraction >= 0.0008)
            return s;
        if (attempt == 0 || s.stats.pixels > best.stats.pixels)
            best = std::move(s);
    }
    return best;
}

void SampleFactory::frameHead(SliceGeometry *g, const LesionModel &lesion, Sequence sequence, int width, int height,
                              const Appearance &appearance, DemoRng &rng) const
{
    const int pw = 96, ph = std::max(16, int(std::lround(96.0 * height / width)));
    const RenderedSlice preview = m_renderer.render(sequence, *g, lesion.isEmpty() ? nullptr : &lesion, pw, ph, appearance, rng);
    int x0 = pw, y0 = ph, x1 = -1, y1 = -1;
    for (int y = 0; y < ph; ++y)
        for (int x = 0; x < pw; ++x)
            if (preview.image.at(x, y) > 40) {
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = std::max(y1, y);
            }
    if (x1 < x0 + 8 || y1 < y0 + 8)
        return;
    // The head's box in frame coordinates (mm), with a margin, widened to the output's aspect.
    const double pixel = g->fov / std::max(pw, ph);
    const double margin = rng.uniform(0.0, 0.06);
    double bw = (x1 - x0 + 1) * pixel * (1 + 2 * margin), bh = (y1 - y0 + 1) * pixel * (1 + 2 * margin);
    const double aspect = double(width) / height;
    if (bw / bh < aspect)
        bw = bh * aspect;
    else
        bh = bw / aspect;
    g->viewX += ((x0 + x1 + 1) / 2.0 - pw / 2.0) * pixel;
    g->viewY += ((y0 + y1 + 1) / 2.0 - ph / 2.0) * pixel;
    g->fov = width >= height ? bw : bh;
}

} // namespace neuroonco::demo
