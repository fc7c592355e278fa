// Hostile input for ingest: headers that declare gigantic images or volumes are refused before
// anything is allocated (read caps, configurable per source), every decoded number of an
// annotation is checked (YOLO and COCO), the polygon fill never leaves its mask, and RLE runs
// must cover the image exactly. Each bad file is its own item's problem with a stable code.
#include "HostileFiles.h"
#include "IngestFixture.h"

#include "core/imaging/DicomIO.h"
#include "core/imaging/ImageIO.h"
#include "core/imaging/MatFile.h"
#include "core/imaging/VolumeIO.h"
#include "core/ingest/Manifest.h"
#include "core/ingest/PolygonRaster.h"
#include "core/ingest/SourceAdapter.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/project/Project.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace neuroonco;
using neuroonco::test::HostileFiles;
using neuroonco::test::IngestFixture;

namespace {

struct IngestRun
{
    JobOutcome outcome;
    std::vector<SampleRecord> samples;
    std::vector<IngestIssueRecord> issues;

    const IngestIssueRecord *issue(const QString &pathPart) const
    {
        for (const IngestIssueRecord &i : issues)
            if (i.path.contains(pathPart))
                return &i;
        return nullptr;
    }
    const SampleRecord *sample(const QString &originPart) const
    {
        for (const SampleRecord &s : samples)
            if (s.origin.contains(originPart))
                return &s;
        return nullptr;
    }
    int errors() const
    {
        return int(std::count_if(issues.begin(), issues.end(),
                                 [](const IngestIssueRecord &i) { return i.severity == QLatin1String("error"); }));
    }
};

// Writes a manifest of `sources` below `root` and ingests it into a new project.
IngestRun ingest(const QString &root, const QJsonArray &sources)
{
    const QString manifest = QDir(root).filePath(QStringLiteral("manifest.json"));
    HostileFiles::write(manifest, QJsonDocument(QJsonObject{{QStringLiteral("sources"), sources}}).toJson());
    IngestRun run;
    Result<Project> project = Project::create(QDir(root).filePath(QStringLiteral("project")));
    if (!project)
        return run;
    IngestStage stage;
    std::atomic_bool cancel{false};
    run.outcome = JobExecutor::execute(*project, stage, IngestStage::parameters(manifest), nullptr, &cancel, 2);
    auto db = project->connect();
    SampleRepository repo(**db);
    run.samples = *repo.all();
    run.issues = *repo.issues();
    return run;
}

void writePng(const QString &path, const GrayImage &image)
{
    QDir().mkpath(QFileInfo(path).path());
    QVERIFY(!imageio::writePng(path, image));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestIngestHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hugeImageHeadersAreRefused();
    void hugeVolumeHeadersAreRefused();
    void capsAreConfigurable();
    void capsAreManifestOptions();
    void nonFinitePixelsDoNotBreakWindowing();
    void polygonFillStaysInsideTheMask();
    void rleMustCoverTheImageExactly();
    void yoloNumbersAreChecked();
    void cocoAnnotationsAreChecked();

private:
    QTemporaryDir m_tmp;
};

void TestIngestHostile::initTestCase()
{
    registerBuiltinStages();
}

void TestIngestHostile::hugeImageHeadersAreRefused()
{
    // A 68-byte PNG saying 65535×65535 (grey and RGBA): refused from its header, naming the
    // file, the declared size and the cap. Before the caps this allocated 4 GB (grey) or threw
    // std::bad_alloc out of the job (RGBA).
    for (int colour : {0, 6}) {
        const QString png = m_tmp.filePath(QStringLiteral("huge%1.png").arg(colour));
        HostileFiles::write(png, HostileFiles::pngHeader(65535, 65535, colour));
        QVERIFY(QFileInfo(png).size() < 120);
        Result<DecodedImage> r = imageio::read(png);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::TooLarge);
        QVERIFY2(r.error().detail.startsWith(QStringLiteral("huge%1.png declares 65535×65535 pixels").arg(colour)),
                 qPrintable(r.error().detail));
        QVERIFY2(r.error().detail.contains(QStringLiteral("cap of 16777216 (option max_image_pixels)")),
                 qPrintable(r.error().detail));
    }
    // A real JPEG whose frame header is patched to 65500×65500.
    const QString jpeg = m_tmp.filePath(QStringLiteral("huge.jpg"));
    QVERIFY(!imageio::writeJpeg(jpeg, IngestFixture::phantom(64, 64, 3)));
    QByteArray bytes = readAll(jpeg);
    QVERIFY(HostileFiles::patchJpegSize(bytes, 65500, 65500));
    HostileFiles::write(jpeg, bytes);
    Result<DecodedImage> j = imageio::read(jpeg);
    QVERIFY(!j);
    QCOMPARE(j.error().code, ErrorCode::TooLarge);
    QVERIFY2(j.error().detail.contains(QStringLiteral("65500×65500")), qPrintable(j.error().detail));
    // A DICOM slice whose Rows and Columns say 65535.
    const QString dcm = m_tmp.filePath(QStringLiteral("huge.dcm"));
    FloatImage slice{32, 32, std::vector<float>(32 * 32, 100.f)};
    QVERIFY(!dicomio::writeSlice(dcm, slice, {}));
    bytes = readAll(dcm);
    QVERIFY(HostileFiles::patchDicomSize(bytes, 65535, 65535));
    HostileFiles::write(dcm, bytes);
    Result<dicomio::DicomSlice> d = dicomio::read(dcm, QByteArray());
    QVERIFY(!d);
    QCOMPARE(d.error().code, ErrorCode::TooLarge);
    QVERIFY2(d.error().detail.contains(QStringLiteral("declares 65535×65535 pixels")), qPrintable(d.error().detail));
}

