// 8-connected component labelling of a binary mask (pixels above a threshold), with each
// component's pixel count and its first pixel in raster order (where its outer border starts).
#pragma once

#include "core/imaging/ImageTypes.h"

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace neuroonco {

struct Components
{
    int width = 0;
    int height = 0;
    std::vector<std::int32_t> labels; // 0 = background, 1..count
    std::vector<qint64> areas;        // index 0 unused
    std::vector<int> firstPixel;      // raster index of each component's first pixel (index 0 unused)
    int count() const { return int(areas.size()) - 1; }
    qint64 total() const;
};

class ComponentLabeling
{
public:
    // `threshold`: pixels with a value strictly above it are foreground (127 for 0/255 masks).
    static Components label(const GrayImage &mask, int threshold = 127);
};

} // namespace neuroonco
