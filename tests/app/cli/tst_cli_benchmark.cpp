// The benchmark commands as users run them: benchmark, lint, split, instructions, and the
// benchmark kinds of export/import — exit codes 0/1/2, errors naming file and field, and the
// whole flow on a pipeline project.
#include "PipelineFixture.h"
#include "TestUtil.h"

#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using namespace neuroonco::test;

class TestCliBenchmark : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpAndUsageErrors();
    void lintPublishedSample();
    void fullFlow();
    void importErrorsNameRecordAndField();

private:
    int cli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return runProgram(m_exe, args, out, err);
    }
    QString m_exe;
    QTemporaryDir m_tmp;
    QString m_project;
};

void TestCliBenchmark::initTestCase()
{
    m_exe = binaryDir() + QStringLiteral("/neuroonco");
    QVERIFY2(QFileInfo::exists(m_exe), qPrintable(m_exe));
    m_project = m_tmp.filePath(QStringLiteral("p"));
    buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_project);
}

void TestCliBenchmark::helpAndUsageErrors()
{
    QString out, err;
    for (const char *c : {"benchmark", "lint", "split", "instructions"}) {
        QCOMPARE(cli({QLatin1String(c), QStringLiteral("--help")}, &out), 0);
        QVERIFY2(out.startsWith(QStringLiteral("Usage: neuroonco ") + QLatin1String(c)), c);
    }
    QCOMPARE(cli({QStringLiteral("--help")}, &out), 0);
    for (const char *c : {"benchmark", "lint", "split", "instructions"})
        QVERIFY2(out.contains(QStringLiteral("  ") + QLatin1String(c)), c);
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--help")}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("benchmark-closed")) &&
            out.contains(QStringLiteral("instructions")));

    QCOMPARE(cli({QStringLiteral("lint")}, nullptr, &err), 2);
    QVERIFY(err.contains(QStringLiteral("missing argument FILE|PROJECT")));
    QCOMPARE(cli({QStringLiteral("benchmark"), m_project, QStringLiteral("--trap-share"),
                  QStringLiteral("2")},
                 nullptr, &err),
             2);
    QVERIFY(err.contains(QStringLiteral("--trap-share needs a number between 0 and 1")));
    QCOMPARE(
        cli({QStringLiteral("benchmark"), m_project, QStringLiteral("--seed"), QStringLiteral("x")},
            nullptr, &err),
        2);
    QCOMPARE(cli({QStringLiteral("split"), m_project, QStringLiteral("--test-share"),
                  QStringLiteral("abc")},
                 nullptr, &err),
             2);
    QCOMPARE(cli({QStringLiteral("split"), m_project, QStringLiteral("--split-file"),
                  QStringLiteral("x.json")},
                 nullptr, &err),
             2);
    QVERIFY(err.contains(QStringLiteral("--split-file needs --check")));
    QCOMPARE(cli({QStringLiteral("instructions"), m_project, QStringLiteral("--per-sample"),
                  QStringLiteral("0")},
                 nullptr, &err),
             2);
    QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed")},
                 nullptr, &err),
             2);
    QVERIFY(err.contains(QStringLiteral("--out FILE is required")));
    QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed"), QStringLiteral("--out"),
                  m_tmp.filePath(QStringLiteral("x.json")), QStringLiteral("--split"),
                  QStringLiteral("dev")},
                 nullptr, &err),
             2);
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed")},
                 nullptr, &err),
             2);
    QVERIFY(err.contains(QStringLiteral("--in FILE is required")));
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-bogus"), QStringLiteral("--in"), QStringLiteral("f")},
                 nullptr, &err),
             2);
    // Failures (exit 1): a missing file or project.
    QCOMPARE(
        cli({QStringLiteral("lint"), m_tmp.filePath(QStringLiteral("nope.json"))}, nullptr, &err),
        1);
    QVERIFY2(err.contains(QStringLiteral("nope.json")), qPrintable(err));
    QCOMPARE(
        cli({QStringLiteral("benchmark"), m_tmp.filePath(QStringLiteral("none"))}, nullptr, &err),
        1);
}

