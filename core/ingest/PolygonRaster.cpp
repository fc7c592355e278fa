// Scanline polygon fill and COCO RLE decoding.
#include "core/ingest/PolygonRaster.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace neuroonco::raster {

void fillPolygon(GrayImage &mask, const std::vector<QPointF> &points)
{
    const size_t n = points.size();
    if (n < 3 || mask.width <= 0 || mask.height <= 0 || mask.pixels.size() != size_t(mask.width) * size_t(mask.height))
        return;
    // Whatever it is given, the fill never indexes outside the mask: a non-finite vertex draws
    // nothing (callers report it), and crossings are clamped to just outside the image before
    // they become pixel indices.
    for (const QPointF &p : points)
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return;
    const double left = -1.0;
    const double right = double(mask.width) + 1.0;
    std::vector<double> xs;
    for (int y = 0; y < mask.height; ++y) {
        const double cy = y + 0.5;
        xs.clear();
        for (size_t i = 0; i < n; ++i) {
            const QPointF &a = points[i];
            const QPointF &b = points[(i + 1) % n];
            if ((a.y() <= cy && b.y() > cy) || (b.y() <= cy && a.y() > cy)) {
                const double x = a.x() + (cy - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
                if (!std::isnan(x))
                    xs.push_back(std::clamp(x, left, right));
            }
        }
        std::sort(xs.begin(), xs.end());
        for (size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Pixels whose centre lies inside [xs[k], xs[k+1]).
            const int x0 = std::max(0, int(std::ceil(xs[k] - 0.5)));
            const int x1 = std::min(mask.width - 1, int(std::ceil(xs[k + 1] - 0.5)) - 1);
            for (int x = x0; x <= x1; ++x)
                mask.at(x, y) = 255;
        }
    }
}

namespace {

// The compressed COCO string (pycocotools' rleToString): 6-bit groups, 5 bits of value each,
// deltas after the third count. False for characters outside the alphabet or a run of more than
// twelve groups (more than 60 bits: no real count is that long, and the shift would overflow).
bool decodeCountsString(const QByteArray &s, std::vector<qint64> &counts)
{
    int p = 0;
    while (p < s.size()) {
        qint64 x = 0;
        int k = 0;
        bool more = true;
        while (more && p < s.size()) {
            const int c = s.at(p) - 48;
            if (c < 0 || c > 63 || k >= 12)
                return false;
            x |= qint64(c & 0x1f) << (5 * k);
            more = c & 0x20;
            ++p;
            ++k;
            if (!more && (c & 0x10))
                x |= -(qint64(1) << (5 * k));
        }
        if (counts.size() > 2)
            x += counts[counts.size() - 2];
        counts.push_back(x);
    }
    return true;
}

} // namespace

Error fillRle(GrayImage &mask, const QJsonValue &rle)
{
    const QJsonObject o = rle.toObject();
    const QJsonArray size = o.value(QStringLiteral("size")).toArray();
    if (size.size() != 2 || !size.at(0).isDouble() || !size.at(1).isDouble())
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.size"), QStringLiteral("must be [height, width]"));
    const double hd = size.at(0).toDouble();
    const double wd = size.at(1).toDouble();
    if (hd != mask.height || wd != mask.width)
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.size"),
                     QStringLiteral("%1×%2 does not match the image %3×%4").arg(wd).arg(hd).arg(mask.width).arg(mask.height));
    const int h = mask.height;
    const int w = mask.width;
    const qint64 total = qint64(w) * h;
    std::vector<qint64> counts;
    const QJsonValue c = o.value(QStringLiteral("counts"));
    if (c.isArray()) {
        for (const QJsonValue &v : c.toArray()) {
            // A run is a whole number of pixels within the image; anything else (a NaN written as
            // null, 1e308, 2.5, text) is refused before it is converted.
            const double d = v.toDouble(-1);
            if (!v.isDouble() || !std::isfinite(d) || d < 0 || d > double(total) || std::floor(d) != d)
                return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"),
                             QStringLiteral("run %1 is %2, not a whole number of pixels from 0 to %3")
                                 .arg(counts.size() + 1)
                                 .arg(v.isDouble() ? QString::number(d) : QStringLiteral("not a number"))
                                 .arg(total));
            counts.push_back(qint64(d));
        }
    } else if (c.isString()) {
        if (!decodeCountsString(c.toString().toLatin1(), counts))
            return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"),
                         QStringLiteral("not a compressed COCO run-length string"));
    } else {
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"), QStringLiteral("missing"));
    }
    // Runs alternate background/foreground, in column-major order, and cover the image exactly:
    // runs that stop short or run over describe some other image, so none of them is drawn.
    qint64 sum = 0;
    for (qint64 run : counts) {
        if (run < 0 || run > total - sum)
            return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"),
                         QStringLiteral("the runs cover more than the image's %1×%2 = %3 pixels").arg(w).arg(h).arg(total));
        sum += run;
    }
    if (sum != total)
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"),
                     QStringLiteral("the runs cover %1 pixels, but the image has %2×%3 = %4").arg(sum).arg(w).arg(h).arg(total));
    qint64 pos = 0;
    bool foreground = false;
    for (qint64 run : counts) {
        if (foreground) {
            for (qint64 i = pos; i < pos + run; ++i)
                mask.at(int(i / h), int(i % h)) = 255;
        }
        pos += run;
        foreground = !foreground;
    }
    return {};
}

} // namespace neuroonco::raster
