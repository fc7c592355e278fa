// OpenCV-4.6-compatible ellipse fitting. Written from the published descriptions of the two
// methods (Fitzgibbon/Halíř–Flusser's direct fit; the algebraic two-step fit with an SVD least
// squares) and checked number by number against cv2.fitEllipse; the places where the library's
// arithmetic decides a result (single-precision points and outputs, the singular-value test and
// the fixed nudge of degenerate point sets, the pseudo-inverse cut-off) are kept as it has them.
#include "core/semantics/EllipseFit.h"

#include "core/semantics/NonsymmetricEigen.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>

namespace neuroonco {

namespace {

// Least squares by singular value decomposition (one-sided Jacobi on the columns). `rows` is
// n × K. Singular values come out in descending order; the solution drops every singular
// value at or below 2·DBL_EPSILON times their sum, the cut-off of OpenCV's back-substitution.
template<int K> struct Svd
{
    std::array<double, K> w{};                // singular values, descending
    std::array<std::array<double, K>, K> v{}; // right singular vectors (columns)
    std::vector<std::array<double, K>> u;     // left singular vectors (columns), n × K

    explicit Svd(const std::vector<std::array<double, K>> &rows)
        : u(rows)
    {
        const size_t n = u.size();
        for (int i = 0; i < K; ++i)
            for (int j = 0; j < K; ++j)
                v[size_t(i)][size_t(j)] = i == j ? 1.0 : 0.0;
        for (int sweep = 0; sweep < 60; ++sweep) {
            bool rotated = false;
            for (int p = 0; p < K - 1; ++p)
                for (int q = p + 1; q < K; ++q) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (size_t r = 0; r < n; ++r) {
                        alpha += u[r][size_t(p)] * u[r][size_t(p)];
                        beta += u[r][size_t(q)] * u[r][size_t(q)];
                        gamma += u[r][size_t(p)] * u[r][size_t(q)];
                    }
                    if (std::fabs(gamma) <= DBL_EPSILON * std::sqrt(alpha * beta) || gamma == 0)
                        continue;
                    rotated = true;
                    const double zeta = (beta - alpha) / (2 * gamma);
                    const double t =
                        (zeta >= 0 ? 1.0 : -1.0) / (std::fabs(zeta) + std::sqrt(1 + zeta * zeta));
                    const double c = 1 / std::sqrt(1 + t * t), s = c * t;
                    for (size_t r = 0; r < n; ++r) {
                        const double a = u[r][size_t(p)], b = u[r][size_t(q)];
                        u[r][size_t(p)] = c * a - s * b;
                        u[r][size_t(q)] = s * a + c * b;
                    }
                    for (int r = 0; r < K; ++r) {
                        const double a = v[size_t(r)][size_t(p)], b = v[size_t(r)][size_t(q)];
                        v[size_t(r)][size_t(p)] = c * a - s * b;
                        v[size_t(r)][size_t(q)] = s * a + c * b;
                    }
                }
            if (!rotated)
                break;
        }
        std::array<int, K> order{};
        for (int i = 0; i < K; ++i) {
            order[size_t(i)] = i;
            double norm = 0;
            for (size_t r = 0; r < n; ++r)
                norm += u[r][size_t(i)] * u[r][size_t(i)];
            w[size_t(i)] = std::sqrt(norm);
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return w[size_t(a)] > w[size_t(b)]; });
        const std::array<double, K> unsortedW = w;
        const auto unsortedV = v;
        const auto unsortedU = u;
        for (int i = 0; i < K; ++i) {
            const int from = order[size_t(i)];
            w[size_t(i)] = unsortedW[size_t(from)];
            for (int r = 0; r < K; ++r)
                v[size_t(r)][size_t(i)] = unsortedV[size_t(r)][size_t(from)];
            for (size_t r = 0; r < n; ++r)
                u[r][size_t(i)] =
                    w[size_t(i)] > 0 ? unsortedU[r][size_t(from)] / w[size_t(i)] : 0.0;
        }
    }