void TestCliBenchmark::lintPublishedSample()
{
    const QString sample =
        QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_closed_sample.json");
    QString out, err;
    QCOMPARE(cli({QStringLiteral("lint"), sample}, &out, &err), 1);
    QVERIFY(out.contains(QStringLiteral("27 records, 82 questions — 11 errors")));
    QVERIFY(out.contains(QStringLiteral("trap_answer_present")));
    QVERIFY(out.contains(QStringLiteral("record 22 q1 diagnosis")));
    QVERIFY(out.contains(QStringLiteral(
        "'Dural Metastasis' (1×), 'Dural metastasis' (1×), 'dural_metastasis' (1×)")));
    QVERIFY(out.contains(
        QStringLiteral("Answer letters, non-trap multiple choice (A–D): A 11, B 16, C 17, D 18")));
    QCOMPARE(cli({QStringLiteral("lint"), sample, QStringLiteral("--json")}, &out, &err), 1);
    const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 11);
    QCOMPARE(report[QStringLiteral("by_kind")][QStringLiteral("option_related_to_answer")].toInt(),
             10);
    QCOMPARE(report.value(QStringLiteral("findings")).toArray().size(), 28);
    // The open sample: its empty keyword lists.
    QCOMPARE(cli({QStringLiteral("lint"),
                  QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_open_sample.json"),
                  QStringLiteral("--json")},
                 &out),
             1);
    QCOMPARE(QJsonDocument::fromJson(
                 out.toUtf8())[QStringLiteral("by_kind")][QStringLiteral("empty_keywords")]
                 .toInt(),
             8);
}

