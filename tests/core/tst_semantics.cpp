// Mask semantics: parity with the independent OpenCV reference (tools/semantics_reference.py)
// on the 300+ mask fixture, plus the rules at their thresholds and the beyond-paper fields.
#include "imaging/ImageIO.h"
#include "semantics/ComponentLabeling.h"
#include "semantics/Contour.h"
#include "semantics/EllipseFit.h"
#include "semantics/MaskAnalyzer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace neuroonco;

class TestSemantics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parityWithReference();
    void rulesAtThresholds();
    void contourOfSimpleShapes();
    void ellipseFitRecoversAxes();
    void emptyMaskHasNoSemantics();
    void headLocationAndSubregions();
};

void TestSemantics::parityWithReference()
{
    const QDir dir(QStringLiteral(NEUROONCO_TEST_DATA_DIR "/semantics"));
    QFile f(dir.filePath(QStringLiteral("expected.json")));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const QJsonArray masks = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("masks")).toArray();
    QVERIFY(masks.size() >= 300);

    const char *attributes[] = {"size", "shape", "spread", "location"};
    int agree[4] = {0, 0, 0, 0};
    int total = 0;
    QStringList differences;
    int numberChecks = 0, numberDifferences = 0;
    for (const QJsonValue &v : masks) {
        const QJsonObject m = v.toObject();
        const QString file = m.value(QStringLiteral("file")).toString();
        Result<GrayImage> mask = imageio::readGray8(dir.filePath(file));
        QVERIFY2(mask.ok(), qPrintable(file));
        const std::optional<MaskSemantics> ours = MaskAnalyzer::analyze(*mask);
        const QJsonValue expected = m.value(QStringLiteral("semantics"));
        ++total;
        if (expected.isNull()) {
            const bool ok = !ours.has_value();
            for (int &a : agree)
                a += ok;
            if (!ok)
                differences << file + QStringLiteral(": reference says empty");
            continue;
        }
        QVERIFY2(ours.has_value(), qPrintable(file));
        const QJsonObject e = expected.toObject();
        const QJsonObject mine = ours->labelsJson();
        for (int i = 0; i < 4; ++i) {
            const QString key = QLatin1String(attributes[i]);
            if (e.value(key) == mine.value(key))
                ++agree[i];
            else
                differences << QStringLiteral("%1: %2 reference '%3' ours '%4' (circularity %5 vs %6, elongation %7 vs %8)")
                                   .arg(file, key, e.value(key).toString(), mine.value(key).toString())
                                   .arg(e[QStringLiteral("numbers")][QStringLiteral("circularity")].toDouble(), 0, 'f', 4)
                                   .arg(ours->numbers.circularity, 0, 'f', 4)
                                   .arg(e[QStringLiteral("numbers")][QStringLiteral("elongation")].toDouble(), 0, 'f', 4)
                                   .arg(ours->numbers.elongation, 0, 'f', 4);
        }
        // The numbers behind the labels.
        const QJsonObject en = e.value(QStringLiteral("numbers")).toObject();
        const MaskNumbers &n = ours->numbers;
        struct Num { const char *key; double ours; double tolerance; };
        const Num nums[] = {{"area_ratio", n.areaRatio, 1e-9},        {"lesion_pixels", double(n.lesionPixels), 0},
                            {"components", double(n.components), 0},  {"core_fraction", n.coreFraction, 1e-9},
                            {"contour_area", n.contourArea, 1e-6},    {"perimeter", n.perimeter, 1e-3},
                            {"circularity", n.circularity, 1e-4},     {"contour_points", double(n.contourPoints), 0}};
        for (const Num &num : nums) {
            ++numberChecks;
            const double ref = en.value(QLatin1String(num.key)).toDouble();
            if (std::fabs(ref - num.ours) > num.tolerance) {
                ++numberDifferences;
                differences << QStringLiteral("%1: %2 reference %3 ours %4").arg(file, QLatin1String(num.key)).arg(ref).arg(num.ours);
            }
        }
        const double refElongation = en.value(QStringLiteral("elongation")).toDouble();
        ++numberChecks;
        if (std::fabs(refElongation - n.elongation) > 1e-3 * std::max(1.0, refElongation) && refElongation < 100) {
            ++numberDifferences;
            differences << QStringLiteral("%1: elongation reference %2 ours %3").arg(file).arg(refElongation).arg(n.elongation);
        }
        const QJsonArray c = en.value(QStringLiteral("centroid")).toArray();
        ++numberChecks;
        if (std::fabs(c.at(0).toDouble() - n.centroidX) > 1e-6 || std::fabs(c.at(1).toDouble() - n.centroidY) > 1e-6) {
            ++numberDifferences;
            differences << file + QStringLiteral(": centroid differs");
        }
    }
    for (const QString &d : differences)
        qInfo("%s", qPrintable(d));
    for (int i = 0; i < 4; ++i) {
        const double share = double(agree[i]) / total;
        qInfo("%s: %d of %d agree (%.2f %%)", attributes[i], agree[i], total, 100 * share);
        QVERIFY2(share >= 0.99, attributes[i]);
    }
    qInfo("numbers: %d of %d checks differ", numberDifferences, numberChecks);
    QVERIFY(double(numberDifferences) / numberChecks <= 0.01);
}

