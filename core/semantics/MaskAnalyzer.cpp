// The rules of DESIGN.md §3.4 on top of component labelling, border following and the ellipse
// fit; plus head-relative location and sub-region fractions.
#include "core/semantics/MaskAnalyzer.h"

#include "core/imaging/ImageHash.h"
#include "core/semantics/ComponentLabeling.h"
#include "core/semantics/Contour.h"
#include "core/semantics/EllipseFit.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace neuroonco {

QString MaskAnalyzer::sizeLabel(double areaRatio, const SemanticsThresholds &t)
{
    if (areaRatio < t.smallBelow)
        return QStringLiteral("Small/Focal");
    if (areaRatio < t.mediumBelow)
        return QStringLiteral("Medium");
    return QStringLiteral("Large/Extensive");
}

QString MaskAnalyzer::shapeLabel(double circularity, double elongation, const SemanticsThresholds &t)
{
    if (circularity < t.irregularBelow)
        return QStringLiteral("Irregular/Spiculated");
    if (circularity >= t.roundFrom && elongation <= t.roundMaxElongation)
        return QStringLiteral("Round/Oval");
    return QStringLiteral("Lobulated");
}

QString MaskAnalyzer::spreadLabel(int components, double coreFraction, const SemanticsThresholds &t)
{
    if (components <= 1)
        return QStringLiteral("Solitary Lesion");
    if (coreFraction >= t.dominantCoreFrom)
        return QStringLiteral("Dominant Core with Satellites");
    return QStringLiteral("Scattered/Multifocal");
}

QString MaskAnalyzer::locationLabel(double cx, double cy, int width, int height)
{
    // Thirds as the published rule computes them: the second boundary is twice the first
    // (2·(w/3)), which can differ in the last bit from 2w/3.
    const double wThird = width / 3.0, hThird = height / 3.0;
    const int col = cx < wThird ? 0 : cx < 2 * wThird ? 1 : 2;
    const int row = cy < hThird ? 0 : cy < 2 * hThird ? 1 : 2;
    if (row == 1 && col == 1)
        return QStringLiteral("Center of the Image");
    static const char *rows[] = {"Upper", "Center", "Lower"};
    static const char *cols[] = {"Left", "Center", "Right"};
    return QStringLiteral("%1-%2 Region").arg(QLatin1String(rows[row]), QLatin1String(cols[col]));
}

int MaskAnalyzer::dominantComponent(const Components &c)
{
    qint64 most = 0;
    int best = 0, ties = 0;
    for (int i = 1; i <= c.count(); ++i) {
        if (c.areas[size_t(i)] > most) {
            most = c.areas[size_t(i)];
            best = i;
            ties = 1;
        } else if (c.areas[size_t(i)] == most) {
            ++ties;
        }
    }
    if (ties <= 1)
        return best;
    // Equal pixel counts: OpenCV's block-based labelling numbers components by their first
    // 2×2 block, so a component starting lower on an even row but further left comes first.
    const qint64 blocksPerRow = (c.width + 1) / 2;
    std::vector<qint64> firstBlock(size_t(c.count()) + 1, std::numeric_limits<qint64>::max());
    for (int y = 0; y < c.height; ++y)
        for (int x = 0; x < c.width; ++x) {
            const int l = c.labels[size_t(y) * size_t(c.width) + size_t(x)];
            if (l && c.areas[size_t(l)] == most)
                firstBlock[size_t(l)] = std::min(firstBlock[size_t(l)], qint64(y / 2) * blocksPerRow + x / 2);
        }
    best = 0;
    for (int i = 1; i <= c.count(); ++i)
        if (c.areas[size_t(i)] == most && (best == 0 || firstBlock[size_t(i)] < firstBlock[size_t(best)]))
            best = i;
    return best;
}

std::vector<ContourPoint> MaskAnalyzer::largestOutline(const Components &c)
{
    const int dominant = dominantComponent(c);
    if (dominant == 0)
        return {};
    return Contour::simplify(Contour::traceOuter(c, dominant));
}

