// Ingest of sources laid out as their public downloads are (COCO exports with the annotator's
// folder in file_name, .JPG on disk, Roboflow train/valid/test trees in COCO and YOLO form,
// BRISC 2025, BraTS 2021), manifest validation that names the field, and the link from the
// published benchmark's image paths to the samples built from those downloads.
#include "RealDownloadFixture.h"

#include "core/benchmark/BenchmarkExchange.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/ingest/Manifest.h"
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

using namespace neuroonco;
using neuroonco::test::RealDownloadFixture;

class TestIngestDownloads : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cocoExportAsDownloaded();
    void nameMatchingTwoFilesIsAnErrorNamingBoth();
    void roboflowCocoTree();
    void roboflowYoloTree();
    void briscSegmentationTask();
    void masksNamedByAPattern();
    void publishedBenchmarkLinksToOurSamples();
    void missingRootIsAnErrorOfThatSourceOnly();
    void wronglyTypedOptionsNameTheField_data();
    void wronglyTypedOptionsNameTheField();

private:
    QTemporaryDir m_tmp;
    RealDownloadFixture m_fixture;
    Project m_project;
    std::vector<SampleRecord> m_samples;
    std::vector<IngestIssueRecord> m_issues;

    std::vector<const SampleRecord *> samplesOf(const QString &code) const
    {
        std::vector<const SampleRecord *> out;
        for (const SampleRecord &s : m_samples)
            if (s.sourceCode == code)
                out.push_back(&s);
        return out;
    }
    const SampleRecord *find(const QString &code, const QString &origin) const
    {
        for (const SampleRecord &s : m_samples)
            if (s.sourceCode == code && s.origin == origin)
                return &s;
        return nullptr;
    }
    QString describeSamples(const QString &code) const
    {
        QStringList list;
        for (const SampleRecord *s : samplesOf(code))
            list << s->origin;
        QStringList issues;
        for (const IngestIssueRecord &i : m_issues)
            if (i.sourceCode == code)
                issues << i.path + QStringLiteral(" (") + i.kind + QStringLiteral(")");
        return QStringLiteral("samples: ") + list.join(QStringLiteral(", ")) + QStringLiteral("; issues: ")
               + issues.join(QStringLiteral(", "));
    }
};

void TestIngestDownloads::initTestCase()
{
    registerBuiltinStages();
    m_fixture = RealDownloadFixture::build(m_tmp.filePath(QStringLiteral("data")));
    Result<Project> p = Project::create(m_tmp.filePath(QStringLiteral("project")));
    QVERIFY(p.ok());
    m_project = *p;
    IngestStage stage;
    std::atomic_bool cancel{false};
    const JobOutcome outcome =
        JobExecutor::execute(m_project, stage, IngestStage::parameters(m_fixture.manifestPath), nullptr, &cancel, 2);
    QVERIFY2(outcome.state == JobState::Succeeded, qPrintable(errorMessage(outcome.error)));
    auto db = m_project.connect();
    SampleRepository repo(**db);
    m_samples = *repo.all();
    m_issues = *repo.issues();
}

void TestIngestDownloads::cocoExportAsDownloaded()
{
    // file_name "50 mri brain tumor in jpg format/Y1.jpg": the folder is not on disk and the
    // file is Y1.JPG; the image is found by its name within images/.
    const SampleRecord *y1 = find(QStringLiteral("CO"), QStringLiteral("images/Y1.JPG"));
    QVERIFY2(y1, qPrintable(describeSamples(QStringLiteral("CO"))));
    QVERIFY(y1->hasMask());
    QCOMPARE(y1->lesionPixels, qint64(20 * 20));
    const SampleRecord *y2 = find(QStringLiteral("CO"), QStringLiteral("images/Y2.jpg"));
    QVERIFY2(y2 && y2->hasMask(), qPrintable(describeSamples(QStringLiteral("CO"))));
    QCOMPARE(y2->lesionPixels, qint64(20 * 20));
    QCOMPARE(samplesOf(QStringLiteral("CO")).size(), size_t(2));
    // Y2.jpg beside Y2.JPG: the annotation's spelling is the one used.
    for (const IngestIssueRecord &i : m_issues)
        QVERIFY2(!(i.sourceCode == QLatin1String("CO") && i.path.contains(QStringLiteral("Y2"))), qPrintable(i.reason));
    // Without a published_path template: <type>/<code>[_<seq>][_mask]/<the file's own name>.
    QCOMPARE(y1->publishedPath, QStringLiteral("tumor/CO_mask/Y1.JPG"));
}

