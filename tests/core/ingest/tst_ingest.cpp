// Ingest and standardise: every adapter on a synthetic collection, bad input recorded per file,
// canonical files and paths, pseudonymised patients, and resume after SIGKILL. Outcomes told
// truthfully: a source of only unreadable files fails, one with some says "succeeded with N
// errors" (--strict makes that exit 1), a fixed file loses its problems, one verdict per file.
#include "IngestFixture.h"
#include "TestUtil.h"

#include "core/imaging/ImageIO.h"
#include "core/ingest/Manifest.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRepository.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/pipeline/ProjectStatus.h"
#include "core/project/Project.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QDirIterator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using neuroonco::test::IngestFixture;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// What a broken download looks like: a PNG cut off mid-transfer, an HTML error page saved under
// the image's name, an empty .JPG next to the .jpg files.
const QByteArray kHtmlPage = QByteArrayLiteral("<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>\n");

QString cli()
{
    return test::binaryDir() + QStringLiteral("/neuroonco");
}

int errorRows(const Project &project)
{
    auto db = project.connect();
    return test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM ingest_issues WHERE severity = 'error'")).toInt();
}

} // namespace

class TestIngest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void manifestErrorsNameTheField_data();
    void manifestErrorsNameTheField();
    void ingestsEveryLayout();
    void badInputIsRecordedPerFile();
    void patientIdentifiersAreNotStored();
    void rerunIsIdempotent();
    void killedIngestResumes();
    void onlyUnreadableFilesFail();
    void someBadFilesSucceedWithErrors();
    void fixedFileLosesItsProblems();
    void oneVerdictPerFile();

private:
    QTemporaryDir m_tmp;
    IngestFixture m_fixture;
    Project m_project;
    std::vector<SampleRecord> m_samples;
    std::vector<IngestIssueRecord> m_issues;
    JobOutcome m_outcome;

    const SampleRecord *find(const QString &sourceCode, const QString &originPart) const
    {
        for (const SampleRecord &s : m_samples)
            if (s.sourceCode == sourceCode && s.origin.contains(originPart))
                return &s;
        return nullptr;
    }
    bool hasIssue(const QString &pathPart, const QString &kind) const
    {
        for (const IngestIssueRecord &i : m_issues)
            if (i.path.contains(pathPart) && i.kind == kind)
                return true;
        return false;
    }
};

void TestIngest::initTestCase()
{
    registerBuiltinStages();
    m_fixture = IngestFixture::build(m_tmp.filePath(QStringLiteral("data")));
    Result<Project> p = Project::create(m_tmp.filePath(QStringLiteral("project")));
    QVERIFY(p.ok());
    m_project = *p;
    IngestStage stage;
    std::atomic_bool cancel{false};
    m_outcome = JobExecutor::execute(m_project, stage, IngestStage::parameters(m_fixture.manifestPath), nullptr, &cancel, 2);
    QVERIFY2(m_outcome.state == JobState::Succeeded, qPrintable(errorMessage(m_outcome.error)));
    auto db = m_project.connect();
    SampleRepository repo(**db);
    m_samples = *repo.all();
    m_issues = *repo.issues();
}

void TestIngest::manifestErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("JSON error");
    QTest::newRow("no sources") << QByteArray("{}") << QStringLiteral("sources");
    QTest::newRow("bad layout") << QByteArray(R"({"sources":[{"code":"01","layout":"zip","root":"x"}]})") << QStringLiteral("sources[0].layout");
    QTest::newRow("no root") << QByteArray(R"({"sources":[{"code":"01","layout":"coco"}]})") << QStringLiteral("sources[0].root");
    QTest::newRow("bad code") << QByteArray(R"({"sources":[{"code":"a b","layout":"coco","root":"x"}]})") << QStringLiteral("sources[0].code");
    QTest::newRow("dup code") << QByteArray(R"({"sources":[{"code":"a","layout":"coco","root":"x"},{"code":"a","layout":"coco","root":"y"}]})") << QStringLiteral("sources[1].code");
}

void TestIngest::manifestErrorsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    Result<Manifest> m = Manifest::fromJson(json, QStringLiteral("/x/manifest.json"));
    QVERIFY(!m.ok());
    const QString message = errorMessage(m.error());
    QVERIFY2(message.contains(expected) && message.contains(QStringLiteral("manifest.json")), qPrintable(message));
}

