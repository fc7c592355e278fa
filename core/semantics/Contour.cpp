// Border following (Suzuki & Abe's outer-border step, 8-connectivity) and run collapsing.
#include "core/semantics/Contour.h"

#include <cmath>
#include <cstdlib>

namespace neuroonco {

namespace {
// Directions counter-clockwise on screen (y grows downwards): E, NE, N, NW, W, SW, S, SE.
constexpr int kDx[8] = {1, 1, 0, -1, -1, -1, 0, 1};
constexpr int kDy[8] = {0, -1, -1, -1, 0, 1, 1, 1};

int directionBetween(const ContourPoint &from, const ContourPoint &to)
{
    const int dx = (to.x > from.x) - (to.x < from.x);
    const int dy = (to.y > from.y) - (to.y < from.y);
    for (int d = 0; d < 8; ++d)
        if (kDx[d] == dx && kDy[d] == dy)
            return d;
    return -1;
}
} // namespace

std::vector<ContourPoint> Contour::traceOuter(const Components &c, int label)
{
    std::vector<ContourPoint> out;
    if (label < 1 || label > c.count())
        return out;
    const int first = c.firstPixel[size_t(label)];
    const ContourPoint start{first % c.width, first / c.width};
    auto inside = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < c.width && y < c.height
               && c.labels[size_t(y) * size_t(c.width) + size_t(x)] == label;
    };
    out.push_back(start);
    // The start's west neighbour is background; search clockwise from it for the first
    // foreground neighbour.
    int found = -1;
    for (int k = 0; k < 8; ++k) {
        const int d = (4 - k + 8) % 8; // W, NW, N, NE, E, SE, S, SW
        if (inside(start.x + kDx[d], start.y + kDy[d])) {
            found = d;
            break;
        }
    }
    if (found < 0)
        return out; // an isolated pixel
    const ContourPoint firstNeighbour{start.x + kDx[found], start.y + kDy[found]};
    ContourPoint previous = firstNeighbour;
    ContourPoint current = start;
    while (true) {
        // Counter-clockwise from the direction just after the one pointing back to `previous`.
        const int back = directionBetween(current, previous);
        ContourPoint next = current;
        for (int k = 1; k <= 8; ++k) {
            const int d = (back + k) % 8;
            if (inside(current.x + kDx[d], current.y + kDy[d])) {
                next = {current.x + kDx[d], current.y + kDy[d]};
                break;
            }
        }
        if (next == start && current == firstNeighbour)
            break;
        out.push_back(next);
        previous = current;
        current = next;
        if (out.size() > c.labels.size() * 4)
            break; // cannot happen for a valid label image; guards against a bug looping forever
    }
    return out;
}

std::vector<ContourPoint> Contour::simplify(const std::vector<ContourPoint> &points)
{
    const size_t n = points.size();
    if (n < 3)
        return points;
    std::vector<ContourPoint> out;
    for (size_t i = 0; i < n; ++i) {
        const ContourPoint &prev = points[(i + n - 1) % n];
        const ContourPoint &next = points[(i + 1) % n];
        if (i == 0 || directionBetween(prev, points[i]) != directionBetween(points[i], next))
            out.push_back(points[i]);
    }
    return out;
}

double Contour::length(const std::vector<ContourPoint> &polygon)
{
    const size_t n = polygon.size();
    if (n < 2)
        return 0;
    // Each side in single precision, summed in double: OpenCV's arcLength, which the published
    // perimeter is, rounds that way (a diagonal step is 1.4142135, not 1.41421356...).
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
        const ContourPoint &a = polygon[i];
        const ContourPoint &b = polygon[(i + 1) % n];
        const float dx = float(b.x - a.x), dy = float(b.y - a.y);
        sum += double(std::sqrt(dx * dx + dy * dy));
    }
    return sum;
}

double Contour::area(const std::vector<ContourPoint> &polygon)
{
    const size_t n = polygon.size();
    double twice = 0;
    for (size_t i = 0; i < n; ++i) {
        const ContourPoint &a = polygon[i];
        const ContourPoint &b = polygon[(i + 1) % n];
        twice += double(a.x) * b.y - double(b.x) * a.y;
    }
    return std::fabs(twice) / 2.0;
}

} // namespace neuroonco
