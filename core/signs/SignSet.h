// A structured reading of one slice (DESIGN.md §3.6, vocabulary §4): the meta information
// (modality, 3×3 location, lesion found) and the six radiological signs. Every field may be
// empty (null). Value type, used for run A, run B, the fused and the gold label alike.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>

namespace neuroonco {

enum class SignField { Shape, Margins, Texture, Enhancement, Edema, SignalIntensity };
constexpr std::array<SignField, 6> kSignFields{SignField::Shape, SignField::Margins, SignField::Texture,
                                               SignField::Enhancement, SignField::Edema, SignField::SignalIntensity};

struct SignSet
{
    QString modality;      // T1 | T2 | FLAIR | T1CE | empty (unknown)
    QString location;      // Upper-Left … Lower-Right, Center | empty
    int lesionFound = -1;  // 1 true, 0 false, -1 not stated
    QString shape;         // Round | Oval | Irregular | Lobulated
    QString margins;       // Well-circumscribed | Ill-defined
    QString texture;       // Homogeneous | Heterogeneous
    QString enhancement;   // Solid | Ring | Patchy | Present
    QString edema;         // Mild | Extensive | Present
    QString signalIntensity; // Hyperintense | Hypointense | Isointense | Mixed

    QString sign(SignField f) const;
    void setSign(SignField f, const QString &value);
    int filledSigns() const;
    bool operator==(const SignSet &o) const;
    bool operator!=(const SignSet &o) const { return !(*this == o); }

    // The published extraction format: {meta_info{predicted_modality, predicted_location,
    // lesion_found}, structured_signs{…}} with "null" for empty fields and the modality spelled
    // T1_Contrast for T1CE.
    QJsonObject toPublishedJson() const;
    // Reads any reasonable spelling (published format, model replies, field-name variants) and
    // normalises every value to the vocabulary; unknown values are reported in `problems`.
    static SignSet fromJson(const QJsonObject &o, QStringList *problems = nullptr);

    static QString fieldKey(SignField f);       // "shape", "margins", …, "edema", "signal_intensity"
    static QStringList allowedValues(SignField f);
    static QStringList locations();
    static QStringList modalities();            // canonical: T1, T2, FLAIR, T1CE
};

// Vocabulary normalisation shared by every reader of model output.
class SignVocabulary
{
public:
    // Canonical value or empty for null spellings; `ok` false when the text is not understood.
    static QString normalise(SignField f, const QString &value, bool *ok = nullptr);
    static QString normaliseModality(const QString &value, bool *ok = nullptr);
    static QString normaliseLocation(const QString &value, bool *ok = nullptr);
    static int normaliseBool(const QJsonValue &value);
    static bool isNull(const QString &value);
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::SignSet)
