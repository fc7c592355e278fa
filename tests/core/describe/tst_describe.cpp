// Coarse descriptions: every branch of the template, worded like the published dataset; and
// the semantics → describe → export path on a real project, including the CLI single-mask mode.
#include "IngestFixture.h"
#include "TestUtil.h"

#include "core/describe/DescriptionBuilder.h"
#include "core/export/MetadataExport.h"
#include "core/imaging/ImageIO.h"
#include "core/jobs/JobExecutor.h"
#include "core/pipeline/DescribeStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/SemanticsStage.h"
#include "core/project/Project.h"
#include "core/samples/SampleRepository.h"
#include "core/semantics/SemanticsRepository.h"
#include "core/store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <optional>

using namespace neuroonco;

class TestDescribe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedSampleEveryLine();
    void everyBranch();
    void titleCaseAsPython();
    void stagesAndExports();
    void cliSingleMask();
};

namespace {

// The published sample's records name their tumour type and sequence in the sample id
// (<type>_<source>[_<sequences>][_mask]_<name>) and whether a mask exists by the folder's
// "_mask". The mask labels (and the class of the three Roboflow images, whose folder is the
// generic "tumor") are not in the path: this table holds them, read once off the published
// text, in the canonical spelling our semantics stage stores.
struct SampleFacts
{
    const char *sampleId;
    const char *tumourType; // nullptr: the type in the sample id
    const char *size, *shape, *spread, *location;
};
constexpr const char *kSolitary = "Solitary Lesion", *kCore = "Dominant Core with Satellites", *kScattered = "Scattered/Multifocal";
constexpr const char *kCentre = "Center of the Image";
const SampleFacts kMaskFacts[] = {
    {"meningioma_10_t1_t2_mask_413", nullptr, "Medium", "Lobulated", kSolitary, "Center-Left Region"},
    {"meningioma_10_t1_t2_mask_614", nullptr, "Medium", "Round/Oval", kSolitary, "Center-Right Region"},
    {"meningioma_10_t1_t2_mask_237", nullptr, "Medium", "Lobulated", kSolitary, kCentre},
    {"meningioma_10_t1_t2_mask_273", nullptr, "Medium", "Lobulated", kCore, kCentre},
    {"meningioma_10_t1_t2_mask_156", nullptr, "Small/Focal", "Irregular/Spiculated", kCore, kCentre},
    {"meningioma_10_t1_t2_mask_30", nullptr, "Small/Focal", "Irregular/Spiculated", kCore, "Upper-Center Region"},
    {"pituitary_05_t1_mask_brisc2025_test_00957_pi_sa_t1", nullptr, "Small/Focal", "Lobulated", kSolitary, kCentre},
    {"meningioma_05_t1_mask_brisc2025_test_00345_me_ax_t1", nullptr, "Medium", "Irregular/Spiculated", kSolitary, kCentre},
    {"meningioma_05_t1_mask_brisc2025_train_01303_me_ax_t1", nullptr, "Medium", "Lobulated", kSolitary, "Center-Right Region"},
    {"meningioma_05_t1_mask_brisc2025_test_00455_me_co_t1", nullptr, "Medium", "Lobulated", kScattered, kCentre},
    {"pituitary_05_t1_mask_brisc2025_train_04983_pi_sa_t1", nullptr, "Small/Focal", "Lobulated", kScattered, kCentre},
    {"meningioma_05_t1_mask_brisc2025_train_02464_me_sa_t1", nullptr, "Small/Focal", "Lobulated", kScattered, kCentre},
    {"meningioma_05_t1_mask_brisc2025_train_01371_me_ax_t1", nullptr, "Medium", "Lobulated", kCore, kCentre},
    {"meningioma_05_t1_mask_brisc2025_train_01815_me_co_t1", nullptr, "Medium", "Irregular/Spiculated", kCore, "Center-Right Region"},
    {"meningioma_05_t1_mask_brisc2025_train_01402_me_ax_t1", nullptr, "Large/Extensive", "Lobulated", kCore, "Lower-Right Region"},
    {"tumor_19_mask_images_923_jpg_rf_05662c1045a13ab327bac3f0e057df03", "pituitary", "Medium", "Round/Oval", kSolitary, "Center-Left Region"},
    {"tumor_19_mask_images_1756_jpg_rf_4518d1fd4ff2b3314e0ef0b6a1a64f2d", "pituitary", "Small/Focal", "Lobulated", kSolitary, "Center-Right Region"},
    {"tumor_19_mask_images_427_jpg_rf_023c6bb38ba53c56db922c1585e1e884", "meningioma", "Large/Extensive", "Round/Oval", kSolitary, "Center-Left Region"},
};

struct PathFacts
{
    QString tumourType;
    QString modality = QStringLiteral("Unknown");
    bool hasMask = false;
};

// "<type>_<two-digit source>[_seq…][_mask]_<name>": the type is everything before the source
// code; one sequence token names the modality, none or several leave it unknown.
PathFacts parseSampleId(const QString &sampleId)
{
    PathFacts f;
    const QStringList tokens = sampleId.split(QLatin1Char('_'));
    int source = 0;
    while (source < tokens.size() && !(tokens[source].size() == 2 && tokens[source][0].isDigit() && tokens[source][1].isDigit()))
        ++source;
    f.tumourType = tokens.mid(0, source).join(QLatin1Char('_'));
    QStringList sequences;
    for (int i = source + 1; i < tokens.size(); ++i) {
        const QString t = tokens[i];
        if (t == QLatin1String("mask")) {
            f.hasMask = true;
            break;
        }
        if (t == QLatin1String("t1") || t == QLatin1String("t1ce") || t == QLatin1String("t2") || t == QLatin1String("flair"))
            sequences << t;
        else
            break;
    }
    if (sequences.size() == 1)
        f.modality = sequences.first().toUpper();
    return f;
}

} // namespace

