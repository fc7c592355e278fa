// De-duplication: the Hamming index against brute force, hash robustness to the planted
// transformations, the keep policy, clustering rules, and the stage on a real collection.
#include "IngestFixture.h"

#include "core/dedup/DedupEngine.h"
#include "core/dedup/DedupTruth.h"
#include "core/dedup/HammingIndex.h"
#include "core/export/MetadataExport.h"
#include "core/imaging/ImageHash.h"
#include "core/imaging/ImageIO.h"
#include "core/imaging/ImageOps.h"
#include "core/jobs/JobExecutor.h"
#include "core/pipeline/DedupStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/project/Project.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace neuroonco;

namespace {

GrayImage texture(int w, int h, int seed)
{
    GrayImage img(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            // Heads differ in size and position from patient to patient.
            const double cx = w * (0.5 + 0.04 * std::sin(seed * 1.7)), cy = h * (0.5 + 0.04 * std::cos(seed * 2.3));
            const double nx = (x - cx) / (w * (0.36 + 0.05 * std::sin(seed * 0.9))), ny = (y - cy) / (h * (0.42 + 0.04 * std::cos(seed * 1.1)));
            double v = nx * nx + ny * ny < 1 ? 100 + 50 * std::sin(x * 0.09 * (1 + seed % 4) + seed) * std::cos(y * 0.07 + seed * 0.3)
                                                     + 40 * std::sin((x - y) * 0.03 * (1 + seed % 3))
                                             : 0;
            img.at(x, y) = std::uint8_t(std::clamp(v, 0.0, 255.0));
        }
    return img;
}

DedupEntry entry(qint64 id, const GrayImage &img)
{
    DedupEntry e;
    e.id = id;
    e.pixelHash = imagehash::pixelHash(img);
    e.dHash = imagehash::dHash(img);
    e.pHash = imagehash::pHash(img);
    e.fine = imagehash::fineHash(img);
    e.pixels = qint64(img.width) * img.height;
    return e;
}

} // namespace

class TestDedup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void indexMatchesBruteForce();
    void hashesSurviveThePlantedEdits();
    void distinctImagesAreFarApart();
    void keepPolicyOrder();
    void clustersExactAndNear();
    void slicesOfOneVolumeAndOtherModalitiesAreNotDuplicates();
    void stageFlagsAndReports();
    void truthIsAboutSamplesNotPaths();
    void missingReportIsWrittenAgain();
};

void TestDedup::indexMatchesBruteForce()
{
    QRandomGenerator rng(42);
    std::vector<std::uint64_t> codes;
    for (int i = 0; i < 3000; ++i)
        codes.push_back(rng.generate64());
    // Plant close neighbours.
    for (int i = 0; i < 300; ++i) {
        std::uint64_t c = codes[size_t(i)];
        for (int k = 0; k < int(rng.bounded(12)); ++k)
            c ^= std::uint64_t(1) << rng.bounded(64);
        codes.push_back(c);
    }
    const HammingIndex index(codes);
    for (int radius : {0, 3, 7, 10, 13}) {
        for (int q = 0; q < 400; ++q) {
            const std::uint64_t code = codes[size_t(q * 7 % codes.size())];
            std::vector<int> brute;
            for (int i = 0; i < int(codes.size()); ++i)
                if (imagehash::hamming(codes[size_t(i)], code) <= radius)
                    brute.push_back(i);
            QCOMPARE(index.query(code, radius), brute);
        }
    }
}

