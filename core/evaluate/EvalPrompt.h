// The texts of evaluation requests, from the versioned prompt resources
// (resources/prompts/eval-closed.v<N>.md, eval-open, eval-judge): the question and its options
// (one "A. text" line each) for closed questions, the question for open ones, and the grading
// request for the judge model. A run records the prompt id it used ("eval-closed@1").
#pragma once

#include "core/benchmark/BenchmarkTypes.h"
#include "core/evaluate/EvalTypes.h"
#include "core/extract/Prompts.h"
#include "core/util/Error.h"

#include <vector>

namespace neuroonco {

class EvalPrompt
{
public:
    static QString defaultName(EvalBenchmark benchmark); // eval-closed | eval-open
    static QString judgeName() { return QStringLiteral("eval-judge"); }

    // The newest version of a prompt, or the one an id names ("eval-closed@1").
    static Result<Prompt> load(const QString &nameOrId);

    static QString optionLines(const std::vector<ChoiceOption> &options);
    static QString closed(const Prompt &prompt, const QString &question,
                          const std::vector<ChoiceOption> &options);
    static QString open(const Prompt &prompt, const QString &question);
    static QString judge(const Prompt &prompt, const OpenQuestion &question, const QString &answer);
};

} // namespace neuroonco
