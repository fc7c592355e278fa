// The SQLite backup API behind DatabaseBackup. Qt's SQLite driver hands out its sqlite3 handle,
// so the copy reads through the very connection (and snapshot) the caller uses.
#include "core/store/DatabaseBackup.h"

#include "core/store/Database.h"

#include <QFile>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstdio>

namespace neuroonco {

namespace {

sqlite3 *nativeHandle(const Database &db)
{
    const QVariant handle = db.handle().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Error sqliteError(int code, const QString &what, const QString &text)
{
    switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Error(ErrorCode::Damaged, what, text);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM: return Error(ErrorCode::Io, what, text);
    default: return Error(ErrorCode::Database, what, text);
    }
}

class Connection
{
public:
    ~Connection()
    {
        if (m_db)
            sqlite3_close(m_db);
    }
    sqlite3 **out() { return &m_db; }
    sqlite3 *get() const { return m_db; }
    QString message() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db = nullptr;
};

Error writeCopy(sqlite3 *source, const QString &sourceName, const QString &part)
{
    Connection target;
    int rc = sqlite3_open_v2(QFile::encodeName(part).constData(), target.out(),
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(rc, part, target.get() ? target.message() : QString::fromUtf8(sqlite3_errstr(rc)));
    sqlite3_backup *backup = sqlite3_backup_init(target.get(), "main", source, "main");
    if (!backup)
        return sqliteError(sqlite3_errcode(target.get()), part, target.message());
    // All pages in one step: one read transaction, so the copy is a consistent snapshot even
    // while other connections write (in WAL mode they are not held up by it).
    const int step = sqlite3_backup_step(backup, -1);
    rc = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE) {
        // A damaged source page fails the step; the message is the source's.
        const QString text = QString::fromUtf8(sqlite3_errmsg(source));
        return sqliteError(step, sourceName, text.isEmpty() ? QString::fromUtf8(sqlite3_errstr(step)) : text);
    }
    if (rc != SQLITE_OK)
        return sqliteError(rc, part, target.message());
    // The copy inherits the source's WAL mode in its header; a backup is one file instead.
    rc = sqlite3_exec(target.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(rc, part, target.message());
    return {};
}

} // namespace

Error DatabaseBackup::copy(const Database &db, const QString &target)
{
    sqlite3 *source = nativeHandle(db);
    if (!source)
        return Error(ErrorCode::Unsupported, db.path(), QStringLiteral("backups need an SQLite database"));
    const QString part = target + QStringLiteral(".part");
    QFile::remove(part);
    if (Error e = writeCopy(source, db.path(), part)) {
        QFile::remove(part);
        return e;
    }
    // rename(2) replaces an existing target in one step.
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(part);
        return Error(ErrorCode::Io, target, QStringLiteral("cannot move the finished copy into place"));
    }
    return {};
}

Error DatabaseBackup::copyFile(const QString &source, const QString &target)
{
    auto db = Database::openSqlite(source, DatabaseAccess::ReadOnly);
    if (!db)
        return db.error();
    return copy(**db, target);
}

} // namespace neuroonco
