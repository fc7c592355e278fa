// Small raster operations on core's image buffers: resampling, cropping, blurring.
#pragma once

#include "core/imaging/ImageTypes.h"

namespace neuroonco::imageops {

// Area-averaging downscale / bilinear upscale to an exact size (used for hashes and thumbnails).
GrayImage resizeArea(const GrayImage &image, int width, int height);
GrayImage resizeBilinear(const GrayImage &image, int width, int height);
// Nearest-neighbour resize for masks (keeps values binary).
GrayImage resizeNearest(const GrayImage &image, int width, int height);
FloatImage resizeBilinear(const FloatImage &image, int width, int height);
GrayImage crop(const GrayImage &image, int x, int y, int width, int height);
// Separable Gaussian blur; sigma in pixels (no-op for sigma <= 0).
FloatImage gaussianBlur(const FloatImage &image, double sigma);
FloatImage toFloat(const GrayImage &image);
// Rounds and clamps to 0..255.
GrayImage toGray(const FloatImage &image);
// Chamfer (3-4) distance, in pixels, from every pixel where `inside` is true to the nearest
// pixel where it is false (0 outside). Pixels beyond the image border count as outside.
std::vector<float> distanceToOutside(const std::vector<bool> &inside, int width, int height);

} // namespace neuroonco::imageops
