// Coarse descriptions: every branch of the template, worded like the published dataset; and
// the semantics → describe → export path on a real project, including the CLI single-mask mode.
#include "IngestFixture.h"
#include "TestUtil.h"

#include "describe/DescribeStage.h"
#include "describe/DescriptionBuilder.h"
#include "export/MetadataExport.h"
#include "imaging/ImageIO.h"
#include "ingest/IngestStage.h"
#include "jobs/JobExecutor.h"
#include "project/Project.h"
#include "samples/SampleRepository.h"
#include "semantics/SemanticsRepository.h"
#include "semantics/SemanticsStage.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using Mask = DescriptionBuilder::MaskState;

class TestDescribe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedWording();
    void otherBranches();
    void stagesAndExports();
    void cliSingleMask();
};

void TestDescribe::publishedWording()
{
    // Sentences taken from the published llm_inference_input sample.
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("meningioma"), QStringLiteral("Unknown"), Mask::None, nullptr),
             QStringLiteral("A brain MRI scan showing signs of Meningioma. The specific imaging modality is unknown. No "
                            "segmentation mask is available, so detailed morphological features (size, shape, location) "
                            "cannot be determined."));
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("pituitary"), QStringLiteral("T1"), Mask::None, nullptr),
             QStringLiteral("A T1 brain MRI scan showing signs of Pituitary. No segmentation mask is available, so detailed "
                            "morphological features (size, shape, location) cannot be determined."));
    MaskSemantics s;
    s.size = QStringLiteral("Medium");
    s.shape = QStringLiteral("Round/Oval");
    s.spread = QStringLiteral("Solitary Lesion");
    s.location = QStringLiteral("Center-Right Region");
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("pituitary"), QStringLiteral("Unknown"), Mask::Measured, &s),
             QStringLiteral("A brain MRI scan showing signs of Pituitary. The specific imaging modality is unknown. The mass "
                            "is medium and located in the center-right region. It presents as a round/oval structure and "
                            "appears as a solitary lesion."));
    s.size = QStringLiteral("Small/Focal");
    s.shape = QStringLiteral("Irregular/Spiculated");
    s.location = QStringLiteral("Center of the Image");
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("meningioma"), QStringLiteral("T1"), Mask::Measured, &s),
             QStringLiteral("A T1 brain MRI scan showing signs of Meningioma. The mass is small/focal and located in the "
                            "center of the image. It presents as a irregular/spiculated structure and appears as a solitary lesion."));
}

void TestDescribe::otherBranches()
{
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("healthy"), QStringLiteral("FLAIR"), Mask::None, nullptr),
             QStringLiteral("A FLAIR brain MRI scan with no visible signs of a tumor."));
    QCOMPARE(DescriptionBuilder::describe(QStringLiteral("healthy"), QStringLiteral("Unknown"), Mask::None, nullptr),
             QStringLiteral("A brain MRI scan with no visible signs of a tumor. The specific imaging modality is unknown."));
    QVERIFY(DescriptionBuilder::describe(QStringLiteral("tumor"), QStringLiteral("T2"), Mask::None, nullptr)
                .startsWith(QStringLiteral("A T2 brain MRI scan showing signs of a brain tumor of unspecified type.")));
    QVERIFY(DescriptionBuilder::describe(QStringLiteral("glioma"), QStringLiteral("T2"), Mask::Empty, nullptr)
                .contains(QStringLiteral("marks no lesion")));
    QCOMPARE(DescriptionBuilder::typeName(QStringLiteral("neuronal_tumor")), QStringLiteral("Neuronal tumor"));
    MaskSemantics s;
    s.size = QStringLiteral("Large/Extensive");
    s.shape = QStringLiteral("Lobulated");
    s.spread = QStringLiteral("Scattered/Multifocal");
    s.location = QStringLiteral("Upper-Left Region");
    QVERIFY(DescriptionBuilder::describe(QStringLiteral("metastasis"), QStringLiteral("T1CE"), Mask::Measured, &s)
                .endsWith(QStringLiteral("appears as scattered/multifocal lesions.")));
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
            QVERIFY(descriptions[s.id].contains(QStringLiteral("marks no lesion")));
        }
        if (s.sourceCode == QLatin1String("04")) // BraTS slices carry sub-region fractions
            QVERIFY(semanticsRows[s.id].semantics.subregions.valid);
    }
    QCOMPARE(semanticsRows.size(), qsizetype(withMask));

    // A rerun does nothing; other thresholds make every result stale.
    JobOutcome again = JobExecutor::execute(*project, semantics, {}, nullptr, &cancel, 2);
    QCOMPARE(again.summary.value(QStringLiteral("computed")).toInt(), 0);
    SemanticsThresholds t;
    t.smallBelow = 0.5;
    JobOutcome changed = JobExecutor::execute(*project, semantics, {{QStringLiteral("thresholds"), t.toJson()}}, nullptr, &cancel, 2);
    QCOMPARE(changed.summary.value(QStringLiteral("computed")).toInt(), withMask);
    const QHash<qint64, SemanticsRecord> recomputed = *repo.allSemantics();
    for (const SemanticsRecord &r : recomputed)
        if (r.status == QLatin1String("ok"))
            QCOMPARE(r.semantics.size, QStringLiteral("Small/Focal"));

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
    QCOMPARE(o.value(QStringLiteral("shape")).toString(), QStringLiteral("Lobulated")); // a square: circularity 0.785
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
