// Field access, published-format JSON, and the normalisation of free-text values.
#include "core/signs/SignSet.h"

#include "core/vocab/Vocabulary.h"

#include <QJsonValue>

namespace neuroonco {

QString SignSet::fieldKey(SignField f)
{
    switch (f) {
    case SignField::Shape: return QStringLiteral("shape");
    case SignField::Margins: return QStringLiteral("margins");
    case SignField::Texture: return QStringLiteral("texture");
    case SignField::Enhancement: return QStringLiteral("enhancement");
    case SignField::Edema: return QStringLiteral("edema");
    case SignField::SignalIntensity: return QStringLiteral("signal_intensity");
    }
    return {};
}

QStringList SignSet::allowedValues(SignField f)
{
    switch (f) {
    case SignField::Shape: return {QStringLiteral("Round"), QStringLiteral("Oval"), QStringLiteral("Irregular"), QStringLiteral("Lobulated")};
    case SignField::Margins: return {QStringLiteral("Well-circumscribed"), QStringLiteral("Ill-defined")};
    case SignField::Texture: return {QStringLiteral("Homogeneous"), QStringLiteral("Heterogeneous")};
    case SignField::Enhancement: return {QStringLiteral("Solid"), QStringLiteral("Ring"), QStringLiteral("Patchy"), QStringLiteral("Present")};
    case SignField::Edema: return {QStringLiteral("Mild"), QStringLiteral("Extensive"), QStringLiteral("Present")};
    case SignField::SignalIntensity:
        return {QStringLiteral("Hyperintense"), QStringLiteral("Hypointense"), QStringLiteral("Isointense"), QStringLiteral("Mixed")};
    }
    return {};
}

QStringList SignSet::locations()
{
    return {QStringLiteral("Upper-Left"), QStringLiteral("Upper-Center"), QStringLiteral("Upper-Right"),
            QStringLiteral("Center-Left"), QStringLiteral("Center"), QStringLiteral("Center-Right"),
            QStringLiteral("Lower-Left"), QStringLiteral("Lower-Center"), QStringLiteral("Lower-Right")};
}

QStringList SignSet::modalities()
{
    return {QStringLiteral("T1"), QStringLiteral("T2"), QStringLiteral("FLAIR"), QStringLiteral("T1CE")};
}

QString SignSet::sign(SignField f) const
{
    switch (f) {
    case SignField::Shape: return shape;
    case SignField::Margins: return margins;
    case SignField::Texture: return texture;
    case SignField::Enhancement: return enhancement;
    case SignField::Edema: return edema;
    case SignField::SignalIntensity: return signalIntensity;
    }
    return {};
}

void SignSet::setSign(SignField f, const QString &value)
{
    switch (f) {
    case SignField::Shape: shape = value; break;
    case SignField::Margins: margins = value; break;
    case SignField::Texture: texture = value; break;
    case SignField::Enhancement: enhancement = value; break;
    case SignField::Edema: edema = value; break;
    case SignField::SignalIntensity: signalIntensity = value; break;
    }
}

int SignSet::filledSigns() const
{
    int n = 0;
    for (SignField f : kSignFields)
        n += sign(f).isEmpty() ? 0 : 1;
    return n;
}

bool SignSet::operator==(const SignSet &o) const
{
    return modality == o.modality && location == o.location && lesionFound == o.lesionFound && shape == o.shape
           && margins == o.margins && texture == o.texture && enhancement == o.enhancement && edema == o.edema
           && signalIntensity == o.signalIntensity;
}

static QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QStringLiteral("null")) : QJsonValue(s);
}

QJsonObject SignSet::toPublishedJson() const
{
    QJsonObject meta{{QStringLiteral("predicted_modality"),
                      modality.isEmpty() ? QJsonValue(QStringLiteral("null"))
                                         : QJsonValue(modality == QLatin1String("T1CE") ? QStringLiteral("T1_Contrast") : modality)},
                     {QStringLiteral("predicted_location"), nullable(location)},
                     {QStringLiteral("lesion_found"), lesionFound < 0 ? QJsonValue(QStringLiteral("null")) : QJsonValue(lesionFound == 1)}};
    QJsonObject signs;
    for (SignField f : kSignFields)
        signs.insert(fieldKey(f), nullable(sign(f)));
    return {{QStringLiteral("meta_info"), meta}, {QStringLiteral("structured_signs"), signs}};
}

