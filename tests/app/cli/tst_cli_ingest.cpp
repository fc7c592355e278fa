// `neuroonco ingest` on sources holding hostile files, as users run it: one bad file costs one
// file. A YOLO line with `nan` used to crash ingest (and every rerun), a 68-byte PNG declaring
// 65535×65535 cost 4 GB; now each is its item's recorded problem, the job succeeds with those
// errors, and a rerun finishes too. An allocation that fails inside one item (read caps turned
// off, address space limited) is that item's problem, not the job's.
#include "HostileFiles.h"
#include "IngestFixture.h"
#include "TestUtil.h"

#include "core/imaging/ImageIO.h"
#include "core/project/Project.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using namespace neuroonco::test;

namespace {

const char *const kPolygon = "0.3 0.3 0.6 0.3 0.6 0.6 0.3 0.6";

// A class-folders source of `good` images and a YOLO source of `good` labelled images.
QJsonArray goodSources(const QDir &data, int good, const QJsonObject &capOptions = {})
{
    QDir().mkpath(data.filePath(QStringLiteral("classes/glioma")));
    QDir().mkpath(data.filePath(QStringLiteral("yolo/images")));
    for (int i = 0; i < good; ++i) {
        test::require(imageio::writePng(data.filePath(QStringLiteral("classes/glioma/g%1.png").arg(i)), IngestFixture::phantom(64, 64, 10 + i)));
        test::require(imageio::writePng(data.filePath(QStringLiteral("yolo/images/y%1.png").arg(i)), IngestFixture::phantom(64, 64, 40 + i)));
        HostileFiles::write(data.filePath(QStringLiteral("yolo/labels/y%1.txt").arg(i)), QByteArray("0 ") + kPolygon + '\n');
    }
    QJsonObject classOptions = capOptions;
    QJsonObject yoloOptions = capOptions;
    yoloOptions.insert(QStringLiteral("class_names"), QJsonArray{QStringLiteral("glioma")});
    return {QJsonObject{{QStringLiteral("code"), QStringLiteral("C")}, {QStringLiteral("layout"), QStringLiteral("class-folders")},
                        {QStringLiteral("root"), QStringLiteral("classes")}, {QStringLiteral("options"), classOptions}},
            QJsonObject{{QStringLiteral("code"), QStringLiteral("Y")}, {QStringLiteral("layout"), QStringLiteral("yolo-seg")},
                        {QStringLiteral("root"), QStringLiteral("yolo")}, {QStringLiteral("options"), yoloOptions}}};
}

QString writeManifest(const QDir &data, const QJsonArray &sources)
{
    const QString path = data.filePath(QStringLiteral("manifest.json"));
    HostileFiles::write(path, QJsonDocument(QJsonObject{{QStringLiteral("sources"), sources}}).toJson());
    return path;
}

struct Stored
{
    int samples = 0;
    QStringList errorKinds; // sorted
    QStringList errorPaths; // sorted
};

Stored stored(const QString &projectDir)
{
    Stored out;
    Result<Project> project = Project::open(projectDir);
    if (!project)
        return out;
    auto db = project->connect();
    SampleRepository repo(**db);
    out.samples = int(repo.all()->size());
    const std::vector<IngestIssueRecord> issues = *repo.issues();
    for (const IngestIssueRecord &i : issues)
        if (i.severity == QLatin1String("error")) {
            out.errorKinds << i.kind;
            out.errorPaths << i.sourceCode + QLatin1Char('/') + i.path;
        }
    out.errorKinds.sort();
    out.errorPaths.sort();
    return out;
}

} // namespace

class TestCliIngest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneBadFileCostsOneFile();
    void failedAllocationCostsOneItem();

private:
    int cli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return runProgram(m_exe, args, out, err);
    }
    QString m_exe;
    QTemporaryDir m_tmp;
};

void TestCliIngest::initTestCase()
{
    m_exe = binaryDir() + QStringLiteral("/neuroonco");
    QVERIFY2(QFileInfo::exists(m_exe), qPrintable(m_exe));
}