void TestCliBenchmark::fullFlow()
{
    QString out, err;
    QCOMPARE(cli({QStringLiteral("benchmark"), m_project, QStringLiteral("-q")}, &out, &err), 0);
    QCOMPARE(cli({QStringLiteral("benchmark"), m_project, QStringLiteral("--json")}, &out, &err),
             0);
    const QJsonObject job = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(job[QStringLiteral("summary")][QStringLiteral("closed_written")].toInt(),
             0); // resumed: all done
    QVERIFY(job[QStringLiteral("summary")][QStringLiteral("closed_questions")].toInt() > 20);
    QCOMPARE(cli({QStringLiteral("benchmark"), m_project, QStringLiteral("--threads"),
                  QStringLiteral("1")},
                 &out, &err),
             0);
    QVERIFY(out.contains(QStringLiteral("Traps per type: ")));
    QVERIFY(out.contains(QStringLiteral("Answer letters (multiple choice, non-traps, A–D): ")));
    QVERIFY(out.contains(QStringLiteral("Answer letters (binary, A–B): ")));

    // The project's items lint clean.
    QCOMPARE(cli({QStringLiteral("lint"), m_project}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("— 0 errors, 0 warnings")), qPrintable(out));

    // Split with a report, then a check of it.
    const QString report = m_tmp.filePath(QStringLiteral("split-report.json"));
    QCOMPARE(cli({QStringLiteral("split"), m_project, QStringLiteral("--test-share"),
                  QStringLiteral("0.3"), QStringLiteral("--report"), report},
                 &out, &err),
             0);
    QVERIFY(out.contains(QStringLiteral("No leakage")));
    QFile rf(report);
    QVERIFY(rf.open(QIODevice::ReadOnly));
    const QJsonObject leakage = QJsonDocument::fromJson(rf.readAll()).object();
    QVERIFY(leakage.value(QStringLiteral("ok")).toBool());
    QVERIFY(leakage.value(QStringLiteral("test")).toInt() > 0);
    QCOMPARE(cli({QStringLiteral("split"), m_project, QStringLiteral("--check"),
                  QStringLiteral("--json")},
                 &out, &err),
             0);
    QVERIFY(QJsonDocument::fromJson(out.toUtf8())[QStringLiteral("ok")].toBool());

    // Instructions and their export.
    QCOMPARE(cli({QStringLiteral("instructions"), m_project}, &out, &err), 0);
    QVERIFY(out.contains(QStringLiteral("instructions for")));
    QVERIFY(out.contains(QStringLiteral("Variants: closed ")));
    const QString jsonl = m_tmp.filePath(QStringLiteral("out/instructions.jsonl"));
    QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--what"),
                  QStringLiteral("instructions"), QStringLiteral("--out"), jsonl},
                 &out, &err),
             0);
    QFile jf(jsonl);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!jf.atEnd()) {
        QVERIFY(QJsonDocument::fromJson(jf.readLine()).isObject());
        ++lines;
    }
    QVERIFY(lines > 0);
    QVERIFY(out.contains(QStringLiteral("Wrote %1 instruction lines").arg(lines)));

    // Benchmarks: approved only by default — none yet, which is nothing to export: exit 1, no
    // file that looks like a result, and a sentence saying how to proceed. --all for the rest;
    // the exported file lints clean against the project's slices.
    const QString closed = m_tmp.filePath(QStringLiteral("out/closed.json"));
    QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed"), QStringLiteral("--out"), closed},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("no closed item is approved")) && err.contains(QStringLiteral("--all")),
             qPrintable(err));
    QVERIFY(!QFileInfo::exists(closed));
    QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed"), QStringLiteral("--out"), closed,
                  QStringLiteral("--all")},
                 &out, &err),
             0);
    QVERIFY(!out.contains(QStringLiteral("Wrote 0 ")));
    QCOMPARE(cli({QStringLiteral("lint"), closed, QStringLiteral("--images"),
                  QDir(m_project).filePath(QStringLiteral("slices"))},
                 &out, &err),
             0);
    const QString test = m_tmp.filePath(QStringLiteral("out/test.json"));
    QCOMPARE(cli({QStringLiteral("export"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-open"), QStringLiteral("--out"), test,
                  QStringLiteral("--all"), QStringLiteral("--split"), QStringLiteral("test")},
                 &out, &err),
             0);
    QFile tf(test);
    QVERIFY(tf.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(tf.readAll()).isArray());

    // Our own export read back is the project's own items: matched by record, image and type,
    // nothing added; a second import changes nothing either (counts before and after equal).
    Result<Project> project = Project::open(m_project);
    QVERIFY(project);
    auto db = project->connect();
    QVERIFY(db);
    auto count = [&](const char *sql) { return test::scalar(**db, QLatin1String(sql)).toInt(); };
    const int items = count("SELECT COUNT(*) FROM benchmark_items");
    int questions = 0;
    QFile cf(closed);
    QVERIFY(cf.open(QIODevice::ReadOnly));
    const QJsonArray closedRecords = QJsonDocument::fromJson(cf.readAll()).array();
    for (const QJsonValue &r : closedRecords)
        questions += int(r[QStringLiteral("vqa_pairs")].toArray().size());
    for (int round = 0; round < 2; ++round) {
        QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"),
                      QStringLiteral("benchmark-closed"), QStringLiteral("--in"), closed},
                     &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("Read %1 questions from %2 records: 0 added as pending items, 0 updated, "
                                             "%1 already in the project (unchanged), 0 refused")
                                  .arg(questions)
                                  .arg(closedRecords.size())),
                 qPrintable(out));
        QCOMPARE(count("SELECT COUNT(*) FROM benchmark_items"), items);
        QCOMPARE(count("SELECT COUNT(*) FROM benchmark_items WHERE origin = 'imported'"), 0);
    }
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed"), QStringLiteral("--in"), closed, QStringLiteral("--json")},
                 &out, &err),
             0);
    const QJsonObject account = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(account.value(QStringLiteral("unchanged")).toInt(), questions);
    QCOMPARE(account.value(QStringLiteral("added")).toInt(), 0);

    // Predictions naming unknown ids and repeating a line: every line is accounted for, the
    // refused ones by line number, and what was stored is what the run holds.
    const QJsonObject firstRecord = closedRecords.at(0).toObject();
    const QJsonObject firstPair = firstRecord.value(QStringLiteral("vqa_pairs")).toArray().at(0).toObject();
    auto line = [&](const QJsonValue &id, int qIndex, const QString &type, const QString &image) {
        return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("q_index"), qIndex},
                                         {QStringLiteral("type"), type},
                                         {QStringLiteral("is_mcq"), true},
                                         {QStringLiteral("is_trap"), false},
                                         {QStringLiteral("gt"), QStringLiteral("A")},
                                         {QStringLiteral("pred"), QStringLiteral("A")},
                                         {QStringLiteral("correct"), true},
                                         {QStringLiteral("image_path"), image}})
                   .toJson(QJsonDocument::Compact)
               + '\n';
    };
    const QJsonValue id = firstRecord.value(QStringLiteral("id"));
    const QString type = firstPair.value(QStringLiteral("question_type")).toString();
    const QString image = firstRecord.value(QStringLiteral("image_path")).toString();
    const QString predictions = m_tmp.filePath(QStringLiteral("preds.jsonl"));
    QFile pf(predictions);
    QVERIFY(pf.open(QIODevice::WriteOnly));
    pf.write(line(id, 1, type, image));                                          // 1: matched
    pf.write(line(id, 1, type, image));                                          // 2: repeats line 1
    pf.write(line(987654321, 1, QStringLiteral("size"), QStringLiteral("x.png"))); // 3: unknown id
    pf.write(line(987654321, 1, QStringLiteral("size"), QStringLiteral("x.png"))); // 4: repeats line 3
    pf.write(line(987654321, 2, QStringLiteral("shape"), QStringLiteral("x.png"))); // 5: unknown id
    pf.close();
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"), QStringLiteral("predictions"),
                  QStringLiteral("--in"), predictions, QStringLiteral("--name"), QStringLiteral("mixed")},
                 &out, &err),
             0);
    QVERIFY2(out.contains(QStringLiteral("Read 5 lines: 3 stored as run 'mixed' (1 matched to benchmark items, 2 kept "
                                         "as external questions), 2 refused")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("line 2 (id %1, q_index 1): refused (duplicate-line): repeats id %1, q_index 1 "
                                         "of line 1").arg(id.toInteger())),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("line 4 (id 987654321, q_index 1): refused (duplicate-line)")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("line 3 (id 987654321, q_index 1): external (unknown-id)")), qPrintable(out));
    QCOMPARE(count("SELECT COUNT(*) FROM eval_answers a JOIN eval_runs r ON r.id = a.run WHERE r.name = 'mixed'"), 3);
    QCOMPARE(count("SELECT COUNT(*) FROM eval_answers a JOIN eval_runs r ON r.id = a.run WHERE r.name = 'mixed' "
                   "AND a.item IS NOT NULL"),
             1);
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"), QStringLiteral("predictions"),
                  QStringLiteral("--in"), predictions, QStringLiteral("--name"), QStringLiteral("mixed-json"),
                  QStringLiteral("--json")},
                 &out, &err),
             0);
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("lines")).toInt(), 5);
    QCOMPARE(o.value(QStringLiteral("stored")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("refused")).toInt(), 2);
    QList<int> refusedLines;
    for (const QJsonValue &n : o.value(QStringLiteral("notes")).toArray())
        if (n[QStringLiteral("outcome")].toString() == QLatin1String("refused"))
            refusedLines << n[QStringLiteral("line")].toInt();
    QCOMPARE(refusedLines, (QList<int>{2, 4}));
    QCOMPARE(count("SELECT COUNT(*) FROM eval_answers a JOIN eval_runs r ON r.id = a.run WHERE r.name = 'mixed-json'"),
             o.value(QStringLiteral("stored")).toInt());
}

void TestCliBenchmark::importErrorsNameRecordAndField()
{
    const QString bad = m_tmp.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"([{"id": 4, "image_path": "a.png", "vqa_pairs": [{"question_type": "size", "question": "Size?",
               "options": {"A": "Small", "B": "Large", "C": "Medium", "D": "No lesion", "E": "None of the above"}, "answer": "G"}]}])");
    f.close();
    QString out, err;
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-closed"), QStringLiteral("--in"), bad},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("bad.json: record 1 (id 4), vqa_pairs[0].answer: 'G' is "
                                         "not one of the option letters")),
             qPrintable(err));
    QCOMPARE(cli({QStringLiteral("import"), m_project, QStringLiteral("--what"),
                  QStringLiteral("benchmark-open"), QStringLiteral("--in"), bad},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("import it as benchmark-closed")), qPrintable(err));
    QCOMPARE(cli({QStringLiteral("lint"), bad}, &out, &err), 1);
    QVERIFY(out.contains(QStringLiteral("malformed")));
}

QTEST_GUILESS_MAIN(TestCliBenchmark)
#include "tst_cli_benchmark.moc"
