// The schema history. Never edit a released migration: append a new one.
#include "core/store/Migrations.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

namespace {

std::vector<Migration> buildMigrations()
{
    std::vector<Migration> list;

    list.push_back({1, QStringLiteral("project info, jobs, job logs, checkpoints"),
                    {
                        QStringLiteral("CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT)"),
                        QStringLiteral(
                            "CREATE TABLE jobs ("
                            " id INTEGER PRIMARY KEY,"
                            " stage TEXT NOT NULL,"
                            " lock_key TEXT NOT NULL,"
                            " state TEXT NOT NULL,"
                            " parameters TEXT NOT NULL DEFAULT '{}',"
                            " created_at TEXT NOT NULL,"
                            " started_at TEXT, finished_at TEXT, heartbeat_at TEXT,"
                            " done INTEGER NOT NULL DEFAULT 0,"
                            " total INTEGER NOT NULL DEFAULT 0,"
                            " summary TEXT NOT NULL DEFAULT '{}',"
                            " error TEXT,"
                            " host TEXT, pid INTEGER, process_token TEXT,"
                            " resumed_from INTEGER REFERENCES jobs(id))"),
                        // The database itself guarantees one running job per stage (lock key),
                        // even when two processes race to start one.
                        QStringLiteral("CREATE UNIQUE INDEX jobs_one_running ON jobs(lock_key) "
                                       "WHERE state = 'running'"),
                        QStringLiteral("CREATE INDEX jobs_stage ON jobs(stage, id)"),
                        QStringLiteral(
                            "CREATE TABLE job_logs ("
                            " id INTEGER PRIMARY KEY,"
                            " job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
                            " at TEXT NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL)"),
                        QStringLiteral("CREATE INDEX job_logs_job ON job_logs(job_id, id)"),
                        // A checkpoint says: this item of this scope is finished and its results
                        // are committed (written in the same transaction as the results).
                        QStringLiteral(
                            "CREATE TABLE checkpoints ("
                            " scope TEXT NOT NULL, item TEXT NOT NULL,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " status TEXT NOT NULL, done_at TEXT NOT NULL,"
                            " PRIMARY KEY (scope, item))"),
                        QStringLiteral("CREATE INDEX checkpoints_status ON checkpoints(scope, status)"),
                    }});
    list.push_back({2, QStringLiteral("sources, samples, ingest issues, duplicate clusters"),
                    {
                        QStringLiteral(
                            "CREATE TABLE sources ("
                            " code TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT, licence TEXT,"
                            " layout TEXT NOT NULL, root TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 100,"
                            " options TEXT NOT NULL DEFAULT '{}', manifest TEXT, updated_at TEXT NOT NULL)"),
                        QStringLiteral(
                            "CREATE TABLE duplicate_clusters ("
                            " id INTEGER PRIMARY KEY, keeper INTEGER NOT NULL, size INTEGER NOT NULL,"
                            " kind TEXT NOT NULL)"),
                        QStringLiteral(
                            "CREATE TABLE samples ("
                            " id INTEGER PRIMARY KEY,"
                            " sample_id TEXT NOT NULL UNIQUE,"
                            " source_code TEXT NOT NULL REFERENCES sources(code),"
                            " origin TEXT NOT NULL,"
                            " tumour_type TEXT NOT NULL,"
                            " tumour_label TEXT,"
                            " modality TEXT NOT NULL,"
                            " modality_evidence TEXT,"
                            " image_path TEXT NOT NULL UNIQUE,"
                            " mask_path TEXT, label_path TEXT,"
                            " width INTEGER NOT NULL, height INTEGER NOT NULL,"
                            " original_channels INTEGER, original_bits INTEGER, original_format TEXT,"
                            " lesion_pixels INTEGER,"
                            " pixel_hash TEXT NOT NULL, dhash INTEGER NOT NULL, phash INTEGER NOT NULL, fhash TEXT NOT NULL,"
                            " patient_key TEXT, volume_path TEXT, volume_index INTEGER,"
                            " cluster_id INTEGER REFERENCES duplicate_clusters(id) ON DELETE SET NULL,"
                            " duplicate_of INTEGER REFERENCES samples(id) ON DELETE SET NULL,"
                            " duplicate_kind TEXT, duplicate_distance INTEGER,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " ingested_at TEXT NOT NULL,"
                            " UNIQUE (source_code, origin))"),
                        QStringLiteral("CREATE INDEX samples_type ON samples(tumour_type)"),
                        QStringLiteral("CREATE INDEX samples_pixel_hash ON samples(pixel_hash)"),
                        QStringLiteral("CREATE INDEX samples_cluster ON samples(cluster_id)"),
                        QStringLiteral("CREATE INDEX samples_patient ON samples(patient_key)"),
                        QStringLiteral(
                            "CREATE TABLE ingest_issues ("
                            " id INTEGER PRIMARY KEY, source_code TEXT NOT NULL, path TEXT NOT NULL,"
                            " severity TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL, at TEXT NOT NULL,"
                            " UNIQUE (source_code, path, kind))"),
                    }});
    list.push_back({3, QStringLiteral("mask semantics and coarse descriptions"),
                    {
                        QStringLiteral(
                            "CREATE TABLE mask_semantics ("
                            " sample INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,"
                            " status TEXT NOT NULL,"      // ok | empty | error
                            " reason TEXT,"
                            " size TEXT, shape TEXT, spread TEXT, location TEXT,"
                            " numbers TEXT NOT NULL DEFAULT '{}',"
                            " thresholds TEXT NOT NULL DEFAULT '{}',"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " computed_at TEXT NOT NULL)"),
                        QStringLiteral(
                            "CREATE TABLE descriptions ("
                            " sample INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,"
                            " text TEXT NOT NULL, template TEXT NOT NULL,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " computed_at TEXT NOT NULL)"),
                    }});
    list.push_back({4, QStringLiteral("extractions, fused labels, model audits"),
                    {
                        QStringLiteral(
                            "CREATE TABLE extractions ("
                            " sample INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                            " run TEXT NOT NULL,"          // A | B
                            " extractor TEXT NOT NULL,"    // classical | endpoint:<name> | import:<file>
                            " model TEXT, prompt_version TEXT,"
                            " status TEXT NOT NULL,"       // ok | error
                            " signs TEXT, raw TEXT, problems TEXT, error TEXT,"
                            " latency_ms REAL, prompt_tokens INTEGER, completion_tokens INTEGER, attempts INTEGER,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " created_at TEXT NOT NULL,"
                            " PRIMARY KEY (sample, run))"),
                        QStringLiteral(
                            "CREATE TABLE fused_labels ("
                            " sample INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,"
                            " status TEXT NOT NULL,"       // kept | healthy | dropped
                            " reason TEXT, signs TEXT, notes TEXT NOT NULL DEFAULT '[]',"
                            " downgraded INTEGER NOT NULL DEFAULT 0,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " created_at TEXT NOT NULL)"),
                        QStringLiteral(
                            "CREATE TABLE qc_audits ("
                            " sample INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,"
                            " auditor TEXT NOT NULL, model TEXT, prompt_version TEXT,"
                            " status TEXT NOT NULL,"       // ok | error
                            " actions TEXT, gold TEXT, notes TEXT NOT NULL DEFAULT '[]', clues TEXT,"
                            " raw TEXT, error TEXT, latency_ms REAL,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " created_at TEXT NOT NULL)"),
                    }});
    list.push_back({5, QStringLiteral("reviewer decisions (append-only)"),
                    {
                        QStringLiteral(
                            "CREATE TABLE audit_decisions ("
                            " id INTEGER PRIMARY KEY,"
                            " sample INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                            " field TEXT NOT NULL, action TEXT NOT NULL, value TEXT, silver TEXT,"
                            " reviewer TEXT NOT NULL, retracts INTEGER REFERENCES audit_decisions(id),"
                            " at TEXT NOT NULL)"),
                        QStringLiteral("CREATE INDEX audit_decisions_sample ON audit_decisions(sample, id)"),
                        // Stratified random draws for certifying the error rate ("certify" mode).
                        QStringLiteral(
                            "CREATE TABLE certification_draws ("
                            " draw INTEGER NOT NULL, sample INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                            " stratum TEXT NOT NULL, drawn_at TEXT NOT NULL, PRIMARY KEY (draw, sample))"),
                        // Decisions are history: nothing may change or remove them.
                        QStringLiteral("CREATE TRIGGER audit_decisions_no_update BEFORE UPDATE ON audit_decisions "
                                       "BEGIN SELECT RAISE(ABORT, 'audit decisions are append-only'); END"),
                        QStringLiteral("CREATE TRIGGER audit_decisions_no_delete BEFORE DELETE ON audit_decisions "
                                       "WHEN (SELECT COUNT(*) FROM samples WHERE id = OLD.sample) > 0 "
                                       "BEGIN SELECT RAISE(ABORT, 'audit decisions are append-only'); END"),
                    }});
    list.push_back({6, QStringLiteral("benchmark items, their review history, splits, instructions"),
                    {
                        // One row per question. Imported items may have no sample; lineage holds
                        // the gold values (and cited numbers) the item was built from.
                        QStringLiteral(
                            "CREATE TABLE benchmark_items ("
                            " id INTEGER PRIMARY KEY,"
                            " kind TEXT NOT NULL CHECK (kind IN ('closed', 'open')),"
                            " sample INTEGER REFERENCES samples(id) ON DELETE CASCADE,"
                            " item_key TEXT NOT NULL UNIQUE,"
                            " external_id TEXT,"
                            " image_path TEXT NOT NULL,"
                            " question_type TEXT NOT NULL,"
                            " payload TEXT NOT NULL,"
                            " lineage TEXT NOT NULL DEFAULT '{}',"
                            " status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'stale')),"
                            " split TEXT CHECK (split IN ('train', 'test')),"
                            " origin TEXT NOT NULL CHECK (origin IN ('generated', 'imported', 'edited')),"
                            " version INTEGER NOT NULL DEFAULT 1,"
                            " is_trap INTEGER NOT NULL DEFAULT 0,"
                            " answer TEXT,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
                        QStringLiteral("CREATE INDEX benchmark_items_sample ON benchmark_items(sample)"),
                        QStringLiteral("CREATE INDEX benchmark_items_kind ON benchmark_items(kind, status)"),
                        QStringLiteral(
                            "CREATE TABLE benchmark_reviews ("
                            " id INTEGER PRIMARY KEY,"
                            " item INTEGER NOT NULL REFERENCES benchmark_items(id) ON DELETE CASCADE,"
                            " action TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'edit', 'stale', 'regenerate')),"
                            " reviewer TEXT NOT NULL, before TEXT, after TEXT, note TEXT, at TEXT NOT NULL)"),
                        QStringLiteral("CREATE INDEX benchmark_reviews_item ON benchmark_reviews(item, id)"),
                        QStringLiteral("CREATE TRIGGER benchmark_reviews_no_update BEFORE UPDATE ON benchmark_reviews "
                                       "BEGIN SELECT RAISE(ABORT, 'benchmark reviews are append-only'); END"),
                        QStringLiteral("CREATE TRIGGER benchmark_reviews_no_delete BEFORE DELETE ON benchmark_reviews "
                                       "WHEN (SELECT COUNT(*) FROM benchmark_items WHERE id = OLD.item) > 0 "
                                       "BEGIN SELECT RAISE(ABORT, 'benchmark reviews are append-only'); END"),
                        // Test/train membership per sample; group_key names the patient / volume /
                        // near-duplicate group that must stay on one side.
                        QStringLiteral(
                            "CREATE TABLE sample_splits ("
                            " sample INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,"
                            " split TEXT NOT NULL CHECK (split IN ('train', 'test')),"
                            " group_key TEXT NOT NULL,"
                            " seed INTEGER,"
                            " assigned_at TEXT NOT NULL)"),
                        QStringLiteral("CREATE INDEX sample_splits_group ON sample_splits(group_key)"),
                        // Training samples in chat format, one JSON line each.
                        QStringLiteral(
                            "CREATE TABLE instructions ("
                            " id INTEGER PRIMARY KEY,"
                            " sample INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                            " ordinal INTEGER NOT NULL,"
                            " variant TEXT NOT NULL CHECK (variant IN ('open', 'closed', 'closed_cot')),"
                            " question_type TEXT NOT NULL,"
                            " is_trap INTEGER NOT NULL DEFAULT 0,"
                            " answer TEXT,"
                            " line TEXT NOT NULL,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " created_at TEXT NOT NULL,"
                            " UNIQUE (sample, ordinal))"),
                    }});
    list.push_back({7, QStringLiteral("evaluation runs and their answers"),
                    {
                        // One model's answers to a benchmark (asked by the evaluate stage or
                        // imported from a predictions file). API keys are never stored: the
                        // endpoint is named, its key lives in an environment variable.
                        QStringLiteral(
                            "CREATE TABLE eval_runs ("
                            " id INTEGER PRIMARY KEY,"
                            " name TEXT NOT NULL UNIQUE,"
                            " endpoint TEXT, model TEXT,"
                            " benchmark TEXT NOT NULL CHECK (benchmark IN ('closed', 'open')),"
                            " circular INTEGER NOT NULL DEFAULT 0,"
                            " prompt_version TEXT,"
                            " origin TEXT NOT NULL CHECK (origin IN ('evaluated', 'imported')),"
                            " params TEXT NOT NULL DEFAULT '{}',"
                            " created_at TEXT NOT NULL, finished_at TEXT,"
                            " summary TEXT NOT NULL DEFAULT '{}')"),
                        // One row per question and rotation (circular evaluation asks each closed
                        // question once per rotation of its options). question_key is item:<id>
                        // for benchmark items and ext:<record id>#<q_index> for imported
                        // predictions without an item, so the unique key never holds a NULL.
                        // gt and pred are letters of the item's own option order.
                        QStringLiteral(
                            "CREATE TABLE eval_answers ("
                            " id INTEGER PRIMARY KEY,"
                            " run INTEGER NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,"
                            " question_key TEXT NOT NULL,"
                            " item INTEGER REFERENCES benchmark_items(id) ON DELETE SET NULL,"
                            " item_version INTEGER,"
                            " external_id TEXT, q_index INTEGER,"
                            " rotation INTEGER NOT NULL DEFAULT 0,"
                            " image_path TEXT,"
                            " question_type TEXT,"
                            " is_mcq INTEGER NOT NULL DEFAULT 0,"
                            " is_trap INTEGER NOT NULL DEFAULT 0,"
                            " presented TEXT,"
                            " gt TEXT, pred TEXT, raw TEXT,"
                            " valid INTEGER NOT NULL DEFAULT 0,"
                            " correct INTEGER,"
                            " problem TEXT,"
                            " keyword_recall REAL, bleu REAL, rouge_l REAL, judge_score REAL, judge_raw TEXT,"
                            " latency_ms REAL, attempts INTEGER, error TEXT,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,"
                            " at TEXT NOT NULL,"
                            " UNIQUE (run, question_key, rotation))"),
                        QStringLiteral("CREATE INDEX eval_answers_item ON eval_answers(item)"),
                    }});
    // Where the published dataset puts each sample's image (`<type>/<ID>[_<seqs>][_mask]/<name>`),
    // so a published-format benchmark links to the sample built from the public download.
    list.push_back({8, QStringLiteral("published-style path of each sample"),
                    {
                        QStringLiteral("ALTER TABLE samples ADD COLUMN published_path TEXT"),
                        QStringLiteral("CREATE INDEX samples_published_path ON samples(published_path)"),
                    }});
    list.push_back({9, QStringLiteral("job item counts and resource locks; one ingest verdict per file"),
                    {
                        // What each job did with its items (JobContext counts them where the
                        // stage stores results) and the first reasons items failed.
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN succeeded_items INTEGER NOT NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN failed_items INTEGER NOT NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN skipped_items INTEGER NOT NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN up_to_date_items INTEGER NOT NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN repeated_failures INTEGER NOT NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN failures TEXT NOT NULL DEFAULT '[]'"),
                        // Project data a running job reads or replaces (space-separated names).
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN reads TEXT NOT NULL DEFAULT ''"),
                        QStringLiteral("ALTER TABLE jobs ADD COLUMN writes TEXT NOT NULL DEFAULT ''"),
                        // One row per file: its current verdict. `item` is the work item whose
                        // reading produced it (NULL for files the listing itself rejected), so
                        // a later reading of the item replaces its rows.
                        QStringLiteral(
                            "CREATE TABLE ingest_issues_v9 ("
                            " id INTEGER PRIMARY KEY, source_code TEXT NOT NULL, path TEXT NOT NULL, item TEXT,"
                            " severity TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,"
                            " job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL, at TEXT NOT NULL,"
                            " UNIQUE (source_code, path))"),
                        // An error (the file gave no sample) wins over warnings of the same file.
                        QStringLiteral(
                            "INSERT INTO ingest_issues_v9(source_code, path, item, severity, kind, reason, job_id, at) "
                            "SELECT source_code, path, path, severity, kind, reason, job_id, at FROM ingest_issues i "
                            "WHERE i.id = (SELECT j.id FROM ingest_issues j WHERE j.source_code = i.source_code "
                            "AND j.path = i.path ORDER BY j.severity = 'error' DESC, j.id LIMIT 1)"),
                        QStringLiteral("DROP TABLE ingest_issues"),
                        QStringLiteral("ALTER TABLE ingest_issues_v9 RENAME TO ingest_issues"),
                        QStringLiteral("CREATE INDEX ingest_issues_item ON ingest_issues(source_code, item)"),
                    }});
    return list;
}

} // namespace

const std::vector<Migration> &Migrations::all()
{
    static const std::vector<Migration> list = buildMigrations();
    return list;
}

int Migrations::latestVersion()
{
    return all().empty() ? 0 : all().back().version;
}

Result<int> Migrations::currentVersion(Database &db)
{
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'")))
        return db.queryError(q, QStringLiteral("sqlite_master"));
    if (!q.next()) {
        if (Error e = db.readError(q, QStringLiteral("sqlite_master")))
            return e;
        return 0;
    }
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")))
        return db.queryError(q, QStringLiteral("schema_version"));
    if (!q.next()) {
        if (Error e = db.readError(q, QStringLiteral("schema_version")))
            return e;
        return 0;
    }
    return q.value(0).toInt();
}

Error Migrations::tooNewError(const QString &databasePath, int version)
{
    return Error(ErrorCode::SchemaTooNew, databasePath,
                 QStringLiteral("its schema version is %1, this build supports up to %2; open it with a newer build")
                     .arg(version)
                     .arg(latestVersion()));
}

Error Migrations::migrate(Database &db, int targetVersion)
{
    const int latest = latestVersion();
    if (targetVersion < 0 || targetVersion > latest)
        targetVersion = latest;

    if (Error e = db.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")))
        return e;

    Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latest)
        return tooNewError(db.path(), *current);

    for (const Migration &m : all()) {
        if (m.version <= *current || m.version > targetVersion)
            continue;
        Transaction tx(db);
        if (tx.beginError())
            return tx.beginError();
        for (const QString &sql : m.statements) {
            if (Error e = db.exec(sql))
                return Error(ErrorCode::Database,
                             QStringLiteral("migration %1 (%2)").arg(m.version).arg(m.description),
                             e.detail);
        }
        QSqlQuery q = db.query();
        q.prepare(QStringLiteral("INSERT INTO schema_version(version, description, applied_at) VALUES (?,?,?)"));
        q.addBindValue(m.version);
        q.addBindValue(m.description);
        q.addBindValue(nowIso());
        if (Error e = db.run(q, QStringLiteral("schema_version")))
            return e;
        if (Error e = tx.commit())
            return e;
    }
    return {};
}

} // namespace neuroonco
