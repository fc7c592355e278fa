// Memoised option readings and the stem-mentions test of the benchmark lint.
#include "core/benchmark/LintText.h"

#include "core/benchmark/OptionTaxonomy.h"

#include <QHash>
#include <cstring>

namespace neuroonco {

namespace {

const OptionTaxonomy &tax()
{
    return OptionTaxonomy::instance();
}

} // namespace

QString LintText::conceptOf(const QString &questionType, const QString &text)
{
    thread_local QHash<QString, QString> cache;
    const QString key = questionType + QChar(0x1f) + text;
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 200000)
        cache.clear();
    const OptionConcept *c = tax().lookup(questionType, text);
    return *cache.insert(key, c ? c->id : QString());
}

QString LintText::keyOf(const QString &text)
{
    thread_local QHash<QString, QString> cache;
    auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 200000)
        cache.clear();
    return *cache.insert(text, OptionTaxonomy::spellingKey(text));
}

QStringList LintText::wordsOf(const QString &text)
{
    thread_local QHash<QString, QStringList> cache;
    auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 50000)
        cache.clear();
    return *cache.insert(text, OptionTaxonomy::words(text));
}

namespace {

// The words of a stem as a leak check reads them: the word right after "how" is the dimension
// the question asks about ("How large is the lesion?" asks for a size and names none), so it is
// not taken as naming an option.
QStringList stemWords(const QString &stem)
{
    QStringList w = LintText::wordsOf(stem);
    for (qsizetype i = 0; i + 1 < w.size(); ++i)
        if (w[i] == QLatin1String("how"))
            w.removeAt(i + 1);
    return w;
}

// A word's base for the "every choice is offered" test: "abnormality", "abnormalities" →
// "abnormal", "lesions" → "lesion".
QString baseForm(const QString &word)
{
    for (const char *suffix : {"ities", "ity"})
        if (word.size() > 6 && word.endsWith(QLatin1String(suffix)))
            return word.chopped(qsizetype(std::strlen(suffix)));
    if (word.size() > 3 && word.endsWith(QLatin1Char('s')) && !word.endsWith(QLatin1String("ss")))
        return word.chopped(1);
    return word;
}

bool namedInWords(const QString &questionType, const QString &text, const QStringList &hay)
{
    const QString c = LintText::conceptOf(questionType, text);
    if (!c.isEmpty() && tax().isMentionedInWords(c, hay))
        return true;
    const QStringList needle = LintText::wordsOf(text);
    if (needle.isEmpty() || needle.size() > hay.size())
        return false;
    for (qsizetype i = 0; i + needle.size() <= hay.size(); ++i)
        if (hay.mid(i, needle.size()) == needle)
            return true;
    return false;
}

} // namespace

bool LintText::mentions(const QString &questionType, const QString &text, const QString &stem,
                        WordMatch match)
{
    const QStringList hay = stemWords(stem);
    if (namedInWords(questionType, text, hay))
        return true;
    if (match == WordMatch::Exact)
        return false;
    QStringList bases;
    for (const QString &w : hay)
        bases << baseForm(w);
    return bases != hay && namedInWords(questionType, text, bases);
}

} // namespace neuroonco
