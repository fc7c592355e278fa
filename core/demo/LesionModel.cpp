// Tumour-type priors (placement, size, signs) and the per-point evaluation of the lesion.
#include "core/demo/LesionModel.h"

#include "core/demo/Anatomy.h"
#include "core/demo/DemoRng.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace neuroonco::demo {

namespace {

double smoothstep(double e0, double e1, double x)
{
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

// Orthonormal frame whose first axis lies mostly in the image plane (spanned by u, v), so
// elongation and lobes show on the cut.
void randomFrame(DemoRng &rng, const Vec3 &u, const Vec3 &v, Vec3 axis[3])
{
    const double a = rng.uniform(0, 2 * M_PI);
    const Vec3 w = u.cross(v).normalized();
    axis[0] = (u * std::cos(a) + v * std::sin(a) + w * rng.uniform(-0.25, 0.25)).normalized();
    axis[1] = w.cross(axis[0]).normalized();
    const double t = rng.uniform(-0.3, 0.3); // small roll about the major axis
    const Vec3 third = axis[0].cross(axis[1]).normalized();
    axis[1] = (axis[1] * std::cos(t) + third * std::sin(t)).normalized();
    axis[2] = axis[0].cross(axis[1]).normalized();
}

constexpr int kFace = 25;

// Cube-map cell of a unit direction: face index and coordinates in [0, kFace - 1].
inline void cubeCoords(const Vec3 &d, int *face, double *u, double *v)
{
    const double ax = std::fabs(d.x), ay = std::fabs(d.y), az = std::fabs(d.z);
    double a, b, m;
    if (ax >= ay && ax >= az) {
        *face = d.x > 0 ? 0 : 1;
        a = d.y;
        b = d.z;
        m = ax;
    } else if (ay >= az) {
        *face = d.y > 0 ? 2 : 3;
        a = d.x;
        b = d.z;
        m = ay;
    } else {
        *face = d.z > 0 ? 4 : 5;
        a = d.x;
        b = d.y;
        m = az;
    }
    *u = (a / m + 1) * 0.5 * (kFace - 1);
    *v = (b / m + 1) * 0.5 * (kFace - 1);
}

inline Vec3 cubeDirection(int face, int i, int j)
{
    const double a = 2.0 * i / (kFace - 1) - 1, b = 2.0 * j / (kFace - 1) - 1;
    switch (face) {
    case 0: return Vec3{1, a, b}.normalized();
    case 1: return Vec3{-1, a, b}.normalized();
    case 2: return Vec3{a, 1, b}.normalized();
    case 3: return Vec3{a, -1, b}.normalized();
    case 4: return Vec3{a, b, 1}.normalized();
    default: return Vec3{a, b, -1}.normalized();
    }
}

inline float cubeLookup(const std::vector<float> &table, const Vec3 &d)
{
    int face;
    double u, v;
    cubeCoords(d, &face, &u, &v);
    const int i = std::min(int(u), kFace - 2), j = std::min(int(v), kFace - 2);
    const float fu = float(u - i), fv = float(v - j);
    const float *t = table.data() + size_t(face) * kFace * kFace;
    const float a = t[j * kFace + i] + fu * (t[j * kFace + i + 1] - t[j * kFace + i]);
    const float b = t[(j + 1) * kFace + i] + fu * (t[(j + 1) * kFace + i + 1] - t[(j + 1) * kFace + i]);
    return a + fv * (b - a);
}

struct Candidate
{
    bool found = false;
    Vec3 point;
    double depth = 0;
};

// Draws candidate points until `accept` holds; keeps the deepest brain point as a fallback.
template<typename Accept>
Candidate findPoint(const LesionModel::Placement &placement, const Anatomy &anatomy, DemoRng &rng, Accept accept,
                    int tries = 400)
{
    Candidate best;
    for (int i = 0; i < tries; ++i) {
        const Vec3 p = placement.randomPoint(rng);
        const Anatomy::Probe pr = anatomy.probe(p);
        const double brain = anatomy.value(Anatomy::ChBrain, pr);
        const double depth = anatomy.value(Anatomy::ChDepth, pr);
        const double white = anatomy.value(Anatomy::ChWhite, pr);
        if (brain > 0.5 && accept(depth, white, p)) {
            best.found = true;
            best.point = p;
            best.depth = depth;
            return best;
        }
        if (brain > 0.5 && depth > best.depth) {
            best.point = p;
            best.depth = depth;
        }
    }
    return best;
}

} // namespace

bool LesionModel::hasCore() const
{
    for (const Blob &b : m_blobs)
        if (b.coreFraction > 0)
            return true;
    return false;
}

void LesionModel::chooseSigns(DemoRng &rng)
{
    LesionSigns &s = m_signs;
    auto shape = [&](double round, double oval, double irregular, double lobulated) {
        s.shape = Shape(rng.weighted({round, oval, irregular, lobulated}));
    };
    double wellDefined = 0.5, heterogeneous = 0.5;
    // Enhancement weights (solid, ring, patchy), oedema weights (none, mild, extensive).
    std::array<double, 3> enh = {1, 0, 0}, edema = {1, 0, 0};
    // Signal weights per sequence as (hyper, hypo, iso, mixed).
    std::array<double, 4> t1 = {0, 1, 0, 0}, t2 = {1, 0, 0, 0};
    switch (m_type) {
    case TumourType::Glioma:
        shape(0.05, 0.1, 0.5, 0.35);
        wellDefined = 0.2;
        heterogeneous = 0.8;
        enh = {0.15, 0.6, 0.25};
        edema = {0, 0.3, 0.7};
        t1 = {0, 0.8, 0.1, 0.1};
        t2 = {0.8, 0, 0, 0.2};
        break;
    case TumourType::Meningioma:
        shape(0.5, 0.35, 0, 0.15);
        wellDefined = 0.9;
        heterogeneous = 0.2;
        enh = {0.9, 0, 0.1};
        edema = {0.3, 0.5, 0.2};
        t1 = {0, 0.4, 0.6, 0};
        t2 = {0.65, 0, 0.35, 0};
        break;
    case TumourType::Pituitary:
        shape(0.6, 0.4, 0, 0);
        wellDefined = 0.9;
        heterogeneous = 0.3;
        enh = {0.85, 0, 0.15};
        edema = {1, 0, 0};
        t1 = {0, 0.4, 0.6, 0};
        t2 = {0.6, 0, 0.4, 0};
        break;
    case TumourType::Metastasis:
        shape(0.7, 0.2, 0.1, 0);
        wellDefined = 0.6;
        heterogeneous = 0.5;
        enh = {0.4, 0.6, 0};
        edema = {0, 0.25, 0.75};
        t1 = {0, 0.6, 0.4, 0};
        t2 = {0.8, 0, 0, 0.2};
        break;
    case TumourType::Schwannoma:
        shape(0.4, 0.5, 0, 0.1);
        wellDefined = 0.95;
        heterogeneous = 0.4;
        enh = {0.7, 0.1, 0.2};
        edema = {0.7, 0.3, 0};
        t1 = {0, 0.5, 0.5, 0};
        t2 = {0.9, 0, 0, 0.1};
        break;
    case TumourType::Ependymoma:
        shape(0, 0.2, 0.3, 0.5);
        wellDefined = 0.5;
        heterogeneous = 0.85;
        enh = {0.2, 0.2, 0.6};
        edema = {0.2, 0.6, 0.2};
        t1 = {0, 0.6, 0.2, 0.2};
        t2 = {0.6, 0, 0, 0.4};
        break;
    case TumourType::Healthy: return;
    }
    s.margins = rng.chance(wellDefined) ? Margins::WellCircumscribed : Margins::IllDefined;
    s.texture = rng.chance(heterogeneous) ? Texture::Heterogeneous : Texture::Homogeneous;
    s.enhancement = Enhancement(rng.weighted(enh.data(), 3));
    s.edema = Edema(rng.weighted(edema.data(), 3));
    const bool necrotic = s.enhancement == Enhancement::Ring;
    auto pick = [&](const std::array<double, 4> &w) {
        Signal sig = Signal(rng.weighted(w.data(), 4));
        // A homogeneous lesion is not "mixed"; a necrotic one is never iso/hyper on T1.
        if (sig == Signal::Mixed && s.texture == Texture::Homogeneous)
            sig = w[0] > 0 ? Signal::Hyperintense : Signal::Hypointense;
        return sig;
    };
    s.signal[int(Sequence::T1)] = pick(t1);
    if (necrotic && s.signal[int(Sequence::T1)] == Signal::Isointense)
        s.signal[int(Sequence::T1)] = Signal::Hypointense;
    s.signal[int(Sequence::T2)] = pick(t2);
    s.signal[int(Sequence::Flair)] = rng.chance(0.75) ? s.signal[int(Sequence::T2)] : pick(t2);
    s.signal[int(Sequence::T1ce)] = s.enhancement == Enhancement::Solid ? Signal::Hyperintense : Signal::Mixed;

    // Intensity factors relative to white matter for the solid tumour.
    auto factors = [&](Sequence q, float *high, float *low) {
        const int i = int(q);
        const double hyper = q == Sequence::T1 ? rng.uniform(1.22, 1.32)
                                               : (q == Sequence::T2 ? rng.uniform(2.0, 2.4) : rng.uniform(1.75, 2.05));
        const double hypo = rng.uniform(0.55, 0.7);
        const double iso = rng.uniform(0.97, 1.03);
        switch (s.signal[i]) {
        case Signal::Hyperintense: *high = *low = float(hyper); break;
        case Signal::Hypointense: *high = *low = float(hypo); break;
        case Signal::Isointense: *high = *low = float(iso); break;
        case Signal::Mixed: *high = float(hyper); *low = float(hypo); break;
        }
    };
    for (Sequence q : {Sequence::T1, Sequence::T2, Sequence::Flair})
        factors(q, &m_solidHigh[int(q)], &m_solidLow[int(q)]);
    // The non-enhancing part on T1CE looks like T1.
    m_solidHigh[int(Sequence::T1ce)] = m_solidHigh[int(Sequence::T1)];
    m_solidLow[int(Sequence::T1ce)] = m_solidLow[int(Sequence::T1)];
    m_coreLevel[int(Sequence::T1)] = float(rng.uniform(0.18, 0.26));
    m_coreLevel[int(Sequence::T2)] = float(rng.uniform(0.9, 1.0));
    m_coreLevel[int(Sequence::Flair)] = s.signal[int(Sequence::Flair)] == Signal::Mixed ? float(rng.uniform(0.22, 0.32))
                                                                                     : float(rng.uniform(0.64, 0.78));
    m_coreLevel[int(Sequence::T1ce)] = float(rng.uniform(0.16, 0.24));
    m_edemaLevel[int(Sequence::T2)] = float(rng.uniform(1.5, 1.7));
    m_edemaLevel[int(Sequence::Flair)] = float(rng.uniform(1.45, 1.65));
    m_enhancement = float(rng.uniform(1.5, 1.8));
    m_textureAmount = s.texture == Texture::Heterogeneous ? float(rng.uniform(0.16, 0.24)) : 0.035f;
    m_marginWidth = s.margins == Margins::WellCircumscribed ? 0.035 : rng.uniform(0.16, 0.24);
}

void LesionModel::addBlob(const Vec3 &centre, double radius, DemoRng &rng, double aspectLow, double aspectHigh)
{
    Blob b;
    b.centre = centre;
    b.radius = radius;
    randomFrame(rng, m_planeU, m_planeV, b.axis);
    double aspect = rng.uniform(aspectLow, aspectHigh);
    if (m_signs.shape == Shape::Oval && aspectLow < 1.3)
        aspect = rng.uniform(1.4, 2.0);
    b.scale[0] = radius * std::pow(aspect, 2.0 / 3.0);
    b.scale[1] = radius * std::pow(aspect, -1.0 / 3.0) * rng.uniform(0.95, 1.05);
    b.scale[2] = radius * std::pow(aspect, -1.0 / 3.0) * rng.uniform(0.95, 1.05);
    double lobeMax = 0;
    switch (m_signs.shape) {
    case Shape::Round:
    case Shape::Oval: b.roughness = rng.uniform(0.02, 0.04); break;
    case Shape::Lobulated: {
        const int count = rng.range(3, 5);
        const double start = rng.uniform(0, 2 * M_PI);
        for (int k = 0; k < count; ++k) {
            const double a = start + 2 * M_PI * (k + rng.uniform(-0.2, 0.2)) / count;
            const double amp = rng.uniform(0.25, 0.42);
            lobeMax = std::max(lobeMax, amp);
            const Vec3 w = m_planeU.cross(m_planeV);
            b.lobes.push_back((m_planeU * std::cos(a) + m_planeV * std::sin(a) + w * rng.uniform(-0.3, 0.3)).normalized() * amp);
        }
        b.roughness = 0.04;
        break;
    }
    case Shape::Irregular:
        b.roughness = rng.uniform(0.16, 0.26);
        b.spikes = rng.uniform(0.1, 0.2);
        break;
    }
    const bool necrotic = m_signs.enhancement == Enhancement::Ring && radius >= 4.5;
    b.coreFraction = necrotic ? rng.uniform(0.45, 0.68) : 0.0;
    if (m_signs.edema == Edema::Mild)
        b.edemaExtent = rng.uniform(0.25, 0.45);
    else if (m_signs.edema == Edema::Extensive)
        b.edemaExtent = radius < 10 ? rng.uniform(1.5, 2.6) : (radius < 20 ? rng.uniform(0.9, 1.5) : rng.uniform(0.6, 1.1));
    const double maxScale = std::max({b.scale[0], b.scale[1], b.scale[2]});
    const double outlineMax = 1 + lobeMax + b.roughness + 2 * b.spikes + m_marginWidth + 0.1;
    b.influence = maxScale * outlineMax * (1 + b.edemaExtent * 1.4);
    tabulate(b);
    m_blobs.push_back(b);
}

LesionModel LesionModel::create(TumourType type, const Anatomy &anatomy, DemoRng &rng, const Placement &placement)
{
    LesionModel m;
    m.m_type = type;
    if (type == TumourType::Healthy)
        return m;
    m.m_planeU = placement.u;
    m.m_planeV = placement.v;
    m.m_shapeNoise = ValueNoise(rng.derive());
    m.m_textureNoise = ValueNoise(rng.derive());
    m.chooseSigns(rng);
    const double aspectLow = m.m_signs.shape == Shape::Round ? 1.0 : 1.05;
    const double aspectHigh = m.m_signs.shape == Shape::Round ? 1.12 : 1.35;
    auto massEffect = [&](double lo, double hi) { m.m_blobs.back().massEffect = rng.uniform(lo, hi); };
    const Vec3 centre = anatomy.brainCentre();
    auto planar = [&](const Vec3 &d) { return std::hypot(d.dot(placement.u), d.dot(placement.v)); };

    switch (type) {
    case TumourType::Glioma: {
        double r = rng.chance(0.3) ? rng.uniform(20, 30) : rng.uniform(9, 20);
        // Gliomas grow in the hemispheres: a drawn eccentricity keeps them off the image centre
        // as often as they are on it.
        const double eccentric = rng.uniform(0, 55);
        Candidate c = findPoint(placement, anatomy, rng, [&](double depth, double white, const Vec3 &p) {
            return depth >= std::max(6.0, 0.55 * r) && white > 0.3 && planar(p - centre) >= eccentric;
        });
        if (!c.found)
            c = findPoint(placement, anatomy, rng, [&](double depth, double white, const Vec3 &) {
                return depth >= std::max(6.0, 0.55 * r) && white > 0.3;
            });
        if (!c.found)
            r = std::clamp(c.depth / 0.55, 6.0, r);
        m.addBlob(c.point, r, rng, aspectLow, aspectHigh);
        massEffect(0.25, 0.45);
        if (rng.chance(0.25)) {
            const int satellites = rng.range(1, 2);
            for (int k = 0; k < satellites; ++k) {
                const double a = rng.uniform(0, 2 * M_PI);
                const double dist = r * rng.uniform(1.35, 1.75);
                const Vec3 p = placement.project(c.point + (placement.u * std::cos(a) + placement.v * std::sin(a)) * dist);
                if (anatomy.value(Anatomy::ChBrain, p) > 0.9)
                    m.addBlob(p, r * rng.uniform(0.18, 0.3), rng, 1.0, 1.2);
            }
        }
        break;
    }
    case TumourType::Meningioma: {
        const double r = rng.uniform(9, 26);
        Candidate c = findPoint(placement, anatomy, rng, [](double depth, double, const Vec3 &) { return depth > 0.5 && depth < 3.5; });
        Vec3 n = anatomy.outwardNormal(c.point);
        n = (placement.u * n.dot(placement.u) + placement.v * n.dot(placement.v)).normalized();
        // Dural based: centred just outside the cortex and cut by the skull's inner table.
        m.addBlob(placement.project(c.point + n * (0.2 * r)), r, rng, aspectLow, aspectHigh);
        massEffect(0.55, 0.75);
        break;
    }
    case TumourType::Pituitary: {
        const double r = rng.uniform(5, 13);
        const Vec3 jitter{rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5), 0.25 * r};
        m.addBlob(placement.project(anatomy.landmarks().sella + jitter), r, rng, 1.0, 1.15);
        Blob &b = m.m_blobs.back();
        // Macroadenomas grow upwards: stretch along z.
        b.axis[0] = {1, 0, 0};
        b.axis[1] = {0, 1, 0};
        b.axis[2] = {0, 0, 1};
        b.scale[2] = r * rng.uniform(1.15, 1.5);
        b.influence = std::max(b.influence, b.scale[2] * 1.3);
        massEffect(0.1, 0.25);
        break;
    }
    case TumourType::Metastasis: {
        const int count = 1 + rng.weighted({0.4, 0.25, 0.2, 0.15});
        for (int k = 0; k < count; ++k) {
            const double r = k == 0 ? rng.uniform(5, 13) : rng.uniform(3.5, 9);
            const double eccentric = rng.uniform(0, 60);
            Candidate c = findPoint(placement, anatomy, rng, [&](double depth, double, const Vec3 &p) {
                return depth > 2.5 && depth < 24 && planar(p - centre) >= eccentric;
            });
            bool clear = true;
            for (const Blob &o : m.m_blobs)
                clear = clear && (o.centre - c.point).norm() > o.radius + r + 8;
            if (k > 0 && (!c.found || !clear))
                continue;
            m.addBlob(c.point, r, rng, aspectLow, aspectHigh);
            massEffect(0.15, 0.3);
        }
        break;
    }
    case TumourType::Schwannoma: {
        const double r = rng.uniform(7, 15);
        const bool left = rng.chance(0.5);
        const Vec3 cpa = left ? anatomy.landmarks().cpaLeft : anatomy.landmarks().cpaRight;
        const Vec3 lateral{left ? 0.25 * r : -0.25 * r, rng.uniform(-2, 2), 0};
        m.addBlob(placement.project(cpa + lateral), r, rng, aspectLow, aspectHigh);
        massEffect(0.3, 0.5);
        break;
    }
    case TumourType::Ependymoma: {
        // Posterior fossa when the plane (or volume) reaches the fourth ventricle.
        const Vec3 v4 = anatomy.landmarks().fourthVentricle;
        if ((placement.project(v4) - v4).norm() < 6) {
            const double r = rng.uniform(9, 18);
            m.addBlob(placement.project(v4), r, rng, aspectLow, aspectHigh);
        } else {
            double r = rng.uniform(10, 20);
            Candidate c = findPoint(placement, anatomy, rng, [&](double depth, double, const Vec3 &) { return depth > 0.6 * r; });
            if (!c.found)
                r = std::clamp(c.depth / 0.6, 6.0, r);
            m.addBlob(c.point, r, rng, aspectLow, aspectHigh);
        }
        massEffect(0.3, 0.45);
        break;
    }
    case TumourType::Healthy: break;
    }
    for (Blob &b : m.m_blobs)
        b.influence = std::max(b.influence, b.radius * (1 + 3.0 * b.massEffect));
    // Tumours stay inside the skull; the sellar and cerebellopontine ones sit in cisterns and
    // bone the brain mask does not cover, so they are left unclipped.
    m.m_clipIntracranial = type != TumourType::Pituitary && type != TumourType::Schwannoma;
    return m;
}

