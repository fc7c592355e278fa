// Field list and vocabularies.
#include "core/review/ReviewFields.h"

#include "core/signs/SignSet.h"

#include <QtGlobal>

namespace neuroonco {

const std::vector<ReviewField> &ReviewFields::all()
{
    static const std::vector<ReviewField> fields = [] {
        std::vector<ReviewField> f;
        f.push_back({QStringLiteral("mask_size"), QT_TRANSLATE_NOOP("ReviewField", "Mask size"), true,
                     {QStringLiteral("Small/Focal"), QStringLiteral("Medium"), QStringLiteral("Large/Extensive")}});
        f.push_back({QStringLiteral("mask_shape"), QT_TRANSLATE_NOOP("ReviewField", "Mask shape"), true,
                     {QStringLiteral("Round/Oval"), QStringLiteral("Lobulated"), QStringLiteral("Irregular/Spiculated")}});
        f.push_back({QStringLiteral("mask_spread"), QT_TRANSLATE_NOOP("ReviewField", "Mask spread"), true,
                     {QStringLiteral("Solitary Lesion"), QStringLiteral("Dominant Core with Satellites"), QStringLiteral("Scattered/Multifocal")}});
        QStringList regions;
        for (const QString &l : SignSet::locations())
            regions << (l == QLatin1String("Center") ? QStringLiteral("Center of the Image") : l + QStringLiteral(" Region"));
        f.push_back({QStringLiteral("mask_location"), QT_TRANSLATE_NOOP("ReviewField", "Mask location"), true, regions});
        f.push_back({QStringLiteral("modality"), QT_TRANSLATE_NOOP("ReviewField", "Modality"), false, SignSet::modalities()});
        f.push_back({QStringLiteral("location"), QT_TRANSLATE_NOOP("ReviewField", "Location"), false, SignSet::locations()});
        f.push_back({QStringLiteral("lesion_found"), QT_TRANSLATE_NOOP("ReviewField", "Lesion found"), false,
                     {QStringLiteral("True"), QStringLiteral("False")}});
        f.push_back({QStringLiteral("shape"), QT_TRANSLATE_NOOP("ReviewField", "Shape"), false, SignSet::allowedValues(SignField::Shape)});
        f.push_back({QStringLiteral("margins"), QT_TRANSLATE_NOOP("ReviewField", "Margins"), false, SignSet::allowedValues(SignField::Margins)});
        f.push_back({QStringLiteral("texture"), QT_TRANSLATE_NOOP("ReviewField", "Texture"), false, SignSet::allowedValues(SignField::Texture)});
        f.push_back({QStringLiteral("enhancement"), QT_TRANSLATE_NOOP("ReviewField", "Enhancement"), false,
                     SignSet::allowedValues(SignField::Enhancement)});
        f.push_back({QStringLiteral("edema"), QT_TRANSLATE_NOOP("ReviewField", "Oedema"), false, SignSet::allowedValues(SignField::Edema)});
        f.push_back({QStringLiteral("signal_intensity"), QT_TRANSLATE_NOOP("ReviewField", "Signal intensity"), false,
                     SignSet::allowedValues(SignField::SignalIntensity)});
        return f;
    }();
    return fields;
}

const ReviewField *ReviewFields::find(const QString &key)
{
    for (const ReviewField &f : all())
        if (f.key == key)
            return &f;
    return nullptr;
}

int ReviewFields::indexOf(const QString &key)
{
    for (int i = 0; i < int(all().size()); ++i)
        if (all()[size_t(i)].key == key)
            return i;
    return -1;
}

} // namespace neuroonco