void TestDedup::hashesSurviveThePlantedEdits()
{
    const GrayImage original = texture(256, 256, 3);
    QTemporaryDir tmp;
    const QString jpg = tmp.filePath(QStringLiteral("x.jpg"));
    QVERIFY(!imageio::writeJpeg(jpg, original, 70));
    const GrayImage reencoded = *imageio::readGray8(jpg);
    GrayImage brighter = original;
    for (auto &v : brighter.pixels)
        v = std::uint8_t(std::min(255, v + 20));
    const GrayImage resized = imageops::resizeBilinear(original, 192, 192);
    const GrayImage cropped = imageops::crop(original, 8, 8, 240, 240);
    struct Case { const char *name; const GrayImage *img; };
    for (const Case &c : {Case{"jpeg", &reencoded}, Case{"bright", &brighter}, Case{"resized", &resized}, Case{"cropped", &cropped}}) {
        const int dp = imagehash::hamming(imagehash::pHash(original), imagehash::pHash(*c.img));
        const int dd = imagehash::hamming(imagehash::dHash(original), imagehash::dHash(*c.img));
        const int df = imagehash::hamming(imagehash::fineHash(original), imagehash::fineHash(*c.img));
        qInfo("%s: pHash %d, dHash %d, fine %d", c.name, dp, dd, df);
        QVERIFY2(dp <= DedupOptions().pHashRadius, qPrintable(QStringLiteral("%1 pHash %2").arg(QLatin1String(c.name)).arg(dp)));
        QVERIFY2(dd <= DedupOptions().dHashRadius, qPrintable(QStringLiteral("%1 dHash %2").arg(QLatin1String(c.name)).arg(dd)));
        QVERIFY2(df <= DedupOptions().fineRadius, qPrintable(QStringLiteral("%1 fine %2").arg(QLatin1String(c.name)).arg(df)));
    }
    QCOMPARE(imagehash::pixelHash(original), imagehash::pixelHash(texture(256, 256, 3)));
    QVERIFY(imagehash::pixelHash(original) != imagehash::pixelHash(brighter));
}

void TestDedup::distinctImagesAreFarApart()
{
    // Distinct images may share a coarse hash (heads look alike); the fine hash separates them.
    int closest = 256;
    for (int a = 0; a < 12; ++a)
        for (int b = a + 1; b < 12; ++b)
            closest = std::min(closest, imagehash::hamming(imagehash::fineHash(texture(200, 200, a)), imagehash::fineHash(texture(200, 200, b))));
    QVERIFY2(closest > DedupOptions().fineRadius, qPrintable(QString::number(closest)));
}

void TestDedup::keepPolicyOrder()
{
    DedupEntry a, b;
    a.id = 2;
    b.id = 1;
    a.hasMask = true;
    QVERIFY(DedupEngine::preferred(a, b)); // mask wins over everything
    b.hasMask = true;
    a.modality = QStringLiteral("T1");
    b.modality = QStringLiteral("Unknown");
    QVERIFY(DedupEngine::preferred(a, b)); // then known modality
    b.modality = QStringLiteral("T2");
    a.specificType = false;
    b.specificType = true;
    QVERIFY(DedupEngine::preferred(b, a)); // then a specific tumour type
    a.specificType = true;
    a.pixels = 100;
    b.pixels = 400;
    QVERIFY(DedupEngine::preferred(b, a)); // then the larger image
    b.pixels = 100;
    a.sourcePriority = 1;
    b.sourcePriority = 5;
    QVERIFY(DedupEngine::preferred(a, b)); // then the source priority
    b.sourcePriority = 1;
    QVERIFY(DedupEngine::preferred(b, a)); // finally the older sample
}

void TestDedup::clustersExactAndNear()
{
    const GrayImage base = texture(128, 128, 1);
    GrayImage bright = base;
    for (auto &v : bright.pixels)
        v = std::uint8_t(std::min(255, v + 15));
    std::vector<DedupEntry> entries{entry(1, base), entry(2, base), entry(3, bright), entry(4, texture(128, 128, 9)),
                                    entry(5, texture(128, 128, 5))};
    entries[2].hasMask = true; // the brightened copy has the mask: it is the keeper
    const DedupResult r = DedupEngine::run(entries, DedupOptions());
    QCOMPARE(r.clusters.size(), size_t(1));
    const DedupCluster &c = r.clusters.front();
    QCOMPARE(c.members.size(), size_t(3));
    QCOMPARE(c.members.front().id, qint64(3));
    QVERIFY(c.members.front().keeper);
    QCOMPARE(c.kind, QStringLiteral("near"));
    for (const DedupMember &m : c.members) {
        if (!m.keeper)
            QCOMPARE(m.kind, QStringLiteral("near"));
    }
    QCOMPARE(r.exactPairs, qint64(1));
}