    std::array<double, K> solve(const std::vector<double> &rhs) const
    {
        double threshold = 0;
        for (double s : w)
            threshold += s;
        threshold *= 2 * DBL_EPSILON;
        std::array<double, K> x{};
        for (int i = 0; i < K; ++i) {
            if (std::fabs(w[size_t(i)]) <= threshold)
                continue;
            double projection = 0;
            for (size_t r = 0; r < u.size(); ++r)
                projection += u[r][size_t(i)] * rhs[r];
            projection /= w[size_t(i)];
            for (int j = 0; j < K; ++j)
                x[size_t(j)] += v[size_t(j)][size_t(i)] * projection;
        }
        return x;
    }
};

// The library's fixed nudge for a degenerate point set: ±eps in x and y, cycling with the index.
float nudgeX(size_t i, float eps)
{
    return float(int(i & 1) * 2 - 1) * eps;
}
float nudgeY(size_t i, float eps)
{
    return float(int(i & 2) - 1) * eps;
}

EllipseAxes fromBox(double centreX, double centreY, float width, float height, float angle)
{
    // The published code takes max/min of the box's two sides with Python's semantics (a NaN
    // side first stays; the minor side must compare > 0 for an elongation to exist).
    EllipseAxes e;
    e.centreX = centreX;
    e.centreY = centreY;
    e.major = double(height > width ? height : width);
    e.minor = double(height < width ? height : width);
    e.angleDegrees = double(angle);
    return e;
}

// Two-step algebraic fit: -A x² - B y² - C xy + D x + E y = 10000 (scaled, centred points) for
// the conic and its centre, then A x² + B y² + C xy = 1 about that centre for axes and angle.
EllipseAxes fitAlgebraic(const std::vector<ContourPoint> &points)
{
    const size_t n = points.size();
    std::vector<float> fx(n), fy(n);
    float meanX = 0, meanY = 0;
    for (size_t i = 0; i < n; ++i) {
        fx[i] = float(points[i].x);
        fy[i] = float(points[i].y);
        meanX += fx[i];
        meanY += fy[i];
    }
    meanX /= float(n);
    meanY /= float(n);
    double spread = 0;
    for (size_t i = 0; i < n; ++i)
        spread += double(std::fabs(fx[i] - meanX) + std::fabs(fy[i] - meanY));
    const double scale = 100. / (spread > FLT_EPSILON ? spread : double(FLT_EPSILON));

    auto conicRows = [&] {
        std::vector<std::array<double, 5>> rows(n);
        for (size_t i = 0; i < n; ++i) {
            const double px = double(fx[i] - meanX) * scale, py = double(fy[i] - meanY) * scale;
            rows[i] = {-px * px, -py * py, -px * py, px, py};
        }
        return rows;
    };
    Svd<5> conic(conicRows());
    if (conic.w[0] * FLT_EPSILON > conic.w[4]) {
        // Collinear or otherwise degenerate: nudge the points and fit again.
        const float eps = float(spread / double(n * 2) * 1e-3);
        for (size_t i = 0; i < n; ++i) {
            fx[i] = fx[i] + nudgeX(i, eps);
            fy[i] = fy[i] + nudgeY(i, eps);
        }
        conic = Svd<5>(conicRows());
    }
    const std::array<double, 5> g = conic.solve(std::vector<double>(n, 10000.0));

    // Centre: the conic's gradient vanishes there.
    const Svd<2> centreSystem({{2 * g[0], g[2]}, {g[2], 2 * g[1]}});
    const std::array<double, 2> centre = centreSystem.solve({g[3], g[4]});

    std::vector<std::array<double, 3>> rows(n);
    for (size_t i = 0; i < n; ++i) {
        const double px = double(fx[i] - meanX) * scale - centre[0];
        const double py = double(fy[i] - meanY) * scale - centre[1];
        rows[i] = {px * px, py * py, px * py};
    }
    const std::array<double, 3> q = Svd<3>(rows).solve(std::vector<double>(n, 1.0));

    const double theta = -0.5 * std::atan2(q[2], q[1] - q[0]);
    const double t = std::fabs(q[2]) > 1e-8 ? q[2] / std::sin(-2.0 * theta) : q[1] - q[0];
    double r1 = std::fabs(q[0] + q[1] - t);
    if (r1 > 1e-8)
        r1 = std::sqrt(2.0 / r1);
    double r2 = std::fabs(q[0] + q[1] + t);
    if (r2 > 1e-8)
        r2 = std::sqrt(2.0 / r2);

    const double centreX = double(float(centre[0] / scale) + meanX);
    const double centreY = double(float(centre[1] / scale) + meanY);
    float width = float(r1 * 2 / scale), height = float(r2 * 2 / scale);
    float angle = 0;
    if (width > height) {
        std::swap(width, height);
        angle = float(90 + theta * 180 / M_PI);
    }
    if (angle < -180)
        angle += 360;
    if (angle > 360)
        angle -= 360;
    return fromBox(centreX, centreY, width, height, angle);
}