double LesionModel::outline(const Blob &b, const Vec3 &dir) const
{
    double r = 1;
    for (const Vec3 &lobe : b.lobes) {
        const double amp = lobe.norm();
        const double c = std::max(0.0, dir.dot(lobe) / amp);
        const double c2 = c * c;
        r += amp * c2 * c2 * c2;
    }
    if (b.roughness > 0)
        r += b.roughness * m_shapeNoise.fractal(dir * 2.2 + b.centre * 0.01, 2);
    if (b.spikes > 0) {
        const double s = std::max(0.0, m_shapeNoise.at(dir * 6.0 + Vec3{13, 7, 3}));
        r += 2 * b.spikes * s * s;
    }
    return std::max(r, 0.35);
}

void LesionModel::tabulate(Blob &b) const
{
    b.outlineTable.resize(size_t(6 * kFace * kFace));
    b.coreTable.resize(b.outlineTable.size());
    for (int f = 0; f < 6; ++f)
        for (int j = 0; j < kFace; ++j)
            for (int i = 0; i < kFace; ++i) {
                const Vec3 d = cubeDirection(f, i, j);
                const size_t k = size_t((f * kFace + j) * kFace + i);
                b.outlineTable[k] = float(outline(b, d));
                b.coreTable[k] = float(b.coreFraction * (1 + 0.15 * m_shapeNoise.at(d * 3.0 + Vec3{11, 2, 5})));
            }
}