void TestDescribe::publishedSampleEveryLine()
{
    QFile file(QStringLiteral(NEUROONCO_TEST_DATA_DIR "/describe/published_descriptions_sample.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray records = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(records.size(), 30);
    int matched = 0, withMask = 0;
    QStringList differences;
    for (const QJsonValue &v : records) {
        const QString id = v[QStringLiteral("sample_id")].toString();
        PathFacts facts = parseSampleId(id);
        // The folder in the image path agrees on whether a mask exists.
        QCOMPARE(facts.hasMask, v[QStringLiteral("image_path")].toString().section(QLatin1Char('/'), 1, 1).endsWith(QLatin1String("_mask")));
        std::optional<MaskSemantics> semantics;
        if (facts.hasMask) {
            const SampleFacts *row = nullptr;
            for (const SampleFacts &s : kMaskFacts)
                if (id == QLatin1String(s.sampleId))
                    row = &s;
            QVERIFY2(row, qPrintable(id));
            ++withMask;
            if (row->tumourType)
                facts.tumourType = QLatin1String(row->tumourType);
            MaskSemantics s;
            s.size = QLatin1String(row->size);
            s.shape = QLatin1String(row->shape);
            s.spread = QLatin1String(row->spread);
            s.location = QLatin1String(row->location);
            semantics = s;
        }
        const QString ours = DescriptionBuilder::describe(facts.tumourType, facts.modality, semantics ? &*semantics : nullptr);
        const QString published = v[QStringLiteral("coarse_description")].toString();
        if (ours == published)
            ++matched;
        else
            differences << QStringLiteral("%1:\n  published: %2\n  ours:      %3").arg(id, published, ours);
    }
    for (const QString &d : differences)
        qInfo("%s", qPrintable(d));
    qInfo("%d of %lld published lines reproduced", matched, qlonglong(records.size()));
    QCOMPARE(withMask, int(std::size(kMaskFacts)));
    QVERIFY(differences.isEmpty());
}

void TestDescribe::everyBranch()
{
    const QString noMask = QStringLiteral(" No segmentation mask is available, so detailed morphological features (size, shape, "
                                          "location) cannot be determined.");
    const QString unknownSequence = QStringLiteral(" The specific imaging modality is unknown.");
    MaskSemantics s;
    s.size = QStringLiteral("Large/Extensive");
    s.shape = QStringLiteral("Lobulated");
    s.spread = QStringLiteral("Scattered/Multifocal");
    s.location = QStringLiteral("Upper-Left Region");
    const QString morphology = QStringLiteral(" The mass is large/extensive and located in the upper-left region. It presents as "
                                              "a lobulated structure and appears as scattered/multifocal.");

    // Healthy (the published wording, not in the published sample): no morphology, ever.
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("healthy"), QStringLiteral("FLAIR"), nullptr),
             QStringLiteral("A FLAIR brain MRI scan. The scan appears normal with no visible pathological findings."));
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("healthy"), QStringLiteral("Unknown"), &s),
             QStringLiteral("A brain MRI scan. The scan appears normal with no visible pathological findings.") + unknownSequence);
    for (const char *spelling : {"notumor", "No Tumor", "normal", "control"})
        QVERIFY(DescriptionBuilder::describe(QLatin1String(spelling), QStringLiteral("T1"), nullptr).endsWith(QLatin1String("pathological findings.")));

    // Generic tumour: the sequence note comes before the subtype note.
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("tumor"), QStringLiteral("T2"), nullptr),
             QStringLiteral("A T2 brain MRI scan showing a brain tumor. The specific histological subtype is not specified.") + noMask);
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("brain tumor"), QString(), &s),
             QStringLiteral("A brain MRI scan showing a brain tumor.") + unknownSequence +
                 QStringLiteral(" The specific histological subtype is not specified.") + morphology);

    // Unknown type, under every null spelling (and our empty string).
    for (const char *spelling : {"", "unknown", "None", "null", "NaN", "undefined", "  Unknown  "})
        QCOMPARE(DescriptionBuilder::describe(QLatin1String(spelling), QStringLiteral("T1CE"), nullptr),
                 QStringLiteral("A T1CE brain MRI scan showing an abnormal mass. The specific tumor type is not labeled.") + noMask);
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("unknown"), QStringLiteral("none"), &s),
             QStringLiteral("A brain MRI scan showing an abnormal mass.") + unknownSequence +
                 QStringLiteral(" The specific tumor type is not labeled.") + morphology);

    // Named types: Python's title case; the sequence upper-cased; morphology lower-cased; only
    // "solitary" takes the article.
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("neuronal_tumor"), QStringLiteral("t1ce"), nullptr),
             QStringLiteral("A T1CE brain MRI scan showing signs of Neuronal_Tumor.") + noMask);
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("metastasis"), QStringLiteral("Unknown"), &s),
             QStringLiteral("A brain MRI scan showing signs of Metastasis.") + unknownSequence + morphology);
    s.spread = QStringLiteral("Dominant Core with Satellites");
    s.location = QStringLiteral("Center of the Image");
    QVERIFY(DescriptionBuilder::describe(QStringLiteral("glioma"), QStringLiteral("T2"), &s)
                .endsWith(QStringLiteral("located in the center of the image. It presents as a lobulated structure and appears as "
                                         "dominant core with satellites.")));
    s.spread = QStringLiteral("Solitary Lesion");
    s.shape = QStringLiteral("Irregular/Spiculated");
    QVERIFY(DescriptionBuilder::describe(QStringLiteral("glioma"), QStringLiteral("T2"), &s)
                .endsWith(QStringLiteral("It presents as a irregular/spiculated structure and appears as a solitary lesion.")));
}