void TestDedup::slicesOfOneVolumeAndOtherModalitiesAreNotDuplicates()
{
    const GrayImage base = texture(128, 128, 2);
    GrayImage nearCopy = base;
    nearCopy.at(5, 5) = 255;
    std::vector<DedupEntry> entries{entry(1, base), entry(2, nearCopy)};
    entries[0].volume = entries[1].volume = QStringLiteral("04:case/t1.nii.gz");
    QVERIFY(DedupEngine::run(entries, DedupOptions()).clusters.empty());
    entries[1].volume.clear();
    entries[0].volume.clear();
    entries[0].modality = QStringLiteral("T1");
    entries[1].modality = QStringLiteral("T1CE");
    QVERIFY(DedupEngine::run(entries, DedupOptions()).clusters.empty());
    entries[1].modality = QStringLiteral("Unknown");
    QCOMPARE(DedupEngine::run(entries, DedupOptions()).clusters.size(), size_t(1));
}

void TestDedup::stageFlagsAndReports()
{
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state, JobState::Succeeded);

    // Ground truth of the fixture's planted duplicates, in the generator's format.
    const QString truth = tmp.filePath(QStringLiteral("data/ground_truth.json"));
    {
        QJsonArray files{QJsonObject{{QStringLiteral("path"), QStringLiteral("sources/01_classes/Testing/glioma_tumor/g1copy.jpg")},
                                     {QStringLiteral("duplicate_of"), QStringLiteral("sources/01_classes/Training/glioma_tumor/T2/g1.jpg")},
                                     {QStringLiteral("duplicate_kind"), QStringLiteral("exact")}},
                         QJsonObject{{QStringLiteral("path"), QStringLiteral("sources/02_pairs/images/meningioma/m1b_t1.png")},
                                     {QStringLiteral("duplicate_of"), QStringLiteral("sources/02_pairs/images/meningioma/m1_t1.png")},
                                     {QStringLiteral("duplicate_kind"), QStringLiteral("brightened")}}};
        QFile f(truth);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("files"), files}}).toJson());
    }
    DedupStage dedup;
    const QString report = tmp.filePath(QStringLiteral("report.json"));
    JobOutcome o = JobExecutor::execute(*project, dedup, {{QStringLiteral("report"), report}, {QStringLiteral("truth"), truth}},
                                        nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    QCOMPARE(o.summary.value(QStringLiteral("clusters")).toInt(), 2);
    QCOMPARE(o.summary.value(QStringLiteral("duplicates")).toInt(), 2);
    QCOMPARE(o.summary.value(QStringLiteral("precision")).toDouble(), 1.0);
    QCOMPARE(o.summary.value(QStringLiteral("recall")).toDouble(), 1.0);

    auto db = project->connect();
    SampleRepository repo(**db);
    const auto samples = *repo.all();
    const qint64 total = qint64(samples.size());
    for (const SampleRecord &s : samples) {
        if (s.origin.endsWith(QLatin1String("g1copy.jpg"))) {
            QCOMPARE(s.duplicateKind, QStringLiteral("exact"));
            QVERIFY(s.duplicateOf != 0);
        }
        if (s.origin.endsWith(QLatin1String("m1b_t1.png")) || s.origin.endsWith(QLatin1String("m1_t1.png")))
            QVERIFY(s.clusterId != 0);
    }
    // The report lists both clusters with their keeper first.
    QFile rf(report);
    QVERIFY(rf.open(QIODevice::ReadOnly));
    const QJsonObject r = QJsonDocument::fromJson(rf.readAll()).object();
    QCOMPARE(r.value(QStringLiteral("clusters")).toArray().size(), 2);
    for (const QJsonValue &c : r.value(QStringLiteral("clusters")).toArray())
        QVERIFY(c[QStringLiteral("members")][0][QStringLiteral("keep")].toBool());

    // Flagged, never deleted; exports leave duplicates out unless asked.
    QCOMPARE(repo.counts()->samples, total);
    QCOMPARE(MetadataExport::build(**db, {})->size(), total - 2);
    ExportOptions all;
    all.includeDuplicates = true;
    const QJsonArray everything = *MetadataExport::build(**db, all);
    QCOMPARE(everything.size(), total);
    const QJsonObject first = everything.first().toObject();
    for (const char *key : {"sample_id", "image_path", "tumor_present", "tumor_type", "modality", "has_mask", "mask_path", "image_meta"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QStringLiteral("image_meta")).toObject().value(QStringLiteral("channel")).toInt(), 1);

    // A second run with nothing new does no work.
    JobOutcome again = JobExecutor::execute(*project, dedup, {}, nullptr, &cancel, 1);
    QCOMPARE(again.summary.value(QStringLiteral("up_to_date")).toBool(), true);
}