void TestIngest::ingestsEveryLayout()
{
    // Class folders: synonyms, modality folder, split folders sharing names, modality in a class name.
    const SampleRecord *g1 = find(QStringLiteral("01"), QStringLiteral("T2/g1.jpg"));
    QVERIFY(g1);
    QCOMPARE(g1->tumourType, QStringLiteral("glioma"));
    QCOMPARE(g1->modality, QStringLiteral("T2"));
    QVERIFY(g1->imagePath.startsWith(QStringLiteral("glioma/01_t2/")));
    QVERIFY(!g1->hasMask());
    QVERIFY(find(QStringLiteral("01"), QStringLiteral("Training/glioma_tumor/g2.jpg")));
    QVERIFY(find(QStringLiteral("01"), QStringLiteral("Testing/glioma_tumor/g2.jpg")));
    QVERIFY(find(QStringLiteral("01"), QStringLiteral("Training/glioma_tumor/g2.jpg"))->sampleId
            != find(QStringLiteral("01"), QStringLiteral("Testing/glioma_tumor/g2.jpg"))->sampleId);
    QCOMPARE(find(QStringLiteral("01"), QStringLiteral("no_tumor/n1.jpg"))->tumourType, QStringLiteral("healthy"));
    const SampleRecord *astro = find(QStringLiteral("01"), QStringLiteral("a1.jpg"));
    QVERIFY(astro);
    QCOMPARE(astro->tumourType, QStringLiteral("glioma"));
    QCOMPARE(astro->modality, QStringLiteral("T1CE"));

    // Pairs: grey, colour, 0/1 masks all binarised to 0/255 with the same lesion area.
    for (const char *name : {"m1_t1.png", "m2_flair.png", "p1_t1ce.png"}) {
        const SampleRecord *s = find(QStringLiteral("02"), QLatin1String(name));
        QVERIFY2(s && s->hasMask(), name);
        Result<GrayImage> mask = imageio::readGray8(QDir(m_project.slicesDir()).filePath(s->maskPath));
        QVERIFY(mask.ok());
        QVERIFY(std::all_of(mask->pixels.begin(), mask->pixels.end(), [](std::uint8_t v) { return v == 0 || v == 255; }));
        QVERIFY2(s->lesionPixels > 50, name);
        QCOMPARE(qint64(std::count(mask->pixels.begin(), mask->pixels.end(), 255)), s->lesionPixels);
    }
    QCOMPARE(find(QStringLiteral("02"), QStringLiteral("m2_flair.png"))->modality, QStringLiteral("FLAIR"));
    QCOMPARE(find(QStringLiteral("02"), QStringLiteral("p1_t1ce.png"))->tumourType, QStringLiteral("pituitary"));

    // YOLO: polygon rasterised (a 32×32 px square in a 160 px image), empty label = healthy.
    const SampleRecord *y1 = find(QStringLiteral("03"), QStringLiteral("y1.jpg"));
    QVERIFY(y1 && y1->hasMask());
    QCOMPARE(y1->tumourType, QStringLiteral("meningioma"));
    QCOMPARE(y1->lesionPixels, qint64(32 * 32));
    QCOMPARE(find(QStringLiteral("03"), QStringLiteral("y3.jpg"))->tumourType, QStringLiteral("healthy"));

    // Volumes: 2 slices × 4 sequences, sub-region labels kept, volume link kept.
    int volumeSlices = 0;
    for (const SampleRecord &s : m_samples) {
        if (s.sourceCode != QLatin1String("04"))
            continue;
        ++volumeSlices;
        QVERIFY(s.hasMask());
        QVERIFY(!s.labelPath.isEmpty());
        QVERIFY(s.volumePath.endsWith(QStringLiteral(".nii.gz")));
        QVERIFY(s.volumeIndex >= 8 && s.volumeIndex < 16);
        QCOMPARE(s.patientKey, QStringLiteral("04:CASE_001"));
        Result<GrayImage> labels = imageio::readGray8(QDir(m_project.slicesDir()).filePath(s.labelPath));
        QVERIFY(labels.ok());
        QSet<int> values;
        for (auto v : labels->pixels)
            values.insert(v);
        QCOMPARE(values, (QSet<int>{0, 1, 2, 4}));
    }
    QCOMPARE(volumeSlices, 8);

    // COCO polygon (20×20) and RLE (10×10).
    QCOMPARE(find(QStringLiteral("05"), QStringLiteral("c1.png"))->lesionPixels, qint64(400));
    QCOMPARE(find(QStringLiteral("05"), QStringLiteral("c2.png"))->lesionPixels, qint64(100));
    QCOMPARE(find(QStringLiteral("05"), QStringLiteral("c1.png"))->tumourType, QStringLiteral("glioma"));

    // Figshare: label 3 → pituitary, T1CE, 16-bit windowed to 8.
    const SampleRecord *fig = find(QStringLiteral("06"), QStringLiteral("1.mat"));
    QVERIFY(fig && fig->hasMask());
    QCOMPARE(fig->tumourType, QStringLiteral("pituitary"));
    QCOMPARE(fig->modality, QStringLiteral("T1CE"));
    QCOMPARE(fig->originalBits, 16);

    // DICOM: series description gives FLAIR, folder gives metastasis.
    const SampleRecord *dcm = find(QStringLiteral("07"), QStringLiteral("IM_0001.dcm"));
    QVERIFY(dcm);
    QCOMPARE(dcm->modality, QStringLiteral("FLAIR"));
    QCOMPARE(dcm->tumourType, QStringLiteral("metastasis"));

    // Every sample's canonical image is an 8-bit greyscale PNG of the recorded size.
    for (const SampleRecord &s : m_samples) {
        Result<DecodedImage> img = imageio::read(QDir(m_project.slicesDir()).filePath(s.imagePath));
        QVERIFY2(img.ok(), qPrintable(s.imagePath));
        QCOMPARE(img->channels, 1);
        QCOMPARE(img->bitsPerSample, 8);
        QCOMPARE(img->width, s.width);
        QCOMPARE(img->height, s.height);
    }
    // No temporary files are left behind.
    QDirIterator it(m_project.slicesDir(), {QStringLiteral("*.part-*")}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(!it.hasNext());
}

void TestIngest::badInputIsRecordedPerFile()
{
    QVERIFY(hasIssue(QStringLiteral("trunc.jpg"), QStringLiteral("truncated")));
    QVERIFY(hasIssue(QStringLiteral("empty.jpg"), QStringLiteral("empty-file")));
    QVERIFY(hasIssue(QStringLiteral("text.png"), QStringLiteral("not-an-image")));
    QVERIFY(hasIssue(QStringLiteral("notes.txt"), QStringLiteral("not-an-image")));
    QVERIFY(hasIssue(QStringLiteral("misc/u1.jpg"), QStringLiteral("unknown-class")));
    QVERIFY(hasIssue(QStringLiteral("escape.png"), QStringLiteral("path-escape")));
    QVERIFY(hasIssue(QStringLiteral("loop"), QStringLiteral("symlink-loop")));
    QVERIFY(hasIssue(QStringLiteral("p2.png"), QStringLiteral("mask-size-mismatch")));
    QVERIFY(hasIssue(QStringLiteral("black.png"), QStringLiteral("empty-image")));
    QVERIFY(hasIssue(QStringLiteral("p3.png"), QStringLiteral("empty-mask")));
    QVERIFY(hasIssue(QStringLiteral("y2.jpg"), QStringLiteral("polygon-out-of-range")));
    QVERIFY(hasIssue(QStringLiteral("missing.png"), QStringLiteral("missing-file")));
    // A mask of the wrong size drops the mask, not the image.
    const SampleRecord *p2 = find(QStringLiteral("02"), QStringLiteral("p2.png"));
    QVERIFY(p2 && !p2->hasMask());
    QVERIFY(!find(QStringLiteral("02"), QStringLiteral("black.png")));
    // Reasons are sentences, not codes.
    for (const IngestIssueRecord &i : m_issues)
        QVERIFY2(i.reason.size() > 10, qPrintable(i.kind + QStringLiteral(": ") + i.reason));
    // The job summary counts problems by kind.
    const QJsonObject kinds = m_outcome.summary.value(QStringLiteral("problem_kinds")).toObject();
    QCOMPARE(kinds.value(QStringLiteral("truncated")).toInt(), 1);
    QVERIFY(m_outcome.summary.value(QStringLiteral("problems")).toInt() >= 12);
}

void TestIngest::patientIdentifiersAreNotStored()
{
    const SampleRecord *dcm = find(QStringLiteral("07"), QStringLiteral("IM_0001.dcm"));
    QVERIFY(dcm && !dcm->patientKey.isEmpty());
    const SampleRecord *fig = find(QStringLiteral("06"), QStringLiteral("1.mat"));
    QVERIFY(fig && !fig->patientKey.isEmpty());
    // Dump every text value of every table and look for the identifiers.
    auto db = m_project.connect();
    QSqlQuery tables = (*db)->query();
    tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table'"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : names) {
        QSqlQuery q = (*db)->query();
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM ") + table));
        while (q.next())
            for (int c = 0; c < q.record().count(); ++c) {
                const QString v = q.value(c).toString();
                QVERIFY2(!v.contains(QStringLiteral("DOE")) && !v.contains(m_fixture.dicomPatientId)
                             && !v.contains(m_fixture.figsharePid),
                         qPrintable(table + QStringLiteral(": ") + v));
            }
    }
}

