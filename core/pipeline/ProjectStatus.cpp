// Collects per-stage counts from the checkpoints and jobs tables.
#include "core/pipeline/ProjectStatus.h"

#include "core/jobs/JobRepository.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/IngestStage.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/util/Time.h"

#include <QCoreApplication>
#include <QSet>
#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace neuroonco {

namespace {

// Totals that later schema versions add; a table that does not exist yet counts as absent.
struct NamedCount
{
    const char *name;
    const char *table; // the table counted; a schema without it has no such total
    const char *sql;
    const char *label; // for people, in the "ProjectStatus" translation context
};
const NamedCount kCounts[] = {
    {"jobs", "jobs", "SELECT COUNT(*) FROM jobs", QT_TRANSLATE_NOOP("ProjectStatus", "Jobs")},
    {"sources", "sources", "SELECT COUNT(*) FROM sources", QT_TRANSLATE_NOOP("ProjectStatus", "Sources")},
    {"samples", "samples", "SELECT COUNT(*) FROM samples", QT_TRANSLATE_NOOP("ProjectStatus", "Samples")},
    {"with_mask", "samples", "SELECT COUNT(*) FROM samples WHERE mask_path IS NOT NULL", QT_TRANSLATE_NOOP("ProjectStatus", "With mask")},
    {"duplicates", "samples", "SELECT COUNT(*) FROM samples WHERE duplicate_of IS NOT NULL",
     QT_TRANSLATE_NOOP("ProjectStatus", "Flagged duplicates")},
    // Ingest problems are filled from SampleRepository::issueCounts, the one query all views use.
    {"ingest_problems", "ingest_issues", nullptr, QT_TRANSLATE_NOOP("ProjectStatus", "Ingest problems")},
    {"with_semantics", "mask_semantics", "SELECT COUNT(*) FROM mask_semantics WHERE status = 'ok'",
     QT_TRANSLATE_NOOP("ProjectStatus", "With mask semantics")},
    {"described", "descriptions", "SELECT COUNT(*) FROM descriptions", QT_TRANSLATE_NOOP("ProjectStatus", "Described")},
    {"run_a", "extractions", "SELECT COUNT(*) FROM extractions WHERE run = 'A' AND status = 'ok'", QT_TRANSLATE_NOOP("ProjectStatus", "Read by run A")},
    {"run_b", "extractions", "SELECT COUNT(*) FROM extractions WHERE run = 'B' AND status = 'ok'", QT_TRANSLATE_NOOP("ProjectStatus", "Read by run B")},
    {"fused_kept", "fused_labels", "SELECT COUNT(*) FROM fused_labels WHERE status = 'kept'", QT_TRANSLATE_NOOP("ProjectStatus", "Fused labels kept")},
    {"gold", "qc_audits", "SELECT COUNT(*) FROM qc_audits WHERE status = 'ok'", QT_TRANSLATE_NOOP("ProjectStatus", "Gold labels (after QC)")},
    {"benchmark_closed", "benchmark_items", "SELECT COUNT(*) FROM benchmark_items WHERE kind = 'closed' AND status != 'rejected'",
     QT_TRANSLATE_NOOP("ProjectStatus", "Closed benchmark items")},
    {"benchmark_open", "benchmark_items", "SELECT COUNT(*) FROM benchmark_items WHERE kind = 'open' AND status != 'rejected'",
     QT_TRANSLATE_NOOP("ProjectStatus", "Open benchmark items")},
    {"benchmark_approved", "benchmark_items", "SELECT COUNT(*) FROM benchmark_items WHERE status = 'approved'",
     QT_TRANSLATE_NOOP("ProjectStatus", "Approved benchmark items")},
    {"test_split", "sample_splits", "SELECT COUNT(*) FROM sample_splits WHERE split = 'test'", QT_TRANSLATE_NOOP("ProjectStatus", "Samples in the test split")},
    {"instructions", "instructions", "SELECT COUNT(*) FROM instructions", QT_TRANSLATE_NOOP("ProjectStatus", "Training instructions")},
    {"eval_runs", "eval_runs", "SELECT COUNT(*) FROM eval_runs", QT_TRANSLATE_NOOP("ProjectStatus", "Evaluation runs")},
};

} // namespace

