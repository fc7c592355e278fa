// The per-pixel loop is the generator's hot path: plane coordinates come from a coarse grid
// interpolated bilinearly, and lesion maths only runs inside the lesion's influence sphere.
#include "core/demo/SliceRenderer.h"

#include "core/demo/Anatomy.h"
#include "core/demo/DemoRng.h"
#include "core/demo/LesionModel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace neuroonco::demo {

namespace {

constexpr int kGrid = 17;
constexpr double kInternalPixelMm = 0.85;
constexpr int kHistogramBins = 4096;
constexpr float kHistogramMax = 2.0f;

Anatomy::Channel channelFor(Sequence s)
{
    switch (s) {
    case Sequence::T1: return Anatomy::ChT1;
    case Sequence::T2: return Anatomy::ChT2;
    case Sequence::Flair: return Anatomy::ChFlair;
    case Sequence::T1ce: return Anatomy::ChT1ce;
    }
    return Anatomy::ChT1;
}

// Bilinear resampling with pixel centres aligned (same convention as imageops), with the
// per-column weights computed once: this runs on every output pixel.
FloatImage upsample(const FloatImage &in, int width, int height, int firstRow = 0, int lastRow = -1)
{
    FloatImage out{width, height, std::vector<float>(size_t(width) * size_t(height))};
    std::vector<int> x0(static_cast<size_t>(width)), x1(static_cast<size_t>(width));
    std::vector<float> wx(static_cast<size_t>(width));
    const double sx = double(in.width) / width, sy = double(in.height) / height;
    for (int x = 0; x < width; ++x) {
        const double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, double(in.width - 1));
        x0[size_t(x)] = int(fx);
        x1[size_t(x)] = std::min(x0[size_t(x)] + 1, in.width - 1);
        wx[size_t(x)] = float(fx - x0[size_t(x)]);
    }
    if (lastRow < 0)
        lastRow = height - 1;
    for (int y = firstRow; y <= lastRow; ++y) {
        const double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, double(in.height - 1));
        const int y0 = int(fy), y1 = std::min(y0 + 1, in.height - 1);
        const float wy = float(fy - y0);
        const float *r0 = in.pixels.data() + size_t(y0) * size_t(in.width);
        const float *r1 = in.pixels.data() + size_t(y1) * size_t(in.width);
        float *o = out.pixels.data() + size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x) {
            const size_t a = size_t(x0[size_t(x)]), b = size_t(x1[size_t(x)]);
            const float w = wx[size_t(x)];
            const float top = r0[a] + w * (r0[b] - r0[a]);
            const float bottom = r1[a] + w * (r1[b] - r1[a]);
            o[x] = top + wy * (bottom - top);
        }
    }
    return out;
}

} // namespace

Vec3 SliceGeometry::columnAxis() const
{
    return plane == Plane::Sagittal ? Vec3{0, 1, 0} : Vec3{1, 0, 0};
}

Vec3 SliceGeometry::rowAxis() const
{
    return plane == Plane::Axial ? Vec3{0, 1, 0} : Vec3{0, 0, -1};
}

Vec3 SliceGeometry::normal() const
{
    switch (plane) {
    case Plane::Axial: return {0, 0, 1};
    case Plane::Coronal: return {0, 1, 0};
    case Plane::Sagittal: return {1, 0, 0};
    }
    return {0, 0, 1};
}

Vec3 SliceGeometry::onPlane(const Vec3 &p) const
{
    const Vec3 n = normal();
    const Vec3 d = p - pivot;
    const double depth = n.dot(pivot) + pitch * d.dot(rowAxis()) + roll * d.dot(columnAxis());
    return p + n * (depth - n.dot(p));
}

void SliceGeometry::passThrough(const Vec3 &p)
{
    const Vec3 n = normal();
    const Vec3 d = p - pivot;
    const double depth = n.dot(p) - pitch * d.dot(rowAxis()) - roll * d.dot(columnAxis());
    setLevel(depth);
}

void SliceGeometry::setLevel(double mm)
{
    const Vec3 n = normal();
    pivot = pivot + n * (mm - n.dot(pivot));
}

Vec3 SliceGeometry::worldPoint(double px, double py, int width, int height) const
{
    const double pixel = fov / std::max(width, height);
    double a = (px + 0.5 - width / 2.0) * pixel + viewX;
    double b = (py + 0.5 - height / 2.0) * pixel + viewY;
    if (flip)
        a = -a;
    double da = 0, db = 0;
    for (const Wave &w : waves) {
        da += w.ampX * std::sin(w.freqX * a + w.freqY * b + w.phase);
        db += w.ampY * std::sin(w.freqY * a - w.freqX * b + 1.7 * w.phase);
    }
    a += da;
    b += db;
    const double c = std::cos(rotation), s = std::sin(rotation);
    const double u = offset.x + c * a - s * b;
    const double v = offset.y + s * a + c * b;
    return onPlane(pivot + columnAxis() * u + rowAxis() * v);
}

