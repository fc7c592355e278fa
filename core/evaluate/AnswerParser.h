// Reads the option letter out of a model's reply to a closed question. Accepted: a lone letter
// ("C", "c", "(C)", "C."), an explicit answer ("Answer: C", "The answer is (C) because…",
// "Final: C", "<answer>C</answer>"), a leading letter ("C. Meningioma"), a single parenthesised
// letter in prose, or the exact text of one option (case-insensitive, whitespace-trimmed).
// Everything else — refusals, several letters, a letter that is not offered, no answer, an
// empty reply — is invalid: the parser never guesses.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"

#include <QString>
#include <vector>

namespace neuroonco {

enum class AnswerProblem
{
    None,
    Empty,          // nothing but white space
    Refusal,        // "I'm sorry, I can't…" without any answer
    SeveralLetters, // "A or C", "Answer: A. Final answer: C"
    NotAnOption,    // a letter the question does not offer ("F", "E" on a binary question)
    NoAnswer,       // prose without a recognisable answer
};

// Stable names for the database and JSON: "", empty, refusal, several-letters, not-an-option,
// no-answer.
QString answerProblemName(AnswerProblem problem);
AnswerProblem answerProblemFromName(const QString &name);

struct ParsedAnswer
{
    QString letter; // upper-case option letter; empty when invalid
    AnswerProblem problem = AnswerProblem::None;
    bool isValid() const { return problem == AnswerProblem::None && !letter.isEmpty(); }
};

class AnswerParser
{
public:
    static ParsedAnswer parse(const QString &reply, const std::vector<ChoiceOption> &options);
};

} // namespace neuroonco