void TestIngestDownloads::nameMatchingTwoFilesIsAnErrorNamingBoth()
{
    const IngestIssueRecord *ambiguous = nullptr;
    for (const IngestIssueRecord &i : m_issues)
        if (i.sourceCode == QLatin1String("CO") && i.kind == QLatin1String("ambiguous-name"))
            ambiguous = &i;
    QVERIFY2(ambiguous, qPrintable(describeSamples(QStringLiteral("CO"))));
    QCOMPARE(ambiguous->severity, QStringLiteral("error"));
    QVERIFY2(ambiguous->reason.contains(QStringLiteral("images/yes/Y3.jpg"))
                 && ambiguous->reason.contains(QStringLiteral("images/no/Y3.jpg")),
             qPrintable(ambiguous->reason));
    QVERIFY2(ambiguous->path.contains(QStringLiteral("Y3.jpg")), qPrintable(ambiguous->path));
    // Neither copy became a sample: which one the annotation meant cannot be told.
    for (const SampleRecord *s : samplesOf(QStringLiteral("CO")))
        QVERIFY2(!s->origin.contains(QStringLiteral("Y3")), qPrintable(s->origin));
}

void TestIngestDownloads::roboflowCocoTree()
{
    // Every split's _annotations.coco.json is read; images resolve within their own split.
    for (const char *split : {"train", "valid", "test"}) {
        int inSplit = 0;
        for (const SampleRecord *s : samplesOf(QStringLiteral("RC"))) {
            if (!s->origin.startsWith(QLatin1String(split) + QLatin1Char('/')))
                continue;
            ++inSplit;
            QVERIFY2(s->hasMask(), qPrintable(s->origin));
        }
        QVERIFY2(inSplit == 2, qPrintable(QLatin1String(split) + QStringLiteral(": ") + describeSamples(QStringLiteral("RC"))));
    }
    const SampleRecord *valid = find(QStringLiteral("RC"), QStringLiteral("valid/11_jpg.rf.a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d1.jpg"));
    QVERIFY2(valid, qPrintable(describeSamples(QStringLiteral("RC"))));
    QCOMPARE(valid->tumourType, QStringLiteral("meningioma"));
    QCOMPARE(valid->lesionPixels, qint64(20 * 20));
    for (const IngestIssueRecord &i : m_issues)
        QVERIFY2(i.sourceCode != QLatin1String("RC") || i.severity != QLatin1String("error"),
                 qPrintable(i.path + QStringLiteral(": ") + i.reason));
}

void TestIngestDownloads::roboflowYoloTree()
{
    const std::vector<const SampleRecord *> yolo = samplesOf(QStringLiteral("19"));
    QVERIFY2(yolo.size() == 3, qPrintable(describeSamples(QStringLiteral("19"))));
    const SampleRecord *train = find(QStringLiteral("19"), QLatin1String(RealDownloadFixture::roboflowOrigin));
    QVERIFY(train);
    QVERIFY(train->hasMask());
    QCOMPARE(train->tumourType, QStringLiteral("meningioma")); // class 1 of class_names
    QCOMPARE(train->lesionPixels, qint64(32 * 32));
    const SampleRecord *valid = find(QStringLiteral("19"), QStringLiteral("valid/images/1279_jpg.rf.2dc38958a05759fed17c9b86b48bcf1b.jpg"));
    QVERIFY(valid && valid->hasMask());
    QCOMPARE(valid->tumourType, QStringLiteral("pituitary"));
    const SampleRecord *test = find(QStringLiteral("19"), QStringLiteral("test/images/427_jpg.rf.023c6bb38ba53c56db922c1585e1e884.jpg"));
    QVERIFY(test && test->hasMask());
    QCOMPARE(test->tumourType, QStringLiteral("glioma"));
}

