// Demo-data generator: reproducibility across seeds and thread counts, the seven layouts and
// the manifest, ground truth that matches the files (decoding, masks, polygons, RLE, volumes),
// sequence contrasts, planted duplicates and bad inputs, DICOM identifiers, phantom mode.
#include "core/demo/Anatomy.h"
#include "core/demo/DemoDataGenerator.h"
#include "core/demo/DemoRng.h"
#include "core/demo/HeadPhantom.h"
#include "core/demo/SampleFactory.h"
#include "core/imaging/DicomIO.h"
#include "core/imaging/ImageIO.h"
#include "core/imaging/ImageOps.h"
#include "core/imaging/MatFile.h"
#include "core/imaging/VolumeIO.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <memory>

using namespace neuroonco;

namespace {

constexpr int kCases = 60;
const QString kTemplates = QStringLiteral("/usr/share/mricron/templates");

QString S(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
QJsonObject O(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toObject(); }
bool isNull(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).isNull(); }
double D(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toDouble(-1); }

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// Content hash per relative path; symlinks by their target (never followed: one is a loop).
QMap<QString, QByteArray> hashTree(const QString &root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString rel = QDir(root).relativeFilePath(info.filePath());
        QFile f(info.filePath());
        if (info.isSymLink())
            out.insert(rel, "link:" + QDir(root).relativeFilePath(info.symLinkTarget()).toUtf8());
        else if (info.isFile() && f.open(QIODevice::ReadOnly))
            out.insert(rel, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1));
    }
    return out;
}

GrayImage decodeAny(const QString &path)
{
    if (path.endsWith(QLatin1String(".dcm"))) {
        auto d = dicomio::read(path, "salt");
        return d ? imageio::toGray8(d->image) : GrayImage();
    }
    if (path.endsWith(QLatin1String(".mat"))) {
        auto m = matfile::readCjdata(path);
        return m ? imageio::toGray8(m->image) : GrayImage();
    }
    auto r = imageio::read(path);
    return r ? imageio::toGray8(*r) : GrayImage();
}

long long countNonZero(const GrayImage &g)
{
    return std::count_if(g.pixels.begin(), g.pixels.end(), [](std::uint8_t v) { return v != 0; });
}

// Mean of `img` where `mask` is set; `n` receives the pixel count.
double meanIn(const GrayImage &img, const GrayImage &mask, long long *n)
{
    double sum = 0;
    *n = 0;
    for (size_t i = 0; i < mask.pixels.size(); ++i)
        if (mask.pixels[i]) {
            sum += img.pixels[i];
            ++*n;
        }
    return *n ? sum / double(*n) : 0;
}

GrayImage erode(GrayImage m, int times)
{
    for (int t = 0; t < times; ++t) {
        GrayImage out(m.width, m.height, 0);
        for (int y = 1; y < m.height - 1; ++y)
            for (int x = 1; x < m.width - 1; ++x)
                if (m.at(x, y) && m.at(x - 1, y) && m.at(x + 1, y) && m.at(x, y - 1) && m.at(x, y + 1))
                    out.at(x, y) = 255;
        m = out;
    }
    return m;
}

quint64 dHash(const GrayImage &g)
{
    const GrayImage s = imageops::resizeArea(g, 9, 8);
    quint64 h = 0;
    for (int y = 0, b = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x, ++b)
            h |= quint64(s.at(x, y) < s.at(x + 1, y)) << b;
    return h;
}

quint64 pHash(const GrayImage &g)
{
    const GrayImage s = imageops::resizeArea(g, 32, 32);
    double c[64];
    for (int u = 0; u < 8; ++u)
        for (int v = 0; v < 8; ++v) {
            double acc = 0;
            for (int y = 0; y < 32; ++y)
                for (int x = 0; x < 32; ++x)
                    acc += s.at(x, y) * std::cos((2 * x + 1) * u * M_PI / 64) * std::cos((2 * y + 1) * v * M_PI / 64);
            c[u * 8 + v] = acc;
        }
    std::vector<double> ac(c + 1, c + 64);
    std::nth_element(ac.begin(), ac.begin() + 31, ac.end());
    quint64 h = 0;
    for (int b = 0; b < 64; ++b)
        h |= quint64(c[b] > ac[31]) << b;
    return h;
}

bool nearDuplicate(const GrayImage &a, const GrayImage &b)
{
    return __builtin_popcountll(dHash(a) ^ dHash(b)) <= 10 && __builtin_popcountll(pHash(a) ^ pHash(b)) <= 10;
}