std::optional<MaskSemantics> MaskAnalyzer::analyze(const GrayImage &mask, const SemanticsThresholds &t)
{
    const Components c = ComponentLabeling::label(mask, t.binaryThreshold);
    if (c.count() == 0)
        return std::nullopt;
    MaskSemantics s;
    MaskNumbers &n = s.numbers;
    n.lesionPixels = c.total();
    n.components = c.count();
    n.areaRatio = double(n.lesionPixels) / (double(mask.width) * double(mask.height));
    const int dominant = dominantComponent(c);
    n.dominantPixels = c.areas[size_t(dominant)];
    n.coreFraction = double(n.dominantPixels) / double(n.lesionPixels);

    // Centroid and bounding box of the whole mask.
    double sx = 0, sy = 0;
    int x0 = mask.width, y0 = mask.height, x1 = -1, y1 = -1;
    for (int y = 0; y < mask.height; ++y)
        for (int x = 0; x < mask.width; ++x)
            if (c.labels[size_t(y) * size_t(mask.width) + size_t(x)]) {
                sx += x;
                sy += y;
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = std::max(y1, y);
            }
    n.centroidX = sx / double(n.lesionPixels);
    n.centroidY = sy / double(n.lesionPixels);
    n.bboxX = x0;
    n.bboxY = y0;
    n.bboxWidth = x1 - x0 + 1;
    n.bboxHeight = y1 - y0 + 1;

    // Shape, as published: 4πA/P² with A the dominant component's pixel count and P the length
    // of its traced outer polygon; the polygon's own area is kept only as an extra number.
    const std::vector<ContourPoint> outline = Contour::simplify(Contour::traceOuter(c, dominant));
    n.contourArea = Contour::area(outline);
    n.perimeter = Contour::length(outline);
    n.contourPoints = int(outline.size());
    n.circularity = n.perimeter > 0 ? 4 * M_PI * double(n.dominantPixels) / (n.perimeter * n.perimeter) : 0.0;
    n.elongation = 1.0;
    if (const std::optional<EllipseAxes> e = EllipseFit::fit(outline)) {
        n.elongation = e->elongation();
        n.hasEllipse = true;
        n.ellipseCentreX = e->centreX;
        n.ellipseCentreY = e->centreY;
        n.ellipseMajor = e->major;
        n.ellipseMinor = e->minor;
        n.ellipseAngle = e->angleDegrees;
    }
    s.size = sizeLabel(n.areaRatio, t);
    s.shape = shapeLabel(n.circularity, n.elongation, t);
    s.spread = spreadLabel(n.components, n.coreFraction, t);
    s.location = locationLabel(n.centroidX, n.centroidY, mask.width, mask.height);
    return s;
}

void MaskAnalyzer::addHeadLocation(MaskSemantics &s, const GrayImage &image)
{
    // The head's extent from the same robust box the duplicate finder uses; the midline is the
    // centre of the head's columns weighted by how much head each column holds.
    if (image.isEmpty())
        return;
    std::array<int, 256> histogram{};
    for (std::uint8_t v : image.pixels)
        ++histogram[v];
    const size_t total = image.pixels.size();
    auto percentile = [&](double p) {
        size_t acc = 0;
        for (int v = 0; v < 256; ++v) {
            acc += size_t(histogram[size_t(v)]);
            if (double(acc) >= p * double(total))
                return v;
        }
        return 255;
    };
    const int threshold = percentile(0.01) + (percentile(0.99) - percentile(0.01)) * 12 / 100;
    double mass = 0, sumX = 0;
    int top = image.height, bottom = -1, left = image.width, right = -1;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (image.at(x, y) > threshold) {
                mass += 1;
                sumX += x;
                top = std::min(top, y);
                bottom = std::max(bottom, y);
                left = std::min(left, x);
                right = std::max(right, x);
            }
    if (mass < 0.05 * double(total) || right <= left || bottom <= top)
        return; // no head outline to speak of
    HeadLocation &h = s.head;
    h.valid = true;
    h.midlineX = sumX / mass;
    const double halfWidth = std::max(1.0, (right - left) / 2.0);
    h.offsetFromMidline = (s.numbers.centroidX - h.midlineX) / halfWidth;
    // Radiological display: the patient's right is on the image's left.
    h.side = std::fabs(h.offsetFromMidline) < 0.1 ? QStringLiteral("midline")
             : h.offsetFromMidline < 0            ? QStringLiteral("right hemisphere")
                                                  : QStringLiteral("left hemisphere");
    h.depth = std::clamp((s.numbers.centroidY - top) / std::max(1.0, double(bottom - top)), 0.0, 1.0);
    h.band = h.depth < 1.0 / 3 ? QStringLiteral("anterior") : h.depth < 2.0 / 3 ? QStringLiteral("central") : QStringLiteral("posterior");
}