void TestIngestDownloads::briscSegmentationTask()
{
    const std::vector<const SampleRecord *> brisc = samplesOf(QStringLiteral("05"));
    QVERIFY2(brisc.size() == 3, qPrintable(describeSamples(QStringLiteral("05"))));
    const SampleRecord *pi = find(QStringLiteral("05"), QLatin1String(RealDownloadFixture::briscOrigin));
    QVERIFY(pi);
    QVERIFY(pi->hasMask()); // the 0/1 mask beside it in test/masks/
    QVERIFY(pi->lesionPixels > 100);
    QCOMPARE(pi->tumourType, QStringLiteral("pituitary")); // "_pi_" in the BRISC name
    QCOMPARE(pi->modality, QStringLiteral("T1"));
    // It keeps the path the published dataset gives it (type folder "tumor", as published).
    QCOMPARE(pi->publishedPath, QLatin1String(RealDownloadFixture::briscPublished));
    const SampleRecord *me = find(QStringLiteral("05"), QStringLiteral("train/images/brisc2025_train_01303_me_ax_t1.jpg"));
    QVERIFY(me && me->hasMask());
    QCOMPARE(me->tumourType, QStringLiteral("meningioma"));
    // Masks are masks, not images of their own.
    for (const SampleRecord *s : brisc)
        QVERIFY2(!s->origin.contains(QStringLiteral("/masks/")), qPrintable(s->origin));
}

void TestIngestDownloads::masksNamedByAPattern()
{
    // "mask  (2280).png" is the mask of "2280.png"; masks are not images of their own.
    const std::vector<const SampleRecord *> s14 = samplesOf(QStringLiteral("14"));
    QVERIFY2(s14.size() == 2, qPrintable(describeSamples(QStringLiteral("14"))));
    for (const SampleRecord *s : s14) {
        QVERIFY2(s->hasMask() && s->lesionPixels > 100, qPrintable(s->origin));
        QCOMPARE(s->modality, QStringLiteral("T1CE"));
    }
    QCOMPARE(find(QStringLiteral("14"), QLatin1String(RealDownloadFixture::maskPatternOrigin))->publishedPath,
             QLatin1String(RealDownloadFixture::maskPatternPublished));
}