void TestIngestHostile::hugeVolumeHeadersAreRefused()
{
    const QString nii = m_tmp.filePath(QStringLiteral("huge_t1.nii"));
    HostileFiles::write(nii, HostileFiles::niftiHeader({30000, 30000, 30000}));
    const QString gz = m_tmp.filePath(QStringLiteral("huge_seg.nii.gz"));
    HostileFiles::write(gz, HostileFiles::gzip(HostileFiles::niftiHeader({30000, 30000, 30000})));
    for (const QString &path : {nii, gz}) {
        Result<Volume> v = volumeio::readNifti(path);
        QVERIFY(!v);
        QCOMPARE(v.error().code, ErrorCode::TooLarge);
        QVERIFY2(v.error().detail.contains(QStringLiteral("declares 30000×30000×30000 voxels (27000000000000 in all), more "
                                                          "than the cap of 134217728 (option max_volume_voxels)")),
                 qPrintable(v.error().detail));
    }
    // Headers that are nonsense rather than large: an error of the file, not a crash.
    const QString negative = m_tmp.filePath(QStringLiteral("negative.nii"));
    HostileFiles::write(negative, HostileFiles::niftiHeader({-5, 10, 10}));
    const QString datatype = m_tmp.filePath(QStringLiteral("datatype.nii"));
    HostileFiles::write(datatype, HostileFiles::niftiHeader({10, 10, 10}, 12345));
    for (const QString &path : {negative, datatype}) {
        Result<Volume> v = volumeio::readNifti(path);
        QVERIFY2(!v, qPrintable(path));
        QVERIFY(!errorMessage(v.error()).isEmpty());
    }
}