bool LesionModel::isEnhancing(const Sample &s) const
{
    switch (m_signs.enhancement) {
    case Enhancement::Solid: return true;
    case Enhancement::Ring: return s.core < 0.5f;
    case Enhancement::Patchy: return smoothstep(-0.3, 0.4, 0.5 * s.grain + 0.7 * s.patch) > 0.5;
    }
    return true;
}

bool LesionModel::influences(const Vec3 &p) const
{
    for (const Blob &b : m_blobs) {
        const Vec3 v = p - b.centre;
        if (v.dot(v) < b.influence * b.influence)
            return true;
    }
    return false;
}

Vec3 LesionModel::displacedSource(const Vec3 &p) const
{
    Vec3 src = p;
    for (const Blob &b : m_blobs) {
        if (b.massEffect <= 0)
            continue;
        const Vec3 v = p - b.centre;
        const double r = v.norm();
        const double k = b.massEffect * b.radius;
        if (r < 1e-6 || r > b.radius * (1 + 3.0 * b.massEffect))
            continue;
        // Volume-preserving push: the shell at r came from radius cbrt(r³ − k³); faded out at
        // the edge of the influence sphere so there is no seam.
        const double fromR = std::cbrt(std::max(0.0, r * r * r - k * k * k));
        const double fade = 1 - smoothstep(b.radius * (1 + 2.0 * b.massEffect), b.radius * (1 + 3.0 * b.massEffect), r);
        src = src - v * ((1 - fromR / r) * fade);
    }
    return src;
}

