// The benchmark engine on a real project (the pipeline fixture through ingest … qc): the stage
// and its resume after cancel, stale detection when a reviewer changes an attribute, curation
// with its append-only history, export/import in the published format, the split and the
// instruction stage with the leakage report.
#include "core/benchmark/BenchmarkCuration.h"
#include "core/benchmark/BenchmarkExchange.h"
#include "core/benchmark/BenchmarkLint.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/InstructionRepository.h"
#include "core/benchmark/LeakageReport.h"
#include "core/benchmark/SplitPlanner.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRepository.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/InstructionStage.h"
#include "core/pipeline/ProjectStatus.h"
#include "core/pipeline/SplitStage.h"
#include "core/review/AuditRepository.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"
#include "PipelineFixture.h"
#include "TestUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {

QMap<QString, QString> snapshot(Database &db)
{
    QMap<QString, QString> out;
    const std::vector<BenchmarkItem> items = *BenchmarkRepository(db).items();
    for (const BenchmarkItem &i : items)
        out.insert(i.itemKey,
                   QString::fromUtf8(QJsonDocument(i.payload).toJson(QJsonDocument::Compact)));
    return out;
}

JobOutcome runStage(const Project &project, Stage &stage, const QJsonObject &params,
                    bool cancel = false, int threads = 2)
{
    std::atomic_bool flag{cancel};
    return JobExecutor::execute(project, stage, params, nullptr, &flag, threads);
}

const BenchmarkItem *findItem(const std::vector<BenchmarkItem> &items, const QString &type,
                              bool trap = false)
{
    for (const BenchmarkItem &i : items)
        if (i.kind == ItemKind::Closed && i.questionType == type && i.trap == trap && i.sample > 0)
            return &i;
    return nullptr;
}

} // namespace

class TestBenchmarkProject : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stageBuildsItemsFromGold();
    void resumeAfterCancel();
    void staleDetectionAndCuration();
    void exportAndImport();
    void splitAndInstructions();
    void splitWaitsForReadersOfTheSplit();

private:
    QTemporaryDir m_tmp;
    Project m_project;
    std::unique_ptr<Database> m_db;
};

void TestBenchmarkProject::initTestCase()
{
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")),
                                           m_tmp.filePath(QStringLiteral("p")));
    m_db = m_project.connect().take();
}

void TestBenchmarkProject::stageBuildsItemsFromGold()
{
    BenchmarkStage stage;
    const JobOutcome o = runStage(m_project, stage, BenchmarkStage::parameters(0.2, 1));
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    const int closed = o.summary.value(QStringLiteral("closed_written")).toInt();
    const int open = o.summary.value(QStringLiteral("open_written")).toInt();
    QVERIFY(closed > 20);
    QVERIFY(open > 5);
    const std::vector<BenchmarkItem> items = *BenchmarkRepository(*m_db).items();
    QCOMPARE(int(items.size()), closed + open);

    // One diagnosis question per kept sample; duplicates get none.
    const std::vector<GoldRecord> golds = *GoldAttributes::load(*m_db);
    QHash<qint64, const GoldRecord *> goldOf;
    int kept = 0;
    for (const GoldRecord &g : golds) {
        goldOf.insert(g.sample, &g);
        kept += g.duplicate ? 0 : 1;
    }
    QCOMPARE(o.summary.value(QStringLiteral("samples")).toInt(), kept);
    int diagnoses = 0;
    for (const BenchmarkItem &i : items) {
        QVERIFY(i.sample > 0);
        const GoldRecord *g = goldOf.value(i.sample);
        QVERIFY(g && !g->duplicate);
        QCOMPARE(i.imagePath, g->imagePath);
        QCOMPARE(i.status, ItemStatus::Pending);
        QCOMPARE(i.origin, ItemOrigin::Generated);
        // Lineage matches the gold values the item was built from.
        QVERIFY(GoldAttributes::changedKeys(i.lineage, *g).isEmpty());
        if (i.kind != ItemKind::Closed)
            continue;
        const ClosedQuestion q = i.closed();
        if (i.questionType == QLatin1String("diagnosis"))
            ++diagnoses;
        // The correct option is the gold value's label (mask rule for mask attributes).
        if (i.questionType == QLatin1String("size"))
            QCOMPARE(q.correctText(), g->value(QStringLiteral("size")));
        if (i.questionType == QLatin1String("location"))
            QCOMPARE(q.correctText(), g->value(QStringLiteral("location")));
        QCOMPARE(i.trap, q.trap);
        QCOMPARE(i.answer, q.answer);
    }
    QCOMPARE(diagnoses, kept);

    // The project lints clean (images exist below slices/).
    Result<LintReport> lint = BenchmarkLint::lintProject(*m_db, m_project.slicesDir(), {});
    QVERIFY(lint);
    QStringList problems;
    for (const LintFinding &f : lint->findings)
        problems << f.kind + QStringLiteral(": ") + f.message;
    QVERIFY2(!lint->hasProblems(), qPrintable(problems.join(QLatin1Char('\n'))));

    // One definition of the answer balance: the stage's plan, the statistics of the stored
    // items and lint give the same trap shares and letter counts.
    Result<QJsonObject> stats = BenchmarkExchange::statistics(*m_db);
    QVERIFY(stats);
    QCOMPARE(o.summary.value(QStringLiteral("traps")).toObject(), stats->value(QStringLiteral("traps")).toObject());
    QCOMPARE(o.summary.value(QStringLiteral("letters")).toObject(),
             stats->value(QStringLiteral("letters_multiple_choice")).toObject());
    QCOMPARE(o.summary.value(QStringLiteral("letters_binary")).toObject(),
             stats->value(QStringLiteral("letters_binary")).toObject());
    QCOMPARE(lint->letters.value(QStringLiteral("multiple_choice")).toJson(),
             stats->value(QStringLiteral("letters_multiple_choice")).toObject());
    QCOMPARE(lint->letters.value(QStringLiteral("binary")).toJson(), stats->value(QStringLiteral("letters_binary")).toObject());
    QCOMPARE(lint->letters.value(QStringLiteral("all_options")).toJson(),
             stats->value(QStringLiteral("letters_all_options")).toObject());
    int lintTraps = 0, statTraps = 0;
    for (auto it = lint->traps.begin(); it != lint->traps.end(); ++it)
        lintTraps += it->first;
    const QJsonObject trapStats = stats->value(QStringLiteral("traps")).toObject();
    for (auto it = trapStats.begin(); it != trapStats.end(); ++it)
        statTraps += it.value()[QStringLiteral("traps")].toInt();
    QCOMPARE(lintTraps, statTraps);
    QVERIFY(statTraps > 0);

    // A rerun writes nothing; the same seed with --force rebuilds identical items.
    const QMap<QString, QString> before = snapshot(*m_db);
    const JobOutcome again = runStage(m_project, stage, BenchmarkStage::parameters(0.2, 1));
    QCOMPARE(again.summary.value(QStringLiteral("closed_written")).toInt(), 0);
    QCOMPARE(again.summary.value(QStringLiteral("open_written")).toInt(), 0);
    const JobOutcome forced = runStage(m_project, stage, BenchmarkStage::parameters(0.2, 1, true));
    QCOMPARE(forced.state, JobState::Succeeded);
    QCOMPARE(forced.summary.value(QStringLiteral("closed_written")).toInt(), 0);
    QCOMPARE(snapshot(*m_db), before);
}