void TestIngest::rerunIsIdempotent()
{
    IngestStage stage;
    std::atomic_bool cancel{false};
    JobOutcome again = JobExecutor::execute(m_project, stage, IngestStage::parameters(m_fixture.manifestPath), nullptr, &cancel, 2);
    QCOMPARE(again.state, JobState::Succeeded);
    QCOMPARE(again.summary.value(QStringLiteral("samples_written")).toInt(), 0); // everything was done
    auto db = m_project.connect();
    QCOMPARE(SampleRepository(**db).all().value().size(), m_samples.size());
    // --force re-reads everything but still creates no second copy.
    JobOutcome forced = JobExecutor::execute(m_project, stage, IngestStage::parameters(m_fixture.manifestPath, true), nullptr, &cancel, 2);
    QCOMPARE(forced.state, JobState::Succeeded);
    QCOMPARE(qint64(forced.summary.value(QStringLiteral("samples_written")).toInt()), qint64(m_samples.size()));
    QCOMPARE(SampleRepository(**db).all().value().size(), m_samples.size());
}

void TestIngest::killedIngestResumes()
{
    QTemporaryDir tmp;
    const int count = 400;
    const QString manifest = IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), count);
    const QString killedDir = tmp.filePath(QStringLiteral("killed"));
    const QString cli = test::binaryDir() + QStringLiteral("/neuroonco");
    QCOMPARE(test::runProgram(cli, {QStringLiteral("init"), killedDir}), 0);

    QProcess child;
    child.start(cli, {QStringLiteral("ingest"), killedDir, QStringLiteral("--manifest"), manifest,
                      QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--quiet")});
    QVERIFY(child.waitForStarted());
    Result<Project> killed = Project::open(killedDir);
    auto db = killed->connect();
    QTRY_VERIFY_WITH_TIMEOUT(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints"), 0).toInt() >= 40
                                 || child.state() == QProcess::NotRunning, 60000);
    QVERIFY2(child.state() == QProcess::Running, "ingest finished before it could be killed");
    child.kill();
    QVERIFY(child.waitForFinished());
    const int before = test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM samples")).toInt();
    QVERIFY(before < count);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints WHERE scope='ingest'")).toInt(), before);

    QString out;
    QCOMPARE(test::runProgram(cli, {QStringLiteral("ingest"), killedDir, QStringLiteral("--manifest"), manifest, QStringLiteral("--json")}, &out), 0);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM samples")).toInt(), count);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(DISTINCT origin) FROM samples")).toInt(), count);
    QVERIFY2(out.contains(QStringLiteral("\"samples_written\": %1").arg(count - before)), qPrintable(out));

    // Same final content as an uninterrupted run.
    const QString cleanDir = tmp.filePath(QStringLiteral("clean"));
    QCOMPARE(test::runProgram(cli, {QStringLiteral("init"), cleanDir}), 0);
    QCOMPARE(test::runProgram(cli, {QStringLiteral("ingest"), cleanDir, QStringLiteral("--manifest"), manifest, QStringLiteral("--quiet")}), 0);
    auto cleanDb = Project::open(cleanDir)->connect();
    auto rows = [](Database &d) {
        QStringList list;
        QSqlQuery q = d.query();
        q.exec(QStringLiteral("SELECT sample_id, image_path, pixel_hash, dhash, phash FROM samples ORDER BY sample_id"));
        while (q.next())
            list << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()}.join(QLatin1Char('|'));
        return list;
    };
    QCOMPARE(rows(**db), rows(**cleanDb));
    QDirIterator it(killed->slicesDir(), {QStringLiteral("*.part-*")}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(!it.hasNext());
}