// Pixels whose centre lies inside the polygons (even-odd rule).
long long rasterArea(const std::vector<std::vector<QPointF>> &polys, int w, int h)
{
    long long n = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double px = x + 0.5, py = y + 0.5;
            bool inside = false;
            for (const auto &p : polys)
                for (size_t i = 0, j = p.size() - 1; i < p.size(); j = i++)
                    if ((p[i].y() > py) != (p[j].y() > py)
                        && px < (p[j].x() - p[i].x()) * (py - p[i].y()) / (p[j].y() - p[i].y()) + p[i].x())
                        inside = !inside;
            n += inside;
        }
    return n;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameSeedIsByteIdenticalOnAnyThreadCount();
    void differentSeedGivesDifferentData();
    void everyLayoutIsPresent();
    void manifestListsSevenSources();
    void groundTruthFilesExistAndDecode();
    void masksLabelsAndAnnotationsMatchTheGroundTruth();
    void volumesHaveBratsLabels();
    void sequenceContrastsHold();
    void ringEnhancementHasBrightRimAndDarkCore();
    void plantedBadFilesExist();
    void plantedDuplicatesExist();
    void distinctSamplesAreNotNearDuplicates();
    void dicomIdentifiersAreInTheFiles();
    void phantomModeWorks();
    void refusesForeignFolderAndCancels();

private:
    QString path(const QString &rel) const { return m_a + QLatin1Char('/') + rel; }
    std::vector<QJsonObject> files(bool withCorrupt = false) const;

    QTemporaryDir m_tmp;
    QString m_a, m_b, m_c;
    QJsonObject m_gt;
    std::shared_ptr<const demo::Anatomy> m_anatomy;
};

std::vector<QJsonObject> TestDemoData::files(bool withCorrupt) const
{
    std::vector<QJsonObject> out;
    for (const QJsonValue &v : m_gt.value(QStringLiteral("files")).toArray())
        if (withCorrupt || isNull(v.toObject(), "corrupt"))
            out.push_back(v.toObject());
    return out;
}

void TestDemoData::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_a = m_tmp.filePath(QStringLiteral("a"));
    m_b = m_tmp.filePath(QStringLiteral("b"));
    m_c = m_tmp.filePath(QStringLiteral("c"));
    DemoDataOptions o;
    o.cases = kCases;
    o.seed = 11;
    o.threads = 2;
    o.outDir = m_a;
    qint64 lastDone = -1, lastTotal = 0;
    auto r = DemoDataGenerator().generate(o, [&](qint64 done, qint64 total) {
        QVERIFY(done >= lastDone);
        lastDone = done;
        lastTotal = total;
    });
    QVERIFY2(r.ok(), qPrintable(errorMessage(r.error())));
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(r->files > kCases / 2 && r->volumes >= 3 && r->duplicates >= 5 && r->corrupt == 11);
    o.outDir = m_b;
    o.threads = 1;
    QVERIFY(DemoDataGenerator().generate(o).ok());
    o.outDir = m_c;
    o.seed = 12;
    o.threads = 2;
    QVERIFY(DemoDataGenerator().generate(o).ok());
    m_gt = readJson(path(QStringLiteral("ground_truth.json")));
    QVERIFY(!files().empty());
    m_anatomy = demo::Anatomy::fromSource(demo::HeadPhantom::build());
    if (DemoDataGenerator::hasTemplate(kTemplates))
        m_anatomy = *demo::Anatomy::loadTemplate(kTemplates + QStringLiteral("/ch2.nii.gz"), kTemplates + QStringLiteral("/ch2bet.nii.gz"));
}

void TestDemoData::sameSeedIsByteIdenticalOnAnyThreadCount()
{
    const auto a = hashTree(m_a), b = hashTree(m_b);
    QVERIFY(a.size() > 80);
    QCOMPARE(a.keys(), b.keys());
    for (auto it = a.begin(); it != a.end(); ++it)
        QVERIFY2(it.value() == b.value(it.key()), qPrintable(QStringLiteral("differs: ") + it.key()));
}

void TestDemoData::differentSeedGivesDifferentData()
{
    const auto a = hashTree(m_a), c = hashTree(m_c);
    QSet<QByteArray> contents(c.begin(), c.end());
    // The planted bad inputs are fixed by design; everything rendered must differ.
    QSet<QString> planted{QStringLiteral("sources/outside.png"), QStringLiteral("manifest.json")};
    for (const QJsonObject &f : files(true))
        if (!isNull(f, "corrupt"))
            planted << S(f, "path") << S(f, "mask_path");
    int same = 0, compared = 0;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (planted.contains(it.key()) || QFileInfo(path(it.key())).size() == 0)
            continue;
        ++compared;
        if (contents.contains(it.value())) {
            qWarning() << "same content for both seeds:" << it.key();
            ++same;
        }
    }
    QVERIFY(compared > 60);
    QCOMPARE(same, 0);
}