void TestIngestDownloads::publishedBenchmarkLinksToOurSamples()
{
    // A published-format closed benchmark: a record of the published file (BraTS) and the same
    // questions on the published paths of a BRISC and a Roboflow image, plus a class-folder
    // image whose published name (renamed "<type>_<ID> (<n>)") no download has.
    QFile sample(QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_closed_sample.json"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QJsonArray published = QJsonDocument::fromJson(sample.readAll()).array();
    QJsonObject brats, dl14;
    for (const QJsonValue &v : published) {
        if (v[QStringLiteral("image_path")].toString() == QLatin1String(RealDownloadFixture::bratsPublished))
            brats = v.toObject();
        if (v[QStringLiteral("image_path")].toString() == QLatin1String(RealDownloadFixture::maskPatternPublished))
            dl14 = v.toObject();
    }
    QVERIFY2(!brats.isEmpty() && !dl14.isEmpty(), "the published sample holds the BraTS and the source-14 records");
    QJsonArray records{brats, dl14};
    int id = 9001;
    for (const char *path : {RealDownloadFixture::briscPublished, RealDownloadFixture::roboflowPublished,
                             "meningioma/17/meningioma_17 (536).jpg"}) {
        QJsonObject r = brats;
        r.insert(QStringLiteral("id"), id++);
        r.insert(QStringLiteral("image_path"), QLatin1String(path));
        records.append(r);
    }
    const QString file = m_tmp.filePath(QStringLiteral("published_closed.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(records).toJson());
    out.close();

    auto db = m_project.connect();
    Result<BenchmarkImportSummary> summary = BenchmarkExchange::importFile(**db, ItemKind::Closed, file);
    QVERIFY2(summary, qPrintable(errorMessage(summary.error())));
    const int perRecord = int(brats.value(QStringLiteral("vqa_pairs")).toArray().size());
    const int of14 = int(dl14.value(QStringLiteral("vqa_pairs")).toArray().size());
    QCOMPARE(summary->questions, 4 * perRecord + of14);
    QCOMPARE(summary->linked, 3 * perRecord + of14);
    QVERIFY(summary->unlinkedExamples.contains(QStringLiteral("meningioma/17/meningioma_17 (536).jpg")));

    // Each linked item sits on the sample built from that image of the download.
    const SampleRecord *brisc = find(QStringLiteral("05"), QLatin1String(RealDownloadFixture::briscOrigin));
    const SampleRecord *roboflow = find(QStringLiteral("19"), QLatin1String(RealDownloadFixture::roboflowOrigin));
    const SampleRecord *mask14 = find(QStringLiteral("14"), QLatin1String(RealDownloadFixture::maskPatternOrigin));
    QVERIFY(brisc && roboflow && mask14);
    // BraTS: the published PNG is one slice of the case's FLAIR volume; it links to the FLAIR
    // slice we kept with the largest tumour area.
    const SampleRecord *flair = nullptr;
    for (const SampleRecord *s : samplesOf(QStringLiteral("16")))
        if (s->volumePath == QLatin1String(RealDownloadFixture::bratsFlairVolume)
            && (!flair || s->lesionPixels > flair->lesionPixels))
            flair = s;
    QVERIFY(flair);
    QCOMPARE(flair->modality, QStringLiteral("FLAIR"));
    const QHash<QString, qint64> expected{{QLatin1String(RealDownloadFixture::briscPublished), brisc->id},
                                          {QLatin1String(RealDownloadFixture::roboflowPublished), roboflow->id},
                                          {QLatin1String(RealDownloadFixture::bratsPublished), flair->id},
                                          {QLatin1String(RealDownloadFixture::maskPatternPublished), mask14->id}};
    int checked = 0;
    const std::vector<BenchmarkItem> items = *BenchmarkRepository(**db).items();
    for (const BenchmarkItem &item : items) {
        if (!expected.contains(item.imagePath))
            continue;
        QCOMPARE(item.sample, expected.value(item.imagePath));
        ++checked;
    }
    QCOMPARE(checked, 3 * perRecord + of14);
}

void TestIngestDownloads::missingRootIsAnErrorOfThatSourceOnly()
{
    // One real source, one whose download was never unpacked, and a typo in an option name.
    QTemporaryDir tmp;
    const QString manifest = tmp.filePath(QStringLiteral("manifest.json"));
    const QString missing = tmp.filePath(QStringLiteral("downloads/not_unpacked"));
    const QJsonArray sources{
        QJsonObject{{QStringLiteral("code"), QStringLiteral("05")}, {QStringLiteral("layout"), QStringLiteral("image-mask-pairs")},
                    {QStringLiteral("root"), m_fixture.root + QStringLiteral("/sources/brisc2025/segmentation_task")},
                    {QStringLiteral("options"), QJsonObject{{QStringLiteral("mask_sufix"), QStringLiteral("_mask")}}}},
        QJsonObject{{QStringLiteral("code"), QStringLiteral("20")}, {QStringLiteral("layout"), QStringLiteral("class-folders")},
                    {QStringLiteral("root"), missing}}};
    QFile f(manifest);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("sources"), sources}}).toJson());
    f.close();

    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("project")));
    QVERIFY(p.ok());
    IngestStage stage;
    std::atomic_bool cancel{false};
    JobExecutor::execute(*p, stage, IngestStage::parameters(manifest), nullptr, &cancel, 2);
    auto db = p->connect();
    SampleRepository repo(**db);
    // The source that exists is ingested in full.
    int brisc = 0;
    const std::vector<SampleRecord> all = *repo.all();
    for (const SampleRecord &s : all)
        brisc += s.sourceCode == QLatin1String("05");
    QCOMPARE(brisc, 3);
    bool rootError = false, typoWarning = false;
    const std::vector<IngestIssueRecord> issues = *repo.issues();
    for (const IngestIssueRecord &i : issues) {
        if (i.sourceCode == QLatin1String("20") && i.kind == QLatin1String("root-missing")) {
            rootError = i.severity == QLatin1String("error") && i.reason.contains(QStringLiteral("sources[1].root"))
                        && i.reason.contains(missing);
            QVERIFY2(rootError, qPrintable(i.reason));
        }
        if (i.sourceCode == QLatin1String("05") && i.kind == QLatin1String("unknown-option")) {
            typoWarning = i.severity == QLatin1String("warning") && i.reason.contains(QStringLiteral("sources[0].options.mask_sufix"));
            QVERIFY2(typoWarning, qPrintable(i.reason));
        }
    }
    QVERIFY(rootError);
    QVERIFY(typoWarning);
}