void TestIngest::onlyUnreadableFilesFail()
{
    QTemporaryDir tmp;
    const QString manifest = IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 3);
    const QDir glioma(tmp.filePath(QStringLiteral("data/sources/many/glioma")));
    writeFile(glioma.filePath(QStringLiteral("img0000.png")), readAll(glioma.filePath(QStringLiteral("img0000.png"))).left(120));
    writeFile(glioma.filePath(QStringLiteral("img0001.png")), kHtmlPage);
    QFile::remove(glioma.filePath(QStringLiteral("img0002.png")));
    writeFile(glioma.filePath(QStringLiteral("img0002.JPG")), QByteArray());
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QCOMPARE(test::runProgram(cli(), {QStringLiteral("init"), dir}), 0);
    QString out, err;
    QCOMPARE(test::runProgram(cli(), {QStringLiteral("ingest"), dir, QStringLiteral("--manifest"), manifest}, &out, &err), 1);
    QVERIFY2(out.contains(QStringLiteral("ingest: job 1 failed.")), qPrintable(out));
    // The first reasons, each naming its file.
    QVERIFY2(err.contains(QStringLiteral("3 items failed and none succeeded")), qPrintable(err));
    for (const char *file : {"glioma/img0000.png", "glioma/img0001.png", "glioma/img0002.JPG"})
        QVERIFY2(err.contains(QLatin1String(file)), file);
    Result<Project> project = Project::open(dir);
    auto db = project->connect();
    const JobRecord job = *JobRepository(**db).get(1);
    QCOMPARE(job.state, JobState::Failed);
    QCOMPARE(job.errors(), qint64(3));
    QCOMPARE(errorRows(*project), 3);
    // The JSON outcome says the same.
    QCOMPARE(test::runProgram(cli(), {QStringLiteral("ingest"), dir, QStringLiteral("--manifest"), manifest,
                                      QStringLiteral("--json")}, &out),
             1);
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 3);
}

