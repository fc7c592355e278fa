// How the benchmark lint reads option texts and question stems: an option's concept, its
// spelling key and words (memoised per thread: a full benchmark asks for them millions of
// times), and whether a stem names an option.
#pragma once

#include <QString>
#include <QStringList>

namespace neuroonco {

class LintText
{
public:
    enum class WordMatch
    {
        Exact,
        AnyForm
    };

    static QString conceptOf(const QString &questionType,
                             const QString &text); // empty when unknown
    static QString keyOf(const QString &text);
    static QStringList wordsOf(const QString &text);

    // Whether `stem` names the option `text`, as whole words: through the concept's spellings
    // when the text is a known concept, else the text's own words. The word right after "how"
    // is the dimension asked about ("How large is the lesion?" names no size). AnyForm also
    // accepts stem words in their base form ("abnormality" offers "Abnormal").
    static bool mentions(const QString &questionType, const QString &text, const QString &stem,
                         WordMatch match = WordMatch::Exact);
};

} // namespace neuroonco
