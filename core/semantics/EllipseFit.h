// Least-squares ellipse fit of contour points (the convention behind the published elongation):
// an algebraic conic fit for the centre, then a second fit of the quadratic terms about that
// centre; the axes follow from the eigenvalues of the quadratic form.
#pragma once

#include "semantics/Contour.h"

#include <optional>
#include <vector>

namespace neuroonco {

struct EllipseAxes
{
    double centreX = 0;
    double centreY = 0;
    double major = 0; // full axis lengths
    double minor = 0;
    double angleDegrees = 0; // of the major axis, from the x axis, in image coordinates
    double elongation() const { return minor > 0 ? major / minor : 1e9; }
};

class EllipseFit
{
public:
    // std::nullopt for fewer than five points or when the points determine no ellipse
    // (collinear points, say).
    static std::optional<EllipseAxes> fit(const std::vector<ContourPoint> &points);
    // When no conic ellipse exists (a plus sign, a bent line), the ellipse with the points'
    // second moments: equal axes for symmetric sets, an infinitely thin one for collinear points.
    static EllipseAxes fromMoments(const std::vector<ContourPoint> &points);
};

} // namespace neuroonco