RenderedSlice SliceRenderer::render(Sequence sequence, const SliceGeometry &geometry, const LesionModel *lesion,
                                    int width, int height, const Appearance &appearance, DemoRng &rng) const
{
    const size_t n = size_t(width) * size_t(height);
    RenderedSlice out;
    const Anatomy::Channel channel = channelFor(sequence);
    const bool hasLesion = lesion && !lesion->isEmpty();

    // The template has 1 mm voxels: cutting it finer than kInternalPixelMm only interpolates, so
    // large images are cut at that pitch and upsampled; noise is added at the output size.
    const double outPixel = geometry.fov / std::max(width, height);
    int iw = width, ih = height;
    if (outPixel < kInternalPixelMm) {
        iw = std::max(8, int(std::lround(width * outPixel / kInternalPixelMm)));
        ih = std::max(8, int(std::lround(height * outPixel / kInternalPixelMm)));
    }
    const size_t in = size_t(iw) * size_t(ih);
    FloatImage signal{iw, ih, std::vector<float>(in)};
    FloatImage inMask{iw, ih, std::vector<float>(in, 0.f)};

    std::array<Vec3, kGrid * kGrid> grid;
    for (int gy = 0; gy < kGrid; ++gy)
        for (int gx = 0; gx < kGrid; ++gx)
            grid[size_t(gy * kGrid + gx)] = geometry.worldPoint(gx * (iw - 1.0) / (kGrid - 1),
                                                                gy * (ih - 1.0) / (kGrid - 1), iw, ih);
    std::vector<int> cellX(static_cast<size_t>(iw));
    std::vector<float> fracX(static_cast<size_t>(iw));
    for (int x = 0; x < iw; ++x) {
        const double t = x * (kGrid - 1.0) / std::max(1, iw - 1);
        cellX[size_t(x)] = std::min(int(t), kGrid - 2);
        fracX[size_t(x)] = float(t - cellX[size_t(x)]);
    }

    // Normal-tissue reference samples on a sparse lattice: (internal pixel, class).
    std::vector<std::pair<size_t, int>> reference;
    reference.reserve(in / 9 + 1);

    std::array<Vec3, kGrid> row;
    for (int y = 0; y < ih; ++y) {
        const double ty = y * (kGrid - 1.0) / std::max(1, ih - 1);
        const int gy = std::min(int(ty), kGrid - 2);
        const double fy = ty - gy;
        // The plane is bilinear in each grid cell: interpolate the row once, then along x.
        for (int g = 0; g < kGrid; ++g) {
            const Vec3 &a = grid[size_t(gy * kGrid + g)], &b = grid[size_t((gy + 1) * kGrid + g)];
            row[size_t(g)] = a + (b - a) * fy;
        }
        for (int x = 0; x < iw; ++x) {
            const int gx = cellX[size_t(x)];
            const double fx = fracX[size_t(x)];
            const Vec3 &left = row[size_t(gx)], &right = row[size_t(gx + 1)];
            const Vec3 p{left.x + (right.x - left.x) * fx, left.y + (right.y - left.y) * fx, left.z + (right.z - left.z) * fx};
            const size_t i = size_t(y) * size_t(iw) + size_t(x);
            Anatomy::Probe pr;
            bool affected = false;
            if (hasLesion && lesion->influences(p)) {
                const Vec3 src = lesion->displacedSource(p);
                const LesionModel::Sample s = lesion->evaluate(p, m_anatomy, src);
                pr = m_anatomy.probe(src);
                signal.pixels[i] = lesion->shade(sequence, s, m_anatomy.value(channel, pr));
                if (s.inMask)
                    inMask.pixels[i] = 1.f;
                affected = s.tumour > 0.01f || s.edema > 0.02f || (src - p).norm() > 0.5;
            } else {
                pr = m_anatomy.probe(p);
                signal.pixels[i] = m_anatomy.value(channel, pr);
            }
            if (!affected && x % 3 == 0 && y % 3 == 0 && pr.inside) {
                const float brain = m_anatomy.value(Anatomy::ChBrain, pr);
                if (brain > 0.99f) {
                    const float white = m_anatomy.value(Anatomy::ChWhite, pr);
                    const Anatomy::Tissue t = m_anatomy.tissue(pr);
                    if (white > 0.9f)
                        reference.push_back({i, 0});
                    else if (t == Anatomy::Grey && white < 0.1f)
                        reference.push_back({i, 1});
                    else if (t == Anatomy::Csf)
                        reference.push_back({i, 2});
                }
            }
        }
    }
    out.mask = GrayImage(width, height, 0);
    if (iw != width || ih != height) {
        out.signal = upsample(signal, width, height);
        if (hasLesion) {
            // Thresholding the interpolated mask gives smooth outlines that match the image;
            // only rows that can touch the lesion are interpolated.
            int first = ih, last = -1;
            for (int y = 0; y < ih; ++y)
                for (int x = 0; x < iw; ++x)
                    if (inMask.pixels[size_t(y) * size_t(iw) + size_t(x)] > 0) {
                        first = std::min(first, y);
                        last = std::max(last, y);
                        break;
                    }
            if (last >= 0) {
                const int oy0 = std::max(0, int(double(first - 1) * height / ih) - 1);
                const int oy1 = std::min(height - 1, int(double(last + 2) * height / ih) + 1);
                const FloatImage soft = upsample(inMask, width, height, oy0, oy1);
                for (int y = oy0; y <= oy1; ++y)
                    for (int x = 0; x < width; ++x) {
                        const size_t i = size_t(y) * size_t(width) + size_t(x);
                        out.mask.pixels[i] = soft.pixels[i] >= 0.5f ? 255 : 0;
                    }
            }
        }
        for (auto &r : reference) {
            const int x = int(r.first % size_t(iw)), y = int(r.first / size_t(iw));
            const int ox = std::clamp(int(std::lround((x + 0.5) * width / iw - 0.5)), 0, width - 1);
            const int oy = std::clamp(int(std::lround((y + 0.5) * height / ih - 0.5)), 0, height - 1);
            r.first = size_t(oy) * size_t(width) + size_t(ox);
        }
    } else {
        out.signal = std::move(signal);
        for (size_t i = 0; i < n; ++i)
            out.mask.pixels[i] = inMask.pixels[i] > 0 ? 255 : 0;
    }

    // Bias field and Rician noise (magnitude of a complex signal with Gaussian noise).
    std::vector<float> noise(2 * n);
    rng.fillNormal(noise.data(), noise.size());
    const float sigma = float(appearance.noise);
    const double ca = std::cos(appearance.biasAngle), sa = std::sin(appearance.biasAngle);
    // bias(u, v) = 1 + 2A(cos·u + sin·v) − 4C(u² + v² − 0.15), split into column and row terms.
    std::vector<float> columnBias(static_cast<size_t>(width));
    for (int x = 0; x < width; ++x) {
        const double u = (x + 0.5) / width - 0.5;
        columnBias[size_t(x)] = float(2 * appearance.biasAmplitude * ca * u - 4 * appearance.biasCurvature * u * u);
    }
    std::vector<std::uint32_t> histogram(kHistogramBins, 0);
    const float toBin = kHistogramBins / kHistogramMax;
    for (int y = 0; y < height; ++y) {
        const double v = (y + 0.5) / height - 0.5;
        const float rowBias = float(1 + 2 * appearance.biasAmplitude * sa * v - 4 * appearance.biasCurvature * (v * v - 0.15));
        float *px = out.signal.pixels.data() + size_t(y) * size_t(width);
        const float *nz = noise.data() + 2 * size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x) {
            const float re = px[x] * (rowBias + columnBias[size_t(x)]) + sigma * nz[2 * x];
            const float im = sigma * nz[2 * x + 1];
            const float m = std::sqrt(re * re + im * im);
            px[x] = m;
            ++histogram[size_t(std::min(kHistogramBins - 1, int(m * toBin)))];
        }
    }
    // Window: the 99.5th percentile maps to `brightness`·255, with the acquisition's gamma.
    size_t acc = 0;
    int top = kHistogramBins - 1;
    for (int b = 0; b < kHistogramBins; ++b) {
        acc += histogram[size_t(b)];
        if (acc >= size_t(0.995 * double(n))) {
            top = b;
            break;
        }
    }
    const float high = std::max(0.05f, (top + 1) * (kHistogramMax / kHistogramBins));
    constexpr int lutSize = 4096;
    constexpr float lutMax = 1.6f;
    std::array<std::uint8_t, lutSize> lut{};
    for (int k = 0; k < lutSize; ++k) {
        const double t = (k + 0.5) * lutMax / lutSize;
        lut[size_t(k)] = std::uint8_t(std::clamp(std::lround(255.0 * appearance.brightness * std::pow(t, appearance.gamma)), 0L, 255L));
    }
    out.image = GrayImage(width, height);
    const float toLut = lutSize / (lutMax * high);
    for (size_t i = 0; i < n; ++i)
        out.image.pixels[i] = lut[size_t(std::min(lutSize - 1, int(out.signal.pixels[i] * toLut)))];

    double sum[3] = {0, 0, 0};
    int count[3] = {0, 0, 0};
    for (const auto &r : reference) {
        sum[r.second] += out.image.pixels[r.first];
        ++count[r.second];
    }
    auto mean = [&](int k) { return count[k] >= 20 ? sum[k] / count[k] : -1.0; };
    out.whiteMatter = mean(0);
    out.greyMatter = mean(1);
    out.csf = mean(2);
    return out;
}

} // namespace neuroonco::demo
