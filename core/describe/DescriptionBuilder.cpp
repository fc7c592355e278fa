// Description templates: every branch and every capitalisation as the published generator has
// them (no article before "dominant core with satellites" or "scattered/multifocal"; "a" before
// any shape, "a irregular/spiculated structure" included), so that prompts built on them and
// exports compare line by line with the published files.
#include "core/describe/DescriptionBuilder.h"

#include "core/semantics/MaskSemantics.h"

#include <QStringList>

namespace neuroonco {

namespace {

bool isOneOf(const QString &value, std::initializer_list<const char *> spellings)
{
    const QString v = value.trimmed().toLower();
    for (const char *s : spellings)
        if (v == QLatin1String(s))
            return true;
    return false;
}

bool isHealthy(const QString &tumourType)
{
    return isOneOf(tumourType, {"notumor", "no tumor", "healthy", "normal", "control"});
}

bool isGenericTumour(const QString &tumourType)
{
    return isOneOf(tumourType, {"brain tumor", "tumor"});
}

} // namespace

bool DescriptionBuilder::isUnknown(const QString &value)
{
    // The published generator treats a missing value (None) as unknown; we store a missing
    // tumour type or sequence as an empty string, so the empty string counts too.
    return value.trimmed().isEmpty() ||
           isOneOf(value, {"unknown", "none", "null", "nan", "undefined"});
}

QString DescriptionBuilder::titleCase(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool previousCased = false;
    for (const QChar c : text) {
        const bool cased = c.isUpper() || c.isLower() || c.isTitleCase();
        if (cased)
            out += previousCased ? c.toLower() : c.toTitleCase();
        else
            out += c;
        previousCased = cased;
    }
    return out;
}

QString DescriptionBuilder::typeName(const QString &tumourType)
{
    if (tumourType == QLatin1String("neuronal_tumor"))
        return QStringLiteral("Neuronal tumor");
    if (tumourType == QLatin1String("embryonal"))
        return QStringLiteral("Embryonal tumor");
    QString name = tumourType;
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

QString DescriptionBuilder::describe(const QString &tumourType, const QString &modality,
                                     const MaskSemantics *semantics)
{
    const bool knownSequence = !isUnknown(modality);
    const QString scan =
        knownSequence ? QStringLiteral("A %1 brain MRI scan").arg(modality.trimmed().toUpper())
                      : QStringLiteral("A brain MRI scan");
    const QString sequenceNote =
        knownSequence ? QString() : QStringLiteral(" The specific imaging modality is unknown.");

    if (isHealthy(tumourType))
        return scan +
               QStringLiteral(". The scan appears normal with no visible pathological findings.") +
               sequenceNote;

    QString text;
    if (isUnknown(tumourType))
        text = scan + QStringLiteral(" showing an abnormal mass.") + sequenceNote +
               QStringLiteral(" The specific tumor type is not labeled.");
    else if (isGenericTumour(tumourType))
        text = scan + QStringLiteral(" showing a brain tumor.") + sequenceNote +
               QStringLiteral(" The specific histological subtype is not specified.");
    else
        text = scan + QStringLiteral(" showing signs of %1.").arg(titleCase(tumourType.trimmed())) +
               sequenceNote;

    if (semantics) {
        const QString spread = semantics->spread.toLower();
        const QString spreadPhrase =
            spread.contains(QLatin1String("solitary")) ? QStringLiteral("a ") + spread : spread;
        text += QStringLiteral(" The mass is %1 and located in the %2. It presents as a %3 "
                               "structure and appears as %4.")
                    .arg(semantics->size.toLower(), semantics->location.toLower(),
                         semantics->shape.toLower(), spreadPhrase);
    } else {
        text += QStringLiteral(
            " No segmentation mask is available, so detailed morphological features (size, shape, "
            "location) cannot be determined.");
    }
    return text;
}

} // namespace neuroonco