void TestIngestDownloads::wronglyTypedOptionsNameTheField_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("field");
    QTest::newRow("class_names a string") << QByteArray(R"({"code":"19","layout":"yolo-seg","root":"x","options":{"class_names":"glioma"}})")
                                          << QStringLiteral("sources[1].options.class_names");
    QTest::newRow("bool as text") << QByteArray(R"({"code":"19","layout":"yolo-seg","root":"x","options":{"empty_means_healthy":"yes"}})")
                                  << QStringLiteral("sources[1].options.empty_means_healthy");
    QTest::newRow("count as text") << QByteArray(R"({"code":"16","layout":"nifti-volumes","root":"x","options":{"slices_per_volume":"3"}})")
                                   << QStringLiteral("sources[1].options.slices_per_volume");
    QTest::newRow("suffix a number") << QByteArray(R"({"code":"05","layout":"image-mask-pairs","root":"x","options":{"mask_suffix":5}})")
                                     << QStringLiteral("sources[1].options.mask_suffix");
    QTest::newRow("synonyms a list") << QByteArray(R"({"code":"01","layout":"class-folders","root":"x","options":{"class_synonyms":["notumor"]}})")
                                     << QStringLiteral("sources[1].options.class_synonyms");
    QTest::newRow("unknown tumour type") << QByteArray(R"({"code":"16","layout":"nifti-volumes","root":"x","options":{"tumour_type":"gliomma"}})")
                                         << QStringLiteral("sources[1].options.tumour_type");
    QTest::newRow("unknown modality") << QByteArray(R"({"code":"07","layout":"figshare-mat","root":"x","options":{"modality":"DWI"}})")
                                      << QStringLiteral("sources[1].options.modality");
    QTest::newRow("bad regex") << QByteArray(R"({"code":"01","layout":"class-folders","root":"x","options":{"patient_pattern":"(TCGA"}})")
                               << QStringLiteral("sources[1].options.patient_pattern");
    QTest::newRow("unknown placeholder") << QByteArray(R"({"code":"05","layout":"image-mask-pairs","root":"x","options":{"published_path":"tumor/{nmae}"}})")
                                         << QStringLiteral("sources[1].options.published_path");
    QTest::newRow("selection") << QByteArray(R"({"code":"16","layout":"nifti-volumes","root":"x","options":{"slice_selection":"biggest"}})")
                               << QStringLiteral("sources[1].options.slice_selection");
}

void TestIngestDownloads::wronglyTypedOptionsNameTheField()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, field);
    const QByteArray json = R"({"sources":[{"code":"00","layout":"class-folders","root":"y"},)" + source + "]}";
    Result<Manifest> m = Manifest::fromJson(json, QStringLiteral("/data/manifest.json"));
    QVERIFY2(!m.ok(), "a wrongly typed option must refuse the manifest");
    const QString message = errorMessage(m.error());
    QVERIFY2(message.contains(field) && message.contains(QStringLiteral("/data/manifest.json")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestIngestDownloads)
#include "tst_ingest_downloads.moc"