void TestIngest::someBadFilesSucceedWithErrors()
{
    QTemporaryDir tmp;
    const QString manifest = IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 5);
    const QDir glioma(tmp.filePath(QStringLiteral("data/sources/many/glioma")));
    writeFile(glioma.filePath(QStringLiteral("img0001.png")), readAll(glioma.filePath(QStringLiteral("img0001.png"))).left(200));
    writeFile(glioma.filePath(QStringLiteral("img0003.JPG")), kHtmlPage); // beside img0003.png
    auto run = [&](const QString &name, const QStringList &extra, QString *out, QString *err) {
        const QString dir = tmp.filePath(name);
        test::runProgram(cli(), {QStringLiteral("init"), dir});
        return test::runProgram(cli(), QStringList{QStringLiteral("ingest"), dir, QStringLiteral("--manifest"), manifest} + extra,
                                out, err);
    };
    QString out, err;
    QCOMPARE(run(QStringLiteral("plain"), {}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("ingest: job 1 succeeded with 2 errors.")), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("img0001.png")) && err.contains(QStringLiteral("img0003.JPG")), qPrintable(err));

    QCOMPARE(run(QStringLiteral("json"), {QStringLiteral("--json")}, &out, &err), 0);
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("items")).toObject().value(QStringLiteral("succeeded")).toInt(), 4);
    // The count in the outcome is the count stored.
    QCOMPARE(o.value(QStringLiteral("errors")).toInt(), errorRows(*Project::open(tmp.filePath(QStringLiteral("json")))));
    QCOMPARE(o.value(QStringLiteral("failures")).toArray().size(), 2);

    QCOMPARE(run(QStringLiteral("strict"), {QStringLiteral("--strict")}, &out, &err), 1);
    QVERIFY(out.contains(QStringLiteral("succeeded with 2 errors")));
    // `jobs` and `status` tell it the same way.
    QCOMPARE(test::runProgram(cli(), {QStringLiteral("jobs"), tmp.filePath(QStringLiteral("plain")), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).array().at(0)[QStringLiteral("errors")].toInt(), 2);
    QCOMPARE(test::runProgram(cli(), {QStringLiteral("status"), tmp.filePath(QStringLiteral("plain"))}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("#1 succeeded with 2 errors")), qPrintable(out));
}

