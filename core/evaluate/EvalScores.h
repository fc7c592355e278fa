// The scores of one evaluation run as value types (what the leaderboard, the dashboard, the
// CLI report and the run's stored summary show). Closed: accuracy overall, by question type,
// binary vs multiple choice, trap vs non-trap, the invalid-answer rate and the rejection
// behaviour; open: keyword recall, BLEU-4, ROUGE-L and the judge's score. Every share carries
// its count and, when computed, a percentile-bootstrap 95 % interval over questions.
#pragma once

#include "core/evaluate/Bootstrap.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace neuroonco {

struct Rate
{
    qint64 hits = 0;
    qint64 n = 0;
    Interval interval; // bootstrap of hits/n (estimate filled even without an interval)

    double value() const { return n > 0 ? double(hits) / double(n) : 0.0; }
    void add(bool hit)
    {
        ++n;
        hits += hit ? 1 : 0;
    }
    void computeInterval(const BootstrapOptions *options);
    QJsonObject toJson() const; // {value, hits, n[, lower, upper]}
};

// One closed question after its rotations were combined (circular: right only when right in
// every rotation).
struct ClosedOutcome
{
    QString questionKey;
    QString questionType;
    bool isMcq = false;
    bool isTrap = false;
    bool offersNone = true; // E is among the options (binary items may lack it)
    bool valid = false;     // every rotation gave a readable answer
    bool correct = false;
    bool choseNone = false; // answered E (in every rotation)
    int rotations = 1;
};

struct ClosedScores
{
    bool circular = false;
    qint64 questions = 0; // scored questions
    qint64 pending = 0;   // not scored: the request failed, or rotations are still missing
    Rate accuracy;        // correct / questions (invalid answers count as wrong)
    Rate validAccuracy;   // correct / valid answers
    Rate binary;          // accuracy on two-option questions
    Rate multipleChoice;  // accuracy on questions with more options
    Rate trap;            // accuracy on traps (meta_trap: the answer is E)
    Rate nonTrap;
    Rate invalid;          // invalid answers / questions
    Rate correctRejection; // E chosen on traps
    Rate falseRejection;   // E chosen on answerable questions that offer E
    QMap<QString, Rate> byType;

    QJsonObject toJson() const;
};

struct OpenMetrics
{
    qint64 n = 0;
    Interval keywordRecall; // over answers whose question has keywords
    Interval bleu;
    Interval rougeL;
    Interval judge; // over answers the judge scored
    QJsonObject toJson() const;
};

struct OpenScores
{
    qint64 questions = 0;
    qint64 pending = 0;
    Rate invalid; // empty replies
    OpenMetrics overall;
    QMap<QString, OpenMetrics> byType;

    QJsonObject toJson() const;
};

} // namespace neuroonco
