// Attributes derived from a lesion mask (DESIGN.md §3.4): the four published labels (size,
// shape, spread, location), the numbers behind them, and what we add beyond the paper
// (location relative to the head, BraTS sub-region fractions). Value types.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace neuroonco {

// Thresholds of the rules; the defaults are the paper's.
struct SemanticsThresholds
{
    double smallBelow = 0.01;       // area ratio
    double mediumBelow = 0.05;
    double irregularBelow = 0.5;    // circularity
    double roundFrom = 0.8;         // circularity, together with
    double roundMaxElongation = 1.5;
    double dominantCoreFrom = 0.7;  // largest component's share of the lesion
    int binaryThreshold = 127;      // mask pixels above it are lesion
    // Written with the thresholds so that results of an earlier rule are recomputed: 2 = the
    // published shape rule (circularity with the dominant component's pixel count).
    static constexpr int kRuleVersion = 2;

    QJsonObject toJson() const;
    static SemanticsThresholds fromJson(const QJsonObject &o); // missing keys keep defaults
};

struct MaskNumbers
{
    double areaRatio = 0;
    qint64 lesionPixels = 0;
    int components = 0;
    double coreFraction = 0;     // dominant (most pixels) component / lesion
    qint64 dominantPixels = 0;   // pixel count of the dominant component: the A of 4πA/P²
    double contourArea = 0;      // area of the dominant component's outer polygon (extra; not in any rule)
    double perimeter = 0;        // length of that polygon: the P of 4πA/P²
    double circularity = 0;
    double elongation = 1;
    int contourPoints = 0;
    double centroidX = 0;        // pixels, whole mask
    double centroidY = 0;
    int bboxX = 0, bboxY = 0, bboxWidth = 0, bboxHeight = 0;
    // The fitted ellipse (of the largest component), when one exists.
    bool hasEllipse = false;
    double ellipseCentreX = 0, ellipseCentreY = 0, ellipseMajor = 0, ellipseMinor = 0, ellipseAngle = 0;
};

// Beyond the paper: where the lesion sits in the head rather than in the image frame.
struct HeadLocation
{
    bool valid = false;
    QString side;       // "right hemisphere" | "left hemisphere" | "midline" (patient side, radiological display)
    QString band;       // "anterior" | "central" | "posterior"
    double midlineX = 0;
    double offsetFromMidline = 0; // signed, in head half-widths (image right positive)
    double depth = 0;             // 0 = front of the head, 1 = back
};

struct SubregionFractions
{
    bool valid = false;
    double necrosis = 0;
    double oedema = 0;
    double enhancing = 0;
};

struct MaskSemantics
{
    QString size;      // Small/Focal | Medium | Large/Extensive
    QString shape;     // Round/Oval | Lobulated | Irregular/Spiculated
    QString spread;    // Solitary Lesion | Dominant Core with Satellites | Scattered/Multifocal
    QString location;  // Center of the Image | <Upper|Center|Lower>-<Left|Center|Right> Region
    MaskNumbers numbers;
    HeadLocation head;
    SubregionFractions subregions;

    QJsonObject labelsJson() const;  // {size, shape, spread, location}
    QJsonObject numbersJson() const; // the numbers, head location and sub-regions
    static MaskSemantics fromJson(const QJsonObject &labels, const QJsonObject &numbers);
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::MaskSemantics)
