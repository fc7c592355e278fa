// Automatic scores of an open answer against the benchmark's reference (DESIGN.md §5, open
// items): keyword recall over eval_keywords, sentence BLEU-4 and ROUGE-L. Pure functions on
// strings, written here rather than borrowed so every definition is pinned down and tested on
// hand-computed examples:
//   tokens   lower case; runs of letters and digits; a decimal point between digits stays in
//            the number ("6.31"); every other character separates ("ill-defined" → ill defined).
//   keywords recall = keywords found / distinct keywords; a keyword is found when its tokens
//            occur consecutively in the answer's tokens (case-insensitive, whole words only:
//            "round" is not found in "surrounding").
//   BLEU-4   Papineni et al. 2002, one reference, uniform weights, clipped n-gram precisions
//            p1..p4, brevity penalty exp(1 − r/c) when c ≤ r. Smoothing: Chen & Cherry (2014)
//            method 1 as in NLTK's SmoothingFunction().method1 — a precision without any
//            matching n-gram becomes ε / max(1, candidate n-grams) with ε = 0.1. No matching
//            unigram (or an empty candidate) gives 0.
//   ROUGE-L  Lin 2004, longest common subsequence of tokens; P = LCS/|candidate|,
//            R = LCS/|reference|, F = 2PR/(P+R) (β = 1, as Google's rouge-score package).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace neuroonco {

struct RougeScore
{
    double precision = 0;
    double recall = 0;
    double f = 0;
};

class TextMetrics
{
public:
    static constexpr double kBleuEpsilon = 0.1;

    static QStringList tokens(const QString &text);

    static double bleu4(const QStringList &candidate, const QStringList &reference);
    static double bleu4(const QString &candidate, const QString &reference);

    static RougeScore rougeL(const QStringList &candidate, const QStringList &reference);
    static RougeScore rougeL(const QString &candidate, const QString &reference);

    // std::nullopt when there are no (non-empty) keywords. `found` receives the keywords found.
    static std::optional<double> keywordRecall(const QString &answer, const QStringList &keywords,
                                               QStringList *found = nullptr);
};

} // namespace neuroonco