void TestIngestHostile::capsAreConfigurable()
{
    const QString png = m_tmp.filePath(QStringLiteral("small.png"));
    writePng(png, IngestFixture::phantom(64, 48, 1));
    ReadLimits tight;
    tight.maxImagePixels = 1000;
    Result<DecodedImage> refused = imageio::read(png, tight);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::TooLarge);
    QVERIFY2(refused.error().detail.contains(QStringLiteral("declares 64×48 pixels (3072 in all), more than the cap of 1000")),
             qPrintable(refused.error().detail));
    ReadLimits off;
    off.maxImagePixels = 0;
    QVERIFY(imageio::read(png, off));
    ReadLimits fewBytes;
    fewBytes.maxFileBytes = 1000;
    QVERIFY2(imageio::read(png, fewBytes).error().detail.contains(QStringLiteral("= 3072 bytes, more than the cap of 1000 "
                                                                                 "bytes (option max_file_bytes)")),
             qPrintable(imageio::read(png, fewBytes).error().detail));
    // The figshare .mat reader checks each matrix before reading it.
    matfile::Cjdata data;
    data.image = DecodedImage{40, 30, 1, 16, false, std::vector<float>(1200, 7.f)};
    data.label = 2;
    const QString mat = m_tmp.filePath(QStringLiteral("1.mat"));
    QVERIFY(!matfile::writeCjdata(mat, data));
    QVERIFY(matfile::readCjdata(mat));
    Result<matfile::Cjdata> tooBig = matfile::readCjdata(mat, tight);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().code, ErrorCode::TooLarge);
    QVERIFY2(tooBig.error().detail.startsWith(QStringLiteral("1.mat (cjdata.image) declares 40×30 pixels")),
             qPrintable(tooBig.error().detail));
    // A .mat cut in half is an error of that file.
    const QString cut = m_tmp.filePath(QStringLiteral("cut.mat"));
    HostileFiles::write(cut, readAll(mat).left(int(QFileInfo(mat).size() / 2)));
    QVERIFY(!matfile::readCjdata(cut));
    // Volumes have their own cap.
    Volume v(8, 8, 8, 1.f);
    const QString nii = m_tmp.filePath(QStringLiteral("small.nii.gz"));
    QVERIFY(!volumeio::writeNifti(nii, v, volumeio::VoxelType::Int16));
    ReadLimits tinyVolumes;
    tinyVolumes.maxVolumeVoxels = 100;
    QCOMPARE(volumeio::readNifti(nii, tinyVolumes).error().code, ErrorCode::TooLarge);
    QVERIFY(volumeio::readNifti(nii));
}

void TestIngestHostile::capsAreManifestOptions()
{
    // Every layout reads the caps; they are whole numbers >= 0, checked when the manifest loads.
    const QByteArray good = R"({"sources": [{"code": "A", "layout": "yolo-seg", "root": "a",
        "options": {"max_image_pixels": 1000, "max_volume_voxels": 0, "max_file_bytes": 5000}}]})";
    Result<Manifest> m = Manifest::fromJson(good, m_tmp.filePath(QStringLiteral("m.json")));
    QVERIFY2(m, qPrintable(errorMessage(m.error())));
    QVERIFY(m->warnings.empty());
    const ReadLimits limits = SourceAdapter::readLimits(m->sources.front());
    QCOMPARE(limits.maxImagePixels, qint64(1000));
    QCOMPARE(limits.maxVolumeVoxels, qint64(0));
    QCOMPARE(limits.maxFileBytes, qint64(5000));
    SourceSpec unbounded;
    unbounded.options.insert(ReadLimits::imagePixelsOption(), 1e300);
    QCOMPARE(SourceAdapter::readLimits(unbounded).maxImagePixels, std::numeric_limits<qint64>::max());
    const ReadLimits defaults = SourceAdapter::readLimits(SourceSpec{});
    QCOMPARE(defaults.maxImagePixels, qint64(4096) * 4096);
    QCOMPARE(defaults.maxVolumeVoxels, qint64(512) * 512 * 512);
    QCOMPARE(defaults.maxFileBytes, qint64(1) << 30);
    for (const char *layout : {"class-folders", "image-mask-pairs", "coco", "nifti-volumes", "figshare-mat", "dicom"}) {
        const QByteArray bad = QByteArray(R"({"sources": [{"code": "A", "layout": ")") + layout
                               + R"(", "root": "a", "options": {"max_image_pixels": -1}}]})";
        Result<Manifest> refused = Manifest::fromJson(bad, m_tmp.filePath(QStringLiteral("m.json")));
        QVERIFY2(!refused, layout);
        QVERIFY2(refused.error().subject.endsWith(QStringLiteral("sources[0].options.max_image_pixels")),
                 qPrintable(refused.error().subject));
    }
}