void TestDescribe::titleCaseAsPython()
{
    // str.title(): a cased letter after an uncased character (underscore, digit, space,
    // apostrophe) starts a word.
    QCOMPARE(DescriptionBuilder::titleCase(QStringLiteral("neuronal_tumor")), QStringLiteral("Neuronal_Tumor"));
    QCOMPARE(DescriptionBuilder::titleCase(QStringLiteral("MENINGIOMA")), QStringLiteral("Meningioma"));
    QCOMPARE(DescriptionBuilder::titleCase(QStringLiteral("pilocytic astrocytoma")), QStringLiteral("Pilocytic Astrocytoma"));
    QCOMPARE(DescriptionBuilder::titleCase(QStringLiteral("grade2glioma")), QStringLiteral("Grade2Glioma"));
    QCOMPARE(DescriptionBuilder::titleCase(QStringLiteral("o'brien")), QStringLiteral("O'Brien"));
    QCOMPARE(DescriptionBuilder::titleCase(QStringLiteral("dnet-like")), QStringLiteral("Dnet-Like"));
    QCOMPARE(DescriptionBuilder::titleCase(QString()), QString());
    // The prose name for open answers stays readable.
    QCOMPARE(DescriptionBuilder::typeName(QStringLiteral("neuronal_tumor")), QStringLiteral("Neuronal tumor"));
}