void TestBenchmarkProject::resumeAfterCancel()
{
    const QMap<QString, QString> reference = snapshot(*m_db);
    QVERIFY(!reference.isEmpty());
    auto wipe = [&] {
        QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM benchmark_items")));
        QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM checkpoints WHERE scope = 'benchmark'")));
    };
    wipe();
    BenchmarkStage stage;
    QJsonObject params = BenchmarkStage::parameters(0.2, 1);
    params.insert(QStringLiteral("batch"), 3);
    // Canceled from the start: the first batch (three samples) is stored with its checkpoints,
    // then the job stops.
    const JobOutcome canceled = runStage(m_project, stage, params, true);
    QCOMPARE(canceled.state, JobState::Canceled);
    QCOMPARE(
        test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM checkpoints WHERE scope = 'benchmark'"))
            .toInt(),
        3);
    const int partial =
        test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items")).toInt();
    QVERIFY(partial > 0 && partial < reference.size());
    QCOMPARE(
        test::scalar(*m_db, QStringLiteral("SELECT COUNT(DISTINCT sample) FROM benchmark_items")).toInt(),
        3);

    // The rerun does the rest, nothing twice, and ends where an uninterrupted run ends.
    const JobOutcome resumed = runStage(m_project, stage, params);
    QCOMPARE(resumed.state, JobState::Succeeded);
    QCOMPARE(resumed.summary.value(QStringLiteral("closed_written")).toInt() +
                 resumed.summary.value(QStringLiteral("open_written")).toInt(),
             reference.size() - partial);
    QCOMPARE(snapshot(*m_db), reference);
}

