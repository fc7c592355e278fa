// The one-shot operations shared by the CLI and the GUI (core/operations): every export and
// import kind by name, nothing selected writes no file and says what to run, the benchmark's own
// export read back changes nothing, predictions need a run name, and the split writes its
// leakage report where asked (checking a split made elsewhere needs no job).
#include "PipelineFixture.h"
#include "TestUtil.h"

#include "core/benchmark/BenchmarkRepository.h"
#include "core/operations/ExportService.h"
#include "core/operations/ImportService.h"
#include "core/operations/SplitService.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/jobs/JobExecutor.h"
#include "core/store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

class TestOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void kindsByName();
    void nothingSelectedWritesNoFile();
    void requestsAreCheckedBeforeAnythingIsRead();
    void benchmarkExportReadBackChangesNothing();
    void splitWritesItsReport();

private:
    QTemporaryDir m_tmp;
    Project m_project;
    std::unique_ptr<Database> m_db;
};

void TestOperations::initTestCase()
{
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    m_db = m_project.connect().take();
}

void TestOperations::kindsByName()
{
    const QStringList exports = ExportService::names();
    QCOMPARE(exports.size(), 12);
    for (const QString &name : exports) {
        const std::optional<ExportKind> kind = ExportService::fromName(name);
        QVERIFY2(kind, qPrintable(name));
        QCOMPARE(ExportService::name(*kind), name);
    }
    QVERIFY(!ExportService::fromName(QStringLiteral("benchmark")));
    for (const QString &name : ImportService::names()) {
        const std::optional<ImportKind> kind = ImportService::fromName(name);
        QVERIFY2(kind, qPrintable(name));
        QCOMPARE(ImportService::name(*kind), name);
    }
    QCOMPARE(ImportService::names().size(), 7);
}

void TestOperations::nothingSelectedWritesNoFile()
{
    // No benchmark yet, no review decision: nothing to export, and no empty file that looks
    // like a result.
    for (ExportKind kind : {ExportKind::BenchmarkClosed, ExportKind::Audited, ExportKind::Instructions}) {
        ExportRequest r;
        r.kind = kind;
        r.out = m_tmp.filePath(ExportService::name(kind) + QStringLiteral(".json"));
        Result<ExportResult> out = ExportService::run(*m_db, r);
        QVERIFY2(!out, qPrintable(ExportService::name(kind)));
        QCOMPARE(out.error().code, ErrorCode::NothingToDo);
        QVERIFY(!QFile::exists(r.out));
    }
    // What exists is written, with its count.
    ExportRequest gold;
    gold.kind = ExportKind::Gold;
    gold.out = m_tmp.filePath(QStringLiteral("gold.json"));
    Result<ExportResult> written = ExportService::run(*m_db, gold);
    QVERIFY2(written, qPrintable(written ? QString() : errorMessage(written.error())));
    QFile f(gold.out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(qint64(QJsonDocument::fromJson(f.readAll()).array().size()), written->records);
    QVERIFY(written->records > 0);
}

void TestOperations::requestsAreCheckedBeforeAnythingIsRead()
{
    ExportRequest badSplit;
    badSplit.kind = ExportKind::BenchmarkClosed;
    badSplit.out = m_tmp.filePath(QStringLiteral("x.json"));
    badSplit.split = QStringLiteral("validation");
    Result<ExportResult> e = ExportService::run(*m_db, badSplit);
    QVERIFY(!e);
    QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(e.error().subject, QStringLiteral("split"));

    ExportRequest noRun;
    noRun.kind = ExportKind::Predictions;
    noRun.out = m_tmp.filePath(QStringLiteral("p.jsonl"));
    e = ExportService::run(*m_db, noRun);
    QVERIFY(!e);
    QCOMPARE(e.error().subject, QStringLiteral("run"));

    ImportRequest noName;
    noName.kind = ImportKind::Predictions;
    noName.in = m_tmp.filePath(QStringLiteral("p.jsonl"));
    Result<ImportResult> i = ImportService::run(*m_db, noName);
    QVERIFY(!i);
    QCOMPARE(i.error().subject, QStringLiteral("name"));
}

void TestOperations::benchmarkExportReadBackChangesNothing()
{
    BenchmarkStage stage;
    std::atomic_bool cancel{false};
    QCOMPARE(JobExecutor::execute(m_project, stage, BenchmarkStage::parameters(0.2, 3), nullptr, &cancel, 2).state,
             JobState::Succeeded);
    const qint64 items = test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items")).toLongLong();
    ExportRequest out;
    out.kind = ExportKind::BenchmarkClosed;
    out.out = m_tmp.filePath(QStringLiteral("closed.json"));
    out.all = true;
    Result<ExportResult> written = ExportService::run(*m_db, out);
    QVERIFY2(written, qPrintable(written ? QString() : errorMessage(written.error())));
    QVERIFY(written->questions > written->records);

    ImportRequest back;
    back.kind = ImportKind::BenchmarkClosed;
    back.in = out.out;
    Result<ImportResult> read = ImportService::run(*m_db, back);
    QVERIFY2(read, qPrintable(read ? QString() : errorMessage(read.error())));
    QVERIFY(read->benchmark);
    QCOMPARE(qint64(read->benchmark->unchanged), written->questions);
    QCOMPARE(read->benchmark->added, 0);
    QVERIFY(read->storedAnything());
    QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items")).toLongLong(), items);
}

void TestOperations::splitWritesItsReport()
{
    SplitRequest make = SplitService::defaults();
    make.reportPath = m_tmp.filePath(QStringLiteral("reports/split.json"));
    Result<SplitResult> made = SplitService::run(m_project, *m_db, make);
    QVERIFY2(made, qPrintable(made ? QString() : errorMessage(made.error())));
    QCOMPARE(made->reportPath, make.reportPath);
    QFile f(make.reportPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject onDisk = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(onDisk, made->report);
    QVERIFY(!made->leaks());
    QVERIFY(test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM sample_splits WHERE split = 'test'")).toInt() > 0);

    // A split made elsewhere that puts every sample in the test split: checked, not stored.
    QJsonObject elsewhere;
    QSqlQuery q = m_db->query();
    QVERIFY(q.exec(QStringLiteral("SELECT sample_id FROM samples")));
    while (q.next())
        elsewhere.insert(q.value(0).toString(), QStringLiteral("test"));
    const QString file = m_tmp.filePath(QStringLiteral("elsewhere.json"));
    QFile w(file);
    QVERIFY(w.open(QIODevice::WriteOnly));
    w.write(QJsonDocument(elsewhere).toJson());
    w.close();
    SplitRequest check = SplitService::defaults();
    check.mode = SplitRequest::Mode::Check;
    check.splitFile = file;
    Result<SplitResult> checked = SplitService::run(m_project, *m_db, check);
    QVERIFY2(checked, qPrintable(checked ? QString() : errorMessage(checked.error())));
    QCOMPARE(checked->report.value(QStringLiteral("test")).toInt(), elsewhere.size());
    QCOMPARE(checked->reportPath, QDir(m_project.exportsDir()).filePath(QStringLiteral("split-report.json")));
    // The stored split is unchanged by a check.
    QVERIFY(test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM sample_splits WHERE split = 'train'")).toInt() > 0);

    // A split file without --check is refused, naming the field.
    SplitRequest wrong = SplitService::defaults();
    wrong.splitFile = file;
    Result<SplitResult> refused = SplitService::run(m_project, *m_db, wrong);
    QVERIFY(!refused);
    QCOMPARE(refused.error().subject, QStringLiteral("split_file"));
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
