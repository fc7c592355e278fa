// Average Information Rate (DESIGN.md §3.7): over lesion-positive readings, the share in which
// each of the six signs is filled, per field and averaged over the fields.
#pragma once

#include "core/signs/SignSet.h"

#include <QJsonObject>

#include <array>
#include <vector>

namespace neuroonco {

struct AirScore
{
    qint64 positives = 0;                 // readings counted (lesion found)
    std::array<qint64, 6> filled{};       // per field, in kSignFields order
    double field(SignField f) const;      // share filled, 0 when no positives
    double overall() const;               // mean of the six shares
    QJsonObject toJson() const;
};

class Air
{
public:
    // `requireLesionFound`: count only readings with lesion_found true (runs); fused and gold
    // labels are lesion-positive by construction.
    static AirScore compute(const std::vector<SignSet> &readings, bool requireLesionFound = true);
};

} // namespace neuroonco