void TestIngestHostile::nonFinitePixelsDoNotBreakWindowing()
{
    // NaN among float pixels (a float TIFF, DICOM or .mat) would break nth_element's ordering;
    // the window comes from the finite values and the NaN pixel is black.
    FloatImage image{4, 4, std::vector<float>(16)};
    for (int i = 0; i < 16; ++i)
        image.pixels[size_t(i)] = float(i * 10);
    image.pixels[3] = std::numeric_limits<float>::quiet_NaN();
    image.pixels[7] = std::numeric_limits<float>::infinity();
    const GrayImage out = imageio::windowToGray8(image);
    QCOMPARE(out.pixels[3], std::uint8_t(0));
    QCOMPARE(out.pixels[7], std::uint8_t(0));
    QVERIFY(out.pixels[15] > out.pixels[1]);
    FloatImage allNan{2, 2, std::vector<float>(4, std::numeric_limits<float>::quiet_NaN())};
    QCOMPARE(imageio::windowToGray8(allNan).pixels, std::vector<std::uint8_t>(4, 0));
}

void TestIngestHostile::polygonFillStaysInsideTheMask()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // A non-finite vertex draws nothing (the adapters report it); nothing crashes.
    for (const std::vector<QPointF> &points :
         {std::vector<QPointF>{{nan, 1}, {5, 1}, {5, 5}}, std::vector<QPointF>{{1, 1}, {inf, 1}, {5, 5}},
          std::vector<QPointF>{{1, -inf}, {5, 1}, {5, 5}}}) {
        GrayImage mask(10, 10);
        raster::fillPolygon(mask, points);
        QCOMPARE(std::count(mask.pixels.begin(), mask.pixels.end(), std::uint8_t(255)), 0);
    }
    // Finite but absurd vertices fill what lies inside the mask and nothing beyond it.
    GrayImage mask(10, 10);
    raster::fillPolygon(mask, {{-1e308, -1e308}, {1e308, -1e308}, {1e308, 1e308}, {-1e308, 1e308}});
    QCOMPARE(std::count(mask.pixels.begin(), mask.pixels.end(), std::uint8_t(255)), 100);
    GrayImage wide(10, 10);
    raster::fillPolygon(wide, {{-50, 2}, {60, 2}, {60, 4}, {-50, 4}});
    QCOMPARE(std::count(wide.pixels.begin(), wide.pixels.end(), std::uint8_t(255)), 20); // rows 2 and 3, all 10 columns
    // Fewer than three points draw nothing.
    GrayImage line(10, 10);
    raster::fillPolygon(line, {{1, 1}, {8, 8}});
    QCOMPARE(std::count(line.pixels.begin(), line.pixels.end(), std::uint8_t(255)), 0);
}

