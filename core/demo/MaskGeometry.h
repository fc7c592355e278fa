// Measurements and encodings of binary lesion masks for the demo data: area, 8-connected
// components, centroid and grid cell (as the semantics stage defines them), outer boundary
// polygons for YOLO/COCO labels, and COCO's uncompressed (column-major) RLE.
#pragma once

#include "core/imaging/ImageTypes.h"

#include <QPointF>
#include <QString>

#include <vector>

namespace neuroonco::demo {

struct MaskStats
{
    long long pixels = 0;
    double areaFraction = 0;
    int components = 0;
    double centroidX = 0, centroidY = 0; // normalised to [0, 1]
    QString gridCell;
};

class MaskGeometry
{
public:
    static MaskStats stats(const GrayImage &mask);
    // 8-connected component labels (0 background, 1..n), returns n.
    static int label(const GrayImage &mask, std::vector<int> *labels);
    // One closed polygon per component along the pixel edges of its outer boundary, simplified
    // to within `tolerance` pixels. Coordinates are in pixels (0..width, 0..height).
    static std::vector<std::vector<QPointF>> polygons(const GrayImage &mask, double tolerance = 0.75);
    // COCO uncompressed RLE counts: runs in column-major order starting with background.
    static std::vector<int> cocoRle(const GrayImage &mask);
};

} // namespace neuroonco::demo