namespace {
// A value under one of several key spellings, looked up case-insensitively.
QJsonValue pick(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QString key = QLatin1String(k);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (Vocabulary::normaliseToken(it.key()) == key)
                return it.value();
        }
    }
    return {};
}
QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}
} // namespace

SignSet SignSet::fromJson(const QJsonObject &o, QStringList *problems)
{
    SignSet s;
    // Both the nested published layout and flat model replies are accepted.
    const QJsonObject meta = pick(o, {"meta_info", "meta", "metadata"}).toObject();
    QJsonObject signs = pick(o, {"structured_signs", "signs", "findings"}).toObject();
    const QJsonObject &metaSource = meta.isEmpty() ? o : meta;
    if (signs.isEmpty())
        signs = o;
    auto note = [problems](const QString &field, const QString &value) {
        if (problems)
            problems->append(QStringLiteral("%1: '%2' is not in the vocabulary").arg(field, value));
    };
    bool ok = true;
    const QString modality = text(pick(metaSource, {"predicted_modality", "modality", "sequence"}));
    s.modality = SignVocabulary::normaliseModality(modality, &ok);
    if (!ok)
        note(QStringLiteral("predicted_modality"), modality);
    const QString location = text(pick(metaSource, {"predicted_location", "location"}));
    s.location = SignVocabulary::normaliseLocation(location, &ok);
    if (!ok)
        note(QStringLiteral("predicted_location"), location);
    s.lesionFound = SignVocabulary::normaliseBool(pick(metaSource, {"lesion_found", "lesion", "tumor_found", "tumour_found"}));
    for (SignField f : kSignFields) {
        const QJsonValue v = f == SignField::Edema ? pick(signs, {"edema", "oedema", "peritumoral_edema"})
                             : f == SignField::SignalIntensity ? pick(signs, {"signal_intensity", "signal", "intensity"})
                                                               : pick(signs, {fieldKey(f).toLatin1().constData()});
        const QString raw = text(v);
        const QString value = SignVocabulary::normalise(f, raw, &ok);
        if (!ok)
            note(fieldKey(f), raw);
        s.setSign(f, value);
    }
    return s;
}

bool SignVocabulary::isNull(const QString &value)
{
    return Vocabulary::instance().isNullSpelling(value) || value.trimmed().toLower() == QLatin1String("not applicable")
           || value.trimmed().toLower() == QLatin1String("absent") || value.trimmed().toLower() == QLatin1String("no");
}

QString SignVocabulary::normaliseModality(const QString &value, bool *ok)
{
    if (ok)
        *ok = true;
    if (isNull(value))
        return {};
    const QString t = Vocabulary::normaliseToken(value);
    if (t == QLatin1String("t1_contrast") || t == QLatin1String("t1ce") || t == QLatin1String("t1_ce") || t == QLatin1String("t1c"))
        return QStringLiteral("T1CE");
    const Modality m = modalityFromName(value);
    if (m != Modality::Unknown)
        return modalityName(m);
    if (ok)
        *ok = false;
    return {};
}

QString SignVocabulary::normaliseLocation(const QString &value, bool *ok)
{
    if (ok)
        *ok = true;
    if (isNull(value))
        return {};
    QString t = Vocabulary::normaliseToken(value);
    t.remove(QStringLiteral("_region")).remove(QStringLiteral("_of_the_image"));
    t.replace(QStringLiteral("centre"), QStringLiteral("center")).replace(QStringLiteral("middle"), QStringLiteral("center"));
    t.replace(QStringLiteral("top"), QStringLiteral("upper")).replace(QStringLiteral("bottom"), QStringLiteral("lower"));
    if (t == QLatin1String("center_center") || t == QLatin1String("center"))
        return QStringLiteral("Center");
    for (const QString &l : SignSet::locations()) {
        if (Vocabulary::normaliseToken(l) == t)
            return l;
    }
    // "left upper" → "Upper-Left"
    const QStringList parts = t.split(QLatin1Char('_'));
    if (parts.size() == 2) {
        for (const QString &l : SignSet::locations()) {
            if (Vocabulary::normaliseToken(l) == parts.at(1) + QLatin1Char('_') + parts.at(0))
                return l;
        }
    }
    if (ok)
        *ok = false;
    return {};
}

int SignVocabulary::normaliseBool(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    if (v.isDouble())
        return v.toDouble() != 0 ? 1 : 0;
    const QString t = v.toString().trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1") || t == QLatin1String("present"))
        return 1;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0") || t == QLatin1String("absent"))
        return 0;
    return -1;
}