namespace {

// Two sources whose roots name one folder (a download listed twice in the manifest), plus an
// exact copy planted in it. Returns the manifest.
QString twoSourcesOneFolder(const QString &root, int images)
{
    const QString manifest = test::IngestFixture::buildManySmall(root, images);
    const QDir glioma(QDir(root).filePath(QStringLiteral("sources/many/glioma")));
    QFile::copy(glioma.filePath(QStringLiteral("img0000.png")), glioma.filePath(QStringLiteral("copy-of-0000.png")));
    QJsonArray sources;
    for (const char *code : {"A", "B"})
        sources.append(QJsonObject{{QStringLiteral("code"), QLatin1String(code)},
                                   {QStringLiteral("layout"), QStringLiteral("class-folders")},
                                   {QStringLiteral("root"), QStringLiteral("sources/many")}});
    QFile f(manifest);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("sources"), sources}}).toJson());
    const QJsonArray files{QJsonObject{{QStringLiteral("path"), QStringLiteral("sources/many/glioma/copy-of-0000.png")},
                                       {QStringLiteral("duplicate_of"), QStringLiteral("sources/many/glioma/img0000.png")},
                                       {QStringLiteral("duplicate_kind"), QStringLiteral("exact")}}};
    QFile t(QDir(root).filePath(QStringLiteral("ground_truth.json")));
    t.open(QIODevice::WriteOnly);
    t.write(QJsonDocument(QJsonObject{{QStringLiteral("files"), files}}).toJson());
    return manifest;
}

} // namespace

void TestDedup::truthIsAboutSamplesNotPaths()
{
    QTemporaryDir tmp;
    const QString manifest = twoSourcesOneFolder(tmp.filePath(QStringLiteral("data")), 5);
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(manifest), nullptr, &cancel, 2).state,
             JobState::Succeeded);
    auto db = project->connect();
    QCOMPARE(SampleRepository(**db).counts()->samples, qint64(12)); // 6 files, read by both sources
    DedupStage dedup;
    const JobOutcome o = JobExecutor::execute(
        *project, dedup, {{QStringLiteral("truth"), tmp.filePath(QStringLiteral("data/ground_truth.json"))}}, nullptr, &cancel, 2);
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    // One cluster of four (the original and its copy, each read twice) and four of two.
    QCOMPARE(o.summary.value(QStringLiteral("clusters")).toInt(), 5);
    // Every found pair is two samples of one content: the scores are perfect.
    QCOMPARE(o.summary.value(QStringLiteral("precision")).toDouble(), 1.0);
    QCOMPARE(o.summary.value(QStringLiteral("recall")).toDouble(), 1.0);
}

void TestDedup::missingReportIsWrittenAgain()
{
    QTemporaryDir tmp;
    const QString manifest = test::IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 4);
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(manifest), nullptr, &cancel, 1).state,
             JobState::Succeeded);
    DedupStage dedup;
    QCOMPARE(JobExecutor::execute(*project, dedup, {}, nullptr, &cancel, 1).state, JobState::Succeeded);
    const QString report = QDir(project->exportsDir()).filePath(QStringLiteral("dedup-report.json"));
    QVERIFY(QFile::exists(report));
    QVERIFY(QFile::remove(report));
    const JobOutcome again = JobExecutor::execute(*project, dedup, {}, nullptr, &cancel, 1);
    QCOMPARE(again.state, JobState::Succeeded);
    QVERIFY(QFile::exists(report));
    QVERIFY(QJsonDocument::fromJson([&] { QFile f(report); f.open(QIODevice::ReadOnly); return f.readAll(); }())
                .object()
                .contains(QStringLiteral("clusters")));
    // With the report in place, a rerun has nothing to do.
    QCOMPARE(JobExecutor::execute(*project, dedup, {}, nullptr, &cancel, 1).summary.value(QStringLiteral("up_to_date")).toBool(),
             true);
}

QTEST_GUILESS_MAIN(TestDedup)
#include "tst_dedup.moc"
