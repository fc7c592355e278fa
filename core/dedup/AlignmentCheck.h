// Confirms a near-duplicate candidate by aligning the two images: both head boxes are
// resampled, then the best normalised cross-correlation over a small range of scales and
// shifts is found (coarse to fine). Catches crops that cut into the head, which move the head
// box and so the hashes, while distinct slices of similar anatomy stay below the threshold.
#pragma once

#include "core/imaging/ImageTypes.h"

#include <map>
#include <mutex>

namespace neuroonco {

// The resampled squares of one image's head box that the check compares, made on first use and
// kept: an image that is a candidate in many pairs is decoded and resampled once. Thread-safe.
class AlignmentView
{
public:
    explicit AlignmentView(const GrayImage &image);
    // The head box resampled to size × size.
    const FloatImage &square(int size) const;
    size_t bytes() const; // memory held, for cache bounds

private:
    GrayImage m_box;
    mutable std::mutex m_mutex;
    mutable std::map<int, FloatImage> m_squares; // references stay valid as entries are added
};

struct AlignmentScore
{
    double correlation = -1; // best normalised cross-correlation, -1..1
    double scale = 1;
    int dx = 0;
    int dy = 0;
};

class AlignmentCheck
{
public:
    static AlignmentScore best(const GrayImage &a, const GrayImage &b);
    static AlignmentScore best(const AlignmentView &a, const AlignmentView &b);
    static constexpr double kAcceptFrom = 0.93;
    // A pair whose coarse (48 px) correlation stays below this is not refined: blurring only
    // raises correlation, so its fine score would be lower still and far from kAcceptFrom.
    static constexpr double kRefineFrom = 0.85;
};

} // namespace neuroonco