// Halíř–Flusser's direct least-squares ellipse fit, which OpenCV uses for exactly five
// points: the scatter matrix of [x², xy, y², x, y, 1] (points about their mean, scaled to a
// mean absolute offset of 100/n) is reduced to the quadratic terms, and the eigenvector that
// meets the ellipse condition 4ac - b² > 0 is taken. As in OpenCV, a reduced matrix with
// |det| <= 1e-10 sends the points, nudged, round once more, and then to the algebraic fit.
//
// For exactly five points that matrix is singular in exact arithmetic, so OpenCV's test sees
// only rounding residue, and whether its residue or ours falls below 1e-10 depends on the
// order of the sums. On some five-point sets the two therefore nudge differently and the
// axes differ by about a percent; tests/core/tst_semantics.cpp measures how often.
std::optional<EllipseAxes> fitDirect(const std::vector<ContourPoint> &points)
{
    const size_t n = points.size();
    double meanX = 0, meanY = 0;
    for (const ContourPoint &p : points) {
        meanX += double(float(p.x));
        meanY += double(float(p.y));
    }
    meanX /= double(n);
    meanY /= double(n);
    double spread = 0;
    for (const ContourPoint &p : points)
        spread += std::fabs(double(float(p.x)) - meanX) + std::fabs(double(float(p.y)) - meanY);
    const double scale = 100. / (spread > FLT_EPSILON ? spread : double(FLT_EPSILON));

    float eps = 0;
    std::array<std::array<double, 3>, 3> tm{}, m{};
    double ts = 0;
    bool solved = false;
    for (int attempt = 0; attempt < 2 && !solved; ++attempt) {
        double d[6][6] = {};
        for (size_t i = 0; i < n; ++i) {
            const double px = (double(float(points[i].x) + nudgeX(i, eps)) - meanX) * scale;
            const double py = (double(float(points[i].y) + nudgeY(i, eps)) - meanY) * scale;
            const double row[6] = {px * px, px * py, py * py, px, py, 1.0};
            for (int r = 0; r < 6; ++r)
                for (int c = 0; c < 6; ++c)
                    d[r][c] += row[r] * row[c];
        }
        for (auto &row : d)
            for (double &v : row)
                v *= 1.0 / double(n);
        // T = -S3⁻¹ S2ᵀ (the linear terms as a function of the quadratic ones), kept as
        // adjugate products (tm) over det S3 (ts).
        auto s3 = [&](int r, int c) { return d[3 + r][3 + c]; };
        ts = s3(0, 0) * (s3(1, 1) * s3(2, 2) - s3(1, 2) * s3(2, 1)) -
             s3(0, 1) * (s3(1, 0) * s3(2, 2) - s3(1, 2) * s3(2, 0)) +
             s3(0, 2) * (s3(1, 0) * s3(2, 1) - s3(1, 1) * s3(2, 0));
        double adj[3][3];
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) {
                const int r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3;
                adj[r][c] = s3(r1, c1) * s3(r2, c2) - s3(r1, c2) * s3(r2, c1);
            }
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) {
                double sum = 0;
                for (int k = 0; k < 3; ++k)
                    sum += adj[r][k] * d[c][3 + k];
                tm[size_t(r)][size_t(c)] = -sum;
            }
        // S = S1 + S2 T, then C1⁻¹ S with C1 the constraint matrix of 4ac - b².
        std::array<std::array<double, 3>, 3> sm{};
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                sm[size_t(r)][size_t(c)] =
                    d[r][c] + (d[r][3] * tm[0][size_t(c)] + d[r][4] * tm[1][size_t(c)] +
                               d[r][5] * tm[2][size_t(c)]) /
                                  ts;
        for (int c = 0; c < 3; ++c) {
            m[0][size_t(c)] = sm[2][size_t(c)] / 2.;
            m[1][size_t(c)] = -sm[1][size_t(c)];
            m[2][size_t(c)] = sm[0][size_t(c)] / 2.;
        }
        const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
                           m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (std::fabs(det) > 1.0e-10)
            solved = true;
        else
            eps = float(spread / double(n * 2) * 1e-2);
    }
    if (!solved)
        return std::nullopt; // the caller falls back to the algebraic fit, as OpenCV does

    // The eigenvector meeting the ellipse condition 4ac - b² > 0 best, compared as the
    // eigen-solver scales them (ties to the later candidate, as OpenCV's comparisons go).
    const NonsymmetricEigen::Result eigen = NonsymmetricEigen::decompose(
        {{m[0][0], m[0][1], m[0][2]}, {m[1][0], m[1][1], m[1][2]}, {m[2][0], m[2][1], m[2][2]}});
    double condition[3];
    for (int k = 0; k < 3; ++k) {
        const std::vector<double> &v = eigen.vectors[size_t(k)];
        condition[k] = 4.0 * v[0] * v[2] - v[1] * v[1];
    }
    const int pick = condition[0] < condition[1] ? (condition[1] < condition[2] ? 2 : 1)
                                                 : (condition[0] < condition[2] ? 2 : 0);
    const std::vector<double> &v = eigen.vectors[size_t(pick)];
    double norm = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if ((v[0] < 0 ? -1 : 1) * (v[1] < 0 ? -1 : 1) * (v[2] < 0 ? -1 : 1) <= 0)
        norm = -norm;
    const double a = v[0] / norm, b = v[1] / norm, c = v[2] / norm;
    // The linear terms follow from the quadratic ones.
    const double dd = (tm[0][0] * a + tm[0][1] * b + tm[0][2] * c) / ts;
    const double ee = (tm[1][0] * a + tm[1][1] * b + tm[1][2] * c) / ts;
    const double ff = (tm[2][0] * a + tm[2][1] * b + tm[2][2] * c) / ts;

    // Conic a x² + b xy + c y² + d x + e y + f = 0 → centre, semi-axes, angle.
    const double numerator =
        c * dd * dd - b * dd * ee + a * ee * ee + b * b * ff - 4.0 * a * c * ff;
    const double root = std::sqrt(b * b + (a - c) * (a - c));
    const double sum = a + c;
    const double disc = b * b - 4 * a * c;
    const double x0 = (2 * c * dd - b * ee) / disc / scale + meanX;
    const double y0 = (2 * a * ee - b * dd) / disc / scale + meanY;
    const double semiA = std::sqrt(2.) * std::sqrt(numerator / ((root - sum) * disc)) / scale;
    const double semiB =
        std::sqrt(2.) * std::sqrt(-1.0 * (numerator / ((root + sum) * disc))) / scale;
    double theta;
    if (b == 0)
        theta = a < c ? 0 : M_PI / 2.;
    else
        theta = M_PI / 2. + 0.5 * std::atan2(b, a - c);
    float width = float(2.0 * semiA), height = float(2.0 * semiB);
    float angle;
    if (width > height) {
        std::swap(width, height);
        angle = float(std::fmod(90 + theta * 180 / M_PI, 180.0));
    } else {
        angle = float(std::fmod(theta * 180 / M_PI, 180.0));
    }
    return fromBox(double(float(x0)), double(float(y0)), width, height, angle);
}

} // namespace

std::optional<EllipseAxes> EllipseFit::fit(const std::vector<ContourPoint> &points)
{
    if (points.size() < 5)
        return std::nullopt;
    if (points.size() == 5) {
        if (std::optional<EllipseAxes> direct = fitDirect(points))
            return direct;
    }
    return fitAlgebraic(points);
}

} // namespace neuroonco
