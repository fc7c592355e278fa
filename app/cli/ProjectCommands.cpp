// Subcommands about the project itself: init, status, jobs, backup, restore.
#include "app/cli/CliCommand.h"
#include "app/cli/CliJob.h"

#include "core/jobs/JobRepository.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/ProjectStatus.h"
#include "core/project/Project.h"
#include "core/project/ProjectBackup.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace neuroonco {

namespace {

QString json(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

int cmdInit(const QStringList &args)
{
    CommandLine cl(QStringLiteral("init"), QStringLiteral("Create a new, empty project folder."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Folder to create (project.sqlite, slices/, exports/, logs/)."));
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    Result<Project> project = Project::create(cl.positional().at(0));
    if (!project) {
        printError(QStringLiteral("init"), project.error());
        return ExitFailure;
    }
    printOut(QStringLiteral("Created project %1").arg(project->root()));
    return ExitOk;
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QJsonArray backupsJson(const std::vector<BackupFile> &backups)
{
    QJsonArray out;
    for (const BackupFile &b : backups)
        out.append(QJsonObject{{QStringLiteral("file"), b.path},
                               {QStringLiteral("kind"), backupKindName(b.kind)},
                               {QStringLiteral("time"), toIso(b.time)},
                               {QStringLiteral("bytes"), b.bytes}});
    return out;
}

// The answer of `status` on a damaged project: what SQLite found and how to get a sound
// database back. Exit code 1.
int reportDamage(const QString &root, const QStringList &problems, bool asJson)
{
    const std::vector<BackupFile> backups = ProjectBackup::list(root);
    if (asJson) {
        printOut(json(QJsonObject{{QStringLiteral("project"), root},
                                  {QStringLiteral("damaged"), true},
                                  {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                                  {QStringLiteral("backups"), backupsJson(backups)}}));
        return ExitFailure;
    }
    printOut(QStringLiteral("Project   %1").arg(root));
    printOut(QStringLiteral("DAMAGED   the project database %1 is damaged. SQLite's check says:")
                 .arg(Project::databasePathIn(root)));
    for (const QString &p : problems)
        printOut(QStringLiteral("            ") + p);
    printOut(QString());
    printOut(QStringLiteral("What is read from it now can be incomplete or wrong: commands that meet the damage stop with "
                            "an error.\nTo recover, restore a backup (the damaged file is moved into %1, never deleted):")
                 .arg(ProjectBackup::folderOf(root)));
    const BackupFile *newest = nullptr;
    for (const BackupFile &b : backups)
        if (!newest && b.kind != BackupFile::Kind::Replaced)
            newest = &b;
    printOut(QStringLiteral("  neuroonco restore %1 --from %2")
                 .arg(root, newest ? newest->path : QStringLiteral("BACKUP.sqlite")));
    if (backups.empty()) {
        printOut(QStringLiteral("There are no backups in %1. A copy made with 'neuroonco backup --out FILE' is restored the "
                                "same way; without any, sqlite3's '.recover' command may salvage rows into a new file.")
                     .arg(ProjectBackup::folderOf(root)));
    } else {
        printOut(QStringLiteral("Backups, newest first (restore checks the one you choose before using it):"));
        for (const BackupFile &b : backups)
            printOut(QStringLiteral("  %1  %2  %3  %4")
                         .arg(b.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                              backupKindName(b.kind).leftJustified(14), sizeText(b.bytes).rightJustified(9), b.path));
    }
    return ExitFailure;
}

int cmdStatus(const QStringList &args)
{
    CommandLine cl(QStringLiteral("status"),
                   QStringLiteral("Check the project database (SQLite's quick check) and show counts per pipeline stage "
                                  "and the latest job of each. Exit code 1 when the database is damaged."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    cl.addOption({QStringLiteral("no-check"),
                  QStringLiteral("Skip the quick check (it reads the whole database: about 2 s per GB when the file is "
                                 "cached, longer from disk).")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const bool asJson = cl.isSet(QStringLiteral("json"));
    const bool check = !cl.isSet(QStringLiteral("no-check"));
    const QString root = QFileInfo(cl.positional().at(0)).absoluteFilePath();
    Result<Project> opened = Project::open(root, requestedAccess());
    if (!opened) {
        if (opened.error().code == ErrorCode::Damaged)
            return reportDamage(root, {opened.error().detail}, asJson);
        printError(QStringLiteral("status"), opened.error());
        return ExitFailure;
    }
    const Project &project = *opened;
    auto db = project.connect();
    if (!db) {
        if (db.error().code == ErrorCode::Damaged)
            return reportDamage(root, {db.error().detail}, asJson);
        printError(QStringLiteral("status"), db.error());
        return ExitFailure;
    }
    QElapsedTimer checkTime;
    checkTime.start();
    Result<QStringList> problems = check ? (*db)->quickCheck() : Result<QStringList>(QStringList());
    if (!problems) {
        printError(QStringLiteral("status"), problems.error());
        return ExitFailure;
    }
    const qint64 checkMs = checkTime.elapsed();
    if (!problems->isEmpty())
        return reportDamage(project.root(), *problems, asJson);
    Result<ProjectStatus> status = ProjectStatus::collect(**db, project.root());
    if (!status) {
        if (status.error().code == ErrorCode::Damaged)
            return reportDamage(project.root(), {errorMessage(status.error())}, asJson);
        printError(QStringLiteral("status"), status.error());
        return ExitFailure;
    }
    const std::vector<BackupFile> backups = ProjectBackup::list(project.root());
    if (asJson) {
        QJsonObject o = status->toJson();
        if (check) {
            o.insert(QStringLiteral("damaged"), false);
            o.insert(QStringLiteral("check_ms"), checkMs);
        }
        o.insert(QStringLiteral("backups"), backupsJson(backups));
        printOut(json(o));
        return ExitOk;
    }
    printOut(QStringLiteral("Project   %1").arg(status->root));
    if (project.isReadOnly())
        printOut(QStringLiteral("Access    read-only (%1): reports, exports and lint work; stages cannot run")
                     .arg(project.readOnlyReason() == Project::ReadOnlyReason::Asked
                              ? QStringLiteral("--read-only")
                              : QStringLiteral("this user cannot write its folder or database")));
    printOut(QStringLiteral("Schema    v%1").arg(status->schemaVersion));
    printOut(check ? QStringLiteral("Database  sound (SQLite quick check, %1 s)").arg(double(checkMs) / 1000.0, 0, 'f', 2)
                   : QStringLiteral("Database  not checked (--no-check)"));
    printOut(backups.empty() ? QStringLiteral("Backups   none yet ('neuroonco backup' makes one)")
                             : QStringLiteral("Backups   %1 in %2, newest %3")
                                   .arg(backups.size())
                                   .arg(ProjectBackup::folderOf(project.root()),
                                        backups.front().time.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    for (auto it = status->counts.begin(); it != status->counts.end(); ++it)
        printOut(QStringLiteral("%1 %2").arg(it.key().leftJustified(9)).arg(it.value()));
    printOut(QStringLiteral("Running   %1 job(s)").arg(status->runningJobs));
    if (status->stages.empty())
        return ExitOk;
    printOut(QString());
    printOut(QStringLiteral("%1 %2 %3 %4  %5").arg(QStringLiteral("stage").leftJustified(14),
                                                 QStringLiteral("ok").rightJustified(8),
                                                 QStringLiteral("errors").rightJustified(8),
                                                 QStringLiteral("skipped").rightJustified(8),
                                                 QStringLiteral("last job")));
    for (const StageStatus &s : status->stages) {
        const QString last = s.lastJob.id > 0
                                 ? QStringLiteral("#%1 %2").arg(s.lastJob.id).arg(jobOutcomeText(s.lastJob.state, s.lastJob.errors()))
                                 : QStringLiteral("never run");
        printOut(QStringLiteral("%1 %2 %3 %4  %5")
                     .arg(s.id.leftJustified(14))
                     .arg(QString::number(s.items.ok).rightJustified(8))
                     .arg(QString::number(s.items.error).rightJustified(8))
                     .arg(QString::number(s.items.skipped).rightJustified(8))
                     .arg(last));
    }
    return ExitOk;
}

QJsonObject jobToJson(const JobRecord &r)
{
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("stage"), r.stage},
                       {QStringLiteral("state"), jobStateName(r.state)},
                       {QStringLiteral("parameters"), r.parameters},
                       {QStringLiteral("started_at"), toIso(r.started)},
                       {QStringLiteral("finished_at"), r.finished.isValid() ? QJsonValue(toIso(r.finished)) : QJsonValue()},
                       {QStringLiteral("duration_s"), r.durationSeconds()},
                       {QStringLiteral("done"), r.progress.done},
                       {QStringLiteral("total"), r.progress.total},
                       {QStringLiteral("summary"), r.summary},
                       {QStringLiteral("errors"), r.errors()},
                       {QStringLiteral("items"), itemCountsJson(r.items)},
                       {QStringLiteral("failures"), QJsonArray::fromStringList(r.failures)},
                       {QStringLiteral("error"), r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error)},
                       {QStringLiteral("resumed_from"), r.resumedFrom > 0 ? QJsonValue(r.resumedFrom) : QJsonValue()}};
}

int cmdJobs(const QStringList &args)
{
    CommandLine cl(QStringLiteral("jobs"), QStringLiteral("List the project's jobs, newest first, or print one job's log."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    cl.addOption({QStringLiteral("limit"), QStringLiteral("Show at most N jobs (default 50)."), QStringLiteral("N"), QStringLiteral("50")});
    cl.addOption({QStringLiteral("log"), QStringLiteral("Print the log lines of job ID."), QStringLiteral("ID")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    bool ok = false;
    const int limit = cl.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return cl.usageError(QStringLiteral("--limit needs a positive number"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("jobs"), db.error());
        return ExitFailure;
    }
    JobRepository jobs(**db);
    if (Result<int> reaped = jobs.reapStale(); !reaped) {
        printError(QStringLiteral("jobs"), reaped.error());
        return ExitFailure;
    }

    if (cl.isSet(QStringLiteral("log"))) {
        const qint64 id = cl.value(QStringLiteral("log")).toLongLong(&ok);
        if (!ok)
            return cl.usageError(QStringLiteral("--log needs a job id"));
        Result<JobRecord> record = jobs.get(id);
        if (!record) {
            printError(QStringLiteral("jobs"), record.error());
            return ExitFailure;
        }
        auto lines = jobs.logs(id);
        if (!lines) {
            printError(QStringLiteral("jobs"), lines.error());
            return ExitFailure;
        }
        if (cl.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const JobLogLine &l : *lines)
                array.append(QJsonObject{{QStringLiteral("at"), toIso(l.time)},
                                         {QStringLiteral("level"), logLevelName(l.level)},
                                         {QStringLiteral("message"), l.message}});
            QJsonObject o = jobToJson(*record);
            o.insert(QStringLiteral("log"), array);
            printOut(json(o));
            return ExitOk;
        }
        for (const JobLogLine &l : *lines)
            printOut(QStringLiteral("%1 %2 %3").arg(toIso(l.time), logLevelName(l.level).leftJustified(7), l.message));
        return ExitOk;
    }

    auto list = jobs.list(limit);
    if (!list) {
        printError(QStringLiteral("jobs"), list.error());
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const JobRecord &r : *list)
            array.append(jobToJson(r));
        printOut(json(array));
        return ExitOk;
    }
    if (list->empty()) {
        printOut(QStringLiteral("No jobs yet."));
        return ExitOk;
    }
    bool withErrors = false;
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6  %7").arg(QStringLiteral("id").rightJustified(5), QStringLiteral("stage").leftJustified(12),
                                                       QStringLiteral("state").leftJustified(11), QStringLiteral("items").rightJustified(15),
                                                       QStringLiteral("errors").rightJustified(7),
                                                       QStringLiteral("time").rightJustified(8), QStringLiteral("summary")));
    for (const JobRecord &r : *list) {
        const QString items = r.progress.total > 0 ? QStringLiteral("%1/%2").arg(r.progress.done).arg(r.progress.total)
                                                   : QString::number(r.progress.done);
        // A job that succeeded with errors says so in its state; its errors column counts them.
        const QString state = r.state == JobState::Succeeded && r.errors() > 0 ? QStringLiteral("succeeded*")
                                                                                : jobStateName(r.state);
        printOut(QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
                     .arg(QString::number(r.id).rightJustified(5), r.stage.leftJustified(12),
                          state.leftJustified(11), items.rightJustified(15),
                          QString::number(r.errors()).rightJustified(7),
                          QStringLiteral("%1s").arg(r.durationSeconds(), 0, 'f', 1).rightJustified(8),
                          r.error.isEmpty() ? jobSummaryText(r.summary) : r.error));
        if (r.state == JobState::Succeeded && r.errors() > 0)
            withErrors = true;
    }
    if (withErrors)
        printOut(QStringLiteral("\n* succeeded with errors: the errors column counts the items that failed "
                                "(--log ID lists them)."));
    return ExitOk;
}

int cmdBackup(const QStringList &args)
{
    CommandLine cl(QStringLiteral("backup"),
                   QStringLiteral("Copy the project database with SQLite's online backup (safe while jobs run) into "
                                  "PROJECT/backups/, where the newest %1 such copies are kept, or into FILE. A damaged "
                                  "database is refused: its copy would be damaged too.")
                       .arg(ProjectBackup::kKeepPerReason));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("out"), QStringLiteral("Write the backup to FILE (which must not exist)."), QStringLiteral("FILE")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const QString out = cl.value(QStringLiteral("out"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    if (project.isReadOnly() && out.isEmpty()) {
        printError(QStringLiteral("backup"),
                   Error(ErrorCode::ReadOnly, project.root(),
                         QStringLiteral("its backups/ folder cannot take the backup; write it elsewhere with --out FILE")));
        return ExitFailure;
    }
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("backup"), db.error());
        return ExitFailure;
    }
    Result<QStringList> problems = (*db)->quickCheck(5);
    if (!problems) {
        printError(QStringLiteral("backup"), problems.error());
        return ExitFailure;
    }
    if (!problems->isEmpty()) {
        printError(QStringLiteral("backup"), Error(ErrorCode::Damaged, project.databasePath(), problems->join(QStringLiteral("; "))));
        return ExitFailure;
    }
    Result<QString> written = ProjectBackup::create(project, **db, ProjectBackup::Reason::OnDemand,
                                                    out.isEmpty() ? QString() : QFileInfo(out).absoluteFilePath());
    if (!written) {
        printError(QStringLiteral("backup"), written.error());
        return ExitFailure;
    }
    printOut(QStringLiteral("Backed up %1 to %2 (%3)").arg(project.databasePath(), *written, sizeText(QFileInfo(*written).size())));
    return ExitOk;
}

int cmdRestore(const QStringList &args)
{
    CommandLine cl(QStringLiteral("restore"),
                   QStringLiteral("Put a backup in place of the project database. The backup is checked first (SQLite's "
                                  "quick check, a schema this build can open, the same project); the database it replaces "
                                  "is moved into PROJECT/backups/ as replaced-….sqlite, never deleted. An older schema "
                                  "is upgraded afterwards."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder (it may be damaged, or not exist yet)."));
    cl.addOption({QStringLiteral("from"), QStringLiteral("The backup file to restore."), QStringLiteral("FILE")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const QString from = cl.value(QStringLiteral("from"));
    if (from.isEmpty())
        return cl.usageError(QStringLiteral("--from FILE is required (see 'neuroonco status PROJECT' for the backups)"));
    if (requestedAccess() == DatabaseAccess::ReadOnly)
        return cl.usageError(QStringLiteral("restore writes the project; --read-only does not apply"));
    const QString root = QFileInfo(cl.positional().at(0)).absoluteFilePath();
    Result<RestoreOutcome> restored = ProjectBackup::restore(root, from);
    if (!restored) {
        printError(QStringLiteral("restore"), restored.error());
        return ExitFailure;
    }
    printOut(QStringLiteral("Checked %1: sound, schema v%2").arg(QFileInfo(from).absoluteFilePath()).arg(restored->restored.schemaVersion));
    printOut(QStringLiteral("Restored it as %1").arg(Project::databasePathIn(root)));
    if (!restored->replacedBy.isEmpty())
        printOut(QStringLiteral("The database it replaced is kept as %1").arg(restored->replacedBy));
    Result<Project> project = Project::open(root);
    if (!project) {
        printError(QStringLiteral("restore"), project.error());
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

std::vector<CliCommand> projectCommands()
{
    return {
        {QStringLiteral("init"), QStringLiteral("Create a new project folder"), cmdInit},
        {QStringLiteral("status"), QStringLiteral("Check the database; counts per stage and the latest jobs"), cmdStatus},
        {QStringLiteral("jobs"), QStringLiteral("List jobs or print a job's log"), cmdJobs},
        {QStringLiteral("backup"), QStringLiteral("Back up the project database"), cmdBackup},
        {QStringLiteral("restore"), QStringLiteral("Put a checked backup in place of the project database"), cmdRestore},
    };
}

} // namespace neuroonco
