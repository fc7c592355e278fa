// Two-step algebraic ellipse fit with small dense least-squares solves.
#include "semantics/EllipseFit.h"

#include <array>
#include <cmath>

namespace neuroonco {

namespace {

// Solves the normal equations (MᵀM) x = Mᵀb for an N-column system by Gaussian elimination
// with partial pivoting. Returns false when the system is (numerically) singular.
template<int N>
bool leastSquares(const std::vector<std::array<double, N>> &rows, const std::vector<double> &rhs, std::array<double, N> &x)
{
    double a[N][N + 1] = {};
    for (size_t r = 0; r < rows.size(); ++r)
        for (int i = 0; i < N; ++i) {
            for (int j = 0; j < N; ++j)
                a[i][j] += rows[r][size_t(i)] * rows[r][size_t(j)];
            a[i][N] += rows[r][size_t(i)] * rhs[r];
        }
    double scale = 0;
    for (int i = 0; i < N; ++i)
        scale = std::max(scale, std::fabs(a[i][i]));
    for (int col = 0; col < N; ++col) {
        int pivot = col;
        for (int r = col + 1; r < N; ++r)
            if (std::fabs(a[r][col]) > std::fabs(a[pivot][col]))
                pivot = r;
        if (std::fabs(a[pivot][col]) <= 1e-12 * std::max(scale, 1.0))
            return false;
        if (pivot != col)
            for (int j = 0; j <= N; ++j)
                std::swap(a[col][j], a[pivot][j]);
        for (int r = 0; r < N; ++r) {
            if (r == col)
                continue;
            const double f = a[r][col] / a[col][col];
            for (int j = col; j <= N; ++j)
                a[r][j] -= f * a[col][j];
        }
    }
    for (int i = 0; i < N; ++i)
        x[size_t(i)] = a[i][N] / a[i][i];
    return true;
}

} // namespace

std::optional<EllipseAxes> EllipseFit::fit(const std::vector<ContourPoint> &points)
{
    const size_t n = points.size();
    if (n < 5)
        return std::nullopt;
    // Work about the mean for numerical stability.
    double mx = 0, my = 0;
    for (const ContourPoint &p : points) {
        mx += p.x;
        my += p.y;
    }
    mx /= double(n);
    my /= double(n);

    // Step 1: -a x² - b y² - c xy + d x + e y = 10000 gives the conic, and from it the centre.
    std::vector<std::array<double, 5>> rows;
    std::vector<double> rhs(n, 10000.0);
    rows.reserve(n);
    for (const ContourPoint &p : points) {
        const double x = p.x - mx, y = p.y - my;
        rows.push_back({-x * x, -y * y, -x * y, x, y});
    }
    std::array<double, 5> g{};
    if (!leastSquares<5>(rows, rhs, g))
        return std::nullopt;
    // Gradient zero: 2a x + c y = d, c x + 2b y = e.
    const double det = 4 * g[0] * g[1] - g[2] * g[2];
    if (std::fabs(det) < 1e-300)
        return std::nullopt;
    const double cx = (g[3] * 2 * g[1] - g[2] * g[4]) / det;
    const double cy = (2 * g[0] * g[4] - g[2] * g[3]) / det;

    // Step 2: A x² + B y² + C xy = 1 about the centre.
    std::vector<std::array<double, 3>> rows2;
    std::vector<double> ones(n, 1.0);
    rows2.reserve(n);
    for (const ContourPoint &p : points) {
        const double x = p.x - mx - cx, y = p.y - my - cy;
        rows2.push_back({x * x, y * y, x * y});
    }
    std::array<double, 3> q{};
    if (!leastSquares<3>(rows2, ones, q))
        return std::nullopt;
    // Eigenvalues of [[A, C/2], [C/2, B]].
    const double A = q[0], B = q[1], C = q[2] / 2;
    const double mean = (A + B) / 2;
    const double diff = std::sqrt((A - B) * (A - B) / 4 + C * C);
    const double l1 = mean + diff, l2 = mean - diff; // l1 >= l2
    if (l2 <= 0)
        return std::nullopt; // a hyperbola or parabola: no ellipse through these points
    EllipseAxes e;
    e.centreX = mx + cx;
    e.centreY = my + cy;
    e.major = 2.0 / std::sqrt(l2);
    e.minor = 2.0 / std::sqrt(l1);
    // Eigenvector of the smaller eigenvalue is the major axis direction.
    e.angleDegrees = std::atan2(l2 - A, C) * 180.0 / M_PI;
    if (std::fabs(C) < 1e-15)
        e.angleDegrees = A <= B ? 0.0 : 90.0;
    return e;
}

EllipseAxes EllipseFit::fromMoments(const std::vector<ContourPoint> &points)
{
    EllipseAxes e;
    const double n = double(points.size());
    if (points.empty())
        return e;
    double mx = 0, my = 0;
    for (const ContourPoint &p : points) {
        mx += p.x;
        my += p.y;
    }
    mx /= n;
    my /= n;
    double sxx = 0, syy = 0, sxy = 0;
    for (const ContourPoint &p : points) {
        sxx += (p.x - mx) * (p.x - mx);
        syy += (p.y - my) * (p.y - my);
        sxy += (p.x - mx) * (p.y - my);
    }
    sxx /= n;
    syy /= n;
    sxy /= n;
    const double mean = (sxx + syy) / 2, diff = std::sqrt((sxx - syy) * (sxx - syy) / 4 + sxy * sxy);
    const double l1 = mean + diff, l2 = std::max(0.0, mean - diff);
    e.centreX = mx;
    e.centreY = my;
    // For a filled ellipse the variance along an axis is (semi-axis)²/4.
    e.major = 4 * std::sqrt(l1);
    e.minor = 4 * std::sqrt(l2);
    e.angleDegrees = std::atan2(l1 - sxx, sxy) * 180.0 / M_PI;
    if (std::fabs(sxy) < 1e-15)
        e.angleDegrees = sxx >= syy ? 0.0 : 90.0;
    return e;
}

} // namespace neuroonco