void TestIngestHostile::rleMustCoverTheImageExactly()
{
    auto rle = [](const QJsonValue &counts, int h = 4, int w = 5) {
        return QJsonObject{{QStringLiteral("counts"), counts}, {QStringLiteral("size"), QJsonArray{h, w}}};
    };
    GrayImage mask(5, 4);
    QVERIFY(!raster::fillRle(mask, rle(QJsonArray{4, 4, 12})));
    QCOMPARE(std::count(mask.pixels.begin(), mask.pixels.end(), std::uint8_t(255)), 4);
    struct Case
    {
        const char *name;
        QJsonValue counts;
        const char *detail;
    };
    const Case cases[] = {
        {"run over", QJsonArray{10, 15}, "the runs cover more than the image's 5×4 = 20 pixels"},
        {"run past the image", QJsonArray{10, 20, 30}, "run 3 is 30, not a whole number of pixels from 0 to 20"},
        {"stops early", QJsonArray{4, 4, 2}, "the runs cover 10 pixels, but the image has 5×4 = 20"},
        {"huge", QJsonArray{1e308, 5}, "run 1 is 1e+308, not a whole number of pixels from 0 to 20"},
        {"negative", QJsonArray{-3, 23}, "run 1 is -3"},
        {"fraction", QJsonArray{2.5, 17.5}, "run 1 is 2.5"},
        {"null (a NaN)", QJsonArray{QJsonValue(), 20}, "run 1 is not a number"},
        {"bad string", QJsonValue(QStringLiteral("\x01\x02")), "not a compressed COCO run-length string"},
        {"overlong string", QJsonValue(QStringLiteral("oooooooooooooooooooo0")), "not a compressed COCO run-length string"},
    };
    for (const Case &c : cases) {
        GrayImage m(5, 4);
        const Error e = raster::fillRle(m, rle(c.counts));
        QVERIFY2(e, c.name);
        QVERIFY2(e.detail.contains(QString::fromUtf8(c.detail)), qPrintable(QLatin1String(c.name) + QStringLiteral(": ") + e.detail));
        QCOMPARE(std::count(m.pixels.begin(), m.pixels.end(), std::uint8_t(255)), 0);
    }
}

