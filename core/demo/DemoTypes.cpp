// Vocabulary spellings used in the ground truth (DESIGN.md §4).
#include "core/demo/DemoTypes.h"

namespace neuroonco::demo {

QString sequenceName(Sequence s)
{
    switch (s) {
    case Sequence::T1: return QStringLiteral("T1");
    case Sequence::T2: return QStringLiteral("T2");
    case Sequence::Flair: return QStringLiteral("FLAIR");
    case Sequence::T1ce: return QStringLiteral("T1CE");
    }
    return {};
}

QString planeName(Plane p)
{
    switch (p) {
    case Plane::Axial: return QStringLiteral("axial");
    case Plane::Coronal: return QStringLiteral("coronal");
    case Plane::Sagittal: return QStringLiteral("sagittal");
    }
    return {};
}

QString tumourTypeName(TumourType t)
{
    switch (t) {
    case TumourType::Healthy: return QStringLiteral("healthy");
    case TumourType::Glioma: return QStringLiteral("glioma");
    case TumourType::Meningioma: return QStringLiteral("meningioma");
    case TumourType::Pituitary: return QStringLiteral("pituitary");
    case TumourType::Metastasis: return QStringLiteral("metastasis");
    case TumourType::Schwannoma: return QStringLiteral("schwannoma");
    case TumourType::Ependymoma: return QStringLiteral("ependymoma");
    }
    return {};
}

QString shapeName(Shape s)
{
    switch (s) {
    case Shape::Round: return QStringLiteral("Round");
    case Shape::Oval: return QStringLiteral("Oval");
    case Shape::Irregular: return QStringLiteral("Irregular");
    case Shape::Lobulated: return QStringLiteral("Lobulated");
    }
    return {};
}

QString marginsName(Margins m)
{
    return m == Margins::WellCircumscribed ? QStringLiteral("Well-circumscribed") : QStringLiteral("Ill-defined");
}

QString textureName(Texture t)
{
    return t == Texture::Homogeneous ? QStringLiteral("Homogeneous") : QStringLiteral("Heterogeneous");
}

QString enhancementName(Enhancement e)
{
    switch (e) {
    case Enhancement::Solid: return QStringLiteral("Solid");
    case Enhancement::Ring: return QStringLiteral("Ring");
    case Enhancement::Patchy: return QStringLiteral("Patchy");
    }
    return {};
}

QString edemaName(Edema e)
{
    switch (e) {
    case Edema::None: return {};
    case Edema::Mild: return QStringLiteral("Mild");
    case Edema::Extensive: return QStringLiteral("Extensive");
    }
    return {};
}

QString signalName(Signal s)
{
    switch (s) {
    case Signal::Hyperintense: return QStringLiteral("Hyperintense");
    case Signal::Hypointense: return QStringLiteral("Hypointense");
    case Signal::Isointense: return QStringLiteral("Isointense");
    case Signal::Mixed: return QStringLiteral("Mixed");
    }
    return {};
}

QString gridCellName(double cx, double cy)
{
    auto band = [](double v) { return v < 1.0 / 3.0 ? 0 : (v < 2.0 / 3.0 ? 1 : 2); };
    const int col = band(cx);
    const int row = band(cy);
    if (col == 1 && row == 1)
        return QStringLiteral("Center of the Image");
    static const char *rows[] = {"Upper", "Center", "Lower"};
    static const char *cols[] = {"Left", "Center", "Right"};
    return QStringLiteral("%1-%2 Region").arg(QLatin1String(rows[row]), QLatin1String(cols[col]));
}

} // namespace neuroonco::demo