void TestCliIngest::oneBadFileCostsOneFile()
{
    const QDir data(m_tmp.filePath(QStringLiteral("demo")));
    const QJsonArray sources = goodSources(data, 4);
    // The two hostile files among the good ones.
    HostileFiles::write(data.filePath(QStringLiteral("classes/glioma/huge.png")), HostileFiles::pngHeader(65535, 65535));
    test::require(imageio::writePng(data.filePath(QStringLiteral("yolo/images/bad.png")), IngestFixture::phantom(64, 64, 99)));
    HostileFiles::write(data.filePath(QStringLiteral("yolo/labels/bad.txt")),
                        QByteArray("0 ") + kPolygon + "\n0 nan 0.5 0.6 0.5 0.6 0.6\n");
    const QString manifest = writeManifest(data, sources);
    const QString project = m_tmp.filePath(QStringLiteral("p"));
    QCOMPARE(cli({QStringLiteral("init"), project}), 0);

    QString out, err;
    QCOMPARE(cli({QStringLiteral("ingest"), project, QStringLiteral("--manifest"), manifest}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("ingest: job 1 succeeded with 2 errors.")), qPrintable(out + err));
    QVERIFY2(err.contains(QStringLiteral("huge.png declares 65535×65535 pixels")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("label line 2 has the coordinate 'nan', not a finite number")), qPrintable(err));
    Stored first = stored(project);
    QCOMPARE(first.samples, 8); // every other file
    QCOMPARE(first.errorKinds, (QStringList{QStringLiteral("non-finite-coordinate"), QStringLiteral("too-large")}));
    QCOMPARE(first.errorPaths, (QStringList{QStringLiteral("C/glioma/huge.png"), QStringLiteral("Y/images/bad.png")}));

    // A rerun reads the two failed items again and finishes the same way: no crash loop.
    QCOMPARE(cli({QStringLiteral("ingest"), project, QStringLiteral("--manifest"), manifest, QStringLiteral("--json")}, &out,
                 &err),
             0);
    const QJsonObject again = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(again.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
    const Stored second = stored(project);
    QCOMPARE(second.samples, first.samples);
    QCOMPARE(second.errorPaths, first.errorPaths);
}

void TestCliIngest::failedAllocationCostsOneItem()
{
    // With the caps turned off, a PNG declaring 65535×65535 RGBA asks for 17 GB; in an address
    // space of 3 GB that allocation fails (std::bad_alloc). It is the item's problem.
    const QDir data(m_tmp.filePath(QStringLiteral("nocaps")));
    const QJsonObject noCaps{{QStringLiteral("max_image_pixels"), 0}, {QStringLiteral("max_file_bytes"), 0}};
    const QJsonArray sources = goodSources(data, 3, noCaps);
    HostileFiles::write(data.filePath(QStringLiteral("classes/glioma/huge.png")), HostileFiles::pngHeader(65535, 65535, 6));
    const QString manifest = writeManifest(data, sources);
    const QString project = m_tmp.filePath(QStringLiteral("nocaps-p"));
    QCOMPARE(cli({QStringLiteral("init"), project}), 0);
    QString out, err;
    const int code = runProgram(QStringLiteral("/bin/sh"),
                                {QStringLiteral("-c"), QStringLiteral("ulimit -v 3000000 && exec \"$0\" \"$@\""), m_exe,
                                 QStringLiteral("ingest"), project, QStringLiteral("--manifest"), manifest},
                                &out, &err);
    QCOMPARE(code, 0);
    QVERIFY2(out.contains(QStringLiteral("ingest: job 1 succeeded with 1 error.")), qPrintable(out + err));
    const Stored s = stored(project);
    QCOMPARE(s.samples, 6);
    QCOMPARE(s.errorKinds, QStringList{QStringLiteral("out-of-memory")});
    QCOMPARE(s.errorPaths, QStringList{QStringLiteral("C/glioma/huge.png")});
}

QTEST_GUILESS_MAIN(TestCliIngest)
#include "tst_cli_ingest.moc"
