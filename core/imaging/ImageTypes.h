// Plain image and volume buffers used across core. No ITK types here: ITK stays inside the
// imaging .cpp files.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace neuroonco {

// 8-bit greyscale, row-major, top row first.
struct GrayImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    GrayImage() = default;
    GrayImage(int w, int h, std::uint8_t fill = 0)
        : width(w)
        , height(h)
        , pixels(std::size_t(w) * std::size_t(h), fill)
    {}
    bool isEmpty() const { return width <= 0 || height <= 0 || pixels.empty(); }
    std::uint8_t at(int x, int y) const { return pixels[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
    std::uint8_t &at(int x, int y) { return pixels[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
};

// 8-bit RGB, interleaved, row-major.
struct RgbImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // r, g, b, r, g, b, …

    RgbImage() = default;
    RgbImage(int w, int h)
        : width(w)
        , height(h)
        , pixels(std::size_t(w) * std::size_t(h) * 3, 0)
    {}
};

// An image as decoded from a file, before standardisation: any channel count, 8 or 16 bits
// (or float for DICOM/MAT data after rescaling). Samples are interleaved, row-major.
struct DecodedImage
{
    int width = 0;
    int height = 0;
    int channels = 1;
    int bitsPerSample = 8;   // 8, 16, or 32 for float data
    bool isFloat = false;
    std::vector<float> samples;

    float sample(int x, int y, int c = 0) const
    {
        return samples[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * std::size_t(channels) + std::size_t(c)];
    }
};

// A 3D scalar volume (NIfTI, DICOM series, phantoms). Voxels are x-fastest.
struct Volume
{
    std::array<int, 3> dims{0, 0, 0};
    std::array<double, 3> spacing{1, 1, 1};
    std::array<double, 3> origin{0, 0, 0};
    // Direction cosines, row-major 3×3 (ITK/LPS convention): column j is index axis j.
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};
    std::vector<float> voxels;

    Volume() = default;
    Volume(int nx, int ny, int nz, float fill = 0.f)
        : dims{nx, ny, nz}
        , voxels(std::size_t(nx) * std::size_t(ny) * std::size_t(nz), fill)
    {}
    std::size_t index(int x, int y, int z) const
    {
        return (std::size_t(z) * std::size_t(dims[1]) + std::size_t(y)) * std::size_t(dims[0]) + std::size_t(x);
    }
    float at(int x, int y, int z) const { return voxels[index(x, y, z)]; }
    float &at(int x, int y, int z) { return voxels[index(x, y, z)]; }
    bool isEmpty() const { return voxels.empty(); }
};

// A 2D float slice (from a volume or a 16-bit image) before windowing to 8 bits.
struct FloatImage
{
    int width = 0;
    int height = 0;
    std::vector<float> pixels;
};

} // namespace neuroonco
