// Scanline polygon fill and COCO RLE decoding.
#include "ingest/PolygonRaster.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace neuroonco::raster {

void fillPolygon(GrayImage &mask, const std::vector<QPointF> &points)
{
    const size_t n = points.size();
    if (n < 3)
        return;
    std::vector<double> xs;
    for (int y = 0; y < mask.height; ++y) {
        const double cy = y + 0.5;
        xs.clear();
        for (size_t i = 0; i < n; ++i) {
            const QPointF &a = points[i];
            const QPointF &b = points[(i + 1) % n];
            if ((a.y() <= cy && b.y() > cy) || (b.y() <= cy && a.y() > cy))
                xs.push_back(a.x() + (cy - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
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

std::vector<qint64> decodeCountsString(const QByteArray &s)
{
    std::vector<qint64> counts;
    int p = 0;
    while (p < s.size()) {
        qint64 x = 0;
        int k = 0;
        bool more = true;
        while (more && p < s.size()) {
            const int c = s.at(p) - 48;
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
    return counts;
}

} // namespace

Error fillRle(GrayImage &mask, const QJsonValue &rle)
{
    const QJsonObject o = rle.toObject();
    const QJsonArray size = o.value(QStringLiteral("size")).toArray();
    if (size.size() != 2)
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.size"), QStringLiteral("must be [height, width]"));
    const int h = size.at(0).toInt();
    const int w = size.at(1).toInt();
    if (h != mask.height || w != mask.width)
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.size"),
                     QStringLiteral("%1×%2 does not match the image %3×%4").arg(w).arg(h).arg(mask.width).arg(mask.height));
    std::vector<qint64> counts;
    const QJsonValue c = o.value(QStringLiteral("counts"));
    if (c.isArray()) {
        for (const QJsonValue &v : c.toArray())
            counts.push_back(qint64(v.toDouble()));
    } else if (c.isString()) {
        counts = decodeCountsString(c.toString().toLatin1());
    } else {
        return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"), QStringLiteral("missing"));
    }
    // Runs alternate background/foreground, in column-major order.
    qint64 pos = 0;
    const qint64 total = qint64(w) * h;
    bool foreground = false;
    for (qint64 run : counts) {
        if (run < 0 || pos + run > total)
            return Error(ErrorCode::Parse, QStringLiteral("segmentation.counts"), QStringLiteral("runs exceed the image"));
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