LesionModel::Sample LesionModel::evaluate(const Vec3 &p, const Anatomy &anatomy, const Vec3 &source) const
{
    Sample s;
    for (const Blob &b : m_blobs) {
        const Vec3 v = p - b.centre;
        if (v.dot(v) > b.influence * b.influence)
            continue;
        const Vec3 local{v.dot(b.axis[0]) / b.scale[0], v.dot(b.axis[1]) / b.scale[1], v.dot(b.axis[2]) / b.scale[2]};
        const double r = local.norm();
        const Vec3 dir = r > 1e-9 ? local * (1.0 / r) : Vec3{0, 0, 1};
        const double q = r / cubeLookup(b.outlineTable, dir);
        if (q < 1 + m_marginWidth + 0.1) {
            double qe = q;
            if (m_signs.margins == Margins::IllDefined)
                qe += 0.07 * m_textureNoise.at(p * (1.0 / 3.0));
            const double tumour = 1 - smoothstep(1 - m_marginWidth, 1 + m_marginWidth, qe);
            s.tumour = std::max(s.tumour, float(tumour));
            s.inMask = s.inMask || qe < 1;
            if (b.coreFraction > 0) {
                const double qc = cubeLookup(b.coreTable, dir);
                s.core = std::max(s.core, float(1 - smoothstep(qc - 0.05, qc + 0.05, q)));
            }
        }
        if (b.edemaExtent > 0 && q < 1 + 1.4 * b.edemaExtent) {
            const double ext = b.edemaExtent * (1 + 0.35 * m_textureNoise.at(p * (1.0 / 14.0) + Vec3{5, 5, 5}));
            // A plateau next to the tumour, then a fall-off: oedema is brightest where it is thickest.
            const double reach = std::max(ext, 0.1);
            s.edema = std::max(s.edema, float(1 - smoothstep(1.0 + 0.35 * reach, 1.0 + reach, q)));
        }
    }
    if (m_clipIntracranial && (s.tumour > 0 || s.inMask)) {
        const float icv = anatomy.value(Anatomy::ChIntracranial, p);
        s.tumour *= icv;
        s.inMask = s.inMask && icv >= 0.5f;
    }
    if (s.edema > 0) {
        // Vasogenic oedema tracks white matter and spares cortex.
        const Anatomy::Probe pr = anatomy.probe(source);
        const float white = anatomy.value(Anatomy::ChWhite, pr);
        const float brain = anatomy.value(Anatomy::ChBrain, pr);
        s.edema *= brain * (0.15f + 0.85f * white);
    }
    if (s.tumour > 0) {
        s.patch = float(m_textureNoise.fractal(p * (1.0 / 7.0), 2));
        s.grain = float(m_textureNoise.at(p * (1.0 / 2.2) + Vec3{31, 17, 3}));
    }
    return s;
}

