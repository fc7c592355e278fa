// Making, listing, checking and restoring database backups of a project.
#include "core/project/ProjectBackup.h"

#include "core/project/Project.h"
#include "core/store/Database.h"
#include "core/store/DatabaseBackup.h"
#include "core/store/Migrations.h"
#include "core/util/ProcessIdentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

namespace neuroonco {

namespace {

const QString kTimeFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");

// project-20260107T101500Z-on-demand.sqlite, project-…-before-upgrade-from-v8.sqlite,
// replaced-….sqlite; a second file in the same second gets -2, -3 … after the time.
const QRegularExpression &namePattern()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(project|replaced)-(\d{8}T\d{6}Z)(?:-(\d+))?(?:-(on-demand|before-upgrade-from-v\d+))?\.sqlite$)"));
    return re;
}

// A new name in `folder`: `stem`-TIME[-n]`tail`.sqlite, with n above that of every file of the
// same second, so that the newest file always sorts newest (pruning removes the oldest names).
QString freshName(const QDir &folder, const QString &stem, const QString &tail)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(kTimeFormat);
    const QString prefix = QStringLiteral("%1-%2").arg(stem, time);
    int n = 0;
    for (const QString &name : folder.entryList({prefix + QLatin1Char('*')}, QDir::Files)) {
        const QRegularExpressionMatch m = namePattern().match(name);
        n = std::max(n, !m.hasMatch() || m.captured(3).isEmpty() ? 1 : m.captured(3).toInt());
    }
    ++n;
    return folder.filePath(QStringLiteral("%1%2%3.sqlite").arg(prefix, n == 1 ? QString() : QStringLiteral("-%1").arg(n), tail));
}

// Sorts newest first: by time, then by the same-second counter.
std::pair<QString, int> orderKey(const QString &fileName)
{
    const QRegularExpressionMatch m = namePattern().match(fileName);
    return {m.captured(2), m.captured(3).isEmpty() ? 1 : m.captured(3).toInt()};
}

void prune(const QString &projectRoot, BackupFile::Kind kind)
{
    int kept = 0;
    for (const BackupFile &f : ProjectBackup::list(projectRoot)) {
        if (f.kind != kind)
            continue;
        if (++kept > ProjectBackup::kKeepPerReason)
            QFile::remove(f.path);
    }
}

bool moveFile(const QString &from, const QString &to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

// What can be read of the database in place before a restore replaces it; a damaged one may
// give nothing, which is fine: it is being replaced because it is damaged.
struct InPlace
{
    QString uuid;
    QString runningJob; // "id (stage)" of a job whose process is alive
};

InPlace readInPlace(const QString &path)
{
    InPlace out;
    auto db = Database::openSqlite(path, DatabaseAccess::ReadOnly);
    if (!db)
        return out;
    if (Result<QVariant> uuid = (*db)->scalar(QStringLiteral("SELECT value FROM project_info WHERE key = 'uuid'")))
        out.uuid = uuid->toString();
    QSqlQuery q = (*db)->query();
    if (!q.exec(QStringLiteral("SELECT id, stage, host, pid, process_token FROM jobs WHERE state = 'running'")))
        return out;
    (void)(*db)->forEachRow(q, QStringLiteral("jobs"), [&] {
        if (out.runningJob.isEmpty()
            && ProcessIdentity::isAlive(q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toString()))
            out.runningJob = QStringLiteral("%1 (%2)").arg(q.value(0).toLongLong()).arg(q.value(1).toString());
    });
    return out;
}

} // namespace

QString backupKindName(BackupFile::Kind kind)
{
    switch (kind) {
    case BackupFile::Kind::OnDemand: return QStringLiteral("on-demand");
    case BackupFile::Kind::BeforeUpgrade: return QStringLiteral("before-upgrade");
    case BackupFile::Kind::Replaced: return QStringLiteral("replaced");
    }
    return {};
}

QString ProjectBackup::folderOf(const QString &projectRoot)
{
    return QDir(projectRoot).filePath(QStringLiteral("backups"));
}

Result<QString> ProjectBackup::create(const Project &project, Database &db, Reason reason, const QString &target)
{
    QString path = target;
    if (path.isEmpty()) {
        const QDir folder(project.backupsDir());
        if (!QDir().mkpath(folder.path()))
            return Error(ErrorCode::Io, folder.path(), QStringLiteral("cannot create folder"));
        QString tail = QStringLiteral("-on-demand");
        if (reason == Reason::BeforeUpgrade) {
            Result<int> version = Migrations::currentVersion(db);
            if (!version)
                return version.error();
            tail = QStringLiteral("-before-upgrade-from-v%1").arg(*version);
        }
        path = freshName(folder, QStringLiteral("project"), tail);
    } else if (QFileInfo::exists(path)) {
        return Error(ErrorCode::InvalidArgument, path, QStringLiteral("the file exists already; choose a new name"));
    }
    if (Error e = DatabaseBackup::copy(db, path))
        return e;
    if (target.isEmpty())
        prune(project.root(), reason == Reason::BeforeUpgrade ? BackupFile::Kind::BeforeUpgrade : BackupFile::Kind::OnDemand);
    return path;
}

