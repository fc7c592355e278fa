// The ellipse fit behind the published elongation: the published labels called OpenCV 4.6's
// cv2.fitEllipse on the outline polygon, so this reproduces that function's results (not just
// "a" least-squares ellipse): for exactly five points the direct (Halíř–Flusser) fit, otherwise
// the two-step algebraic fit (conic → centre, then the quadratic terms about that centre) solved
// by SVD least squares, with the library's handling of degenerate point sets and its
// single-precision outputs. Checked against cv2.fitEllipse in tests/core/tst_semantics.cpp.
#pragma once

#include "core/semantics/Contour.h"

#include <optional>
#include <vector>

namespace neuroonco {

struct EllipseAxes
{
    double centreX = 0;
    double centreY = 0;
    double major = 0; // full axis lengths (the larger of the fitted box's two sides)
    double minor = 0;
    double angleDegrees = 0; // as OpenCV reports it (the box angle)
    // The published rule: major/minor when the minor axis is positive, else 1 (also when the
    // fit produced no number at all).
    double elongation() const { return minor > 0 ? major / minor : 1.0; }
};

class EllipseFit
{
public:
    // std::nullopt for fewer than five points (where the published rule keeps elongation 1).
    static std::optional<EllipseAxes> fit(const std::vector<ContourPoint> &points);
};

} // namespace neuroonco