void TestSemantics::rulesAtThresholds()
{
    const SemanticsThresholds t;
    QCOMPARE(MaskAnalyzer::sizeLabel(0.0099, t), QStringLiteral("Small/Focal"));
    QCOMPARE(MaskAnalyzer::sizeLabel(0.01, t), QStringLiteral("Medium"));
    QCOMPARE(MaskAnalyzer::sizeLabel(0.0499, t), QStringLiteral("Medium"));
    QCOMPARE(MaskAnalyzer::sizeLabel(0.05, t), QStringLiteral("Large/Extensive"));
    QCOMPARE(MaskAnalyzer::shapeLabel(0.49, 1.0, t), QStringLiteral("Irregular/Spiculated"));
    QCOMPARE(MaskAnalyzer::shapeLabel(0.5, 1.0, t), QStringLiteral("Lobulated"));
    QCOMPARE(MaskAnalyzer::shapeLabel(0.8, 1.5, t), QStringLiteral("Round/Oval"));
    QCOMPARE(MaskAnalyzer::shapeLabel(0.8, 1.51, t), QStringLiteral("Lobulated"));
    QCOMPARE(MaskAnalyzer::spreadLabel(1, 1.0, t), QStringLiteral("Solitary Lesion"));
    QCOMPARE(MaskAnalyzer::spreadLabel(3, 0.7, t), QStringLiteral("Dominant Core with Satellites"));
    QCOMPARE(MaskAnalyzer::spreadLabel(3, 0.69, t), QStringLiteral("Scattered/Multifocal"));
    QCOMPARE(MaskAnalyzer::locationLabel(50, 50, 100, 100), QStringLiteral("Center of the Image"));
    QCOMPARE(MaskAnalyzer::locationLabel(10, 10, 100, 100), QStringLiteral("Upper-Left Region"));
    QCOMPARE(MaskAnalyzer::locationLabel(90, 50, 100, 100), QStringLiteral("Center-Right Region"));
    QCOMPARE(MaskAnalyzer::locationLabel(50, 99, 100, 100), QStringLiteral("Lower-Center Region"));
    QCOMPARE(MaskAnalyzer::locationLabel(100.0 / 3, 0, 100, 100), QStringLiteral("Upper-Center Region"));
    // Configurable thresholds.
    SemanticsThresholds strict;
    strict.smallBelow = 0.02;
    QCOMPARE(MaskAnalyzer::sizeLabel(0.015, strict), QStringLiteral("Small/Focal"));
    QCOMPARE(SemanticsThresholds::fromJson(strict.toJson()).smallBelow, 0.02);
}

void TestSemantics::contourOfSimpleShapes()
{
    GrayImage m(10, 10);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x)
            m.at(x, y) = 255;
    const Components c = ComponentLabeling::label(m);
    QCOMPARE(c.count(), 1);
    const auto polygon = Contour::simplify(Contour::traceOuter(c, 1));
    QCOMPARE(polygon.size(), size_t(4));
    QCOMPARE(Contour::length(polygon), 10.0);
    QCOMPARE(Contour::area(polygon), 6.0);
    // Diagonal neighbours are one component (8-connectivity).
    GrayImage d(5, 5);
    d.at(1, 1) = d.at(2, 2) = d.at(3, 3) = 255;
    QCOMPARE(ComponentLabeling::label(d).count(), 1);
}

void TestSemantics::ellipseFitRecoversAxes()
{
    std::vector<ContourPoint> pts;
    for (int i = 0; i < 360; i += 3) {
        const double t = i * M_PI / 180;
        pts.push_back({int(std::lround(100 + 60 * std::cos(t))), int(std::lround(80 + 20 * std::sin(t)))});
    }
    const auto e = EllipseFit::fit(pts);
    QVERIFY(e.has_value());
    QVERIFY(std::fabs(e->major - 120) < 2);
    QVERIFY(std::fabs(e->minor - 40) < 2);
    QVERIFY(std::fabs(e->elongation() - 3.0) < 0.15);
    // Collinear points do not determine an ellipse.
    std::vector<ContourPoint> line;
    for (int i = 0; i < 10; ++i)
        line.push_back({i, i});
    QVERIFY(!EllipseFit::fit(line).has_value());
}

void TestSemantics::emptyMaskHasNoSemantics()
{
    QVERIFY(!MaskAnalyzer::analyze(GrayImage(32, 32)).has_value());
}

void TestSemantics::headLocationAndSubregions()
{
    // A head filling the middle of the frame, lesion on the image's left = patient's right.
    GrayImage image(200, 200);
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 200; ++x)
            image.at(x, y) = std::hypot((x - 100) / 80.0, (y - 100) / 90.0) < 1 ? 120 : 0;
    GrayImage mask(200, 200);
    for (int y = 40; y < 60; ++y)
        for (int x = 50; x < 70; ++x)
            mask.at(x, y) = 255;
    std::optional<MaskSemantics> s = MaskAnalyzer::analyze(mask);
    QVERIFY(s);
    MaskAnalyzer::addHeadLocation(*s, image);
    QVERIFY(s->head.valid);
    QCOMPARE(s->head.side, QStringLiteral("right hemisphere"));
    QCOMPARE(s->head.band, QStringLiteral("anterior"));
    GrayImage labels(200, 200);
    for (int i = 0; i < 100; ++i)
        labels.pixels[size_t(i)] = i < 20 ? 1 : i < 70 ? 2 : 4;
    MaskAnalyzer::addSubregions(*s, labels);
    QVERIFY(s->subregions.valid);
    QCOMPARE(s->subregions.necrosis, 0.2);
    QCOMPARE(s->subregions.oedema, 0.5);
    QCOMPARE(s->subregions.enhancing, 0.3);
    // Round trip through JSON.
    const MaskSemantics back = MaskSemantics::fromJson(s->labelsJson(), s->numbersJson());
    QCOMPARE(back.shape, s->shape);
    QCOMPARE(back.head.side, s->head.side);
    QCOMPARE(back.numbers.lesionPixels, s->numbers.lesionPixels);
}

QTEST_GUILESS_MAIN(TestSemantics)
#include "tst_semantics.moc"
