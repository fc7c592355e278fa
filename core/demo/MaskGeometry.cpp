// Crack-following contour tracing keeps polygons exact before simplification, so rasterising a
// label gives back (nearly) the mask that was drawn, even for small lesions.
#include "core/demo/MaskGeometry.h"

#include "core/demo/DemoTypes.h"

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

void simplify(const std::vector<QPointF> &pts, int first, int last, double tol, std::vector<char> &keep)
{
    if (last <= first + 1)
        return;
    const QPointF a = pts[size_t(first)], b = pts[size_t(last)];
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len = std::hypot(dx, dy);
    double worst = -1;
    int index = -1;
    for (int i = first + 1; i < last; ++i) {
        const QPointF p = pts[size_t(i)];
        const double d = len > 1e-9 ? std::fabs(dy * (p.x() - a.x()) - dx * (p.y() - a.y())) / len
                                    : std::hypot(p.x() - a.x(), p.y() - a.y());
        if (d > worst) {
            worst = d;
            index = i;
        }
    }
    if (worst > tol) {
        keep[size_t(index)] = 1;
        simplify(pts, first, index, tol, keep);
        simplify(pts, index, last, tol, keep);
    }
}

} // namespace

int MaskGeometry::label(const GrayImage &mask, std::vector<int> *labels)
{
    const int w = mask.width, h = mask.height;
    labels->assign(size_t(w) * size_t(h), 0);
    int next = 0;
    std::vector<int> stack;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t i = size_t(y) * size_t(w) + size_t(x);
            if (!mask.pixels[i] || (*labels)[i])
                continue;
            ++next;
            (*labels)[i] = next;
            stack.assign(1, int(i));
            while (!stack.empty()) {
                const int j = stack.back();
                stack.pop_back();
                const int cx = j % w, cy = j / w;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = cx + dx, ny = cy + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                            continue;
                        const size_t k = size_t(ny) * size_t(w) + size_t(nx);
                        if (mask.pixels[k] && !(*labels)[k]) {
                            (*labels)[k] = next;
                            stack.push_back(int(k));
                        }
                    }
            }
        }
    return next;
}

MaskStats MaskGeometry::stats(const GrayImage &mask)
{
    MaskStats s;
    double sx = 0, sy = 0;
    int x0 = mask.width, y0 = mask.height, x1 = -1, y1 = -1;
    for (int y = 0; y < mask.height; ++y) {
        const std::uint8_t *row = mask.pixels.data() + size_t(y) * size_t(mask.width);
        for (int x = 0; x < mask.width; ++x)
            if (row[x]) {
                ++s.pixels;
                sx += x;
                sy += y;
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = std::max(y1, y);
            }
    }
    if (s.pixels == 0 || mask.isEmpty())
        return s;
    s.areaFraction = double(s.pixels) / (double(mask.width) * mask.height);
    s.centroidX = sx / double(s.pixels) / mask.width;
    s.centroidY = sy / double(s.pixels) / mask.height;
    s.gridCell = gridCellName(s.centroidX, s.centroidY);
    // Components are counted on the lesion's bounding box only (masks are mostly background).
    GrayImage box(x1 - x0 + 1, y1 - y0 + 1);
    for (int y = y0; y <= y1; ++y)
        std::copy_n(&mask.pixels[size_t(y) * size_t(mask.width) + size_t(x0)], size_t(box.width),
                    &box.pixels[size_t(y - y0) * size_t(box.width)]);
    std::vector<int> labels;
    s.components = label(box, &labels);
    return s;
}

std::vector<std::vector<QPointF>> MaskGeometry::polygons(const GrayImage &mask, double tolerance)
{
    std::vector<int> labels;
    const int count = label(mask, &labels);
    const int w = mask.width, h = mask.height;
    std::vector<std::vector<QPointF>> out;
    std::vector<char> started(size_t(count) + 1, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int k = labels[size_t(y) * size_t(w) + size_t(x)];
            if (!k || started[size_t(k)])
                continue;
            started[size_t(k)] = 1;
            auto fg = [&](int px, int py) {
                return px >= 0 && py >= 0 && px < w && py < h && labels[size_t(py) * size_t(w) + size_t(px)] == k;
            };
            // Walk pixel edges with the component on the right (y grows downwards), starting
            // east along the top edge of its first pixel in raster order.
            static const int dirX[4] = {1, 0, -1, 0}, dirY[4] = {0, 1, 0, -1}; // E S W N
            int cx = x, cy = y, d = 0;
            std::vector<QPointF> pts;
            pts.emplace_back(cx, cy);
            const int startX = cx, startY = cy;
            for (int guard = 0; guard < 8 * (w + 1) * (h + 1); ++guard) {
                int lx, ly, rx, ry; // pixels left and right of the edge ahead
                switch (d) {
                case 0: lx = cx; ly = cy - 1; rx = cx; ry = cy; break;
                case 1: lx = cx; ly = cy; rx = cx - 1; ry = cy; break;
                case 2: lx = cx - 1; ly = cy; rx = cx - 1; ry = cy - 1; break;
                default: lx = cx - 1; ly = cy - 1; rx = cx; ry = cy - 1; break;
                }
                if (fg(lx, ly)) {
                    d = (d + 3) % 4; // left turn
                    continue;
                }
                if (!fg(rx, ry)) {
                    d = (d + 1) % 4; // right turn
                    continue;
                }
                cx += dirX[d];
                cy += dirY[d];
                if (cx == startX && cy == startY)
                    break;
                pts.emplace_back(cx, cy);
            }
            // Keep corners only, then Douglas-Peucker on the closed ring.
            std::vector<QPointF> corners;
            const size_t m = pts.size();
            for (size_t i = 0; i < m; ++i) {
                const QPointF &prev = pts[(i + m - 1) % m], &cur = pts[i], &nxt = pts[(i + 1) % m];
                const bool straight = (prev.x() == cur.x() && cur.x() == nxt.x()) || (prev.y() == cur.y() && cur.y() == nxt.y());
                if (!straight)
                    corners.push_back(cur);
            }
            if (corners.size() < 3)
                corners = pts;
            std::vector<QPointF> ring = corners;
            ring.push_back(corners.front());
            // Split the ring at the vertex farthest from the first one so both halves are open.
            size_t far = 0;
            double farDist = -1;
            for (size_t i = 0; i < corners.size(); ++i) {
                const double dd = std::hypot(corners[i].x() - corners[0].x(), corners[i].y() - corners[0].y());
                if (dd > farDist) {
                    farDist = dd;
                    far = i;
                }
            }
            std::vector<char> keep(ring.size(), 0);
            keep.front() = keep.back() = keep[far] = 1;
            simplify(ring, 0, int(far), tolerance, keep);
            simplify(ring, int(far), int(ring.size()) - 1, tolerance, keep);
            std::vector<QPointF> poly;
            for (size_t i = 0; i + 1 < ring.size(); ++i)
                if (keep[i])
                    poly.push_back(ring[i]);
            if (poly.size() >= 3)
                out.push_back(std::move(poly));
        }
    return out;
}

std::vector<int> MaskGeometry::cocoRle(const GrayImage &mask)
{
    std::vector<int> counts;
    bool current = false;
    int run = 0;
    for (int x = 0; x < mask.width; ++x)
        for (int y = 0; y < mask.height; ++y) {
            const bool v = mask.at(x, y) != 0;
            if (v != current) {
                counts.push_back(run);
                run = 0;
                current = v;
            }
            ++run;
        }
    counts.push_back(run);
    return counts;
}

} // namespace neuroonco::demo