std::vector<BackupFile> ProjectBackup::list(const QString &projectRoot)
{
    std::vector<std::pair<std::pair<QString, int>, BackupFile>> found;
    const QDir folder(folderOf(projectRoot));
    for (const QFileInfo &info : folder.entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files)) {
        const QRegularExpressionMatch m = namePattern().match(info.fileName());
        if (!m.hasMatch())
            continue;
        BackupFile f;
        f.path = info.absoluteFilePath();
        f.bytes = info.size();
        f.time = QDateTime::fromString(m.captured(2), kTimeFormat);
        f.time.setTimeSpec(Qt::UTC);
        if (m.captured(1) == QLatin1String("replaced"))
            f.kind = BackupFile::Kind::Replaced;
        else if (m.captured(4).startsWith(QLatin1String("before-upgrade")))
            f.kind = BackupFile::Kind::BeforeUpgrade;
        else if (m.captured(4) == QLatin1String("on-demand"))
            f.kind = BackupFile::Kind::OnDemand;
        else
            continue;
        found.emplace_back(orderKey(info.fileName()), f);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<BackupFile> out;
    for (auto &entry : found)
        out.push_back(std::move(entry.second));
    return out;
}

Result<BackupContents> ProjectBackup::check(const QString &file)
{
    if (!QFileInfo(file).isFile())
        return Error(ErrorCode::NotFound, file);
    auto db = Database::openSqlite(file, DatabaseAccess::ReadOnly);
    if (!db)
        return db.error().code == ErrorCode::Damaged ? Error(ErrorCode::Damaged, file, db.error().detail) : db.error();
    Result<QStringList> problems = (*db)->quickCheck(5);
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return Error(ErrorCode::Damaged, file, problems->join(QStringLiteral("; ")));
    Result<int> version = Migrations::currentVersion(**db);
    if (!version)
        return version.error();
    if (*version <= 0)
        return Error(ErrorCode::InvalidArgument, file, QStringLiteral("not a NeuroOnco project database (it has no schema version)"));
    if (*version > Migrations::latestVersion())
        return Migrations::tooNewError(file, *version);
    BackupContents contents;
    contents.schemaVersion = *version;
    Result<QVariant> uuid = (*db)->scalar(QStringLiteral("SELECT value FROM project_info WHERE key = 'uuid'"));
    if (!uuid)
        return uuid.error();
    contents.projectUuid = uuid->toString();
    return contents;
}

Result<RestoreOutcome> ProjectBackup::restore(const QString &projectRoot, const QString &file)
{
    const QString root = QFileInfo(projectRoot).absoluteFilePath();
    const QString backup = QFileInfo(file).absoluteFilePath();
    Result<BackupContents> contents = check(backup);
    if (!contents)
        return contents.error();
    if (!QDir().mkpath(root))
        return Error(ErrorCode::Io, root, QStringLiteral("cannot create folder"));
    if (!QFileInfo(root).isWritable())
        return Error(ErrorCode::ReadOnly, root, QStringLiteral("restoring needs write access to the project folder"));

    const QString dbPath = Project::databasePathIn(root);
    // A -wal or -shm without its database is moved aside too: SQLite would replay that log into
    // the restored file.
    bool replacing = false;
    for (const char *suffix : {"", "-wal", "-shm"})
        replacing = replacing || QFileInfo::exists(dbPath + QLatin1String(suffix));
    if (QFileInfo::exists(dbPath)) {
        const InPlace current = readInPlace(dbPath);
        if (!current.uuid.isEmpty() && !contents->projectUuid.isEmpty() && current.uuid != contents->projectUuid)
            return Error(ErrorCode::Conflict, backup,
                         QStringLiteral("it is a backup of another project (%1); the project in %2 is %3")
                             .arg(contents->projectUuid, root, current.uuid));
        if (!current.runningJob.isEmpty())
            return Error(ErrorCode::Locked, root,
                         QStringLiteral("job %1 is running in this project; stop it before restoring").arg(current.runningJob));
    }

    // The copy is made beside the database first, so that nothing is moved until it exists.
    const QString staging = dbPath + QStringLiteral(".restoring");
    if (Error e = DatabaseBackup::copyFile(backup, staging))
        return e;
    RestoreOutcome outcome;
    outcome.restored = *contents;
    if (replacing) {
        const QDir folder(folderOf(root));
        if (!QDir().mkpath(folder.path())) {
            QFile::remove(staging);
            return Error(ErrorCode::Io, folder.path(), QStringLiteral("cannot create folder"));
        }
        outcome.replacedBy = freshName(folder, QStringLiteral("replaced"), QString());
        // The -wal belongs to the database it sits beside: left in place, SQLite would replay it
        // into the restored file. It moves with its database.
        std::vector<std::pair<QString, QString>> moved;
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString from = dbPath + QLatin1String(suffix);
            if (!QFileInfo::exists(from))
                continue;
            const QString to = outcome.replacedBy + QLatin1String(suffix);
            if (!moveFile(from, to)) {
                for (const auto &[back, place] : moved)
                    moveFile(place, back);
                QFile::remove(staging);
                return Error(ErrorCode::Io, from, QStringLiteral("cannot move it aside into %1").arg(folder.path()));
            }
            moved.emplace_back(from, to);
        }
    }
    if (!moveFile(staging, dbPath))
        return Error(ErrorCode::Io, dbPath,
                     QStringLiteral("cannot move the restored copy %1 into place (the database it replaces is %2)")
                         .arg(staging, outcome.replacedBy));
    return outcome;
}

} // namespace neuroonco
