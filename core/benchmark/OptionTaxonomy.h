// What benchmark options mean (resources/config/mimics.json, "concepts"): per question field,
// concepts with a display label, the spellings that mean the same thing and a parent. Generation
// uses it for labels and to keep distractors apart from the answer; lint uses it to find
// synonyms, parent/subtype pairs and answers leaked in stems — also in imported benchmarks.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco {

struct OptionConcept
{
    QString id;     // unique over all fields: glioma, t1ce, small, round_oval, …
    QString field;  // diagnosis, modality, size, … or "*" (any field)
    QString label;  // display text of generated options
    QString parent; // concept id or empty
    QStringList synonyms;
};

class OptionTaxonomy
{
public:
    static const OptionTaxonomy &instance();

    const OptionConcept *find(const QString &id) const;
    // The concept an option text means in a question field (the field's concepts and the "*"
    // ones first, then any field); nullptr when the text is not known.
    const OptionConcept *lookup(const QString &field, const QString &text) const;
    QString label(const QString &id) const;

    bool isAncestor(const QString &ancestor, const QString &id) const;
    // The same concept, or one an ancestor of the other.
    bool related(const QString &a, const QString &b) const;

    // Concepts (of `field`, or of every field when empty) whose label or synonym occurs as a
    // run of whole words in `text`.
    QStringList mentionedIn(const QString &text, const QString &field = {}) const;
    // True when one of the concept's spellings occurs in `text` as whole words.
    bool isMentioned(const QString &id, const QString &text) const;
    // The same on a text already split by words().
    bool isMentionedInWords(const QString &id, const QStringList &words) const;
    QStringList mentionedInWords(const QStringList &words, const QString &field = {}) const;

    // Spelling key: lower case, '_' and '-' as spaces, runs of spaces folded, trailing dot gone.
    // "Dural_metastasis", "dural metastasis" and "Dural Metastasis" share one key.
    static QString spellingKey(const QString &text);
    // Lower-case words (letters and digits) of a text.
    static QStringList words(const QString &text);
    // Field of a question type ("shape_sign" asks the shape field).
    static QString fieldOf(const QString &questionType);

private:
    OptionTaxonomy();
    std::vector<OptionConcept> m_concepts;
    QHash<QString, int> m_byId;
    QHash<QString, QHash<QString, int>> m_byField; // field → spelling key → concept
    QHash<QString, int> m_anyField;
    std::vector<std::vector<QStringList>> m_phrases; // per concept: its spellings as words
};

} // namespace neuroonco
