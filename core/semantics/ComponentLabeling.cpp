// Two-pass labelling with union-find; labels are renumbered in raster order of first pixels.
#include "core/semantics/ComponentLabeling.h"

#include <numeric>

namespace neuroonco {

qint64 Components::total() const
{
    qint64 sum = 0;
    for (size_t i = 1; i < areas.size(); ++i)
        sum += areas[i];
    return sum;
}

namespace {
int findRoot(std::vector<int> &parent, int x)
{
    while (parent[size_t(x)] != x) {
        parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        x = parent[size_t(x)];
    }
    return x;
}
} // namespace

Components ComponentLabeling::label(const GrayImage &mask, int threshold)
{
    Components c;
    c.width = mask.width;
    c.height = mask.height;
    const int w = mask.width, h = mask.height;
    c.labels.assign(size_t(w) * size_t(h), 0);
    std::vector<int> parent{0};
    auto fg = [&](int x, int y) { return mask.pixels[size_t(y) * size_t(w) + size_t(x)] > threshold; };
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (!fg(x, y))
                continue;
            // Already visited 8-neighbours: W, NW, N, NE.
            int neighbours[4];
            int k = 0;
            if (x > 0 && c.labels[size_t(y) * size_t(w) + size_t(x - 1)])
                neighbours[k++] = c.labels[size_t(y) * size_t(w) + size_t(x - 1)];
            if (y > 0) {
                const size_t row = size_t(y - 1) * size_t(w);
                if (x > 0 && c.labels[row + size_t(x - 1)])
                    neighbours[k++] = c.labels[row + size_t(x - 1)];
                if (c.labels[row + size_t(x)])
                    neighbours[k++] = c.labels[row + size_t(x)];
                if (x + 1 < w && c.labels[row + size_t(x + 1)])
                    neighbours[k++] = c.labels[row + size_t(x + 1)];
            }
            int label;
            if (k == 0) {
                label = int(parent.size());
                parent.push_back(label);
            } else {
                label = findRoot(parent, neighbours[0]);
                for (int i = 1; i < k; ++i) {
                    const int other = findRoot(parent, neighbours[i]);
                    if (other != label) {
                        parent[size_t(std::max(other, label))] = std::min(other, label);
                        label = std::min(other, label);
                    }
                }
            }
            c.labels[size_t(y) * size_t(w) + size_t(x)] = label;
        }
    }
    // Final labels in raster order of each component's first pixel.
    std::vector<int> final(parent.size(), 0);
    c.areas.assign(1, 0);
    c.firstPixel.assign(1, -1);
    for (size_t i = 0; i < c.labels.size(); ++i) {
        const int l = c.labels[i];
        if (!l)
            continue;
        const int root = findRoot(parent, l);
        if (!final[size_t(root)]) {
            final[size_t(root)] = int(c.areas.size());
            c.areas.push_back(0);
            c.firstPixel.push_back(int(i));
        }
        const int f = final[size_t(root)];
        c.labels[i] = f;
        ++c.areas[size_t(f)];
    }
    return c;
}

} // namespace neuroonco