QString SignVocabulary::normalise(SignField f, const QString &value, bool *ok)
{
    if (ok)
        *ok = true;
    if (isNull(value))
        return {};
    const QString t = Vocabulary::normaliseToken(value);
    struct Synonym { SignField field; const char *token; const char *value; };
    static const Synonym synonyms[] = {
        {SignField::Shape, "round", "Round"}, {SignField::Shape, "circular", "Round"}, {SignField::Shape, "spherical", "Round"},
        {SignField::Shape, "oval", "Oval"}, {SignField::Shape, "ovoid", "Oval"}, {SignField::Shape, "elliptical", "Oval"},
        {SignField::Shape, "round_oval", "Oval"}, {SignField::Shape, "irregular", "Irregular"},
        {SignField::Shape, "spiculated", "Irregular"}, {SignField::Shape, "irregular_spiculated", "Irregular"},
        {SignField::Shape, "lobulated", "Lobulated"}, {SignField::Shape, "multilobulated", "Lobulated"},
        {SignField::Margins, "well_circumscribed", "Well-circumscribed"}, {SignField::Margins, "well_defined", "Well-circumscribed"},
        {SignField::Margins, "circumscribed", "Well-circumscribed"}, {SignField::Margins, "sharp", "Well-circumscribed"},
        {SignField::Margins, "ill_defined", "Ill-defined"}, {SignField::Margins, "poorly_defined", "Ill-defined"},
        {SignField::Margins, "infiltrative", "Ill-defined"}, {SignField::Margins, "indistinct", "Ill-defined"},
        {SignField::Margins, "blurred", "Ill-defined"},
        {SignField::Texture, "homogeneous", "Homogeneous"}, {SignField::Texture, "uniform", "Homogeneous"},
        {SignField::Texture, "heterogeneous", "Heterogeneous"}, {SignField::Texture, "inhomogeneous", "Heterogeneous"},
        {SignField::Texture, "mixed", "Heterogeneous"},
        {SignField::Enhancement, "solid", "Solid"}, {SignField::Enhancement, "homogeneous", "Solid"},
        {SignField::Enhancement, "ring", "Ring"}, {SignField::Enhancement, "rim", "Ring"}, {SignField::Enhancement, "ring_enhancing", "Ring"},
        {SignField::Enhancement, "peripheral", "Ring"}, {SignField::Enhancement, "patchy", "Patchy"},
        {SignField::Enhancement, "heterogeneous", "Patchy"}, {SignField::Enhancement, "present", "Present"},
        {SignField::Enhancement, "yes", "Present"}, {SignField::Enhancement, "enhancing", "Present"},
        {SignField::Edema, "mild", "Mild"}, {SignField::Edema, "minimal", "Mild"}, {SignField::Edema, "slight", "Mild"},
        {SignField::Edema, "moderate", "Present"}, {SignField::Edema, "extensive", "Extensive"}, {SignField::Edema, "severe", "Extensive"},
        {SignField::Edema, "marked", "Extensive"}, {SignField::Edema, "present", "Present"}, {SignField::Edema, "yes", "Present"},
        {SignField::SignalIntensity, "hyperintense", "Hyperintense"}, {SignField::SignalIntensity, "hyper", "Hyperintense"},
        {SignField::SignalIntensity, "bright", "Hyperintense"}, {SignField::SignalIntensity, "hypointense", "Hypointense"},
        {SignField::SignalIntensity, "hypo", "Hypointense"}, {SignField::SignalIntensity, "dark", "Hypointense"},
        {SignField::SignalIntensity, "isointense", "Isointense"}, {SignField::SignalIntensity, "iso", "Isointense"},
        {SignField::SignalIntensity, "mixed", "Mixed"}, {SignField::SignalIntensity, "heterogeneous", "Mixed"},
    };
    for (const Synonym &s : synonyms) {
        if (s.field == f && t == QLatin1String(s.token))
            return QLatin1String(s.value);
    }
    // "ring-enhancing lesion", "mildly hyperintense": the first synonym found as a word.
    const QStringList words = t.split(QLatin1Char('_'));
    for (const Synonym &s : synonyms) {
        if (s.field == f && words.contains(QLatin1String(s.token)))
            return QLatin1String(s.value);
    }
    if (ok)
        *ok = false;
    return {};
}

} // namespace neuroonco
