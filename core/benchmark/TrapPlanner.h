// Which multiple-choice questions become traps (DESIGN.md §5): the correct option is removed
// and "E: None of the above" becomes the answer. The share is met per question type (exactly
// round(share × n) of each type) and spread evenly over tumour types.
#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace neuroonco {

struct PlanCandidate
{
    qint64 sample = 0;
    QString questionType;
    QString stratum;            // tumour type: traps and letters are spread over it
    bool multipleChoice = true; // binary Healthy / Abnormal questions are never traps
};

class TrapPlanner
{
public:
    // One flag per candidate. Deterministic for a seed and a candidate list.
    static std::vector<bool> select(const std::vector<PlanCandidate> &candidates, double share,
                                    std::uint64_t seed);
};

} // namespace neuroonco
