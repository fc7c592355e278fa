// Canonical vocabularies (DESIGN.md §4): tumour types and their synonyms, modalities and the
// path tokens that reveal them, spellings that mean "no value". Loaded from the embedded
// resources/config/vocabulary.json; a manifest can add synonyms per source.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace neuroonco {

enum class Modality { Unknown, T1, T2, FLAIR, T1CE };

QString modalityName(Modality m);            // "T1", "T1CE", "Unknown"
Modality modalityFromName(const QString &s); // accepts canonical names and tokens (T1_Contrast, t1c+, …)

class Vocabulary
{
public:
    static const Vocabulary &instance();

    const QStringList &tumourTypes() const { return m_tumourTypes; }
    bool isTumourType(const QString &type) const { return m_tumourTypes.contains(type); }

    // Canonical tumour type for a class label ("glioma_tumor", "No", "Astrocitoma T1C+"),
    // consulting `extra` (a source's own synonyms) first. Modality tokens inside the label are
    // ignored. Empty when the label is not known.
    QString tumourTypeFor(const QString &label, const QHash<QString, QString> &extra = {}) const;

    // Modality from tokens of a relative path or a series description. Unknown when no token.
    Modality modalityFromText(const QString &text, QString *matchedToken = nullptr) const;

    bool isNullSpelling(const QString &value) const;

    // Lower case, runs of anything but letters and digits folded to one underscore.
    static QString normaliseToken(const QString &text);

private:
    Vocabulary();
    QStringList m_tumourTypes;
    QHash<QString, QString> m_synonyms;                   // normalised label → type
    std::vector<std::pair<Modality, QStringList>> m_modalityTokens; // in precedence order
    QStringList m_nullSpellings;
};

} // namespace neuroonco