float LesionModel::shade(Sequence seq, const Sample &s, float background) const
{
    const int i = int(seq);
    const float wm = Anatomy::whiteMatterLevel(seq);
    float b = background;
    if (s.edema > 0) {
        if (seq == Sequence::T2 || seq == Sequence::Flair)
            b += s.edema * std::max(0.f, wm * m_edemaLevel[i] - b);
        else
            b *= 1 - 0.12f * s.edema;
    }
    if (s.tumour <= 0)
        return b;
    const float tex = 1 + m_textureAmount * (0.7f * s.patch + 0.5f * s.grain);
    const float mix = float(smoothstep(-0.45, 0.45, s.patch));
    float solid = wm * (m_solidLow[i] + (m_solidHigh[i] - m_solidLow[i]) * mix) * tex;
    if (seq == Sequence::T1ce) {
        const float enhanced = wm * m_enhancement * tex;
        if (m_signs.enhancement == Enhancement::Patchy) {
            const float patchy = float(smoothstep(-0.3, 0.4, 0.5 * s.grain + 0.7 * s.patch));
            solid += patchy * (enhanced - solid);
        } else {
            solid = enhanced;
        }
    }
    const float core = m_coreLevel[i] * (1 + 0.05f * s.grain);
    const float tumour = solid + s.core * (core - solid);
    return b + s.tumour * (tumour - b);
}

} // namespace neuroonco::demo
