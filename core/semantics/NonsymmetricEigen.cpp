// EISPACK orthes + hqr2 (the algorithm of Wilkinson & Reinsch's Handbook, as also used by the
// public-domain JAMA library and OpenCV), written for the small matrices of the ellipse fit.
// The order of operations follows the classical algorithm so that results agree with OpenCV's
// to rounding, which matters for the degenerate matrices of nearly collinear point sets.
#include "core/semantics/NonsymmetricEigen.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>

namespace neuroonco {

namespace {

using Matrix = std::vector<std::vector<double>>;

// Complex division (xr + i xi) / (yr + i yi), scaled against overflow.
void complexDivide(double xr, double xi, double yr, double yi, double &outR, double &outI)
{
    if (std::fabs(yr) > std::fabs(yi)) {
        const double r = yi / yr, d = yr + r * yi;
        outR = (xr + r * xi) / d;
        outI = (xi - r * xr) / d;
    } else {
        const double r = yr / yi, d = yi + r * yr;
        outR = (r * xr + xi) / d;
        outI = (r * xi - xr) / d;
    }
}

// Householder reduction to upper Hessenberg form; v accumulates the transformations.
void toHessenberg(Matrix &h, Matrix &v)
{
    const int n = int(h.size());
    const int low = 0, high = n - 1;
    std::vector<double> ort(size_t(n), 0.0);
    for (int m = low + 1; m <= high - 1; ++m) {
        double scale = 0;
        for (int i = m; i <= high; ++i)
            scale += std::fabs(h[size_t(i)][size_t(m - 1)]);
        if (scale == 0)
            continue;
        double hh = 0;
        for (int i = high; i >= m; --i) {
            ort[size_t(i)] = h[size_t(i)][size_t(m - 1)] / scale;
            hh += ort[size_t(i)] * ort[size_t(i)];
        }
        double g = std::sqrt(hh);
        if (ort[size_t(m)] > 0)
            g = -g;
        hh -= ort[size_t(m)] * g;
        ort[size_t(m)] -= g;
        for (int j = m; j < n; ++j) {
            double f = 0;
            for (int i = high; i >= m; --i)
                f += ort[size_t(i)] * h[size_t(i)][size_t(j)];
            f /= hh;
            for (int i = m; i <= high; ++i)
                h[size_t(i)][size_t(j)] -= f * ort[size_t(i)];
        }
        for (int i = 0; i <= high; ++i) {
            double f = 0;
            for (int j = high; j >= m; --j)
                f += ort[size_t(j)] * h[size_t(i)][size_t(j)];
            f /= hh;
            for (int j = m; j <= high; ++j)
                h[size_t(i)][size_t(j)] -= f * ort[size_t(j)];
        }
        ort[size_t(m)] *= scale;
        h[size_t(m)][size_t(m - 1)] = scale * g;
    }
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            v[size_t(i)][size_t(j)] = i == j ? 1.0 : 0.0;
    for (int m = high - 1; m >= low + 1; --m) {
        if (h[size_t(m)][size_t(m - 1)] == 0)
            continue;
        for (int i = m + 1; i <= high; ++i)
            ort[size_t(i)] = h[size_t(i)][size_t(m - 1)];
        for (int j = m; j <= high; ++j) {
            double g = 0;
            for (int i = m; i <= high; ++i)
                g += ort[size_t(i)] * v[size_t(i)][size_t(j)];
            g = (g / ort[size_t(m)]) / h[size_t(m)][size_t(m - 1)];
            for (int i = m; i <= high; ++i)
                v[size_t(i)][size_t(j)] += g * ort[size_t(i)];
        }
    }
}

// Shifted double-step QR on the Hessenberg matrix to real Schur form (eigenvalues d + i e),
// then back-substitution for the vectors, transformed back by v.
void schurAndVectors(Matrix &h, Matrix &v, std::vector<double> &d, std::vector<double> &e)
{
    const int nn = int(h.size());
    const int low = 0, high = nn - 1;
    const double eps = std::pow(2.0, -52.0);
    int n = nn - 1;
    double exshift = 0, p = 0, q = 0, r = 0, s = 0, z = 0, t, w, x, y;

    double norm = 0;
    for (int i = 0; i < nn; ++i)
        for (int j = std::max(i - 1, 0); j < nn; ++j)
            norm += std::fabs(h[size_t(i)][size_t(j)]);
    auto H = [&](int i, int j) -> double & { return h[size_t(i)][size_t(j)]; };
    auto V = [&](int i, int j) -> double & { return v[size_t(i)][size_t(j)]; };

    int iter = 0;
    while (n >= low) {
        int l = n;
        while (l > low) {
            s = std::fabs(H(l - 1, l - 1)) + std::fabs(H(l, l));
            if (s == 0)
                s = norm;
            if (std::fabs(H(l, l - 1)) < eps * s)
                break;
            --l;
        }
        if (l == n) { // one root
            H(n, n) = H(n, n) + exshift;
            d[size_t(n)] = H(n, n);
            e[size_t(n)] = 0;
            --n;
            iter = 0;
        } else if (l == n - 1) { // two roots
            w = H(n, n - 1) * H(n - 1, n);
            p = (H(n - 1, n - 1) - H(n, n)) / 2.0;
            q = p * p + w;
            z = std::sqrt(std::fabs(q));
            H(n, n) = H(n, n) + exshift;
            H(n - 1, n - 1) = H(n - 1, n - 1) + exshift;
            x = H(n, n);
            if (q >= 0) { // a real pair
                z = p >= 0 ? p + z : p - z;
                d[size_t(n - 1)] = x + z;
                d[size_t(n)] = d[size_t(n - 1)];
                if (z != 0)
                    d[size_t(n)] = x - w / z;
                e[size_t(n - 1)] = 0;
                e[size_t(n)] = 0;
                x = H(n, n - 1);
                s = std::fabs(x) + std::fabs(z);
                p = x / s;
                q = z / s;
                r = std::sqrt(p * p + q * q);
                p /= r;
                q /= r;
                for (int j = n - 1; j < nn; ++j) {
                    z = H(n - 1, j);
                    H(n - 1, j) = q * z + p * H(n, j);
                    H(n, j) = q * H(n, j) - p * z;
                }
                for (int i = 0; i <= n; ++i) {
                    z = H(i, n - 1);
                    H(i, n - 1) = q * z + p * H(i, n);
                    H(i, n) = q * H(i, n) - p * z;
                }
                for (int i = low; i <= high; ++i) {
                    z = V(i, n - 1);
                    V(i, n - 1) = q * z + p * V(i, n);
                    V(i, n) = q * V(i, n) - p * z;
                }
            } else { // a complex pair
                d[size_t(n - 1)] = x + p;
                d[size_t(n)] = x + p;
                e[size_t(n - 1)] = z;
                e[size_t(n)] = -z;
            }
            n -= 2;
            iter = 0;
        } else { // not converged yet: a double shifted QR step
            x = H(n, n);
            y = 0;
            w = 0;
            if (l < n) {
                y = H(n - 1, n - 1);
                w = H(n, n - 1) * H(n - 1, n);
            }
            if (iter == 10) { // Wilkinson's exceptional shift
                exshift += x;
                for (int i = low; i <= n; ++i)
                    H(i, i) -= x;
                s = std::fabs(H(n, n - 1)) + std::fabs(H(n - 1, n - 2));
                x = y = 0.75 * s;
                w = -0.4375 * s * s;
            }
            if (iter == 30) { // a second exceptional shift
                s = (y - x) / 2.0;
                s = s * s + w;
                if (s > 0) {
                    s = std::sqrt(s);
                    if (y < x)
                        s = -s;
                    s = x - w / ((y - x) / 2.0 + s);
                    for (int i = low; i <= n; ++i)
                        H(i, i) -= s;
                    exshift += s;
                    x = y = w = 0.964;
                }
            }
            ++iter;
            if (iter > 1000)
                break; // does not happen for the 3×3 matrices of the fit; guards a bug from looping
            int m = n - 2;
            while (m >= l) {
                z = H(m, m);
                r = x - z;
                s = y - z;
                p = (r * s - w) / H(m + 1, m) + H(m, m + 1);
                q = H(m + 1, m + 1) - z - r - s;
                r = H(m + 2, m + 1);
                s = std::fabs(p) + std::fabs(q) + std::fabs(r);
                p /= s;
                q /= s;
                r /= s;
                if (m == l)
                    break;
                if (std::fabs(H(m, m - 1)) * (std::fabs(q) + std::fabs(r)) <
                    eps * (std::fabs(p) * (std::fabs(H(m - 1, m - 1)) + std::fabs(z) +
                                           std::fabs(H(m + 1, m + 1)))))
                    break;
                --m;
            }
            for (int i = m + 2; i <= n; ++i) {
                H(i, i - 2) = 0;
                if (i > m + 2)
                    H(i, i - 3) = 0;
            }
            for (int k = m; k <= n - 1; ++k) {
                const bool notLast = k != n - 1;
                if (k != m) {
                    p = H(k, k - 1);
                    q = H(k + 1, k - 1);
                    r = notLast ? H(k + 2, k - 1) : 0.0;
                    x = std::fabs(p) + std::fabs(q) + std::fabs(r);
                    if (x == 0)
                        continue;
                    p /= x;
                    q /= x;
                    r /= x;
                }
                s = std::sqrt(p * p + q * q + r * r);
                if (p < 0)
                    s = -s;
                if (s == 0)
                    continue;
                if (k != m)
                    H(k, k - 1) = -s * x;
                else if (l != m)
                    H(k, k - 1) = -H(k, k - 1);
                p += s;
                x = p / s;
                y = q / s;
                z = r / s;
                q /= p;
                r /= p;
                for (int j = k; j < nn; ++j) {
                    p = H(k, j) + q * H(k + 1, j);
                    if (notLast) {
                        p += r * H(k + 2, j);
                        H(k + 2, j) -= p * z;
                    }
                    H(k, j) -= p * x;
                    H(k + 1, j) -= p * y;
                }
                for (int i = 0; i <= std::min(n, k + 3); ++i) {
                    p = x * H(i, k) + y * H(i, k + 1);
                    if (notLast) {
                        p += z * H(i, k + 2);
                        H(i, k + 2) -= p * r;
                    }
                    H(i, k) -= p;
                    H(i, k + 1) -= p * q;
                }
                for (int i = low; i <= high; ++i) {
                    p = x * V(i, k) + y * V(i, k + 1);
                    if (notLast) {
                        p += z * V(i, k + 2);
                        V(i, k + 2) -= p * r;
                    }
                    V(i, k) -= p;
                    V(i, k + 1) -= p * q;
                }
            }
        }
    }

    if (norm == 0)
        return;
    // Back-substitution in the triangular (Schur) form.
    for (n = nn - 1; n >= 0; --n) {
        p = d[size_t(n)];
        q = e[size_t(n)];
        if (q == 0) { // a real vector
            int l = n;
            H(n, n) = 1.0;
            for (int i = n - 1; i >= 0; --i) {
                w = H(i, i) - p;
                r = 0;
                for (int j = l; j <= n; ++j)
                    r += H(i, j) * H(j, n);
                if (e[size_t(i)] < 0) {
                    z = w;
                    s = r;
                    continue;
                }
                l = i;
                if (e[size_t(i)] == 0) {
                    H(i, n) = w != 0 ? -r / w : -r / (eps * norm);
                } else {
                    x = H(i, i + 1);
                    y = H(i + 1, i);
                    q = (d[size_t(i)] - p) * (d[size_t(i)] - p) + e[size_t(i)] * e[size_t(i)];
                    t = (x * s - z * r) / q;
                    H(i, n) = t;
                    H(i + 1, n) = std::fabs(x) > std::fabs(z) ? (-r - w * t) / x : (-s - y * t) / z;
                }
                t = std::fabs(H(i, n));
                if ((eps * t) * t > 1)
                    for (int j = i; j <= n; ++j)
                        H(j, n) /= t;
            }
        } else if (q < 0) { // a complex vector (real part in column n-1, imaginary in n)
            int l = n - 1;
            if (std::fabs(H(n, n - 1)) > std::fabs(H(n - 1, n))) {
                H(n - 1, n - 1) = q / H(n, n - 1);
                H(n - 1, n) = -(H(n, n) - p) / H(n, n - 1);
            } else {
                complexDivide(0.0, -H(n - 1, n), H(n - 1, n - 1) - p, q, H(n - 1, n - 1),
                              H(n - 1, n));
            }
            H(n, n - 1) = 0;
            H(n, n) = 1;
            for (int i = n - 2; i >= 0; --i) {
                double ra = 0, sa = 0;
                for (int j = l; j <= n; ++j) {
                    ra += H(i, j) * H(j, n - 1);
                    sa += H(i, j) * H(j, n);
                }
                w = H(i, i) - p;
                if (e[size_t(i)] < 0) {
                    z = w;
                    r = ra;
                    s = sa;
                    continue;
                }
                l = i;
                if (e[size_t(i)] == 0) {
                    complexDivide(-ra, -sa, w, q, H(i, n - 1), H(i, n));
                } else {
                    x = H(i, i + 1);
                    y = H(i + 1, i);
                    double vr = (d[size_t(i)] - p) * (d[size_t(i)] - p) +
                                e[size_t(i)] * e[size_t(i)] - q * q;
                    const double vi = (d[size_t(i)] - p) * 2.0 * q;
                    if (vr == 0 && vi == 0)
                        vr = eps * norm *
                             (std::fabs(w) + std::fabs(q) + std::fabs(x) + std::fabs(y) +
                              std::fabs(z));
                    complexDivide(x * r - z * ra + q * sa, x * s - z * sa - q * ra, vr, vi,
                                  H(i, n - 1), H(i, n));
                    if (std::fabs(x) > std::fabs(z) + std::fabs(q)) {
                        H(i + 1, n - 1) = (-ra - w * H(i, n - 1) + q * H(i, n)) / x;
                        H(i + 1, n) = (-sa - w * H(i, n) - q * H(i, n - 1)) / x;
                    } else {
                        complexDivide(-r - y * H(i, n - 1), -s - y * H(i, n), z, q, H(i + 1, n - 1),
                                      H(i + 1, n));
                    }
                }
                t = std::max(std::fabs(H(i, n - 1)), std::fabs(H(i, n)));
                if ((eps * t) * t > 1)
                    for (int j = i; j <= n; ++j) {
                        H(j, n - 1) /= t;
                        H(j, n) /= t;
                    }
            }
        }
    }
    // Back to the original basis.
    for (int j = nn - 1; j >= low; --j)
        for (int i = low; i <= high; ++i) {
            z = 0;
            for (int k = low; k <= std::min(j, high); ++k)
                z += V(i, k) * H(k, j);
            V(i, j) = z;
        }
}

} // namespace

NonsymmetricEigen::Result NonsymmetricEigen::decompose(std::vector<std::vector<double>> a)
{
    const size_t n = a.size();
    Matrix v(n, std::vector<double>(n, 0.0));
    std::vector<double> d(n, 0.0), e(n, 0.0);
    toHessenberg(a, v);
    schurAndVectors(a, v, d, e);
    // Descending by real part: an ascending sort (stable for these sizes) reversed, so equal
    // values come out in reverse order, as OpenCV's sortIdx gives them.
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return d[x] < d[y]; });
    std::reverse(order.begin(), order.end());
    Result out;
    for (size_t k : order) {
        out.values.push_back(d[k]);
        std::vector<double> column(n);
        for (size_t i = 0; i < n; ++i)
            column[i] = v[i][k];
        out.vectors.push_back(std::move(column));
    }
    return out;
}

} // namespace neuroonco
