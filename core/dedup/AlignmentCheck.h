// Confirms a near-duplicate candidate by aligning the two images: both head boxes are
// resampled, then the best normalised cross-correlation over a small range of scales and
// shifts is found (coarse to fine). Catches crops that cut into the head, which move the head
// box and so the hashes, while distinct slices of similar anatomy stay below the threshold.
#pragma once

#include "imaging/ImageTypes.h"

namespace neuroonco {

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
    static constexpr double kAcceptFrom = 0.93;
};

} // namespace neuroonco
