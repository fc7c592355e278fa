// Fingerprints of canonical images: an exact hash of the decoded pixels and perceptual hashes
// for near-duplicate search. Brain slices all share an oval head outline that dominates the low
// frequencies, so the perceptual hashes are computed on the head's bounding box (found by a
// robust threshold) resampled to a fixed size: that cancels crops, padding, shifts and
// rescaling, and leaves the anatomy inside to tell images apart.
#pragma once

#include "core/imaging/ImageTypes.h"

#include <QString>

#include <array>
#include <cstdint>

namespace neuroonco::imagehash {

using FineHash = std::array<std::uint64_t, 4>; // 256 bits

struct Fingerprint
{
    QString pixelHash;       // SHA-1 of width, height and pixels
    std::uint64_t dHash = 0; // 9×8 gradient signs of the head box
    std::uint64_t pHash = 0; // 8×8 lowest DCT frequencies of the head box (32×32)
    FineHash fine{};         // 16×16 lowest DCT frequencies of the head box (64×64)
};

Fingerprint fingerprint(const GrayImage &image);

QString pixelHash(const GrayImage &image);
std::uint64_t dHash(const GrayImage &image);
std::uint64_t pHash(const GrayImage &image);
FineHash fineHash(const GrayImage &image);
// The head's bounding box cut out of the image (the whole image when nothing stands out).
GrayImage contentBox(const GrayImage &image);
int otsuThreshold(const GrayImage &image);

inline int hamming(std::uint64_t a, std::uint64_t b)
{
    return __builtin_popcountll(a ^ b);
}
inline int hamming(const FineHash &a, const FineHash &b)
{
    return hamming(a[0], b[0]) + hamming(a[1], b[1]) + hamming(a[2], b[2]) + hamming(a[3], b[3]);
}
QString toHex(const FineHash &hash);
FineHash fineFromHex(const QString &hex);

} // namespace neuroonco::imagehash