void TestBenchmarkProject::staleDetectionAndCuration()
{
    BenchmarkRepository repo(*m_db);
    BenchmarkCuration curation(*m_db, m_project.slicesDir());
    std::vector<BenchmarkItem> items = *repo.items();
    const BenchmarkItem *size = findItem(items, QStringLiteral("size"));
    QVERIFY(size);
    const qint64 sizeId = size->id;
    const qint64 sample = size->sample;
    const QString was = size->closed().correctText();
    const QString now = was == QLatin1String("Large/Extensive") ? QStringLiteral("Small/Focal")
                                                                : QStringLiteral("Large/Extensive");

    // A reviewer corrects the mask size of that sample.
    AuditDecision d;
    d.sample = sample;
    d.field = QStringLiteral("mask_size");
    d.action = AuditAction::Correct;
    d.value = now;
    d.silver = was;
    d.reviewer = QStringLiteral("ann");
    QVERIFY(AuditRepository(*m_db).append(d).ok());

    Result<int> flagged = curation.detectStale();
    QVERIFY(flagged);
    QVERIFY(*flagged >= 1); // the size question, and open items citing the size
    QCOMPARE(repo.item(sizeId)->status, ItemStatus::Stale);
    const std::vector<BenchmarkReview> history = *curation.history(sizeId);
    QCOMPARE(history.size(), size_t(1));
    QCOMPARE(history[0].action, QStringLiteral("stale"));
    QCOMPARE(history[0].reviewer, QStringLiteral("system"));
    QCOMPARE(history[0].after.value(QStringLiteral("changed")).toArray(),
             QJsonArray{QStringLiteral("size")});
    QCOMPARE(history[0].after[QStringLiteral("current")][QStringLiteral("size")].toString(), now);
    // Items of other samples stay as they were.
    const std::vector<BenchmarkItem> afterFlag = *repo.items();
    for (const BenchmarkItem &i : afterFlag)
        if (i.sample != sample)
            QCOMPARE(i.status, ItemStatus::Pending);
    QCOMPARE(*curation.detectStale(), 0); // flagged once

    // Lint and the curation rows show it: stale, and the answer contradicts the gold label.
    Result<std::vector<CurationRow>> rows = curation.rows();
    QVERIFY(rows);
    QStringList kinds;
    for (const CurationRow &r : *rows)
        if (r.item.id == sizeId)
            for (const LintFinding &f : r.findings)
                kinds << f.kind;
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("gold_contradiction"), QStringLiteral("stale")}));
    Result<std::vector<CurationRow>> flaggedRows = curation.rows({}, true);
    QVERIFY(!flaggedRows->empty() && flaggedRows->size() < rows->size());

    // Regenerate: rebuilt from the corrected value, same letter slot, back to pending.
    const QString letter = repo.item(sizeId)->answer;
    Result<BenchmarkItem> regenerated = curation.regenerate(sizeId, QStringLiteral("bob"));
    QVERIFY2(regenerated, qPrintable(errorMessage(regenerated.error())));
    QCOMPARE(regenerated->status, ItemStatus::Pending);
    QCOMPARE(regenerated->closed().correctText(), now);
    QCOMPARE(regenerated->answer, letter);
    QCOMPARE(regenerated->version, 2);
    QCOMPARE(*curation.detectStale(), 0);

    // Approve with a stale version number is refused; with the right one it passes.
    QVERIFY(!curation.approve(sizeId, QStringLiteral("bob"), {}, 1));
    Result<BenchmarkItem> approved =
        curation.approve(sizeId, QStringLiteral("bob"), QStringLiteral("checked"), 2);
    QVERIFY(approved);
    QCOMPARE(approved->status, ItemStatus::Approved);
    QVERIFY(!curation.approve(sizeId, QString())); // a reviewer is required

    // Edit: invalid payloads are refused with the field named; a valid one bumps the version.
    QJsonObject payload = approved->payload;
    payload.insert(QStringLiteral("answer"), QStringLiteral("Q"));
    Result<BenchmarkItem> refused = curation.edit(sizeId, QStringLiteral("bob"), payload);
    QVERIFY(!refused);
    QCOMPARE(refused.error().subject, QStringLiteral("payload.answer"));
    payload = approved->payload;
    payload.insert(QStringLiteral("question"),
                   QStringLiteral("Which size category fits the lesion best?"));
    Result<BenchmarkItem> edited =
        curation.edit(sizeId, QStringLiteral("bob"), payload, QStringLiteral("clearer wording"));
    QVERIFY(edited);
    QCOMPARE(edited->origin, ItemOrigin::Edited);
    QCOMPARE(edited->status, ItemStatus::Pending);
    QCOMPARE(edited->version, 3);
    QCOMPARE(edited->closed().question,
             QStringLiteral("Which size category fits the lesion best?"));
    const std::vector<BenchmarkReview> trail = *curation.history(sizeId);
    QStringList actions;
    for (const BenchmarkReview &r : trail)
        actions << r.action;
    QCOMPARE(actions, (QStringList{QStringLiteral("stale"), QStringLiteral("regenerate"),
                                   QStringLiteral("approve"), QStringLiteral("edit")}));
    QCOMPARE(trail.back().before[QStringLiteral("payload")][QStringLiteral("question")].toString(),
             approved->closed().question);
    QCOMPARE(trail.back().after[QStringLiteral("payload")][QStringLiteral("question")].toString(),
             edited->closed().question);
    QCOMPARE(trail.back().note, QStringLiteral("clearer wording"));
    QVERIFY(curation.approve(sizeId, QStringLiteral("bob")).ok());

    // The history is append-only.
    QVERIFY(
        m_db->exec(QStringLiteral("UPDATE benchmark_reviews SET reviewer = 'mallory'")).isError());
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM benchmark_reviews")).isError());
    QCOMPARE(curation.history(sizeId)->size(), size_t(5));

    // Reject another item; a later --force run leaves curated items alone.
    const std::vector<BenchmarkItem> current = *repo.items();
    const BenchmarkItem *modality = findItem(current, QStringLiteral("modality"));
    QVERIFY(modality);
    const qint64 modalityId = modality->id;
    QVERIFY(
        curation.reject(modalityId, QStringLiteral("bob"), QStringLiteral("ambiguous slice")).ok());
    BenchmarkStage stage;
    QCOMPARE(runStage(m_project, stage, BenchmarkStage::parameters(0.2, 1, true)).state,
             JobState::Succeeded);
    QCOMPARE(repo.item(modalityId)->status, ItemStatus::Rejected);
    QCOMPARE(repo.item(sizeId)->status, ItemStatus::Approved);
    QCOMPARE(repo.item(sizeId)->closed().question,
             QStringLiteral("Which size category fits the lesion best?"));
}

