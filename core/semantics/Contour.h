// Outer borders of mask components as polygons through boundary pixel centres, the way the
// published labels measured them: 8-connected border following from the component's first
// pixel in raster order, straight runs (horizontal, vertical, diagonal) collapsed to their end
// points; length and area of the closed polygon.
#pragma once

#include "core/semantics/ComponentLabeling.h"

#include <vector>

namespace neuroonco {

struct ContourPoint
{
    int x = 0;
    int y = 0;
    bool operator==(const ContourPoint &o) const { return x == o.x && y == o.y; }
};

class Contour
{
public:
    // Every boundary pixel of component `label`, in tracing order (pixels of one-pixel-wide
    // parts appear once per pass).
    static std::vector<ContourPoint> traceOuter(const Components &components, int label);
    // Drops points in the middle of straight runs.
    static std::vector<ContourPoint> simplify(const std::vector<ContourPoint> &points);
    static double length(const std::vector<ContourPoint> &polygon);   // closed
    static double area(const std::vector<ContourPoint> &polygon);     // absolute shoelace area
};

} // namespace neuroonco
