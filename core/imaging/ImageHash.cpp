// Perceptual hash implementations.
#include "core/imaging/ImageHash.h"

#include "core/imaging/ImageOps.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <vector>

namespace neuroonco::imagehash {

namespace {

// Low-frequency DCT-II coefficients (k×k) of an n×n thumbnail, row-major by frequency.
std::vector<double> lowDct(const GrayImage &thumb, int k)
{
    const int n = thumb.width;
    std::vector<double> cosines(size_t(k) * size_t(n));
    for (int u = 0; u < k; ++u)
        for (int x = 0; x < n; ++x)
            cosines[size_t(u * n + x)] = std::cos((2 * x + 1) * u * M_PI / (2.0 * n));
    std::vector<double> rows(size_t(k) * size_t(n)); // rows[u][y] = Σx f(x, y) cos_u(x)
    for (int u = 0; u < k; ++u)
        for (int y = 0; y < n; ++y) {
            double acc = 0;
            for (int x = 0; x < n; ++x)
                acc += thumb.at(x, y) * cosines[size_t(u * n + x)];
            rows[size_t(u * n + y)] = acc;
        }
    std::vector<double> coeffs(size_t(k) * size_t(k));
    for (int v = 0; v < k; ++v)
        for (int u = 0; u < k; ++u) {
            double acc = 0;
            for (int y = 0; y < n; ++y)
                acc += rows[size_t(u * n + y)] * cosines[size_t(v * n + y)];
            coeffs[size_t(v * k + u)] = acc;
        }
    return coeffs;
}

// Bits of coefficients above the median of all but the DC term.
template<typename Sink>
void thresholdAtMedian(const std::vector<double> &coeffs, Sink &&setBit)
{
    std::vector<double> ac(coeffs.begin() + 1, coeffs.end());
    std::nth_element(ac.begin(), ac.begin() + std::ptrdiff_t(ac.size() / 2), ac.end());
    const double median = ac[ac.size() / 2];
    for (size_t i = 0; i < coeffs.size(); ++i)
        if (coeffs[i] > median)
            setBit(i);
}

std::uint64_t dHashOfBox(const GrayImage &box)
{
    const GrayImage small = imageops::resizeArea(box, 9, 8);
    std::uint64_t bits = 0;
    int bit = 0;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x, ++bit)
            if (small.at(x, y) < small.at(x + 1, y))
                bits |= std::uint64_t(1) << bit;
    return bits;
}

std::uint64_t pHashOfBox(const GrayImage &box)
{
    std::uint64_t bits = 0;
    thresholdAtMedian(lowDct(imageops::resizeArea(box, 32, 32), 8), [&](size_t i) { bits |= std::uint64_t(1) << i; });
    return bits;
}

FineHash fineOfBox(const GrayImage &box)
{
    FineHash bits{};
    thresholdAtMedian(lowDct(imageops::resizeArea(box, 64, 64), 16),
                      [&](size_t i) { bits[i / 64] |= std::uint64_t(1) << (i % 64); });
    return bits;
}

} // namespace

int otsuThreshold(const GrayImage &image)
{
    std::array<double, 256> histogram{};
    for (std::uint8_t v : image.pixels)
        histogram[v] += 1;
    const double total = double(image.pixels.size());
    double sumAll = 0;
    for (int v = 0; v < 256; ++v)
        sumAll += v * histogram[size_t(v)];
    double weightBelow = 0, sumBelow = 0, bestVariance = -1;
    int best = 0;
    for (int t = 0; t < 256; ++t) {
        weightBelow += histogram[size_t(t)];
        if (weightBelow == 0 || weightBelow == total)
            continue;
        sumBelow += t * histogram[size_t(t)];
        const double meanBelow = sumBelow / weightBelow;
        const double meanAbove = (sumAll - sumBelow) / (total - weightBelow);
        const double variance = weightBelow * (total - weightBelow) * (meanBelow - meanAbove) * (meanBelow - meanAbove);
        if (variance > bestVariance) {
            bestVariance = variance;
            best = t;
        }
    }
    return best;
}