void TestBenchmarkProject::exportAndImport()
{
    // Approved only by default: the one item approved above.
    Result<QJsonArray> approved = BenchmarkExchange::exportClosed(*m_db, {});
    QVERIFY(approved);
    QCOMPARE(approved->size(), 1);
    QCOMPARE(approved->at(0)[QStringLiteral("vqa_pairs")].toArray().size(), 1);
    // --all: every item not rejected, one record per image, ids are sample ids.
    BenchmarkExportOptions all;
    all.includeUnapproved = true;
    Result<QJsonArray> closed = BenchmarkExchange::exportClosed(*m_db, all);
    const int rejected = test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items WHERE "
                                                     "kind = 'closed' AND status = 'rejected'"))
                             .toInt();
    const int closedItems =
        test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items WHERE kind = 'closed'"))
            .toInt();
    int pairs = 0;
    QSet<QString> images;
    for (const QJsonValue &r : *closed) {
        pairs += int(r[QStringLiteral("vqa_pairs")].toArray().size());
        QVERIFY(r[QStringLiteral("id")].isDouble());
        QVERIFY(!images.contains(r[QStringLiteral("image_path")].toString()));
        images.insert(r[QStringLiteral("image_path")].toString());
    }
    QCOMPARE(pairs, closedItems - rejected);
    Result<QJsonArray> open = BenchmarkExchange::exportOpen(*m_db, all);
    QVERIFY(open && !open->isEmpty());
    QVERIFY(open->at(0)[QStringLiteral("qa_pairs")][0][QStringLiteral("question_id")]
                .toString()
                .contains(QStringLiteral("_q")));

    auto writeFile = [this](const QString &name, const QJsonArray &records) {
        const QString path = m_tmp.filePath(name);
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(records).toJson());
        return path;
    };
    auto itemCount = [this] { return test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items")).toInt(); };
    auto payloads = [this] {
        QStringList out;
        QSqlQuery q = m_db->query();
        q.exec(QStringLiteral("SELECT item_key, payload, version, status FROM benchmark_items ORDER BY id"));
        while (q.next())
            out << q.value(0).toString() + q.value(1).toString() + q.value(2).toString() + q.value(3).toString();
        return out;
    };

    // The project's own export read back is the project's items: every question is matched to
    // the item it came from (record id = sample id, image, type), nothing is added, nothing
    // changes; so does a second import of the same file.
    const int itemsBefore = itemCount();
    const QStringList storedBefore = payloads();
    const QString file = writeFile(QStringLiteral("closed.json"), *closed);
    for (int round = 0; round < 2; ++round) {
        Result<BenchmarkImportSummary> s = BenchmarkExchange::importFile(*m_db, ItemKind::Closed, file);
        QVERIFY2(s, qPrintable(errorMessage(s.error())));
        QCOMPARE(s->questions, pairs);
        QCOMPARE(s->linked, pairs);
        QCOMPARE(s->unchanged, pairs);
        QCOMPARE(s->added, 0);
        QCOMPARE(s->updated, 0);
        QCOMPARE(s->refused, 0);
        QCOMPARE(itemCount(), itemsBefore);
        QCOMPARE(payloads(), storedBefore);
    }

    // The export with two questions changed outside the project: the approved (curated) item
    // and a pending generated one are not overwritten; each refusal names its record, pair and
    // item, and the other questions stay unchanged.
    ItemFilter closedOnly;
    closedOnly.kind = ItemKind::Closed;
    const std::vector<BenchmarkItem> storedClosed = *BenchmarkRepository(*m_db).items(closedOnly);
    // (record, pair) of the approved item and of a pending generated one in the export.
    QList<QPair<qsizetype, qsizetype>> targets(2, {-1, -1});
    QStringList targetKeys(2);
    for (qsizetype r = 0; r < closed->size(); ++r) {
        const QJsonObject record = closed->at(r).toObject();
        const QJsonArray pairsOf = record.value(QStringLiteral("vqa_pairs")).toArray();
        for (qsizetype j = 0; j < pairsOf.size(); ++j) {
            const QString type = pairsOf.at(j)[QStringLiteral("question_type")].toString();
            for (const BenchmarkItem &i : storedClosed) {
                if (i.sample != record.value(QStringLiteral("id")).toInteger() || i.questionType != type)
                    continue;
                const int slot = i.status == ItemStatus::Approved ? 0
                                 : i.status == ItemStatus::Pending && i.origin == ItemOrigin::Generated ? 1
                                                                                                       : -1;
                if (slot >= 0 && targets[slot].first < 0) {
                    targets[slot] = {r, j};
                    targetKeys[slot] = i.itemKey;
                }
            }
        }
    }
    QJsonArray edited = *closed;
    QSet<QString> changedKeys;
    for (int slot = 0; slot < 2; ++slot) {
        QVERIFY(targets[slot].first >= 0);
        QJsonObject record = edited.at(targets[slot].first).toObject();
        QJsonArray pairsOf = record.value(QStringLiteral("vqa_pairs")).toArray();
        QJsonObject pair = pairsOf.at(targets[slot].second).toObject();
        pair.insert(QStringLiteral("question"), pair.value(QStringLiteral("question")).toString() + QStringLiteral(" (edited)"));
        pairsOf[targets[slot].second] = pair;
        record.insert(QStringLiteral("vqa_pairs"), pairsOf);
        edited[targets[slot].first] = record;
        changedKeys.insert(targetKeys[slot]);
    }
    QCOMPARE(changedKeys.size(), 2);
    Result<BenchmarkImportSummary> editedIn =
        BenchmarkExchange::importFile(*m_db, ItemKind::Closed, writeFile(QStringLiteral("closed-edited.json"), edited));
    QVERIFY2(editedIn, qPrintable(errorMessage(editedIn.error())));
    QCOMPARE(editedIn->refused, 2);
    QCOMPARE(editedIn->unchanged, pairs - 2);
    QCOMPARE(editedIn->added + editedIn->updated, 0);
    QCOMPARE(int(editedIn->notes.size()), 2);
    QSet<QString> refusedKeys;
    for (const BenchmarkImportNote &n : editedIn->notes) {
        QCOMPARE(n.outcome, BenchmarkImportNote::Outcome::Refused);
        QVERIFY2(n.reason.contains(n.itemKey), qPrintable(n.reason));
        QVERIFY(n.record >= 1);
        refusedKeys.insert(n.itemKey);
    }
    QCOMPARE(refusedKeys, changedKeys);
    QCOMPARE(payloads(), storedBefore);

    // Someone else's file (its own record ids) on the same images: new pending imported items,
    // linked to the samples; imported again, unchanged; with one question changed, that
    // imported item (nobody reviewed it) is updated in place, never duplicated.
    QJsonArray foreign = *closed;
    for (qsizetype r = 0; r < foreign.size(); ++r) {
        QJsonObject record = foreign.at(r).toObject();
        record.insert(QStringLiteral("id"), QStringLiteral("ext-%1").arg(record.value(QStringLiteral("id")).toInteger()));
        foreign[r] = record;
    }
    const QString foreignFile = writeFile(QStringLiteral("published.json"), foreign);
    Result<BenchmarkImportSummary> s = BenchmarkExchange::importFile(*m_db, ItemKind::Closed, foreignFile);
    QVERIFY2(s, qPrintable(errorMessage(s.error())));
    QCOMPARE(s->added, pairs);
    QCOMPARE(s->linked, pairs);
    QCOMPARE(itemCount(), itemsBefore + pairs);
    ItemFilter imported;
    imported.kind = ItemKind::Closed;
    int importedCount = 0;
    const std::vector<BenchmarkItem> importedItems = *BenchmarkRepository(*m_db).items(imported);
    for (const BenchmarkItem &i : importedItems)
        if (i.origin == ItemOrigin::Imported) {
            ++importedCount;
            QVERIFY(i.sample > 0);
            QCOMPARE(i.status, ItemStatus::Pending);
        }
    QCOMPARE(importedCount, pairs);
    Result<BenchmarkImportSummary> again = BenchmarkExchange::importFile(*m_db, ItemKind::Closed, foreignFile);
    QCOMPARE(again->unchanged, pairs);
    QCOMPARE(again->written(), 0);
    QCOMPARE(itemCount(), itemsBefore + pairs);
    QJsonObject first0 = foreign.at(0).toObject();
    QJsonArray pairs0 = first0.value(QStringLiteral("vqa_pairs")).toArray();
    QJsonObject pair0 = pairs0.at(0).toObject();
    pair0.insert(QStringLiteral("question"), QStringLiteral("Reworded by the other team?"));
    pairs0[0] = pair0;
    first0.insert(QStringLiteral("vqa_pairs"), pairs0);
    foreign[0] = first0;
    Result<BenchmarkImportSummary> reworded =
        BenchmarkExchange::importFile(*m_db, ItemKind::Closed, writeFile(QStringLiteral("published.json"), foreign));
    QCOMPARE(reworded->updated, 1);
    QCOMPARE(reworded->unchanged, pairs - 1);
    QCOMPARE(reworded->notes.front().outcome, BenchmarkImportNote::Outcome::Updated);
    QCOMPARE(itemCount(), itemsBefore + pairs);
    QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items WHERE payload LIKE "
                                                "'%Reworded by the other team?%' AND version = 2"))
                 .toInt(),
             1);
    // The imported copies duplicate the generated questions: lint says so.
    Result<LintReport> lint = BenchmarkLint::lintProject(*m_db, m_project.slicesDir(), {});
    QVERIFY(lint->countsByKind().value(QStringLiteral("duplicate_question")) >= pairs);

    // A broken file is refused, naming record and field; nothing is stored.
    QJsonArray broken = *closed;
    QJsonObject first = broken.at(0).toObject();
    QJsonArray firstPairs = first.value(QStringLiteral("vqa_pairs")).toArray();
    QJsonObject p0 = firstPairs.at(0).toObject();
    p0.remove(QStringLiteral("question"));
    firstPairs[0] = p0;
    first.insert(QStringLiteral("vqa_pairs"), firstPairs);
    broken[0] = first;
    QFile bf(m_tmp.filePath(QStringLiteral("broken.json")));
    QVERIFY(bf.open(QIODevice::WriteOnly));
    bf.write(QJsonDocument(broken).toJson());
    bf.close();
    const int before = test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items")).toInt();
    Result<BenchmarkImportSummary> refused =
        BenchmarkExchange::importFile(*m_db, ItemKind::Closed, bf.fileName());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Parse);
    QVERIFY2(
        refused.error().subject.endsWith(QStringLiteral("record 1 (id %1), vqa_pairs[0].question")
                                             .arg(first.value(QStringLiteral("id")).toInt())),
        qPrintable(refused.error().subject));
    QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM benchmark_items")).toInt(), before);
    // An open file is not a closed benchmark.
    QFile of(m_tmp.filePath(QStringLiteral("open.json")));
    QVERIFY(of.open(QIODevice::WriteOnly));
    of.write(QJsonDocument(*open).toJson());
    of.close();
    Result<BenchmarkImportSummary> wrongKind =
        BenchmarkExchange::importFile(*m_db, ItemKind::Closed, of.fileName());
    QVERIFY(!wrongKind);
    QVERIFY(wrongKind.error().detail.contains(QStringLiteral("benchmark-open")));

    // A record without sample or id of its own (imported that way) is named by its image.
    BenchmarkItem orphan = importedItems.front();
    orphan.id = 0;
    orphan.sample = 0;
    orphan.externalId.clear();
    orphan.itemKey = QStringLiteral("imported:orphan");
    orphan.imagePath = QStringLiteral("outside/orphan.png");
    orphan.origin = ItemOrigin::Imported;
    QVERIFY(BenchmarkRepository(*m_db).upsert(orphan, BenchmarkRepository::UpsertMode::KeepExisting).ok());
    BenchmarkExportOptions everything;
    everything.includeUnapproved = true;
    const QJsonArray withOrphan = *BenchmarkExchange::exportClosed(*m_db, everything);
    int orphans = 0;
    for (const QJsonValue &r : withOrphan) {
        QVERIFY(!r[QStringLiteral("id")].toVariant().toString().isEmpty());
        orphans += r[QStringLiteral("id")].toString() == QLatin1String("outside/orphan.png") ? 1 : 0;
    }
    QCOMPARE(orphans, 1);

    // Imported copies go again, so the next tests see the generated set only.
    QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM benchmark_items WHERE origin = 'imported'")));
}