void TestIngestHostile::yoloNumbersAreChecked()
{
    // One image per label line; the good ones ingest, each bad one is its own problem.
    const QString root = m_tmp.filePath(QStringLiteral("yolo"));
    const QDir src(QDir(root).filePath(QStringLiteral("src")));
    const QString polygon = QStringLiteral("0.3 0.3 0.6 0.3 0.6 0.6 0.3 0.6");
    const QList<QPair<QString, QString>> lines{
        {QStringLiteral("good"), QStringLiteral("1 ") + polygon},
        {QStringLiteral("rounding"), QStringLiteral("0 -0.0004 0.3 0.6 0.3 1.0007 0.6")}, // clipped, kept
        {QStringLiteral("nan"), QStringLiteral("0 nan 0.3 0.6 0.3 0.6 0.6")},
        {QStringLiteral("inf"), QStringLiteral("0 0.3 inf 0.6 0.3 0.6 0.6")},
        {QStringLiteral("e308"), QStringLiteral("0 1e308 0.3 0.6 0.3 0.6 0.6")},
        {QStringLiteral("negclass"), QStringLiteral("-1 ") + polygon},
        {QStringLiteral("class7"), QStringLiteral("7 ") + polygon},
        {QStringLiteral("hugeclass"), QStringLiteral("99999999999 ") + polygon},
        {QStringLiteral("twopoints"), QStringLiteral("0 0.1 0.1 0.2 0.2")},
        {QStringLiteral("onepoint"), QStringLiteral("0 0.1 0.1")},
        {QStringLiteral("oddcount"), QStringLiteral("0 0.1 0.1 0.2 0.2 0.3")},
        {QStringLiteral("word"), QStringLiteral("0 0.1 zero 0.6 0.3 0.6 0.6")},
    };
    int seed = 0;
    for (const auto &[name, line] : lines) {
        writePng(src.filePath(QStringLiteral("images/%1.png").arg(name)), IngestFixture::phantom(64, 64, ++seed));
        HostileFiles::write(src.filePath(QStringLiteral("labels/%1.txt").arg(name)), ("1 " + polygon + "\n" + line + "\n").toUtf8());
    }
    const IngestRun run = ingest(root, {QJsonObject{{QStringLiteral("code"), QStringLiteral("Y")},
                                                    {QStringLiteral("layout"), QStringLiteral("yolo-seg")},
                                                    {QStringLiteral("root"), QStringLiteral("src")},
                                                    {QStringLiteral("options"),
                                                     QJsonObject{{QStringLiteral("class_names"),
                                                                  QJsonArray{QStringLiteral("glioma"), QStringLiteral("meningioma"),
                                                                             QStringLiteral("pituitary")}}}}}});
    QCOMPARE(run.outcome.state, JobState::Succeeded);
    QVERIFY(run.sample(QStringLiteral("good.png")) && run.sample(QStringLiteral("good.png"))->lesionPixels > 0);
    QVERIFY(run.sample(QStringLiteral("rounding.png")));
    const QHash<QString, QString> expected{
        {QStringLiteral("nan"), QStringLiteral("non-finite-coordinate")},
        {QStringLiteral("inf"), QStringLiteral("non-finite-coordinate")},
        {QStringLiteral("e308"), QStringLiteral("polygon-out-of-range")},
        {QStringLiteral("negclass"), QStringLiteral("unknown-class")},
        {QStringLiteral("class7"), QStringLiteral("unknown-class")},
        {QStringLiteral("hugeclass"), QStringLiteral("unknown-class")},
        {QStringLiteral("twopoints"), QStringLiteral("polygon-too-few-points")},
        {QStringLiteral("onepoint"), QStringLiteral("polygon-too-few-points")},
        {QStringLiteral("oddcount"), QStringLiteral("bad-annotation")},
        {QStringLiteral("word"), QStringLiteral("bad-annotation")},
    };
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const IngestIssueRecord *issue = run.issue(QStringLiteral("images/%1.png").arg(it.key()));
        QVERIFY2(issue, qPrintable(it.key()));
        QCOMPARE(issue->kind, it.value());
        QCOMPARE(issue->severity, QStringLiteral("error"));
        QVERIFY2(issue->reason.contains(QStringLiteral("label line 2")), qPrintable(issue->reason));
        QVERIFY2(!run.sample(QStringLiteral("%1.png").arg(it.key())), qPrintable(it.key()));
    }
    QCOMPARE(run.errors(), int(expected.size()));
    QVERIFY2(run.issue(QStringLiteral("class7"))->reason.contains(QStringLiteral("names class 7, but the source's "
                                                                                   "class_names hold 3")),
             qPrintable(run.issue(QStringLiteral("class7"))->reason));
    QVERIFY(run.issue(QStringLiteral("twopoints"))->reason.contains(QStringLiteral("has 2 point(s)")));
}