void TestDescribe::stagesAndExports()
{
    QTemporaryDir tmp;
    const test::IngestFixture fx = test::IngestFixture::build(tmp.filePath(QStringLiteral("data")));
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    IngestStage ingest;
    QCOMPARE(JobExecutor::execute(*project, ingest, IngestStage::parameters(fx.manifestPath), nullptr, &cancel, 2).state, JobState::Succeeded);
    SemanticsStage semantics;
    JobOutcome so = JobExecutor::execute(*project, semantics, {}, nullptr, &cancel, 2);
    QCOMPARE(so.state, JobState::Succeeded);
    QCOMPARE(so.summary.value(QStringLiteral("empty_masks")).toInt(), 1); // the planted empty mask
    DescribeStage describe;
    QCOMPARE(JobExecutor::execute(*project, describe, {}, nullptr, &cancel, 2).state, JobState::Succeeded);

    auto db = project->connect();
    SampleRepository samples(**db);
    SemanticsRepository repo(**db);
    const auto all = *samples.all();
    const auto semanticsRows = *repo.allSemantics();
    const auto descriptions = *repo.allDescriptions();
    QCOMPARE(descriptions.size(), qsizetype(all.size())); // every sample, healthy and no-mask ones included
    int withMask = 0;
    for (const SampleRecord &s : all) {
        if (!s.hasMask())
            continue;
        ++withMask;
        QVERIFY(semanticsRows.contains(s.id));
        if (s.origin.endsWith(QLatin1String("p3.png"))) {
            QCOMPARE(semanticsRows[s.id].status, QStringLiteral("empty"));
            QVERIFY(semanticsRows[s.id].reason.contains(QStringLiteral("no lesion")));
            // As published: an empty mask has no semantics, so the no-mask sentence.
            QVERIFY(descriptions[s.id].endsWith(QStringLiteral("No segmentation mask is available, so detailed morphological "
                                                               "features (size, shape, location) cannot be determined.")));
        }
        if (s.sourceCode == QLatin1String("04")) // BraTS slices carry sub-region fractions
            QVERIFY(semanticsRows[s.id].semantics.subregions.valid);
    }
    QCOMPARE(semanticsRows.size(), qsizetype(withMask));

    // A rerun does nothing; other thresholds make every result stale.
    JobOutcome again = JobExecutor::execute(*project, semantics, {}, nullptr, &cancel, 2);
    QCOMPARE(again.summary.value(QStringLiteral("computed")).toInt(), 0);
    // Results of the earlier rule (stored thresholds without a rule version) are redone.
    {
        QSqlQuery q = (*db)->query();
        QVERIFY(q.exec(QStringLiteral("UPDATE mask_semantics SET thresholds = replace(thresholds, '\"rule_version\":2,', '')")));
        QVERIFY(q.numRowsAffected() == withMask);
    }
    QCOMPARE(JobExecutor::execute(*project, semantics, {}, nullptr, &cancel, 2).summary.value(QStringLiteral("computed")).toInt(), withMask);
    SemanticsThresholds t;
    t.smallBelow = 0.5;
    JobOutcome changed = JobExecutor::execute(*project, semantics, {{QStringLiteral("thresholds"), t.toJson()}}, nullptr, &cancel, 2);
    QCOMPARE(changed.summary.value(QStringLiteral("computed")).toInt(), withMask);
    const QHash<qint64, SemanticsRecord> recomputed = *repo.allSemantics();
    for (const SemanticsRecord &r : recomputed)
        if (r.status == QLatin1String("ok"))
            QCOMPARE(r.semantics.size, QStringLiteral("Small/Focal"));
    // The descriptions written before are now older than their semantics: a plain describe run
    // (no force) writes those again, and then nothing more.
    JobOutcome redescribed = JobExecutor::execute(*project, describe, {}, nullptr, &cancel, 2);
    QCOMPARE(redescribed.state, JobState::Succeeded);
    QCOMPARE(redescribed.summary.value(QStringLiteral("described")).toInt(), withMask);
    const auto newDescriptions = *repo.allDescriptions();
    for (const SemanticsRecord &r : recomputed)
        if (r.status == QLatin1String("ok"))
            QVERIFY2(newDescriptions[r.sample].contains(QStringLiteral("The mass is small/focal")), qPrintable(newDescriptions[r.sample]));
    QCOMPARE(JobExecutor::execute(*project, describe, {}, nullptr, &cancel, 2).summary.value(QStringLiteral("described")).toInt(), 0);

    // Exports in the published shapes.
    const QJsonArray sem = *MetadataExport::buildSemantics(**db, {});
    bool sawNull = false, sawLabels = false;
    for (const QJsonValue &v : sem) {
        const QJsonValue ms = v[QStringLiteral("medical_semantics")];
        if (ms.isNull())
            sawNull = true;
        else {
            sawLabels = true;
            for (const char *k : {"size", "shape", "spread", "location"})
                QVERIFY(ms.toObject().contains(QLatin1String(k)));
            QVERIFY(v[QStringLiteral("semantic_numbers")][QStringLiteral("circularity")].isDouble());
        }
    }
    QVERIFY(sawNull && sawLabels);
    const QJsonArray llm = *MetadataExport::buildLlmInput(**db, {});
    QVERIFY(!llm.isEmpty());
    QCOMPARE(llm.first().toObject().keys(), (QStringList{QStringLiteral("coarse_description"), QStringLiteral("image_path"), QStringLiteral("sample_id")}));
}