void TestBenchmarkProject::splitAndInstructions()
{
    Result<std::vector<SplitSample>> samples = SplitPlanner::load(*m_db);
    QVERIFY(samples);
    const std::vector<SplitRow> rows = SplitPlanner::plan(*samples, {0.3, 5});
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(rows, 5));
        QVERIFY(!tx.commit());
    }
    Result<QJsonObject> report = LeakageReport::checkProject(*m_db, 0.3);
    QVERIFY(report);
    QVERIFY2(report->value(QStringLiteral("ok")).toBool(),
             QJsonDocument(*report).toJson().constData());
    QVERIFY(report->value(QStringLiteral("test")).toInt() > 0);
    // The BraTS slices of one case share a patient: one side for all of them.
    QSet<QString> bratsSides;
    const QHash<qint64, SplitRow> stored = *BenchmarkRepository(*m_db).splits();
    for (const SplitSample &s : *samples)
        if (s.patientKey.startsWith(QStringLiteral("04:")))
            bratsSides.insert(stored.value(s.sample).split);
    QCOMPARE(bratsSides.size(), 1);
    // Items carry their sample's split.
    const std::vector<BenchmarkItem> withSplits = *BenchmarkRepository(*m_db).items();
    for (const BenchmarkItem &i : withSplits)
        QCOMPARE(i.split, stored.value(i.sample).split);

    // Instructions: none for test samples, about eight per training slice, valid lines.
    InstructionStage stage;
    const JobOutcome o = runStage(m_project, stage, {});
    QVERIFY2(o.state == JobState::Succeeded, qPrintable(errorMessage(o.error)));
    QVERIFY(o.summary.value(QStringLiteral("instructions")).toInt() > 0);
    QVERIFY(o.summary.value(QStringLiteral("test_samples_skipped")).toInt() > 0);
    QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM instructions i JOIN sample_splits s "
                                         "ON s.sample = i.sample WHERE s.split = 'test'"))
                 .toInt(),
             0);
    QVERIFY(test::scalar(*m_db, QStringLiteral(
                    "SELECT MAX(c) FROM (SELECT COUNT(*) c FROM instructions GROUP BY sample)"))
                .toInt() <= 8);
    const QString out = m_tmp.filePath(QStringLiteral("exports/instructions.jsonl"));
    Result<qint64> lines = BenchmarkExchange::exportInstructions(*m_db, out);
    QVERIFY(lines);
    QCOMPARE(*lines, qint64(o.summary.value(QStringLiteral("instructions")).toInt()));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    int read = 0;
    while (!f.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(f.readLine());
        QVERIFY(doc.isObject());
        QVERIFY(doc[QStringLiteral("messages")][0][QStringLiteral("content")].toString().startsWith(
            QStringLiteral("<image>\n")));
        ++read;
    }
    QCOMPARE(qint64(read), *lines);
    QCOMPARE(LeakageReport::checkProject(*m_db, 0.3)
                 ->value(QStringLiteral("instructions_from_test"))
                 .toInt(),
             0);

    // A new split moves training samples to test: the report sees the leak, the next
    // instruction run removes it.
    std::vector<SplitRow> flipped = rows;
    for (SplitRow &r : flipped)
        r.split =
            r.split == QLatin1String("test") ? QStringLiteral("train") : QStringLiteral("test");
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(flipped, 6));
        QVERIFY(!tx.commit());
    }
    Result<QJsonObject> leaky = LeakageReport::checkProject(*m_db, 0.3);
    QVERIFY(!leaky->value(QStringLiteral("ok")).toBool());
    QVERIFY(leaky->value(QStringLiteral("instructions_from_test")).toInt() > 0);
    // Whatever ran in between, an export holds no test-split image: the split is read when the
    // file is written, not when the lines were built. Here every other training sample moved to
    // test after its lines were made.
    std::vector<SplitRow> partial = rows;
    bool move = false;
    for (SplitRow &r : partial)
        if (r.split == QLatin1String("train") && (move = !move))
            r.split = QStringLiteral("test");
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(partial, 7));
        QVERIFY(!tx.commit());
    }
    QSet<QString> testImages;
    {
        QSqlQuery q = m_db->query();
        QVERIFY(q.exec(QStringLiteral("SELECT s.image_path FROM samples s JOIN sample_splits p ON p.sample = s.id "
                                      "WHERE p.split = 'test'")));
        while (q.next())
            testImages.insert(q.value(0).toString());
    }
    QVERIFY(!testImages.isEmpty());
    qint64 leftOut = 0;
    Result<qint64> stale = BenchmarkExchange::exportInstructions(*m_db, out, InstructionRepository::TestSamples::LeaveOut,
                                                                 &leftOut);
    QVERIFY2(stale, qPrintable(errorMessage(stale.error())));
    QVERIFY(leftOut > 0 && *stale > 0);
    QFile sf(out);
    QVERIFY(sf.open(QIODevice::ReadOnly));
    while (!sf.atEnd()) {
        const QString image = QJsonDocument::fromJson(sf.readLine())[QStringLiteral("images")][0].toString();
        for (const QString &t : std::as_const(testImages))
            QVERIFY2(!image.endsWith(t), qPrintable(image));
    }
    sf.close();
    // With every stored line on the test side there is nothing to write: no file, a reason.
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(flipped, 6));
        QVERIFY(!tx.commit());
    }
    const QString none = m_tmp.filePath(QStringLiteral("exports/none.jsonl"));
    Result<qint64> empty = BenchmarkExchange::exportInstructions(*m_db, none);
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::NothingToDo);
    QVERIFY(!QFile::exists(none));
    const int trainSamplesBefore =
        test::scalar(*m_db, QStringLiteral("SELECT COUNT(DISTINCT sample) FROM instructions")).toInt();
    const JobOutcome again = runStage(m_project, stage, {});
    QCOMPARE(again.state, JobState::Succeeded);
    QVERIFY(again.summary.value(QStringLiteral("removed_test_lines")).toInt() > 0);
    QVERIFY(LeakageReport::checkProject(*m_db, 0.3)->value(QStringLiteral("ok")).toBool());
    // Back to the first split: the samples that went to test and returned get their lines again.
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(rows, 5));
        QVERIFY(!tx.commit());
    }
    QCOMPARE(runStage(m_project, stage, {}).state, JobState::Succeeded);
    QVERIFY(LeakageReport::checkProject(*m_db, 0.3)->value(QStringLiteral("ok")).toBool());
    QVERIFY(trainSamplesBefore > 0);
    QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT COUNT(DISTINCT i.sample) FROM instructions i JOIN sample_splits s "
                                         "ON s.sample = i.sample WHERE s.split = 'train'")).toInt(),
             trainSamplesBefore);
    QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT COUNT(DISTINCT sample) FROM instructions")).toInt(), trainSamplesBefore);
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(flipped, 6));
        QVERIFY(!tx.commit());
    }
    QCOMPARE(runStage(m_project, stage, {}).state, JobState::Succeeded);

    // `neuroonco status` and the Overview count items, the test split and instructions.
    Result<ProjectStatus> status = ProjectStatus::collect(*m_db, m_project.root());
    QVERIFY(status);
    QCOMPARE(status->counts.value(QStringLiteral("instructions")),
             test::scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM instructions")).toLongLong());
    QVERIFY(status->counts.value(QStringLiteral("instructions")) > 0);
    qint64 closed = 0;
    const std::vector<BenchmarkItem> items = *BenchmarkRepository(*m_db).items();
    for (const BenchmarkItem &i : items)
        closed += i.kind == ItemKind::Closed && i.status != ItemStatus::Rejected ? 1 : 0;
    QCOMPARE(status->counts.value(QStringLiteral("benchmark_closed")), closed);
    qint64 test = 0;
    for (const SplitRow &r : flipped)
        test += r.split == QLatin1String("test") ? 1 : 0;
    QCOMPARE(status->counts.value(QStringLiteral("test_split")), test);
    QCOMPARE(status->counts.value(QStringLiteral("eval_runs")), qint64(0));
}