void MaskAnalyzer::addSubregions(MaskSemantics &s, const GrayImage &labels)
{
    qint64 necrosis = 0, oedema = 0, enhancing = 0;
    for (std::uint8_t v : labels.pixels) {
        necrosis += v == 1;
        oedema += v == 2;
        enhancing += v == 4 || v == 3;
    }
    const qint64 total = necrosis + oedema + enhancing;
    if (total == 0)
        return;
    s.subregions.valid = true;
    s.subregions.necrosis = double(necrosis) / double(total);
    s.subregions.oedema = double(oedema) / double(total);
    s.subregions.enhancing = double(enhancing) / double(total);
}

QJsonObject SemanticsThresholds::toJson() const
{
    return {{QStringLiteral("small_below"), smallBelow},
            {QStringLiteral("medium_below"), mediumBelow},
            {QStringLiteral("irregular_below"), irregularBelow},
            {QStringLiteral("round_from"), roundFrom},
            {QStringLiteral("round_max_elongation"), roundMaxElongation},
            {QStringLiteral("dominant_core_from"), dominantCoreFrom},
            {QStringLiteral("binary_threshold"), binaryThreshold},
            {QStringLiteral("rule_version"), kRuleVersion}};
}

SemanticsThresholds SemanticsThresholds::fromJson(const QJsonObject &o)
{
    SemanticsThresholds t;
    t.smallBelow = o.value(QStringLiteral("small_below")).toDouble(t.smallBelow);
    t.mediumBelow = o.value(QStringLiteral("medium_below")).toDouble(t.mediumBelow);
    t.irregularBelow = o.value(QStringLiteral("irregular_below")).toDouble(t.irregularBelow);
    t.roundFrom = o.value(QStringLiteral("round_from")).toDouble(t.roundFrom);
    t.roundMaxElongation = o.value(QStringLiteral("round_max_elongation")).toDouble(t.roundMaxElongation);
    t.dominantCoreFrom = o.value(QStringLiteral("dominant_core_from")).toDouble(t.dominantCoreFrom);
    t.binaryThreshold = o.value(QStringLiteral("binary_threshold")).toInt(t.binaryThreshold);
    return t;
}

QJsonObject MaskSemantics::labelsJson() const
{
    return {{QStringLiteral("size"), size}, {QStringLiteral("shape"), shape},
            {QStringLiteral("spread"), spread}, {QStringLiteral("location"), location}};
}

QJsonObject MaskSemantics::numbersJson() const
{
    const MaskNumbers &n = numbers;
    QJsonObject o{{QStringLiteral("area_ratio"), n.areaRatio},
                  {QStringLiteral("lesion_pixels"), n.lesionPixels},
                  {QStringLiteral("components"), n.components},
                  {QStringLiteral("core_fraction"), n.coreFraction},
                  {QStringLiteral("dominant_pixels"), n.dominantPixels},
                  {QStringLiteral("contour_area"), n.contourArea},
                  {QStringLiteral("perimeter"), n.perimeter},
                  {QStringLiteral("circularity"), n.circularity},
                  {QStringLiteral("elongation"), n.elongation},
                  {QStringLiteral("contour_points"), n.contourPoints},
                  {QStringLiteral("centroid"), QJsonArray{n.centroidX, n.centroidY}},
                  {QStringLiteral("bbox"), QJsonArray{n.bboxX, n.bboxY, n.bboxWidth, n.bboxHeight}}};
    if (n.hasEllipse)
        o.insert(QStringLiteral("ellipse"), QJsonObject{{QStringLiteral("centre"), QJsonArray{n.ellipseCentreX, n.ellipseCentreY}},
                                                        {QStringLiteral("major"), n.ellipseMajor},
                                                        {QStringLiteral("minor"), n.ellipseMinor},
                                                        {QStringLiteral("angle"), n.ellipseAngle}});
    if (head.valid)
        o.insert(QStringLiteral("head_location"), QJsonObject{{QStringLiteral("side"), head.side},
                                                              {QStringLiteral("band"), head.band},
                                                              {QStringLiteral("midline_x"), head.midlineX},
                                                              {QStringLiteral("offset_from_midline"), head.offsetFromMidline},
                                                              {QStringLiteral("depth"), head.depth}});
    if (subregions.valid)
        o.insert(QStringLiteral("subregions"), QJsonObject{{QStringLiteral("necrosis"), subregions.necrosis},
                                                           {QStringLiteral("oedema"), subregions.oedema},
                                                           {QStringLiteral("enhancing"), subregions.enhancing}});
    return o;
}

