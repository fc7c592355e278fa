// Computes MaskSemantics from a mask (and, for the beyond-the-paper fields, the image and the
// BraTS label map). Pure and thread-safe.
#pragma once

#include "imaging/ImageTypes.h"
#include "semantics/Contour.h"
#include "semantics/MaskSemantics.h"

#include <QString>

#include <optional>

namespace neuroonco {

class MaskAnalyzer
{
public:
    // std::nullopt for an empty mask (no pixel above the threshold).
    static std::optional<MaskSemantics> analyze(const GrayImage &mask, const SemanticsThresholds &t = {});
    // Adds the head-relative location (needs the slice) and sub-region fractions (needs the
    // label map: 1 necrotic core, 2 oedema, 4 enhancing).
    static void addHeadLocation(MaskSemantics &semantics, const GrayImage &image);
    static void addSubregions(MaskSemantics &semantics, const GrayImage &labels);

    // The outer polygon (collapsed runs) of the component the shape label is measured on: the
    // one enclosing the largest area, ties to the first in raster order. Empty for empty masks.
    static std::vector<ContourPoint> largestOutline(const Components &components);

    static QString sizeLabel(double areaRatio, const SemanticsThresholds &t);
    static QString shapeLabel(double circularity, double elongation, const SemanticsThresholds &t);
    static QString spreadLabel(int components, double coreFraction, const SemanticsThresholds &t);
    static QString locationLabel(double cx, double cy, int width, int height);
};

} // namespace neuroonco
