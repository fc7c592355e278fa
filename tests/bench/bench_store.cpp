// Time of the project database's safety checks on a database of a given size: SQLite's quick
// check (what `neuroonco status` and every stage run first), an online backup, and the check of
// that backup before a restore. A timing tool, not a Google Benchmark. The file is in the page
// cache for these numbers (it has just been written); from a cold disk the check is bound by
// the disk's read speed.
//   bench_store [--mb N]    (default 256)
// Prints one JSON object.
#include "core/jobs/JobRepository.h"
#include "core/project/Project.h"
#include "core/project/ProjectBackup.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace neuroonco;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("mb"), QStringLiteral("Size of the database to build, in MB (default 256)."), QStringLiteral("N"),
                      QStringLiteral("256")});
    parser.process(app);
    QTextStream err(stderr);
    const qint64 megabytes = std::max(1, parser.value(QStringLiteral("mb")).toInt());

    QTemporaryDir tmp;
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    if (!project) {
        err << "bench_store: " << errorMessage(project.error()) << "\n";
        return 1;
    }
    auto db = project->connect();
    if (!db) {
        err << "bench_store: " << errorMessage(db.error()) << "\n";
        return 1;
    }
    // Log lines of ~250 bytes: a table as wide as the project's own big ones.
    Result<qint64> job = JobRepository(**db).claim(QStringLiteral("bench"), QStringLiteral("bench"), {});
    const qint64 rows = megabytes * 1024 * 1024 / 280;
    if (Error e = (*db)->exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                                             "INSERT INTO job_logs(job_id, at, level, message) SELECT %2, "
                                             "'2026-01-01T00:00:00.000Z', 'info', printf('%d %s', i, hex(randomblob(100))) FROM n")
                                  .arg(rows)
                                  .arg(job ? *job : 0))) {
        err << "bench_store: " << errorMessage(e) << "\n";
        return 1;
    }
    (void)(*db)->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 bytes = QFileInfo(project->databasePath()).size();

    QElapsedTimer clock;
    clock.start();
    Result<QStringList> problems = (*db)->quickCheck();
    const double checkSeconds = clock.elapsed() / 1000.0;
    clock.restart();
    Result<QString> backup = ProjectBackup::create(*project, **db, ProjectBackup::Reason::OnDemand);
    const double backupSeconds = clock.elapsed() / 1000.0;
    if (!problems || !backup) {
        err << "bench_store: " << errorMessage(!problems ? problems.error() : backup.error()) << "\n";
        return 1;
    }
    clock.restart();
    Result<BackupContents> checked = ProjectBackup::check(*backup);
    const double backupCheckSeconds = clock.elapsed() / 1000.0;

    const QJsonObject out{{QStringLiteral("database_mb"), double(bytes) / (1024.0 * 1024.0)},
                          {QStringLiteral("rows"), rows},
                          {QStringLiteral("quick_check_s"), checkSeconds},
                          {QStringLiteral("quick_check_mb_per_s"), double(bytes) / (1024.0 * 1024.0) / std::max(checkSeconds, 1e-6)},
                          {QStringLiteral("backup_s"), backupSeconds},
                          {QStringLiteral("backup_check_s"), backupCheckSeconds},
                          {QStringLiteral("sound"), problems->isEmpty() && checked.ok()}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
