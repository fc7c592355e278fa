// Eigen-decomposition of a small real non-symmetric matrix by the classical EISPACK route
// (Householder reduction to Hessenberg form, shifted double-step QR, back-substitution), the
// method OpenCV's eigenNonSymmetric uses. The direct ellipse fit picks "the" eigenvector by a
// sign test, and for degenerate point sets that choice depends on exactly which (unnormalised)
// vectors this method returns, including real and imaginary parts for a complex pair; so the
// ellipse fit needs this method and not just any eigen-solver.
#pragma once

#include <vector>

namespace neuroonco {

class NonsymmetricEigen
{
public:
    struct Result
    {
        std::vector<double> values;               // real parts, in descending order
        std::vector<std::vector<double>> vectors; // one row per value, as the method scales them
    };
    // `a` is square (n × n, row-major rows).
    static Result decompose(std::vector<std::vector<double>> a);
};

} // namespace neuroonco