void TestIngest::fixedFileLosesItsProblems()
{
    QTemporaryDir tmp;
    const QString manifest = IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("data")), 3);
    const QString broken = tmp.filePath(QStringLiteral("data/sources/many/glioma/img0001.png"));
    const QByteArray good = readAll(broken);
    writeFile(broken, good.left(150));
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    QVERIFY(project.ok());
    IngestStage stage;
    std::atomic_bool cancel{false};
    JobOutcome first = JobExecutor::execute(*project, stage, IngestStage::parameters(manifest), nullptr, &cancel, 1);
    QCOMPARE(first.state, JobState::Succeeded);
    QCOMPARE(first.errors(), qint64(1));
    auto db = project->connect();
    SampleRepository repo(**db);
    // Every view counts the same rows: the tab's list, the status (Overview, status bar, CLI).
    auto agree = [&](int expected) {
        const std::vector<IngestIssueRecord> rows = *repo.issues();
        QCOMPARE(int(rows.size()), expected);
        Result<ProjectStatus> status = ProjectStatus::collect(**db, project->root());
        QCOMPARE(status->counts.value(QStringLiteral("ingest_problems")), qint64(expected));
        for (const StageStatus &s : status->stages)
            if (s.id == IngestStage::stageId())
                QCOMPARE(s.items.error, qint64(expected));
        QString out;
        QCOMPARE(test::runProgram(cli(), {QStringLiteral("status"), project->root(), QStringLiteral("--json")}, &out), 0);
        const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("counts")][QStringLiteral("ingest_problems")].toInt(), expected);
        QCOMPARE(json[QStringLiteral("stages")][QStringLiteral("ingest")][QStringLiteral("error")].toInt(), expected);
    };
    agree(1);
    QCOMPARE(repo.issues()->front().path, QStringLiteral("glioma/img0001.png"));

    // The download is repaired; the next ingest (no --force) reads it and its problem is gone.
    writeFile(broken, good);
    JobOutcome second = JobExecutor::execute(*project, stage, IngestStage::parameters(manifest), nullptr, &cancel, 1);
    QCOMPARE(second.state, JobState::Succeeded);
    QCOMPARE(second.errors(), qint64(0));
    QCOMPARE(second.items.succeeded, qint64(1));
    QCOMPARE(repo.counts()->samples, qint64(3));
    agree(0);
}

void TestIngest::oneVerdictPerFile()
{
    // An image without a mask is "kept without one" — unless it cannot be read at all, in which
    // case it was not kept: one verdict, the error.
    QTemporaryDir tmp;
    IngestFixture::buildManySmall(tmp.filePath(QStringLiteral("many")), 2);
    const QDir src(tmp.filePath(QStringLiteral("pairs")));
    const QDir glioma(tmp.filePath(QStringLiteral("many/sources/many/glioma")));
    writeFile(src.filePath(QStringLiteral("images/a.png")), readAll(glioma.filePath(QStringLiteral("img0000.png"))));
    writeFile(src.filePath(QStringLiteral("masks/a.png")), readAll(glioma.filePath(QStringLiteral("img0001.png"))));
    writeFile(src.filePath(QStringLiteral("images/b.png")), kHtmlPage);
    const QString manifest = tmp.filePath(QStringLiteral("manifest.json"));
    writeFile(manifest, QJsonDocument(QJsonObject{{QStringLiteral("sources"),
                                                   QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("P")},
                                                                          {QStringLiteral("layout"), QStringLiteral("image-mask-pairs")},
                                                                          {QStringLiteral("options"), QJsonObject{{QStringLiteral("tumour_type"), QStringLiteral("glioma")}}},
                                                                          {QStringLiteral("root"), src.absolutePath()}}}}})
                            .toJson());
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    IngestStage stage;
    std::atomic_bool cancel{false};
    JobOutcome outcome = JobExecutor::execute(*project, stage, IngestStage::parameters(manifest), nullptr, &cancel, 1);
    QCOMPARE(outcome.state, JobState::Succeeded);
    auto db = project->connect();
    std::vector<IngestIssueRecord> rows;
    const std::vector<IngestIssueRecord> all = *SampleRepository(**db).issues();
    for (const IngestIssueRecord &r : all)
        if (r.path.endsWith(QLatin1String("b.png")))
            rows.push_back(r);
    QCOMPARE(int(rows.size()), 1);
    QCOMPARE(rows.front().severity, QStringLiteral("error"));
    QCOMPARE(rows.front().kind, QStringLiteral("not-an-image"));
    QCOMPARE(outcome.errors(), qint64(1));
}

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
