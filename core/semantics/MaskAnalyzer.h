// Computes MaskSemantics from a mask (and, for the beyond-the-paper fields, the image and the
// BraTS label map). Pure and thread-safe.
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/semantics/Contour.h"
#include "core/semantics/MaskSemantics.h"

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

    // The component the shape label is measured on, as the published rule picks it: the one
    // with the most pixels; among equals the one OpenCV's labelling numbers first, which is the
    // one whose first 2×2 block (row pairs, then column pairs) comes first. 0 for empty masks.
    static int dominantComponent(const Components &components);
    // The outer polygon (collapsed runs) of the dominant component, traced on that component
    // alone. Empty for empty masks.
    static std::vector<ContourPoint> largestOutline(const Components &components);

    static QString sizeLabel(double areaRatio, const SemanticsThresholds &t);
    static QString shapeLabel(double circularity, double elongation, const SemanticsThresholds &t);
    static QString spreadLabel(int components, double coreFraction, const SemanticsThresholds &t);
    static QString locationLabel(double cx, double cy, int width, int height);
};

} // namespace neuroonco
