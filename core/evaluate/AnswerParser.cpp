// The accepted reply forms, strongest first: a reply that is only a letter or only an option's
// text; then explicit answers and a leading letter (several distinct ones make the reply
// invalid); then a single parenthesised letter in prose. Upper-case letters only inside prose,
// so the article "a" is never read as option A.
#include "core/evaluate/AnswerParser.h"

#include <QRegularExpression>
#include <QSet>

namespace neuroonco {

namespace {

const std::pair<AnswerProblem, const char *> kProblems[] = {
    {AnswerProblem::None, ""},
    {AnswerProblem::Empty, "empty"},
    {AnswerProblem::Refusal, "refusal"},
    {AnswerProblem::SeveralLetters, "several-letters"},
    {AnswerProblem::NotAnOption, "not-an-option"},
    {AnswerProblem::NoAnswer, "no-answer"},
};

// Lower case, underscores as spaces, runs of white space collapsed, surrounding quotes and a
// final full stop dropped: "Pilocytic_Astrocytoma." and "pilocytic astrocytoma" compare equal.
QString normalisedText(QString s)
{
    s = s.toLower();
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    s = s.simplified();
    while (!s.isEmpty() && (s.endsWith(QLatin1Char('.')) || s.endsWith(QLatin1Char('!'))))
        s.chop(1);
    static const QString quotes = QStringLiteral("\"'\u201c\u201d\u2018\u2019");
    while (s.size() >= 2 && quotes.contains(s.front()) && quotes.contains(s.back()))
        s = s.mid(1, s.size() - 2).trimmed();
    return s.trimmed();
}

ParsedAnswer fromLetter(QChar c, const QSet<QChar> &offered)
{
    const QChar upper = c.toUpper();
    if (!offered.contains(upper))
        return {{}, AnswerProblem::NotAnOption};
    return {QString(upper), AnswerProblem::None};
}

ParsedAnswer decide(const QSet<QChar> &letters, const QSet<QChar> &offered)
{
    if (letters.size() > 1)
        return {{}, AnswerProblem::SeveralLetters};
    return fromLetter(*letters.begin(), offered);
}

} // namespace

QString answerProblemName(AnswerProblem problem)
{
    for (const auto &[p, name] : kProblems)
        if (p == problem)
            return QLatin1String(name);
    return {};
}

AnswerProblem answerProblemFromName(const QString &name)
{
    for (const auto &[p, text] : kProblems)
        if (name == QLatin1String(text))
            return p;
    return AnswerProblem::NoAnswer;
}

ParsedAnswer AnswerParser::parse(const QString &reply, const std::vector<ChoiceOption> &options)
{
    // Patterns are per thread: parsing may run on several workers at once.
    thread_local const QRegularExpression think(QStringLiteral("<think>.*?</think>"),
                                                QRegularExpression::DotMatchesEverythingOption |
                                                    QRegularExpression::CaseInsensitiveOption);
    thread_local const QRegularExpression lone(
        QStringLiteral("^[(\\[]?\\s*([A-Za-z])\\s*[)\\]]?\\s*[.:!]?$"));
    thread_local const QRegularExpression leading(
        QStringLiteral("^[(\\[]?([A-E])(?:[)\\].:]|\\s+-)\\s+(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    // "answer: C", "the answer is (C)", "final answer - C", "option C", "<answer>C</answer>"; a
    // lower-case letter only in brackets or at the end of a clause ("answer: c."), never "answer
    // is a lobulated…".
    thread_local const QRegularExpression marker(QStringLiteral(
        "(?:\\b(?i:correct\\s+answer|final\\s+answer|correct\\s+option|answer|final|choice|option)"
        "\\b"
        "\\s*(?i:would\\s+be|is|:|=|-|>)?\\s*(?i:option\\s+)?)"
        "(?:\\(([A-Ea-e])\\)|\\[([A-Ea-e])\\]|([A-E])(?![\\w])|([a-e])(?=\\s*(?:[.)\\]:;!]|$)))"));
    thread_local const QRegularExpression conjunction(QStringLiteral(
        "^\\s*[)\\]]?\\s*(?:,|/|&|\\+|\\b(?i:or|and)\\b)\\s*[(\\[]?[A-Ea-e](?![\\w])"));
    thread_local const QRegularExpression parenthesised(QStringLiteral("[(\\[]([A-Ea-e])[)\\]]"));
    thread_local const QRegularExpression standalone(QStringLiteral("(?<![\\w])([A-E])(?![\\w])"));
    thread_local const QRegularExpression refusal(
        QStringLiteral(
            "\\b(?:sorry|cannot|can't|can not|unable|not able|won't|will not|as an ai|not possible|"
            "consult|i do not|i don't)\\b"),
        QRegularExpression::CaseInsensitiveOption);

    QSet<QChar> offered;
    for (const ChoiceOption &o : options)
        if (o.letter.size() == 1)
            offered.insert(o.letter.at(0).toUpper());

    QString t = reply;
    t.remove(think);
    t.remove(QStringLiteral("**"));
    t.remove(QStringLiteral("__"));
    t.remove(QLatin1Char('`'));
    t = t.trimmed();
    if (t.isEmpty())
        return {{}, AnswerProblem::Empty};

    // 1. The whole reply is a letter.
    if (const QRegularExpressionMatch m = lone.match(t); m.hasMatch())
        return fromLetter(m.captured(1).at(0), offered);

    // 2. The whole reply is an option's text.
    const QString norm = normalisedText(t);
    for (const ChoiceOption &o : options)
        if (!o.text.trimmed().isEmpty() && normalisedText(o.text) == norm)
            return fromLetter(o.letter.at(0), offered);

    // 3. Explicit answers and a leading letter.
    QSet<QChar> strong;
    bool several = false;
    if (const QRegularExpressionMatch m = leading.match(t); m.hasMatch()) {
        const QChar letter = m.captured(1).at(0);
        strong.insert(letter);
        // "A. Meningioma" when Meningioma is option C contradicts itself.
        const QString rest = normalisedText(m.captured(2).section(QLatin1Char('\n'), 0, 0));
        for (const ChoiceOption &o : options)
            if (o.letter != QString(letter) && normalisedText(o.text) == rest)
                several = true;
        if (conjunction.match(t.mid(m.capturedEnd(1))).hasMatch())
            several = true;
    }
    for (QRegularExpressionMatchIterator it = marker.globalMatch(t); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        int group = 1;
        while (group <= 4 && m.captured(group).isEmpty())
            ++group;
        strong.insert(m.captured(group).at(0).toUpper());
        if (conjunction.match(t.mid(m.capturedEnd(group))).hasMatch())
            several = true;
    }
    if (several)
        return {{}, AnswerProblem::SeveralLetters};
    if (!strong.isEmpty())
        return decide(strong, offered);

    // 4. One parenthesised letter in prose: "I would go with (C) here."
    QSet<QChar> weak;
    for (QRegularExpressionMatchIterator it = parenthesised.globalMatch(t); it.hasNext();)
        weak.insert(it.next().captured(1).at(0).toUpper());
    if (!weak.isEmpty())
        return decide(weak, offered);

    // Nothing usable: say why.
    QSet<QChar> mentioned;
    for (QRegularExpressionMatchIterator it = standalone.globalMatch(t); it.hasNext();)
        mentioned.insert(it.next().captured(1).at(0));
    if (mentioned.size() > 1)
        return {{}, AnswerProblem::SeveralLetters};
    if (refusal.match(t).hasMatch())
        return {{}, AnswerProblem::Refusal};
    return {{}, AnswerProblem::NoAnswer};
}

} // namespace neuroonco