void TestDescribe::cliSingleMask()
{
    QTemporaryDir tmp;
    GrayImage mask(100, 100);
    for (int y = 10; y < 30; ++y)
        for (int x = 60; x < 80; ++x)
            mask.at(x, y) = 255;
    const QString file = tmp.filePath(QStringLiteral("m.png"));
    QVERIFY(!imageio::writePng(file, mask));
    QString out, err;
    const QString cli = test::binaryDir() + QStringLiteral("/neuroonco");
    QCOMPARE(test::runProgram(cli, {QStringLiteral("semantics"), QStringLiteral("--mask"), file, QStringLiteral("--json")}, &out, &err), 0);
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("size")).toString(), QStringLiteral("Medium"));
    QCOMPARE(o.value(QStringLiteral("location")).toString(), QStringLiteral("Upper-Right Region"));
    // A 20×20 square: 400 pixels, an outline of length 76 through the border pixel centres, so
    // circularity 4π·400/76² = 0.870 as published (0.785 if the outline's own area were used).
    QCOMPARE(o.value(QStringLiteral("shape")).toString(), QStringLiteral("Round/Oval"));
    QVERIFY(std::fabs(o.value(QStringLiteral("numbers")).toObject().value(QStringLiteral("circularity")).toDouble() - 4 * M_PI * 400 / (76.0 * 76.0)) < 1e-12);
    QCOMPARE(o.value(QStringLiteral("spread")).toString(), QStringLiteral("Solitary Lesion"));
    QCOMPARE(o.value(QStringLiteral("numbers")).toObject().value(QStringLiteral("lesion_pixels")).toInt(), 400);
    // Empty and unreadable masks.
    QVERIFY(!imageio::writePng(file, GrayImage(50, 50)));
    QCOMPARE(test::runProgram(cli, {QStringLiteral("semantics"), QStringLiteral("--mask"), file, QStringLiteral("--json")}, &out), 0);
    QVERIFY(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("shape")).isNull());
    QCOMPARE(test::runProgram(cli, {QStringLiteral("semantics"), QStringLiteral("--mask"), tmp.filePath(QStringLiteral("none.png"))}, &out, &err), 1);
    QVERIFY(err.contains(QStringLiteral("none.png")));
}

QTEST_GUILESS_MAIN(TestDescribe)
#include "tst_describe.moc"