MaskSemantics MaskSemantics::fromJson(const QJsonObject &labels, const QJsonObject &o)
{
    MaskSemantics s;
    s.size = labels.value(QStringLiteral("size")).toString();
    s.shape = labels.value(QStringLiteral("shape")).toString();
    s.spread = labels.value(QStringLiteral("spread")).toString();
    s.location = labels.value(QStringLiteral("location")).toString();
    MaskNumbers &n = s.numbers;
    n.areaRatio = o.value(QStringLiteral("area_ratio")).toDouble();
    n.lesionPixels = qint64(o.value(QStringLiteral("lesion_pixels")).toDouble());
    n.components = o.value(QStringLiteral("components")).toInt();
    n.coreFraction = o.value(QStringLiteral("core_fraction")).toDouble();
    n.dominantPixels = qint64(o.value(QStringLiteral("dominant_pixels")).toDouble());
    n.contourArea = o.value(QStringLiteral("contour_area")).toDouble();
    n.perimeter = o.value(QStringLiteral("perimeter")).toDouble();
    n.circularity = o.value(QStringLiteral("circularity")).toDouble();
    n.elongation = o.value(QStringLiteral("elongation")).toDouble(1);
    n.contourPoints = o.value(QStringLiteral("contour_points")).toInt();
    const QJsonArray centroid = o.value(QStringLiteral("centroid")).toArray();
    n.centroidX = centroid.at(0).toDouble();
    n.centroidY = centroid.at(1).toDouble();
    const QJsonArray bbox = o.value(QStringLiteral("bbox")).toArray();
    n.bboxX = bbox.at(0).toInt();
    n.bboxY = bbox.at(1).toInt();
    n.bboxWidth = bbox.at(2).toInt();
    n.bboxHeight = bbox.at(3).toInt();
    const QJsonObject ellipse = o.value(QStringLiteral("ellipse")).toObject();
    if (!ellipse.isEmpty()) {
        n.hasEllipse = true;
        n.ellipseCentreX = ellipse.value(QStringLiteral("centre")).toArray().at(0).toDouble();
        n.ellipseCentreY = ellipse.value(QStringLiteral("centre")).toArray().at(1).toDouble();
        n.ellipseMajor = ellipse.value(QStringLiteral("major")).toDouble();
        n.ellipseMinor = ellipse.value(QStringLiteral("minor")).toDouble();
        n.ellipseAngle = ellipse.value(QStringLiteral("angle")).toDouble();
    }
    const QJsonObject h = o.value(QStringLiteral("head_location")).toObject();
    if (!h.isEmpty()) {
        s.head.valid = true;
        s.head.side = h.value(QStringLiteral("side")).toString();
        s.head.band = h.value(QStringLiteral("band")).toString();
        s.head.midlineX = h.value(QStringLiteral("midline_x")).toDouble();
        s.head.offsetFromMidline = h.value(QStringLiteral("offset_from_midline")).toDouble();
        s.head.depth = h.value(QStringLiteral("depth")).toDouble();
    }
    const QJsonObject sub = o.value(QStringLiteral("subregions")).toObject();
    if (!sub.isEmpty()) {
        s.subregions.valid = true;
        s.subregions.necrosis = sub.value(QStringLiteral("necrosis")).toDouble();
        s.subregions.oedema = sub.value(QStringLiteral("oedema")).toDouble();
        s.subregions.enhancing = sub.value(QStringLiteral("enhancing")).toDouble();
    }
    return s;
}

} // namespace neuroonco