void TestIngestHostile::cocoAnnotationsAreChecked()
{
    // Python's json writes NaN for a missing coordinate: the file still loads, and only the
    // annotation holding the NaN costs its image.
    const QString root = m_tmp.filePath(QStringLiteral("coco"));
    const QDir src(QDir(root).filePath(QStringLiteral("src")));
    const QStringList names{QStringLiteral("good"), QStringLiteral("rle_short"), QStringLiteral("rle_huge"),
                            QStringLiteral("two_points"), QStringLiteral("nan"), QStringLiteral("box_only"),
                            QStringLiteral("text_coordinate")};
    QJsonArray images;
    for (int i = 0; i < names.size(); ++i) {
        writePng(src.filePath(QStringLiteral("images/%1.png").arg(names[i])), IngestFixture::phantom(20, 10, i + 1));
        images.append(QJsonObject{{QStringLiteral("id"), i + 1}, {QStringLiteral("file_name"), names[i] + QStringLiteral(".png")},
                                  {QStringLiteral("width"), 20}, {QStringLiteral("height"), 10}});
    }
    const QJsonArray square{2, 2, 8, 2, 8, 8, 2, 8};
    auto annotation = [](int id, const QJsonValue &segmentation) {
        QJsonObject a{{QStringLiteral("id"), id}, {QStringLiteral("image_id"), id}, {QStringLiteral("category_id"), 1},
                      {QStringLiteral("bbox"), QJsonArray{2, 2, 6, 6}}};
        if (!segmentation.isUndefined())
            a.insert(QStringLiteral("segmentation"), segmentation);
        return a;
    };
    auto rle = [](const QJsonArray &counts) {
        return QJsonObject{{QStringLiteral("counts"), counts}, {QStringLiteral("size"), QJsonArray{10, 20}}};
    };
    const QJsonArray annotations{annotation(1, QJsonArray{square}),
                                 annotation(2, rle({10, 20, 30})),
                                 annotation(3, rle({1e308, 5})),
                                 annotation(4, QJsonArray{QJsonArray{2, 2, 8, 8}}),
                                 annotation(5, QJsonArray{QJsonArray{1234.5, 2, 8, 2, 8, 8}}), // 1234.5 -> NaN below
                                 annotation(6, QJsonValue::Undefined),
                                 annotation(7, QJsonArray{QJsonArray{QStringLiteral("2"), 2, 8, 2, 8, 8}})};
    QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("images"), images}, {QStringLiteral("annotations"), annotations},
                                                {QStringLiteral("categories"),
                                                 QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("glioma")}}}}})
                          .toJson(QJsonDocument::Compact);
    json.replace("1234.5", "NaN");
    json.replace("\"bbox\":[2,2,6,6]", "\"bbox\":[NaN,2,Infinity,-Infinity]");
    QVERIFY(json.contains("NaN,2,8,2"));
    HostileFiles::write(src.filePath(QStringLiteral("annotations.json")), json);
    const IngestRun run = ingest(root, {QJsonObject{{QStringLiteral("code"), QStringLiteral("C")},
                                                    {QStringLiteral("layout"), QStringLiteral("coco")},
                                                    {QStringLiteral("root"), QStringLiteral("src")}}});
    QCOMPARE(run.outcome.state, JobState::Succeeded);
    QVERIFY(run.sample(QStringLiteral("good.png")) && run.sample(QStringLiteral("good.png"))->lesionPixels == 36);
    const QHash<QString, QString> expected{{QStringLiteral("rle_short"), QStringLiteral("bad-rle")},
                                           {QStringLiteral("rle_huge"), QStringLiteral("bad-rle")},
                                           {QStringLiteral("two_points"), QStringLiteral("polygon-too-few-points")},
                                           {QStringLiteral("nan"), QStringLiteral("non-finite-coordinate")},
                                           {QStringLiteral("text_coordinate"), QStringLiteral("bad-annotation")}};
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const IngestIssueRecord *issue = run.issue(QStringLiteral("images/%1.png").arg(it.key()));
        QVERIFY2(issue, qPrintable(it.key()));
        QCOMPARE(issue->kind, it.value());
        QVERIFY2(issue->reason.startsWith(QStringLiteral("annotation ")), qPrintable(issue->reason));
        QVERIFY(!run.sample(QStringLiteral("%1.png").arg(it.key())));
    }
    QVERIFY2(run.issue(QStringLiteral("rle_short"))->reason.contains(QStringLiteral("the runs cover 60 pixels, but the image "
                                                                                    "has 20×10 = 200")),
             qPrintable(run.issue(QStringLiteral("rle_short"))->reason));
    // A box without an outline: the image is kept, without a mask rather than with an empty one.
    const SampleRecord *box = run.sample(QStringLiteral("box_only.png"));
    QVERIFY(box);
    QVERIFY(box->maskPath.isEmpty());
    QCOMPARE(run.issue(QStringLiteral("box_only"))->kind, QStringLiteral("mask-missing"));
    QCOMPARE(run.errors(), int(expected.size()));
}

QTEST_GUILESS_MAIN(TestIngestHostile)
#include "tst_ingest_hostile.moc"