GrayImage contentBox(const GrayImage &image)
{
    if (image.isEmpty())
        return image;
    // Find the head on a small area-averaged copy (which averages background noise away) with
    // Otsu's threshold, so brightening or re-encoding does not move the box.
    const int longSide = std::max(image.width, image.height);
    const double f = longSide > 128 ? 128.0 / longSide : 1.0;
    const int tw = std::max(1, int(std::lround(image.width * f))), th = std::max(1, int(std::lround(image.height * f)));
    const GrayImage thumb = f < 1.0 ? imageops::resizeArea(image, tw, th) : image;
    const int threshold = otsuThreshold(thumb);
    // Rows and columns count as head when at least 3 % of their pixels are above the threshold,
    // which ignores specks of noise and burnt-in text.
    std::vector<int> rowCount(size_t(thumb.height)), colCount(size_t(thumb.width));
    for (int y = 0; y < thumb.height; ++y)
        for (int x = 0; x < thumb.width; ++x)
            if (thumb.at(x, y) > threshold) {
                ++rowCount[size_t(y)];
                ++colCount[size_t(x)];
            }
    auto span = [](const std::vector<int> &counts, int minimum, int *first, int *last) {
        *first = -1;
        for (int i = 0; i < int(counts.size()); ++i)
            if (counts[size_t(i)] >= minimum) {
                if (*first < 0)
                    *first = i;
                *last = i;
            }
    };
    int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    span(colCount, std::max(1, thumb.height * 3 / 100), &x0, &x1);
    span(rowCount, std::max(1, thumb.width * 3 / 100), &y0, &y1);
    if (x0 < 0 || y0 < 0 || x1 - x0 < 4 || y1 - y0 < 4)
        return image;
    // Back to full resolution.
    const double sx = double(image.width) / thumb.width, sy = double(image.height) / thumb.height;
    const int X0 = int(std::floor(x0 * sx)), Y0 = int(std::floor(y0 * sy));
    const int X1 = std::min(image.width, int(std::ceil((x1 + 1) * sx))), Y1 = std::min(image.height, int(std::ceil((y1 + 1) * sy)));
    return imageops::crop(image, X0, Y0, X1 - X0, Y1 - Y0);
}

QString pixelHash(const GrayImage &image)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    const std::int32_t dims[2] = {image.width, image.height};
    h.addData(QByteArrayView(reinterpret_cast<const char *>(dims), sizeof(dims)));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(image.pixels.data()), qsizetype(image.pixels.size())));
    return QString::fromLatin1(h.result().toHex());
}

std::uint64_t dHash(const GrayImage &image)
{
    return dHashOfBox(contentBox(image));
}

std::uint64_t pHash(const GrayImage &image)
{
    return pHashOfBox(contentBox(image));
}

FineHash fineHash(const GrayImage &image)
{
    return fineOfBox(contentBox(image));
}

Fingerprint fingerprint(const GrayImage &image)
{
    Fingerprint f;
    f.pixelHash = pixelHash(image);
    const GrayImage box = contentBox(image);
    f.dHash = dHashOfBox(box);
    f.pHash = pHashOfBox(box);
    f.fine = fineOfBox(box);
    return f;
}

QString toHex(const FineHash &hash)
{
    QString out;
    for (std::uint64_t word : hash)
        out += QStringLiteral("%1").arg(word, 16, 16, QLatin1Char('0'));
    return out;
}

FineHash fineFromHex(const QString &hex)
{
    FineHash h{};
    for (int i = 0; i < 4 && hex.size() >= (i + 1) * 16; ++i)
        h[size_t(i)] = hex.mid(i * 16, 16).toULongLong(nullptr, 16);
    return h;
}

} // namespace neuroonco::imagehash
