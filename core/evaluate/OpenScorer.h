// Scores open answers: keyword recall, BLEU-4 and ROUGE-L of each answer against the item's
// reference (TextMetrics), and their means (with bootstrap intervals) overall and per question
// type, plus the judge model's mean score where a judge was asked.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"
#include "core/evaluate/EvalScores.h"
#include "core/evaluate/EvalTypes.h"

#include <vector>

namespace neuroonco {

class OpenScorer
{
public:
    // Fills keywordRecall, bleu and rougeL of `answer` from its pred (the model's text).
    static void scoreAnswer(const OpenQuestion &question, EvalAnswer &answer);
    static OpenScores score(const std::vector<EvalAnswer> &answers,
                            const BootstrapOptions *bootstrap = nullptr);
};

} // namespace neuroonco
