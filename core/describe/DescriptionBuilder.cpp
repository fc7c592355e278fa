// Description templates. The wording (article included: "a irregular/spiculated structure")
// follows the published descriptions so that prompts built on them match the paper's.
#include "describe/DescriptionBuilder.h"

#include "semantics/MaskSemantics.h"

namespace neuroonco {

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

QString DescriptionBuilder::describe(const QString &tumourType, const QString &modality, MaskState mask,
                                     const MaskSemantics *semantics)
{
    const bool knownModality = !modality.isEmpty() && modality != QLatin1String("Unknown");
    const QString scan = knownModality ? QStringLiteral("A %1 brain MRI scan").arg(modality) : QStringLiteral("A brain MRI scan");
    QString text;
    if (tumourType == QLatin1String("healthy"))
        text = scan + QStringLiteral(" with no visible signs of a tumor.");
    else if (tumourType.isEmpty() || tumourType == QLatin1String("tumor"))
        text = scan + QStringLiteral(" showing signs of a brain tumor of unspecified type.");
    else
        text = scan + QStringLiteral(" showing signs of %1.").arg(typeName(tumourType));
    if (!knownModality)
        text += QStringLiteral(" The specific imaging modality is unknown.");
    if (tumourType == QLatin1String("healthy"))
        return text;

    if (mask == MaskState::Measured && semantics) {
        const QString location = semantics->location == QLatin1String("Center of the Image")
                                     ? QStringLiteral("the center of the image")
                                     : QStringLiteral("the ") + semantics->location.toLower();
        QString spread = semantics->spread.toLower();
        const QString article = spread.startsWith(QLatin1String("scattered")) ? QString() : QStringLiteral("a ");
        if (spread.startsWith(QLatin1String("scattered")))
            spread = QStringLiteral("scattered/multifocal lesions");
        text += QStringLiteral(" The mass is %1 and located in %2. It presents as a %3 structure and appears as %4%5.")
                    .arg(semantics->size.toLower(), location, semantics->shape.toLower(), article, spread);
    } else if (mask == MaskState::Empty) {
        text += QStringLiteral(" The segmentation mask marks no lesion, so detailed morphological features (size, shape, "
                               "location) cannot be determined.");
    } else {
        text += QStringLiteral(" No segmentation mask is available, so detailed morphological features (size, shape, "
                               "location) cannot be determined.");
    }
    return text;
}

} // namespace neuroonco