void TestDemoData::everyLayoutIsPresent()
{
    auto find = [&](const char *dir, const char *pattern) {
        QStringList out;
        QDirIterator it(path(QLatin1String(dir)), {QLatin1String(pattern)}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
        return out;
    };
    for (const char *c : {"glioma_tumor", "meningioma_tumor", "pituitary_tumor", "no_tumor"})
        QVERIFY2(QDir(path(QStringLiteral("sources/01_classes/Training/") + QLatin1String(c))).exists(), c);
    const QStringList tokens{QStringLiteral("T1"), QStringLiteral("T1C+"), QStringLiteral("T2"), QStringLiteral("FLAIR")};
    int withToken = 0, withoutToken = 0;
    for (const QString &f : find("sources/01_classes", "*.jpg"))
        (tokens.contains(QFileInfo(f).dir().dirName()) ? withToken : withoutToken) += 1;
    QVERIFY(withToken > 0 && withoutToken > 0);
    QVERIFY(!find("sources/02_pairs/images", "*.png").isEmpty() && !find("sources/02_pairs/masks", "*_mask.png").isEmpty());
    QVERIFY(!find("sources/03_yolo/images", "*.jpg").isEmpty() && !find("sources/03_yolo/labels", "*.txt").isEmpty());
    QVERIFY(!find("sources/04_brats", "*_t1ce.nii.gz").isEmpty() && !find("sources/04_brats", "*-t1c.nii.gz").isEmpty());
    QVERIFY(QFileInfo::exists(path(QStringLiteral("sources/05_coco/annotations.json"))));
    QVERIFY(!find("sources/05_coco/images", "*.png").isEmpty() && !find("sources/06_figshare", "*.mat").isEmpty());
    const QStringList dicom = find("sources/07_dicom", "IM_*.dcm");
    QVERIFY(!dicom.isEmpty());
    for (const QString &d : dicom) {
        const QString patient = d.section(QLatin1Char('/'), -3, -3);
        QVERIFY2(patient.startsWith(QLatin1String("metastasis_")) || patient.startsWith(QLatin1String("meningioma_")), qPrintable(patient));
    }
}

void TestDemoData::manifestListsSevenSources()
{
    const QJsonObject m = readJson(path(QStringLiteral("manifest.json")));
    QCOMPARE(S(m, "format"), QStringLiteral("neuroonco-manifest/1"));
    const QJsonArray sources = m.value(QStringLiteral("sources")).toArray();
    QCOMPARE(sources.size(), 7);
    const char *layouts[] = {"class-folders", "image-mask-pairs", "yolo-seg", "nifti-volumes", "coco", "figshare-mat", "dicom"};
    for (int i = 0; i < 7; ++i) {
        const QJsonObject s = sources.at(i).toObject();
        QCOMPARE(S(s, "code"), QStringLiteral("0%1").arg(i + 1));
        QCOMPARE(S(s, "layout"), QLatin1String(layouts[i]));
        for (const char *key : {"name", "url", "licence", "priority", "options", "root"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QVERIFY(QDir(path(S(s, "root"))).exists());
    }
    auto options = [&](int i) { return O(sources.at(i).toObject(), "options"); };
    QCOMPARE(S(O(options(0), "class_synonyms"), "no_tumor"), QStringLiteral("healthy"));
    QCOMPARE(options(2).value(QStringLiteral("class_names")).toArray().size(), 3);
    QCOMPARE(S(O(options(5), "label_map"), "2"), QStringLiteral("glioma"));
}

void TestDemoData::groundTruthFilesExistAndDecode()
{
    const QJsonObject gen = O(m_gt, "generator");
    QCOMPARE(gen.value(QStringLiteral("seed")).toInt(), 11);
    QCOMPARE(gen.value(QStringLiteral("cases")).toInt(), kCases);
    QVERIFY(S(gen, "anatomy") == QLatin1String("mricron-ch2") || S(gen, "anatomy") == QLatin1String("phantom"));
    QSet<QString> sources;
    for (const QJsonObject &f : files()) {
        sources.insert(S(f, "source"));
        const GrayImage g = decodeAny(path(S(f, "path")));
        QVERIFY2(!g.isEmpty(), qPrintable(S(f, "path")));
        QCOMPARE(g.width, f.value(QStringLiteral("width")).toInt());
        QCOMPARE(g.height, f.value(QStringLiteral("height")).toInt());
        QCOMPARE(isNull(f, "lesion"), S(f, "tumour_type") == QLatin1String("healthy"));
        if (isNull(f, "lesion"))
            continue;
        const QJsonObject l = O(f, "lesion");
        const QJsonArray c = l.value(QStringLiteral("centroid")).toArray();
        auto band = [](double t) { return t < 1.0 / 3 ? 0 : (t < 2.0 / 3 ? 1 : 2); };
        const QString cell = S(l, "grid_cell");
        static const char *rows[] = {"Upper", "Center", "Lower"}, *cols[] = {"Left", "Center", "Right"};
        const int col = band(c.at(0).toDouble()), row = band(c.at(1).toDouble());
        QCOMPARE(cell, row == 1 && col == 1 ? QStringLiteral("Center of the Image")
                                           : QStringLiteral("%1-%2 Region").arg(QLatin1String(rows[row]), QLatin1String(cols[col])));
        QVERIFY(D(l, "area_fraction") > 0 && l.value(QStringLiteral("components")).toInt() >= 1);
        // Enhancement is a T1CE sign, oedema a T2/FLAIR one; the path's modality is right or Unknown.
        const QJsonObject signs = O(l, "signs");
        const QString seq = S(f, "true_modality"), modality = S(f, "modality");
        QCOMPARE(isNull(signs, "enhancement"), seq != QLatin1String("T1CE"));
        QVERIFY(isNull(signs, "edema") || seq == QLatin1String("T2") || seq == QLatin1String("FLAIR"));
        for (const char *key : {"shape", "margins", "texture", "signal_intensity"})
            QVERIFY(!S(signs, key).isEmpty());
        QVERIFY(modality == seq || modality == QLatin1String("Unknown"));
    }
    QCOMPARE(sources.size(), 6); // BraTS cases are under "volumes"
}

void TestDemoData::masksLabelsAndAnnotationsMatchTheGroundTruth()
{
    const QJsonObject coco = readJson(path(QStringLiteral("sources/05_coco/annotations.json")));
    QMap<QString, int> cocoIds;
    for (const QJsonValue &v : coco.value(QStringLiteral("images")).toArray())
        cocoIds.insert(S(v.toObject(), "file_name"), v.toObject().value(QStringLiteral("id")).toInt());
    QMultiMap<int, QJsonObject> annotations;
    for (const QJsonValue &v : coco.value(QStringLiteral("annotations")).toArray())
        annotations.insert(v.toObject().value(QStringLiteral("image_id")).toInt(), v.toObject());
    QCOMPARE(coco.value(QStringLiteral("categories")).toArray().size(), 6);
    auto close = [](double measured, double area) { return std::fabs(measured - area) <= 0.12 * area + 0.0003; };

    int png = 0, yolo = 0, cocoChecked = 0, rle = 0, mats = 0, mismatch = 0;
    for (const QJsonObject &f : files(true)) {
        const QString format = S(f, "mask_format"), corrupt = S(f, "corrupt");
        const int w = f.value(QStringLiteral("width")).toInt(), h = f.value(QStringLiteral("height")).toInt();
        const double area = D(O(f, "lesion"), "area_fraction"), pixels = double(w) * h;
        if (corrupt == QLatin1String("text-as-png"))
            continue;
        if (format == QLatin1String("png")) {
            auto m = imageio::read(path(S(f, "mask_path")));
            QVERIFY(m.ok());
            const GrayImage bin = imageio::binarizeMask(*m);
            if (corrupt == QLatin1String("mask-size-mismatch")) {
                QVERIFY(bin.width != w);
                ++mismatch;
                continue;
            }
            QVERIFY(bin.width == w && bin.height == h);
            const long long lesion = countNonZero(bin);
            if (corrupt == QLatin1String("empty-mask"))
                QCOMPARE(lesion, 0LL);
            else if (corrupt == QLatin1String("all-lesion-mask"))
                QCOMPARE(lesion, qint64(w) * h);
            else
                QVERIFY2(std::fabs(double(lesion) / pixels - area) < 1e-4, qPrintable(S(f, "path")));
            ++png;
        } else if (format == QLatin1String("yolo")) {
            QFile label(path(S(f, "mask_path")));
            QVERIFY(label.open(QIODevice::ReadOnly));
            std::vector<std::vector<QPointF>> polys;
            bool inRange = true;
            for (const QByteArray &line : label.readAll().split('\n')) {
                const QList<QByteArray> parts = line.simplified().split(' ');
                if (parts.size() < 7)
                    continue;
                QVERIFY(parts.size() % 2 == 1 && parts[0].toInt() >= 0 && parts[0].toInt() <= 2);
                std::vector<QPointF> poly;
                for (int k = 1; k + 1 < parts.size(); k += 2) {
                    const double x = parts[k].toDouble(), y = parts[k + 1].toDouble();
                    inRange = inRange && x >= 0 && x <= 1 && y >= 0 && y <= 1;
                    poly.emplace_back(x * w, y * h);
                }
                QVERIFY(poly.size() >= 3 && poly.size() <= 400);
                polys.push_back(poly);
            }
            QCOMPARE(inRange, corrupt != QLatin1String("polygon-out-of-range"));
            QCOMPARE(polys.empty(), S(f, "tumour_type") == QLatin1String("healthy"));
            if (!polys.empty() && inRange)
                QVERIFY2(close(double(rasterArea(polys, w, h)) / pixels, area), qPrintable(S(f, "path")));
            ++yolo;
        } else if (format == QLatin1String("coco")) {
            const QString name = QFileInfo(S(f, "path")).fileName();
            QVERIFY2(cocoIds.contains(name), qPrintable(name));
            const QList<QJsonObject> anns = annotations.values(cocoIds.value(name));
            QVERIFY(!anns.isEmpty());
            double annotated = 0;
            for (const QJsonObject &a : anns) {
                const QJsonValue seg = a.value(QStringLiteral("segmentation"));
                if (seg.isObject()) { // uncompressed RLE, column-major, background first
                    const QJsonArray counts = seg.toObject().value(QStringLiteral("counts")).toArray();
                    const QJsonArray size = seg.toObject().value(QStringLiteral("size")).toArray();
                    QVERIFY(size.at(0).toInt() == h && size.at(1).toInt() == w);
                    long long total = 0;
                    for (int k = 0; k < counts.size(); ++k) {
                        total += counts.at(k).toInt();
                        annotated += k % 2 ? counts.at(k).toInt() : 0;
                    }
                    QCOMPARE(total, qint64(w) * h);
                    ++rle;
                } else {
                    std::vector<std::vector<QPointF>> polys;
                    for (const QJsonValue &p : seg.toArray()) {
                        polys.emplace_back();
                        for (int k = 0; k + 1 < p.toArray().size(); k += 2)
                            polys.back().emplace_back(p.toArray().at(k).toDouble(), p.toArray().at(k + 1).toDouble());
                    }
                    annotated += double(rasterArea(polys, w, h));
                }
            }
            QVERIFY2(close(annotated / pixels, area), qPrintable(name));
            ++cocoChecked;
        } else if (format == QLatin1String("mat")) {
            auto m = matfile::readCjdata(path(S(f, "path")));
            QVERIFY(m.ok());
            QCOMPARE(m->tumorMask.width, w);
            QCOMPARE(m->label, f.value(QStringLiteral("label")).toInt());
            QVERIFY(std::fabs(double(countNonZero(m->tumorMask)) / pixels - area) < 1e-4);
            ++mats;
        }
    }
    QVERIFY(png > 3 && yolo > 2 && cocoChecked > 2 && mats > 2);
    QCOMPARE(mismatch, 1);
    qInfo() << "RLE annotations:" << rle;
}

void TestDemoData::volumesHaveBratsLabels()
{
    const QJsonArray volumes = m_gt.value(QStringLiteral("volumes")).toArray();
    QVERIFY(volumes.size() >= 3);
    bool saw2023 = false;
    for (const QJsonValue &v : volumes) {
        const QJsonObject o = v.toObject(), files = O(o, "files");
        const bool is2023 = S(o, "naming") == QLatin1String("brats2023");
        saw2023 = saw2023 || is2023;
        QCOMPARE(files.size(), 5);
        std::array<int, 3> dims{};
        for (const QString &key : files.keys()) {
            auto vol = volumeio::readNifti(path(files.value(key).toString()));
            QVERIFY2(vol.ok(), qPrintable(files.value(key).toString()));
            if (dims[0] == 0)
                dims = vol->dims;
            QVERIFY(vol->dims == dims);
        }
        auto seg = volumeio::readNifti(path(S(files, "seg")));
        QSet<int> labels;
        for (float x : seg->voxels)
            labels.insert(int(x));
        QVERIFY(labels.contains(2) && labels.contains(is2023 ? 3 : 4) && !labels.contains(is2023 ? 4 : 3));
        // The slice with the most tumour passes the ingest's default 0.4 % threshold.
        const FloatImage s = volumeio::axialSlice(*seg, O(o, "tumour_slices").value(QStringLiteral("largest")).toInt());
        const auto tumour = std::count_if(s.pixels.begin(), s.pixels.end(), [](float x) { return x == 1 || x == 3 || x == 4; });
        QVERIFY(double(tumour) / double(s.pixels.size()) > 0.004);
    }
    QVERIFY(saw2023);
}

void TestDemoData::sequenceContrastsHold()
{
    // Normal tissue as measured by the generator on the written pixels, and lesions measured
    // here from image + mask against that white matter.
    int counts[3] = {0, 0, 0}, bad = 0, hyper = 0;
    for (const QJsonObject &f : files()) {
        const QJsonObject ref = O(f, "reference_intensity");
        const double wm = D(ref, "white_matter"), gm = D(ref, "grey_matter"), csf = D(ref, "csf");
        const QString seq = S(f, "true_modality");
        if (wm >= 0 && gm >= 0 && csf >= 0) {
            // T1: WM > GM > CSF; T2: CSF > GM > WM; FLAIR: GM > WM > CSF (fluid suppressed).
            const int k = seq == QLatin1String("T1") ? 0 : (seq == QLatin1String("T2") ? 1 : (seq == QLatin1String("FLAIR") ? 2 : -1));
            const bool order[3] = {wm > gm && gm > csf, csf > gm && gm > wm, gm > wm && wm > csf};
            if (k >= 0) {
                ++counts[k];
                bad += !order[k];
            }
        }
        if (S(f, "mask_format") != QLatin1String("png") || wm < 0)
            continue;
        const QString signal = S(O(O(f, "lesion"), "signs"), "signal_intensity");
        long long n = 0;
        const double lesion = meanIn(decodeAny(path(S(f, "path"))), imageio::binarizeMask(*imageio::read(path(S(f, "mask_path")))), &n);
        if (n < 20)
            continue;
        if ((seq == QLatin1String("T2") || seq == QLatin1String("FLAIR")) && signal == QLatin1String("Hyperintense")) {
            QVERIFY2(lesion > wm * 1.15, qPrintable(S(f, "path")));
            ++hyper;
        }
        if (seq == QLatin1String("T1") && signal == QLatin1String("Hypointense"))
            QVERIFY2(lesion < wm * 0.9, qPrintable(S(f, "path")));
    }
    QVERIFY(counts[0] > 0 && counts[1] > 0 && counts[2] > 0 && hyper > 0);
    QVERIFY2(bad == 0, qPrintable(QString::number(bad)));

    // Targeted renders so every branch is covered whatever the dataset's mix.
    const demo::SampleFactory factory(*m_anatomy);
    int covered[3] = {0, 0, 0};
    for (int i = 0; i < 24; ++i) {
        const demo::Sequence seq = demo::Sequence(i % 3); // T1, T2, FLAIR
        demo::DemoRng rng(5, 77, quint64(i));
        const demo::RenderedSample s = factory.make(demo::TumourType::Glioma, seq, 256, 256, rng);
        const demo::Signal sig = s.lesion.signs().signal[size_t(seq)];
        long long n = 0;
        const double lesion = meanIn(s.slice.image, erode(s.slice.mask, 2), &n);
        if (n < 10 || s.slice.whiteMatter < 0)
            continue;
        if (seq == demo::Sequence::T1 && sig == demo::Signal::Hypointense) {
            QVERIFY(lesion < s.slice.whiteMatter);
            ++covered[0];
        } else if (seq != demo::Sequence::T1 && sig == demo::Signal::Hyperintense) {
            QVERIFY(lesion > s.slice.whiteMatter);
            ++covered[int(seq)];
        }
    }
    QVERIFY(covered[0] > 0 && covered[1] > 0 && covered[2] > 0);
}

void TestDemoData::ringEnhancementHasBrightRimAndDarkCore()
{
    const demo::SampleFactory factory(*m_anatomy);
    int rings = 0;
    for (int i = 0; i < 40 && rings < 5; ++i) {
        demo::DemoRng rng(9, 78, quint64(i));
        const demo::RenderedSample s = factory.make(demo::TumourType::Glioma, demo::Sequence::T1ce, 256, 256, rng);
        if (s.lesion.signs().enhancement != demo::Enhancement::Ring || s.stats.pixels < 150)
            continue;
        // Rim: the outer band of the mask; core: what survives six erosions.
        const GrayImage inner = erode(s.slice.mask, 3), core = erode(inner, 3);
        GrayImage rim = s.slice.mask;
        for (size_t k = 0; k < rim.pixels.size(); ++k)
            rim.pixels[k] = inner.pixels[k] ? 0 : rim.pixels[k];
        long long nr = 0, nc = 0;
        const double rimMean = meanIn(s.slice.image, rim, &nr), coreMean = meanIn(s.slice.image, core, &nc);
        if (nc < 10)
            continue;
        QVERIFY2(rimMean > coreMean + 20, qPrintable(QStringLiteral("%1 %2").arg(rimMean).arg(coreMean)));
        QVERIFY(rimMean > s.slice.whiteMatter);
        ++rings;
    }
    QVERIFY(rings >= 2);
}

void TestDemoData::plantedBadFilesExist()
{
    QMap<QString, QString> bad; // kind → path
    for (const QJsonObject &f : files(true))
        if (!isNull(f, "corrupt"))
            bad.insert(S(f, "corrupt"), path(S(f, "path")));
    for (const char *kind : {"truncated", "empty-file", "not-an-image", "text-as-png", "mask-size-mismatch", "polygon-out-of-range",
                             "empty-image", "empty-mask", "all-lesion-mask", "path-escape", "symlink-loop"})
        QVERIFY2(bad.contains(QLatin1String(kind)), kind);
    QVERIFY(QFileInfo::exists(bad.value(QStringLiteral("truncated"))) && !imageio::read(bad.value(QStringLiteral("truncated"))).ok());
    QCOMPARE(QFileInfo(bad.value(QStringLiteral("empty-file"))).size(), 0);
    QVERIFY(bad.value(QStringLiteral("not-an-image")).endsWith(QLatin1String(".txt")) && QFileInfo::exists(bad.value(QStringLiteral("not-an-image"))));
    QVERIFY(bad.value(QStringLiteral("text-as-png")).endsWith(QLatin1String(".png")) && !imageio::read(bad.value(QStringLiteral("text-as-png"))).ok());
    auto empty = imageio::read(bad.value(QStringLiteral("empty-image")));
    QVERIFY(empty.ok() && countNonZero(imageio::toGray8(*empty)) == 0);
    const QFileInfo escape(bad.value(QStringLiteral("path-escape")));
    QVERIFY(escape.isSymLink() && QFileInfo::exists(escape.canonicalFilePath()));
    QCOMPARE(escape.symLinkTarget(), QFileInfo(path(QStringLiteral("sources/outside.png"))).absoluteFilePath());
    QVERIFY(!escape.canonicalFilePath().startsWith(QFileInfo(path(QStringLiteral("sources/03_yolo"))).canonicalFilePath()));
    const QFileInfo loop(bad.value(QStringLiteral("symlink-loop")));
    QVERIFY(loop.isSymLink());
    QCOMPARE(loop.canonicalFilePath(), QFileInfo(loop.absolutePath()).canonicalFilePath());
}

void TestDemoData::plantedDuplicatesExist()
{
    QSet<QString> originals, duplicates;
    QMap<QString, int> kinds;
    int near = 0;
    const size_t total = files().size();
    for (const QJsonObject &f : files()) {
        if (isNull(f, "duplicate_of"))
            continue;
        const QString dup = S(f, "path"), orig = S(f, "duplicate_of"), kind = S(f, "duplicate_kind");
        duplicates.insert(dup);
        originals.insert(orig);
        kinds[kind] += 1;
        const GrayImage a = decodeAny(path(orig)), b = decodeAny(path(dup));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        if (kind == QLatin1String("exact")) {
            QFile fa(path(orig)), fb(path(dup));
            QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
            QCOMPARE(fa.readAll(), fb.readAll());
        } else if (kind == QLatin1String("resized")) {
            const double factor = double(b.width) / a.width;
            QVERIFY(factor >= 0.74 && factor <= 1.51 && std::fabs(factor - 1) > 0.05);
        } else if (kind == QLatin1String("cropped")) {
            QVERIFY(b.width < a.width && b.width >= a.width * 0.87 && b.height < a.height && b.height >= a.height * 0.87);
        } else {
            QCOMPARE(b.width, a.width);
            double diff = 0;
            for (size_t i = 0; i < a.pixels.size(); ++i)
                diff += double(b.pixels[i]) - a.pixels[i];
            diff /= double(a.pixels.size());
            QVERIFY(kind == QLatin1String("brightened") ? diff > 2 : std::fabs(diff) < 3);
        }
        // A duplicate that carries a mask has its own image's size.
        if (S(f, "mask_format") == QLatin1String("png"))
            QCOMPARE(imageio::read(path(S(f, "mask_path")))->width, b.width);
        near += nearDuplicate(a, b);
    }
    for (const char *kind : {"exact", "jpeg", "resized", "cropped", "brightened"})
        QVERIFY2(kinds.value(QLatin1String(kind)) >= 1, kind);
    for (const QString &d : duplicates)
        QVERIFY2(!originals.contains(d), qPrintable(d)); // a duplicate is never an original
    QVERIFY(duplicates.size() >= 5 && duplicates.size() <= int(total * 0.15));
    QVERIFY2(near >= duplicates.size() * 8 / 10, qPrintable(QStringLiteral("%1/%2").arg(near).arg(duplicates.size())));
}

void TestDemoData::distinctSamplesAreNotNearDuplicates()
{
    struct Hashes { quint64 d, p; QString patient; };
    std::vector<Hashes> hashes;
    for (const QJsonObject &f : files())
        if (isNull(f, "duplicate_of")) {
            const GrayImage g = decodeAny(path(S(f, "path")));
            hashes.push_back({dHash(g), pHash(g), S(f, "patient")});
        }
    int close = 0, pairs = 0;
    for (size_t i = 0; i < hashes.size(); ++i)
        for (size_t j = i + 1; j < hashes.size(); ++j)
            if (hashes[i].patient != hashes[j].patient) {
                ++pairs;
                close += __builtin_popcountll(hashes[i].d ^ hashes[j].d) <= 10 && __builtin_popcountll(hashes[i].p ^ hashes[j].p) <= 10;
            }
    QVERIFY(pairs > 1000);
    QVERIFY2(close <= pairs / 500, qPrintable(QStringLiteral("%1 of %2 pairs").arg(close).arg(pairs)));
}

void TestDemoData::dicomIdentifiersAreInTheFiles()
{
    const QJsonArray ids = m_gt.value(QStringLiteral("dicom_identifiers")).toArray();
    QVERIFY(ids.size() >= 2);
    QByteArray all;
    int slices = 0;
    for (const QJsonObject &f : files()) {
        if (S(f, "source") != QLatin1String("07"))
            continue;
        QFile file(path(S(f, "path")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        all += file.readAll();
        auto slice = dicomio::read(file.fileName(), "salt");
        QVERIFY(slice.ok() && !slice->patientKey.isEmpty());
        QCOMPARE(slice->seriesDescription, S(f, "series_description"));
        QCOMPARE(S(f, "modality") == QLatin1String("T1CE"), slice->seriesDescription.contains(QLatin1String("GAD")));
        QCOMPARE(S(f, "modality") == QLatin1String("FLAIR"), slice->seriesDescription.contains(QLatin1String("FLAIR")));
        ++slices;
    }
    QVERIFY(slices >= 2);
    for (const QJsonValue &id : ids)
        QVERIFY2(all.contains(id.toString().toUtf8()), qPrintable(id.toString()));
}

void TestDemoData::phantomModeWorks()
{
    DemoDataOptions o;
    o.outDir = m_tmp.filePath(QStringLiteral("phantom"));
    o.cases = 20;
    o.anatomy = DemoDataOptions::Phantom;
    auto r = DemoDataGenerator().generate(o);
    QVERIFY2(r.ok(), qPrintable(errorMessage(r.error())));
    QCOMPARE(r->anatomy, QStringLiteral("phantom"));
    const QJsonObject gt = readJson(o.outDir + QStringLiteral("/ground_truth.json"));
    QCOMPARE(S(O(gt, "generator"), "anatomy"), QStringLiteral("phantom"));
    int decoded = 0, contrasts = 0;
    for (const QJsonValue &v : gt.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        if (!isNull(f, "corrupt"))
            continue;
        QVERIFY(!decodeAny(o.outDir + QLatin1Char('/') + S(f, "path")).isEmpty());
        ++decoded;
        const double wm = D(O(f, "reference_intensity"), "white_matter"), csf = D(O(f, "reference_intensity"), "csf");
        if (wm < 0 || csf < 0)
            continue;
        const QString seq = S(f, "true_modality");
        if (seq == QLatin1String("T1") || seq == QLatin1String("FLAIR"))
            QVERIFY(wm > csf);
        else if (seq == QLatin1String("T2"))
            QVERIFY(csf > wm);
        ++contrasts;
    }
    QVERIFY(decoded > 10 && contrasts > 5);
    // Asking for the template where there is none fails clearly instead of falling back.
    o.outDir = m_tmp.filePath(QStringLiteral("missing"));
    o.anatomy = DemoDataOptions::Mricron;
    o.templateDir = m_tmp.filePath(QStringLiteral("no-such-dir"));
    auto missing = DemoDataGenerator().generate(o);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestDemoData::refusesForeignFolderAndCancels()
{
    const QString foreign = m_tmp.filePath(QStringLiteral("foreign"));
    QVERIFY(QDir().mkpath(foreign));
    QFile keep(foreign + QStringLiteral("/thesis.docx"));
    QVERIFY(keep.open(QIODevice::WriteOnly) && keep.write("precious") == 8);
    keep.close();
    DemoDataOptions o;
    o.outDir = foreign;
    o.cases = 5;
    auto r = DemoDataGenerator().generate(o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY(QFileInfo::exists(keep.fileName()));

    // A folder made by demo-data is replaced (the planted symlink loop included).
    o.outDir = m_c;
    o.seed = 3;
    QVERIFY(DemoDataGenerator().generate(o).ok());
    QCOMPARE(O(readJson(m_c + QStringLiteral("/ground_truth.json")), "generator").value(QStringLiteral("seed")).toInt(), 3);

    std::atomic_bool cancel{true};
    o.outDir = m_tmp.filePath(QStringLiteral("cancelled"));
    auto c = DemoDataGenerator().generate(o, {}, &cancel);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ErrorCode::Canceled);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
