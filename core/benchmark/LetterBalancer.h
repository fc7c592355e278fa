// Where the correct option goes: for each question type, the answers of non-trap
// multiple-choice questions are spread evenly over A–D (traps answer E), binary questions
// evenly over A/B, so no letter is a better guess than another.
#pragma once

#include "core/benchmark/TrapPlanner.h"

#include <QStringList>

namespace neuroonco {

struct QuestionPlan
{
    bool trap = false;
    QString letter; // the answer letter (E for traps)
};

class LetterBalancer
{
public:
    static QStringList assign(const std::vector<PlanCandidate> &candidates,
                              const std::vector<bool> &traps, std::uint64_t seed);
    // TrapPlanner::select followed by assign().
    static std::vector<QuestionPlan> plan(const std::vector<PlanCandidate> &candidates,
                                          double trapShare, std::uint64_t seed);
};

} // namespace neuroonco