Result<ProjectStatus> ProjectStatus::collect(Database &db, const QString &root)
{
    ProjectStatus status;
    status.root = root;
    Result<int> version = Migrations::currentVersion(db);
    if (!version)
        return version.error();
    status.schemaVersion = *version;

    status.readOnly = db.isReadOnly();

    // Status is a read: jobs whose process is gone are shown as interrupted, not marked so in
    // the database (the next job that claims a lock does that).
    JobRepository jobs(db);
    Result<std::vector<qint64>> stale = jobs.staleJobs();
    if (!stale)
        return stale.error();
    const QSet<qint64> dead(stale->begin(), stale->end());

    for (const NamedCount &c : kCounts) {
        if (!c.sql)
            continue;
        Result<bool> exists = db.hasTable(QString::fromLatin1(c.table));
        if (!exists)
            return exists.error();
        if (!*exists)
            continue;
        Result<QVariant> n = db.scalar(QString::fromLatin1(c.sql), 0);
        if (!n)
            return n.error();
        status.counts.insert(QString::fromLatin1(c.name), n->toLongLong());
    }
    // One verdict per file: the files with problems are the rows of the Ingest problems tab.
    std::optional<IssueCounts> issues;
    if (status.counts.contains(QStringLiteral("samples"))) {
        Result<IssueCounts> c = SampleRepository(db).issueCounts();
        if (!c)
            return c.error();
        issues = *c;
        status.counts.insert(QStringLiteral("ingest_problems"), c->total());
    }
    Result<QVariant> running = db.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE state = 'running'"), 0);
    if (!running)
        return running.error();
    status.runningJobs = running->toInt() - int(dead.size());

    CheckpointStore checkpoints(db);
    Result<QHash<QString, CheckpointCounts>> byScope = checkpoints.countsByScope();
    if (!byScope)
        return byScope.error();
    for (const StageInfo &info : StageRegistry::instance().stages()) {
        StageStatus s;
        s.id = info.id;
        s.title = StageRegistry::instance().title(info.id);
        for (const QString &scope : info.checkpointScopes) {
            const CheckpointCounts c = byScope->value(scope);
            s.items.ok += c.ok;
            s.items.error += c.error;
            s.items.skipped += c.skipped;
        }
        // Ingest's errors are its files whose verdict is an error (listing included), the same
        // number the Ingest problems tab shows under "Errors".
        if (issues && info.id == IngestStage::stageId())
            s.items.error = issues->errors;
        Result<JobRecord> last = jobs.latest(info.id);
        if (!last)
            return last.error();
        s.lastJob = *last;
        if (s.lastJob.state == JobState::Running && dead.contains(s.lastJob.id))
            s.lastJob.state = JobState::Interrupted;
        status.stages.push_back(s);
    }
    return status;
}

QString ProjectStatus::countLabel(const QString &key)
{
    for (const NamedCount &c : kCounts)
        if (key == QLatin1String(c.name))
            return QCoreApplication::translate("ProjectStatus", c.label);
    return key;
}

QJsonObject ProjectStatus::toJson() const
{
    QJsonObject counts;
    for (auto it = this->counts.begin(); it != this->counts.end(); ++it)
        counts.insert(it.key(), it.value());
    QJsonObject stages;
    for (const StageStatus &s : this->stages) {
        QJsonObject o{{QStringLiteral("ok"), s.items.ok},
                      {QStringLiteral("error"), s.items.error},
                      {QStringLiteral("skipped"), s.items.skipped},
                      {QStringLiteral("done"), s.items.total()}};
        if (s.lastJob.id > 0) {
            o.insert(QStringLiteral("last_job"),
                     QJsonObject{{QStringLiteral("id"), s.lastJob.id},
                                 {QStringLiteral("state"), jobStateName(s.lastJob.state)},
                                 {QStringLiteral("errors"), s.lastJob.errors()},
                                 {QStringLiteral("finished_at"), toIso(s.lastJob.finished)}});
        } else {
            o.insert(QStringLiteral("last_job"), QJsonValue());
        }
        stages.insert(s.id, o);
    }
    return QJsonObject{{QStringLiteral("project"), root},
                       {QStringLiteral("schema_version"), schemaVersion},
                       {QStringLiteral("read_only"), readOnly},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("running_jobs"), runningJobs},
                       {QStringLiteral("stages"), stages}};
}

} // namespace neuroonco