void TestBenchmarkProject::splitWaitsForReadersOfTheSplit()
{
    // An instruction job is running (it holds the split as a reader): a new split is refused.
    InstructionStage reader;
    Result<qint64> running = JobExecutor::claim(m_project, reader, {});
    QVERIFY2(running, qPrintable(errorMessage(running.error())));
    SplitStage split;
    JobOutcome refused = JobExecutor::execute(m_project, split, SplitStage::parameters(0.3, 9), nullptr, nullptr, 1);
    QCOMPARE(refused.jobId, qint64(0));
    QCOMPARE(refused.error.code, ErrorCode::Locked);
    QVERIFY2(errorMessage(refused.error).contains(QStringLiteral("instructions")), qPrintable(errorMessage(refused.error)));
    const QHash<qint64, SplitRow> before = *BenchmarkRepository(*m_db).splits();
    QVERIFY(!JobRepository(*m_db).finish(*running, JobState::Canceled, {}, {}, {}));
    const JobOutcome done = JobExecutor::execute(m_project, split, SplitStage::parameters(0.3, 9), nullptr, nullptr, 1);
    QCOMPARE(done.state, JobState::Succeeded);
    QCOMPARE(done.items.succeeded, qint64(before.size()));
    // While a split runs, instruction building waits for it.
    SplitStage writer;
    Result<qint64> splitting = JobExecutor::claim(m_project, writer, SplitStage::parameters());
    QVERIFY(splitting);
    InstructionStage stage;
    QCOMPARE(JobExecutor::execute(m_project, stage, {}, nullptr, nullptr, 1).error.code, ErrorCode::Locked);
    QVERIFY(!JobRepository(*m_db).finish(*splitting, JobState::Canceled, {}, {}, {}));

    // Nothing eligible is not a success: with every sample in the test split, instruction
    // building fails and says how to proceed.
    std::vector<SplitRow> allTest;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        allTest.push_back({it.key(), QStringLiteral("test"), it->groupKey});
    {
        Transaction tx(*m_db);
        QVERIFY(!BenchmarkRepository(*m_db).storeSplits(allTest, 3));
        QVERIFY(!tx.commit());
    }
    const JobOutcome nothing = JobExecutor::execute(m_project, stage, {}, nullptr, nullptr, 1);
    QCOMPARE(nothing.state, JobState::Failed);
    QCOMPARE(nothing.error.code, ErrorCode::NothingToDo);
    QVERIFY2(nothing.error.detail.contains(QStringLiteral("neuroonco split")), qPrintable(nothing.error.detail));
}

QTEST_GUILESS_MAIN(TestBenchmarkProject)
#include "tst_benchmark_project.moc"
