// Rules for accepting a paraphrased reference answer.
#include "core/benchmark/ParaphraseCheck.h"

#include "core/llm/JsonExtraction.h"

#include <QRegularExpression>
#include <QSet>

namespace neuroonco {

namespace {

int wordCount(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return int(text.split(space, Qt::SkipEmptyParts).size());
}

// Patient details a rule-built answer never contains: a rewrite must not invent them.
const QRegularExpression &inventedDetail()
{
    static const QRegularExpression re(
        QStringLiteral("\\b(year[- ]old|years? of age|male|female|man|woman|boy|girl|patient|history|"
                       "symptoms?|presents?|presented|complains?|headaches?|seizures?|vomiting|"
                       "treated|surgery|resected|biopsy)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

QSet<QString> matchesOf(const QRegularExpression &re, const QString &text)
{
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(1).toLower());
    return out;
}

bool containsTerm(const QString &text, const QString &term)
{
    const QString t = term.trimmed();
    if (t.isEmpty())
        return true;
    const QRegularExpression re(QStringLiteral("(?<![\\w])%1(?![\\w])").arg(QRegularExpression::escape(t)),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

QString cleaned(const QString &reply)
{
    QString text;
    if (const std::optional<QJsonObject> o = JsonExtraction::extractObject(reply);
        o && o->value(QStringLiteral("answer")).isString())
        text = o->value(QStringLiteral("answer")).toString();
    else if (!reply.contains(QLatin1Char('{')))
        text = reply;
    text = text.simplified();
    // Quotes around the whole answer are the model's, not the answer's.
    while (text.size() >= 2 && (text.front() == QLatin1Char('"') || text.front() == QChar(0x201C))
           && (text.back() == QLatin1Char('"') || text.back() == QChar(0x201D)))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

} // namespace

QStringList ParaphraseCheck::numbers(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?<![\\w.])(\\d+(?:\\.\\d+)?)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

ParaphraseVerdict ParaphraseCheck::check(const OpenQuestion &original, const QString &reply)
{
    ParaphraseVerdict v;
    v.text = cleaned(reply);
    if (v.text.isEmpty()) {
        v.problems << QStringLiteral("the reply holds no answer");
        return v;
    }
    if (v.text == original.referenceAnswer.simplified()) {
        v.unchanged = true;
        return v;
    }

    const QStringList before = numbers(original.referenceAnswer);
    const QStringList after = numbers(v.text);
    QStringList lost, added;
    for (const QString &n : before)
        if (!after.contains(n) && !lost.contains(n))
            lost << n;
    for (const QString &n : after)
        if (!before.contains(n) && !added.contains(n))
            added << n;
    if (!lost.isEmpty())
        v.problems << QStringLiteral("numbers dropped: %1").arg(lost.join(QStringLiteral(", ")));
    if (!added.isEmpty())
        v.problems << QStringLiteral("numbers added: %1").arg(added.join(QStringLiteral(", ")));

    QStringList missing;
    for (const QString &k : original.keywords)
        if (!containsTerm(v.text, k))
            missing << k;
    if (!missing.isEmpty())
        v.problems << QStringLiteral("key terms dropped: %1").arg(missing.join(QStringLiteral(", ")));

    QStringList invented;
    const QSet<QString> had = matchesOf(inventedDetail(), original.referenceAnswer + QLatin1Char(' ') + original.question);
    for (const QString &w : matchesOf(inventedDetail(), v.text))
        if (!had.contains(w))
            invented << w;
    invented.sort();
    if (!invented.isEmpty())
        v.problems << QStringLiteral("patient details added: %1").arg(invented.join(QStringLiteral(", ")));

    const int was = std::max(1, wordCount(original.referenceAnswer));
    const int now = wordCount(v.text);
    if (now * 2 < was || now > was * 2)
        v.problems << QStringLiteral("length changed from %1 to %2 words").arg(was).arg(now);
    return v;
}

} // namespace neuroonco
