// Straightforward, allocation-light implementations; images here are at most a few megapixels.
#include "core/imaging/ImageOps.h"

#include <algorithm>
#include <cmath>

namespace neuroonco::imageops {

GrayImage resizeArea(const GrayImage &image, int width, int height)
{
    if (width >= image.width || height >= image.height)
        return resizeBilinear(image, width, height);
    GrayImage out(width, height);
    const double sx = double(image.width) / width;
    const double sy = double(image.height) / height;
    for (int y = 0; y < height; ++y) {
        const double y0 = y * sy, y1 = (y + 1) * sy;
        for (int x = 0; x < width; ++x) {
            const double x0 = x * sx, x1 = (x + 1) * sx;
            double sum = 0, weight = 0;
            for (int yy = int(y0); yy < std::min(image.height, int(std::ceil(y1))); ++yy) {
                const double wy = std::min(y1, yy + 1.0) - std::max(y0, double(yy));
                for (int xx = int(x0); xx < std::min(image.width, int(std::ceil(x1))); ++xx) {
                    const double wx = std::min(x1, xx + 1.0) - std::max(x0, double(xx));
                    sum += wx * wy * image.at(xx, yy);
                    weight += wx * wy;
                }
            }
            out.at(x, y) = std::uint8_t(std::clamp(std::lround(sum / std::max(weight, 1e-9)), 0L, 255L));
        }
    }
    return out;
}

FloatImage resizeBilinear(const FloatImage &image, int width, int height)
{
    FloatImage out{width, height, std::vector<float>(size_t(width) * size_t(height))};
    const double sx = double(image.width) / width;
    const double sy = double(image.height) / height;
    for (int y = 0; y < height; ++y) {
        const double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, double(image.height - 1));
        const int y0 = int(fy);
        const int y1 = std::min(y0 + 1, image.height - 1);
        const float ty = float(fy - y0);
        for (int x = 0; x < width; ++x) {
            const double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, double(image.width - 1));
            const int x0 = int(fx);
            const int x1 = std::min(x0 + 1, image.width - 1);
            const float tx = float(fx - x0);
            auto px = [&](int xx, int yy) { return image.pixels[size_t(yy) * size_t(image.width) + size_t(xx)]; };
            const float top = px(x0, y0) * (1 - tx) + px(x1, y0) * tx;
            const float bottom = px(x0, y1) * (1 - tx) + px(x1, y1) * tx;
            out.pixels[size_t(y) * size_t(width) + size_t(x)] = top * (1 - ty) + bottom * ty;
        }
    }
    return out;
}

GrayImage resizeBilinear(const GrayImage &image, int width, int height)
{
    return toGray(resizeBilinear(toFloat(image), width, height));
}

GrayImage resizeNearest(const GrayImage &image, int width, int height)
{
    GrayImage out(width, height);
    for (int y = 0; y < height; ++y) {
        const int sy = std::min(image.height - 1, int((y + 0.5) * image.height / height));
        for (int x = 0; x < width; ++x) {
            const int sx = std::min(image.width - 1, int((x + 0.5) * image.width / width));
            out.at(x, y) = image.at(sx, sy);
        }
    }
    return out;
}

GrayImage crop(const GrayImage &image, int x, int y, int width, int height)
{
    x = std::clamp(x, 0, image.width);
    y = std::clamp(y, 0, image.height);
    width = std::clamp(width, 0, image.width - x);
    height = std::clamp(height, 0, image.height - y);
    GrayImage out(width, height);
    for (int r = 0; r < height; ++r)
        std::copy_n(&image.pixels[size_t(y + r) * size_t(image.width) + size_t(x)], size_t(width),
                    &out.pixels[size_t(r) * size_t(width)]);
    return out;
}

FloatImage gaussianBlur(const FloatImage &image, double sigma)
{
    if (sigma <= 0 || image.pixels.empty())
        return image;
    const int radius = std::max(1, int(std::ceil(3 * sigma)));
    std::vector<float> kernel(size_t(2 * radius + 1));
    float sum = 0;
    for (int i = -radius; i <= radius; ++i) {
        kernel[size_t(i + radius)] = float(std::exp(-(i * i) / (2 * sigma * sigma)));
        sum += kernel[size_t(i + radius)];
    }
    for (float &k : kernel)
        k /= sum;
    const int w = image.width, h = image.height;
    std::vector<float> tmp(image.pixels.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -radius; i <= radius; ++i) {
                const int xx = std::clamp(x + i, 0, w - 1);
                acc += kernel[size_t(i + radius)] * image.pixels[size_t(y) * size_t(w) + size_t(xx)];
            }
            tmp[size_t(y) * size_t(w) + size_t(x)] = acc;
        }
    FloatImage out{w, h, std::vector<float>(image.pixels.size())};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -radius; i <= radius; ++i) {
                const int yy = std::clamp(y + i, 0, h - 1);
                acc += kernel[size_t(i + radius)] * tmp[size_t(yy) * size_t(w) + size_t(x)];
            }
            out.pixels[size_t(y) * size_t(w) + size_t(x)] = acc;
        }
    return out;
}

FloatImage toFloat(const GrayImage &image)
{
    FloatImage out{image.width, image.height, std::vector<float>(image.pixels.begin(), image.pixels.end())};
    return out;
}

GrayImage toGray(const FloatImage &image)
{
    GrayImage out(image.width, image.height);
    for (size_t i = 0; i < image.pixels.size(); ++i)
        out.pixels[i] = std::uint8_t(std::clamp(std::lround(image.pixels[i]), 0L, 255L));
    return out;
}

std::vector<float> distanceToOutside(const std::vector<bool> &inside, int width, int height)
{
    constexpr float kInf = 1e9f;
    std::vector<float> d(inside.size());
    for (size_t i = 0; i < inside.size(); ++i)
        d[i] = inside[i] ? kInf : 0.f;
    auto at = [&](int x, int y) -> float {
        if (x < 0 || y < 0 || x >= width || y >= height)
            return 0.f;
        return d[size_t(y) * size_t(width) + size_t(x)];
    };
    // Forward and backward passes with weights 3 (edge) and 4 (diagonal), divided by 3 at the end.
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            float &v = d[size_t(y) * size_t(width) + size_t(x)];
            if (v == 0.f)
                continue;
            v = std::min({v, at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4});
        }
    for (int y = height - 1; y >= 0; --y)
        for (int x = width - 1; x >= 0; --x) {
            float &v = d[size_t(y) * size_t(width) + size_t(x)];
            if (v == 0.f)
                continue;
            v = std::min({v, at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4});
        }
    for (float &v : d)
        v /= 3.f;
    return d;
}

} // namespace neuroonco::imageops
