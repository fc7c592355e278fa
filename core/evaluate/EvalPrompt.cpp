// Placeholder substitution in the evaluation prompt templates.
#include "core/evaluate/EvalPrompt.h"

namespace neuroonco {

QString EvalPrompt::defaultName(EvalBenchmark benchmark)
{
    return benchmark == EvalBenchmark::Open ? QStringLiteral("eval-open")
                                            : QStringLiteral("eval-closed");
}

Result<Prompt> EvalPrompt::load(const QString &nameOrId)
{
    return Prompts::load(nameOrId);
}

QString EvalPrompt::optionLines(const std::vector<ChoiceOption> &options)
{
    QStringList lines;
    for (const ChoiceOption &o : options)
        lines << QStringLiteral("%1. %2").arg(o.letter, o.text);
    return lines.join(QLatin1Char('\n'));
}

QString EvalPrompt::closed(const Prompt &prompt, const QString &question,
                           const std::vector<ChoiceOption> &options)
{
    QString text = prompt.text.trimmed();
    text.replace(QStringLiteral("{{OPTIONS}}"), optionLines(options));
    text.replace(QStringLiteral("{{QUESTION}}"), question.trimmed());
    return text;
}

QString EvalPrompt::open(const Prompt &prompt, const QString &question)
{
    QString text = prompt.text.trimmed();
    text.replace(QStringLiteral("{{QUESTION}}"), question.trimmed());
    return text;
}

QString EvalPrompt::judge(const Prompt &prompt, const OpenQuestion &question, const QString &answer)
{
    QString text = prompt.text.trimmed();
    text.replace(QStringLiteral("{{KEYWORDS}}"), question.keywords.join(QStringLiteral(", ")));
    text.replace(QStringLiteral("{{REFERENCE}}"), question.referenceAnswer.trimmed());
    text.replace(QStringLiteral("{{QUESTION}}"), question.question.trimmed());
    // Last, so an answer quoting a placeholder cannot inject anything.
    text.replace(QStringLiteral("{{ANSWER}}"),
                 answer.trimmed().isEmpty() ? QStringLiteral("(no answer)") : answer.trimmed());
    return text;
}

} // namespace neuroonco
