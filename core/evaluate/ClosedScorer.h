// Scores closed answers: combines the rotations of each question (circular evaluation), then
// counts accuracy overall, by question type, binary vs multiple choice, trap vs non-trap, the
// invalid-answer rate and the rejection rates. The trap flag is the item's meta_trap, carried
// on every answer row (the published scripts read it under another key and never saw a trap).
#pragma once

#include "core/evaluate/EvalScores.h"
#include "core/evaluate/EvalTypes.h"

#include <vector>

namespace neuroonco {

class ClosedScorer
{
public:
    // One outcome per question, in the order questions first appear. Questions whose request
    // failed, or (circular) whose rotations are not all answered yet, are left out and counted
    // in `pending`.
    static std::vector<ClosedOutcome> outcomes(const std::vector<EvalAnswer> &answers,
                                               bool circular, qint64 *pending = nullptr);
    // Without `bootstrap` the shares come without intervals.
    static ClosedScores score(const std::vector<ClosedOutcome> &outcomes, bool circular,
                              const BootstrapOptions *bootstrap = nullptr);
    // outcomes() + score().
    static ClosedScores score(const std::vector<EvalAnswer> &answers, bool circular,
                              const BootstrapOptions *bootstrap = nullptr);
};

} // namespace neuroonco
