// Live consistency checks across the readings of a sample (issue: "checks no other tool has"):
//  lesion-vs-mask            lesion found = False although the mask marks a lesion;
//  location-vs-mask          a reading's 3×3 location is not the cell of the mask centroid;
//  enhancement-non-contrast  an enhancement pattern on a series that is not contrast-enhanced;
//  oedema-on-t1              oedema reported on a T1 (or T1CE) series;
//  modality-vs-path          a reading's modality contradicts the modality the source gave.
#pragma once

#include "core/review/ReviewSample.h"

#include <vector>

namespace neuroonco {

class ConsistencyChecks
{
public:
    static std::vector<ConsistencyWarning> check(const ReviewSample &sample);
    static QStringList codes();
    // The warning's message in the installed language (English without a translator).
    static QString text(const ConsistencyWarning &w);
};

} // namespace neuroonco
