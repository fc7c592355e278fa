// Rasterising annotation geometry into binary masks: polygons (pixel coordinates, sampled at
// pixel centres, even-odd rule) and COCO run-length encodings (plain or compressed strings).
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/util/Error.h"

#include <QJsonValue>
#include <QPointF>

#include <vector>

namespace neuroonco::raster {

void fillPolygon(GrayImage &mask, const std::vector<QPointF> &points);
// COCO RLE ({"counts": [...] | "string", "size": [h, w]}) into `mask` (OR-ed in).
Error fillRle(GrayImage &mask, const QJsonValue &rle);

} // namespace neuroonco::raster
