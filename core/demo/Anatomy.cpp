// Derivation of the four contrasts from one T1 volume: tissue classes from a 3-means fit of the
// brain's T1 histogram, then a per-tissue transfer function (CSF bright on T2, dark on FLAIR…)
// interpolated between class means so the template's partial-volume detail survives.
#include "core/demo/Anatomy.h"

#include "core/imaging/VolumeIO.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace neuroonco::demo {

namespace {

constexpr float kStoreScale = 200.f; // uint8 value = intensity × 200

// Tissue intensities per sequence, rows CSF / grey / white matter (columns T1, T2, FLAIR, T1CE).
constexpr float kTissue[3][kSequenceCount] = {
    {0.16f, 1.00f, 0.10f, 0.16f},
    {0.48f, 0.56f, 0.60f, 0.48f},
    {0.72f, 0.40f, 0.44f, 0.72f},
};

// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher): squared distances along
// x, then y, then z; returns the distance in voxels to the nearest voxel where `feature` is set.
void distance1d(const float *f, int n, float *d, int *v, double *z)
{
    auto intersect = [f](int q, int p) {
        return ((double(f[q]) + double(q) * q) - (double(f[p]) + double(p) * p)) / (2.0 * (q - p));
    };
    int k = 0;
    v[0] = 0;
    z[0] = -1e300;
    z[1] = 1e300;
    for (int q = 1; q < n; ++q) {
        double s = intersect(q, v[k]);
        while (s <= z[k]) {
            --k;
            s = intersect(q, v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = 1e300;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q)
            ++k;
        const float dq = float(q - v[k]);
        d[q] = dq * dq + f[v[k]];
    }
}

std::vector<float> distanceTransform(int nx, int ny, int nz, const std::vector<std::uint8_t> &feature)
{
    const size_t n = size_t(nx) * size_t(ny) * size_t(nz);
    const float inf = 1e12f;
    std::vector<float> g(n);
    for (size_t i = 0; i < n; ++i)
        g[i] = feature[i] ? 0.f : inf;
    const int longest = std::max({nx, ny, nz});
    const size_t len = static_cast<size_t>(longest);
    std::vector<float> f(len), d(len);
    std::vector<double> z(len + 1);
    std::vector<int> v(len);
    auto run = [&](size_t start, size_t stride, int count) {
        bool any = false;
        for (int i = 0; i < count; ++i) {
            f[size_t(i)] = g[start + size_t(i) * stride];
            any = any || f[size_t(i)] < inf;
        }
        if (!any)
            return;
        distance1d(f.data(), count, d.data(), v.data(), z.data());
        for (int i = 0; i < count; ++i)
            g[start + size_t(i) * stride] = d[size_t(i)];
    };
    const size_t sy = size_t(nx), sz = size_t(nx) * size_t(ny);
    for (int zz = 0; zz < nz; ++zz)
        for (int y = 0; y < ny; ++y)
            run(size_t(zz) * sz + size_t(y) * sy, 1, nx);
    for (int zz = 0; zz < nz; ++zz)
        for (int x = 0; x < nx; ++x)
            run(size_t(zz) * sz + size_t(x), sy, ny);
    for (int y = 0; y < ny; ++y)
        for (int x = 0; x < nx; ++x)
            run(size_t(y) * sy + size_t(x), sz, nz);
    for (float &x : g)
        x = std::sqrt(x);
    return g;
}

// 1D three-means on the brain's T1 values; returns the class means in ascending order.
std::array<double, 3> threeMeans(const std::vector<float> &t1, const std::vector<std::uint8_t> &brain)
{
    float lo = 1e30f, hi = -1e30f;
    for (size_t i = 0; i < t1.size(); ++i)
        if (brain[i]) {
            lo = std::min(lo, t1[i]);
            hi = std::max(hi, t1[i]);
        }
    constexpr int bins = 512;
    std::vector<double> hist(bins, 0.0);
    const double width = hi > lo ? (hi - lo) / bins : 1.0;
    double total = 0;
    for (size_t i = 0; i < t1.size(); ++i)
        if (brain[i]) {
            hist[size_t(std::clamp(int((t1[i] - lo) / width), 0, bins - 1))] += 1;
            total += 1;
        }
    auto percentile = [&](double p) {
        double acc = 0;
        for (int b = 0; b < bins; ++b) {
            acc += hist[size_t(b)];
            if (acc >= p * total)
                return lo + (b + 0.5) * width;
        }
        return double(hi);
    };
    std::array<double, 3> m{percentile(0.1), percentile(0.5), percentile(0.9)};
    for (int it = 0; it < 50; ++it) {
        std::array<double, 3> sum{}, count{};
        for (int b = 0; b < bins; ++b) {
            const double v = lo + (b + 0.5) * width;
            int k = 0;
            for (int j = 1; j < 3; ++j)
                if (std::fabs(v - m[size_t(j)]) < std::fabs(v - m[size_t(k)]))
                    k = j;
            sum[size_t(k)] += v * hist[size_t(b)];
            count[size_t(k)] += hist[size_t(b)];
        }
        for (int j = 0; j < 3; ++j)
            if (count[size_t(j)] > 0)
                m[size_t(j)] = sum[size_t(j)] / count[size_t(j)];
    }
    std::sort(m.begin(), m.end());
    return m;
}

std::uint8_t store(float v, float scale = kStoreScale)
{
    return std::uint8_t(std::clamp(std::lround(v * scale), 0L, 255L));
}

} // namespace

Result<std::shared_ptr<const Anatomy>> Anatomy::loadTemplate(const QString &t1Path, const QString &brainPath)
{
    Result<Volume> t1 = volumeio::readNifti(t1Path);
    if (!t1)
        return t1.error();
    Result<Volume> brain = volumeio::readNifti(brainPath);
    if (!brain)
        return brain.error();
    if (t1->dims != brain->dims)
        return Error(ErrorCode::InvalidArgument, brainPath, QStringLiteral("brain mask and T1 differ in size"));
    if (volumeio::axialAxis(*t1) != 2)
        return Error(ErrorCode::Unsupported, t1Path, QStringLiteral("the template must be stored axially"));
    AnatomySource src;
    src.name = QStringLiteral("mricron-ch2");
    src.nz = volumeio::axialSliceCount(*t1);
    src.spacing = t1->spacing[0];
    for (int z = 0; z < src.nz; ++z) {
        const FloatImage a = volumeio::axialSlice(*t1, z);
        const FloatImage b = volumeio::axialSlice(*brain, z);
        if (z == 0) {
            src.nx = a.width;
            src.ny = a.height;
            src.t1.reserve(size_t(a.width) * size_t(a.height) * size_t(src.nz));
            src.brain.reserve(src.t1.capacity());
        }
        src.t1.insert(src.t1.end(), a.pixels.begin(), a.pixels.end());
        for (float v : b.pixels)
            src.brain.push_back(v > 0.5f ? 1 : 0);
    }
    // The template is in MNI space: place the landmarks from MNI coordinates (RAS, mm) through
    // the file's geometry and the same flips axialSlice applies.
    const bool flipColumns = t1->direction[0] < 0;
    const bool flipRows = t1->direction[4] < 0;
    auto fromMni = [&](double x, double y, double z) {
        const double lps[3] = {-x, -y, z};
        double idx[3];
        for (int d = 0; d < 3; ++d)
            idx[d] = (lps[d] - t1->origin[size_t(d)]) / (t1->direction[size_t(d * 4)] * t1->spacing[size_t(d)]);
        const double col = flipColumns ? src.nx - 1 - idx[0] : idx[0];
        const double row = flipRows ? src.ny - 1 - idx[1] : idx[1];
        return Vec3{col * src.spacing, row * src.spacing, idx[2] * src.spacing};
    };
    src.landmarks.sella = fromMni(0, 2, -30);
    src.landmarks.cpaRight = fromMni(22, -30, -36);
    src.landmarks.cpaLeft = fromMni(-22, -30, -36);
    src.landmarks.fourthVentricle = fromMni(0, -48, -30);
    return fromSource(std::move(src));
}

std::shared_ptr<const Anatomy> Anatomy::fromSource(AnatomySource source)
{
    std::shared_ptr<Anatomy> a(new Anatomy);
    a->derive(source);
    return a;
}

void Anatomy::derive(const AnatomySource &src)
{
    m_name = src.name;
    m_nx = src.nx;
    m_ny = src.ny;
    m_nz = src.nz;
    m_spacing = src.spacing;
    m_landmarks = src.landmarks;
    const size_t n = src.t1.size();

    int lo[3] = {m_nx, m_ny, m_nz}, hi[3] = {0, 0, 0};
    for (int z = 0; z < m_nz; ++z)
        for (int y = 0; y < m_ny; ++y)
            for (int x = 0; x < m_nx; ++x)
                if (src.brain[(size_t(z) * size_t(m_ny) + size_t(y)) * size_t(m_nx) + size_t(x)]) {
                    const int p[3] = {x, y, z};
                    for (int d = 0; d < 3; ++d) {
                        lo[d] = std::min(lo[d], p[d]);
                        hi[d] = std::max(hi[d], p[d]);
                    }
                }
    m_brainMin = Vec3{double(lo[0]), double(lo[1]), double(lo[2])} * m_spacing;
    m_brainMax = Vec3{double(hi[0]), double(hi[1]), double(hi[2])} * m_spacing;

    const std::array<double, 3> means = threeMeans(src.t1, src.brain);
    const double mC = means[0], mG = means[1], mW = means[2];

    const std::vector<float> outside = distanceTransform(m_nx, m_ny, m_nz, src.brain);
    std::vector<std::uint8_t> notBrain(n);
    for (size_t i = 0; i < n; ++i)
        notBrain[i] = src.brain[i] ? 0 : 1;
    const std::vector<float> depth = distanceTransform(m_nx, m_ny, m_nz, notBrain);

    for (auto &c : m_channels)
        c.assign(n, 0);
    for (int c = 0; c < ChannelCount; ++c)
        m_channelScale[c] = 1.f / kStoreScale;
    m_channelScale[ChBrain] = m_channelScale[ChWhite] = m_channelScale[ChIntracranial] = 1.f / 255.f;
    m_channelScale[ChDepth] = 1.f;
    m_tissue.assign(n, Background);
    const float sp = float(m_spacing);
    for (size_t i = 0; i < n; ++i) {
        const double v = src.t1[i];
        // Partial-volume weights of CSF, grey and white matter from the position between means.
        double w[3] = {0, 0, 0};
        if (v <= mC) {
            w[0] = 1;
        } else if (v < mG) {
            const double t = (v - mC) / (mG - mC);
            w[0] = 1 - t;
            w[1] = t;
        } else if (v < mW) {
            const double t = (v - mG) / (mW - mG);
            w[1] = 1 - t;
            w[2] = t;
        } else {
            w[2] = 1;
        }
        const float outMm = outside[i] * sp;
        // Just outside the mask is subarachnoid CSF and dura: shaded like brain, so CSF glows on
        // T2; farther out the head keeps its T1 look scaled per sequence.
        const float brainLike = src.brain[i] ? 1.f : std::clamp((4.f - outMm) / 2.f, 0.f, 1.f);
        const float head = float(std::min(1.25, 0.72 * v / mW));
        float seq[kSequenceCount];
        for (int s = 0; s < kSequenceCount; ++s) {
            const float inBrain = float(w[0] * kTissue[0][s] + w[1] * kTissue[1][s] + w[2] * kTissue[2][s]);
            static const float headFactor[kSequenceCount] = {1.f, 0.6f, 0.5f, 1.05f};
            seq[s] = brainLike * inBrain + (1 - brainLike) * head * headFactor[s];
        }
        // Post-contrast: dura and mucosa enhance a little.
        if (!src.brain[i] && outMm > 0.5f && outMm < 3.5f)
            seq[int(Sequence::T1ce)] += 0.08f;
        for (int s = 0; s < kSequenceCount; ++s)
            m_channels[s][i] = store(seq[s]);
        m_channels[ChBrain][i] = src.brain[i] ? 255 : 0;
        m_channels[ChWhite][i] = src.brain[i] ? store(float(w[2]), 255.f) : 0;
        m_channels[ChDepth][i] = src.brain[i] ? store(depth[i] * sp, 1.f) : 0;
        m_channels[ChIntracranial][i] = (src.brain[i] || outMm <= 4.f) ? 255 : 0;
        if (src.brain[i] || (brainLike > 0.5f && w[0] > 0.5))
            m_tissue[i] = w[0] >= w[1] && w[0] >= w[2] ? Csf : (w[1] >= w[2] ? Grey : White);
        else
            m_tissue[i] = head > 0.08f ? Head : Background;
    }
}

Anatomy::Tissue Anatomy::tissue(const Probe &p) const
{
    if (!p.inside)
        return Background;
    const size_t sx = p.fx >= 0.5f ? 1 : 0;
    const size_t sy = p.fy >= 0.5f ? size_t(m_nx) : 0;
    const size_t sz = p.fz >= 0.5f ? size_t(m_nx) * size_t(m_ny) : 0;
    return Tissue(m_tissue[p.base + sx + sy + sz]);
}

Vec3 Anatomy::outwardNormal(const Vec3 &mm) const
{
    const double h = 2.0;
    const Vec3 grad{value(ChDepth, mm + Vec3{h, 0, 0}) - value(ChDepth, mm - Vec3{h, 0, 0}),
                    value(ChDepth, mm + Vec3{0, h, 0}) - value(ChDepth, mm - Vec3{0, h, 0}),
                    value(ChDepth, mm + Vec3{0, 0, h}) - value(ChDepth, mm - Vec3{0, 0, h})};
    const Vec3 radial = (mm - brainCentre()).normalized();
    const Vec3 inward = grad.normalized();
    if (grad.norm() < 1e-6)
        return radial;
    return (radial * 0.3 - inward).normalized();
}

float Anatomy::whiteMatterLevel(Sequence s)
{
    return kTissue[2][int(s)];
}

} // namespace neuroonco::demo
