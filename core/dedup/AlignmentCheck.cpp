// Coarse (48 px) then fine (96 px) search of scale and shift maximising the correlation.
#include "core/dedup/AlignmentCheck.h"

#include "core/imaging/ImageHash.h"
#include "core/imaging/ImageOps.h"

#include <cmath>

namespace neuroonco {

namespace {

// Correlation of `a` (n×n) with `b` (m×m) placed so that b's centre sits at a's centre + (dx, dy).
double correlate(const FloatImage &a, const FloatImage &b, int dx, int dy)
{
    const int n = a.width, m = b.width;
    const int ox = dx - (m - n) / 2, oy = dy - (m - n) / 2; // b's origin in a's frame
    const int x0 = std::max(0, ox), y0 = std::max(0, oy);
    const int x1 = std::min(n, ox + m), y1 = std::min(n, oy + m);
    if (x1 - x0 < n * 7 / 10 || y1 - y0 < n * 7 / 10)
        return -1;
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    const double count = double(x1 - x0) * double(y1 - y0);
    for (int y = y0; y < y1; ++y) {
        const float *pa = &a.pixels[size_t(y) * size_t(n)];
        const float *pb = &b.pixels[size_t(y - oy) * size_t(m)];
        for (int x = x0; x < x1; ++x) {
            const double va = pa[x], vb = pb[x - ox];
            sa += va;
            sb += vb;
            saa += va * va;
            sbb += vb * vb;
            sab += va * vb;
        }
    }
    const double cov = sab - sa * sb / count;
    const double var = (saa - sa * sa / count) * (sbb - sb * sb / count);
    return var > 0 ? cov / std::sqrt(var) : -1;
}

} // namespace

AlignmentView::AlignmentView(const GrayImage &image)
    : m_box(imagehash::contentBox(image))
{}

const FloatImage &AlignmentView::square(int size) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_squares.find(size);
    if (it == m_squares.end())
        it = m_squares.emplace(size, imageops::toFloat(imageops::resizeArea(m_box, size, size))).first;
    return it->second;
}

size_t AlignmentView::bytes() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    size_t n = m_box.pixels.size();
    for (const auto &[size, image] : m_squares)
        n += image.pixels.size() * sizeof(float);
    return n;
}

AlignmentScore AlignmentCheck::best(const GrayImage &imageA, const GrayImage &imageB)
{
    return best(AlignmentView(imageA), AlignmentView(imageB));
}

AlignmentScore AlignmentCheck::best(const AlignmentView &viewA, const AlignmentView &viewB)
{
    AlignmentScore result;
    // Coarse: 48 px, scales 0.86–1.14 in steps of 0.04, shifts ±5 px.
    const int coarse = 48;
    const FloatImage &a48 = viewA.square(coarse);
    for (double s = 0.86; s <= 1.1401; s += 0.04) {
        const int m = int(std::lround(coarse * s));
        const FloatImage &b = viewB.square(m);
        for (int dy = -5; dy <= 5; ++dy)
            for (int dx = -5; dx <= 5; ++dx) {
                const double c = correlate(a48, b, dx, dy);
                if (c > result.correlation)
                    result = {c, s, dx, dy};
            }
    }
    if (result.correlation < kRefineFrom)
        return result;
    // Fine: 96 px around the coarse optimum.
    const int fine = 96;
    const FloatImage &a96 = viewA.square(fine);
    AlignmentScore refined = result;
    refined.correlation = -1;
    for (double s = result.scale - 0.03; s <= result.scale + 0.0301; s += 0.01) {
        const int m = int(std::lround(fine * s));
        const FloatImage &b = viewB.square(m);
        for (int dy = 2 * result.dy - 3; dy <= 2 * result.dy + 3; ++dy)
            for (int dx = 2 * result.dx - 3; dx <= 2 * result.dx + 3; ++dx) {
                const double c = correlate(a96, b, dx, dy);
                if (c > refined.correlation)
                    refined = {c, s, dx, dy};
            }
    }
    return refined;
}

} // namespace neuroonco
