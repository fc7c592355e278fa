// Backups of a project's database in PROJECT/backups/: made on demand (`neuroonco backup`) and
// before every schema upgrade, checked before a restore, and put back by restore, which keeps
// the database it replaces beside them. One mechanism throughout: SQLite's online backup.
#pragma once

#include "core/util/Error.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace neuroonco {

class Database;
class Project;

struct BackupFile
{
    enum class Kind {
        OnDemand,      // neuroonco backup
        BeforeUpgrade, // made automatically before a schema upgrade
        Replaced,      // the database a restore put aside
    };
    QString path;
    Kind kind = Kind::OnDemand;
    QDateTime time; // UTC, from the file name
    qint64 bytes = 0;
};

// What a backup file holds, once it passed SQLite's quick check.
struct BackupContents
{
    int schemaVersion = 0;
    QString projectUuid; // empty when the backup does not record one
};

struct RestoreOutcome
{
    BackupContents restored;
    QString replacedBy; // where the database that was in place went; empty when there was none
};

class ProjectBackup
{
public:
    enum class Reason { OnDemand, BeforeUpgrade };
    // backups/ keeps this many of each reason; older ones are removed when a new one is made.
    static constexpr int kKeepPerReason = 5;

    static QString folderOf(const QString &projectRoot);

    // Backs up the project's database, open on `db`, into backups/ (or into `target`, which must
    // not exist yet) and returns the file written.
    static Result<QString> create(const Project &project, Database &db, Reason reason, const QString &target = {});
    // The files in backups/, newest first.
    static std::vector<BackupFile> list(const QString &projectRoot);
    // Opens `file` read-only and checks it: SQLite's quick check finds no damage and it holds a
    // NeuroOnco schema this build can open.
    static Result<BackupContents> check(const QString &file);
    // Puts the backup `file` in place of the database of the project in `projectRoot` after
    // checking it. Refuses a backup of another project and a project with a running job. The
    // database in place (and its -wal/-shm files) is moved into backups/, never deleted.
    static Result<RestoreOutcome> restore(const QString &projectRoot, const QString &file);
};

QString backupKindName(BackupFile::Kind kind);

} // namespace neuroonco
