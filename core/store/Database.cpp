// Connection lifetime, pragmas and transaction helpers for project databases.
#include "core/store/Database.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QVariant>

#include <algorithm>

namespace neuroonco {

namespace {
QAtomicInteger<quint64> s_connectionCounter = 0;
constexpr int kBusyTimeoutMs = 30000;

// SQLite's primary result codes; Qt reports them (or extended ones, whose low byte is the
// primary code) as the native error code.
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

int primaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

// Opens a QSQLITE connection called `name`. SQLite opens files lazily, so a small read follows:
// a file it cannot use fails here, not in the first real query.
QSqlError openConnection(const QString &name, const QString &databaseName, const QString &options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(databaseName);
    db.setConnectOptions(options);
    if (!db.open())
        return db.lastError();
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")))
        return probe.lastError();
    if (!probe.next() && probe.lastError().isValid())
        return probe.lastError();
    return {};
}

void dropConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Error openError(const QString &path, const QSqlError &error)
{
    const int code = primaryCode(error);
    if (code == kSqliteCorrupt || code == kSqliteNotADatabase)
        return Error(ErrorCode::Damaged, path, error.databaseText().isEmpty() ? error.text() : error.databaseText());
    return Error(ErrorCode::Database, path, error.text());
}

// Read-only: never writes the file and leaves its journal mode alone. A WAL database needs its
// -shm index beside it, which SQLite cannot create in a folder it may not write; when there is no
// write-ahead log to replay, the file alone holds the whole database and is opened as immutable.
QSqlError openReadOnly(const QString &name, const QString &path, Error *refusal)
{
    const QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1;QSQLITE_OPEN_READONLY").arg(kBusyTimeoutMs);
    QSqlError error = openConnection(name, path, options);
    if (!error.isValid())
        return {};
    dropConnection(name);
    const int code = primaryCode(error);
    if (code == kSqliteCorrupt || code == kSqliteNotADatabase)
        return error;
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0) {
        *refusal = Error(ErrorCode::ReadOnly, wal.absoluteFilePath(),
                         QStringLiteral("it holds changes not yet written into %1, and they cannot be read where "
                                        "the folder cannot be written. Open the project once with write access "
                                        "(or copy the folder somewhere writable) first")
                             .arg(QFileInfo(path).fileName()));
        return error;
    }
    const QString uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
                        + QStringLiteral("?immutable=1");
    error = openConnection(name, uri, options + QStringLiteral(";QSQLITE_OPEN_URI"));
    if (error.isValid())
        dropConnection(name);
    return error;
}

} // namespace

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path, DatabaseAccess access)
{
    const QString name = QStringLiteral("neuroonco-%1").arg(s_connectionCounter.fetchAndAddOrdered(1));
    if (access == DatabaseAccess::ReadOnly) {
        if (!QFileInfo(path).isFile())
            return Error(ErrorCode::NotFound, path);
        Error refusal;
        const QSqlError error = openReadOnly(name, path, &refusal);
        if (refusal)
            return refusal;
        if (error.isValid())
            return openError(path, error);
        std::unique_ptr<Database> result(new Database(path, name, access));
        for (const char *pragma : {"PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"}) {
            if (Error e = result->exec(QString::fromLatin1(pragma)))
                return e;
        }
        return result;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            const QSqlError error = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return openError(path, error);
        }
    }
    std::unique_ptr<Database> result(new Database(path, name, access));
    // WAL lets readers (the GUI) work while a job writes; NORMAL sync is durable at commit
    // boundaries in WAL mode, which is exactly what per-batch checkpoints need.
    const char *pragmas[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA busy_timeout=30000",
        "PRAGMA temp_store=MEMORY",
    };
    for (const char *pragma : pragmas) {
        if (Error e = result->exec(QString::fromLatin1(pragma)))
            return e.code == ErrorCode::Damaged ? Error(ErrorCode::Damaged, path, e.detail) : e;
    }
    return result;
}

Database::Database(QString path, QString connectionName, DatabaseAccess access)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_access(access)
    , m_thread(QThread::currentThread())
{}

Database::~Database()
{
    if (m_inTransaction)
        static_cast<void>(rollback()); // nothing to report to: an unfinished batch is dropped
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Database::handle",
               "a database connection is used from a thread that did not open it");
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery Database::query() const
{
    return QSqlQuery(handle());
}

Error Database::sqlError(const QSqlError &error, const QString &what) const
{
    // SQLite's own words say it ("database disk image is malformed"); the driver's "Unable to
    // fetch row" adds nothing there.
    const QString sqlite = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (primaryCode(error)) {
    case kSqliteCorrupt:
    case kSqliteNotADatabase: return Error(ErrorCode::Damaged, what, sqlite);
    case kSqliteReadOnly: return Error(ErrorCode::ReadOnly, what, sqlite);
    default: return Error(ErrorCode::Database, what, error.text());
    }
}

Error Database::queryError(const QSqlQuery &query, const QString &what) const
{
    return sqlError(query.lastError(), what);
}

Error Database::readError(const QSqlQuery &query, const QString &what) const
{
    if (!query.lastError().isValid())
        return {};
    return sqlError(query.lastError(), what);
}

Error Database::run(QSqlQuery &query, const QString &what) const
{
    if (!query.exec())
        return queryError(query, what);
    return {};
}

Error Database::exec(const QString &sql)
{
    QSqlQuery q(handle());
    if (!q.exec(sql))
        return sqlError(q.lastError(), sql.left(120));
    return {};
}

Error Database::begin(TransactionMode mode)
{
    const bool sqlite = handle().driverName() == QLatin1String("QSQLITE");
    const QString sql = (mode == TransactionMode::Immediate && sqlite)
                            ? QStringLiteral("BEGIN IMMEDIATE")
                            : QStringLiteral("BEGIN");
    Error e = exec(sql);
    if (!e)
        m_inTransaction = true;
    return e;
}

Error Database::commit()
{
    Error e = exec(QStringLiteral("COMMIT"));
    if (!e)
        m_inTransaction = false;
    return e;
}

Error Database::rollback()
{
    m_inTransaction = false;
    return exec(QStringLiteral("ROLLBACK"));
}

Result<QVariant> Database::scalar(const QString &sql, const QVariant &fallback) const
{
    QSqlQuery q(handle());
    if (!q.exec(sql))
        return sqlError(q.lastError(), sql.left(120));
    if (q.next())
        return q.value(0);
    if (Error e = readError(q, sql.left(120)))
        return e;
    return fallback;
}

Result<bool> Database::hasTable(const QString &table) const
{
    QSqlQuery q(handle());
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(table);
    if (Error e = run(q, QStringLiteral("sqlite_master")))
        return e;
    if (q.next())
        return true;
    if (Error e = readError(q, QStringLiteral("sqlite_master")))
        return e;
    return false;
}

Result<QStringList> Database::quickCheck(int maxProblems) const
{
    QSqlQuery q(handle());
    q.setForwardOnly(true);
    const QString what = QStringLiteral("quick_check");
    QStringList problems;
    if (!q.exec(QStringLiteral("PRAGMA quick_check(%1)").arg(std::max(1, maxProblems)))) {
        Error e = sqlError(q.lastError(), what);
        if (e.code != ErrorCode::Damaged)
            return e;
        return QStringList{e.detail};
    }
    Error e = forEachRow(q, what, [&] {
        // A row may hold several lines, under a "*** in database main ***" heading.
        for (const QString &line : q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** ")))
                problems << line.trimmed();
        }
    });
    if (e.code == ErrorCode::Damaged)
        problems << e.detail;
    else if (e)
        return e;
    return problems;
}

Transaction::Transaction(Database &db, Database::TransactionMode mode)
    : m_db(db)
    , m_beginError(db.begin(mode))
{
    m_done = m_beginError.isError();
}

Transaction::~Transaction()
{
    if (!m_done)
        static_cast<void>(m_db.rollback()); // the error that left the batch unfinished is reported by the caller
}

Error Transaction::commit()
{
    if (m_done)
        return m_beginError ? m_beginError : Error(ErrorCode::Internal, QStringLiteral("transaction"), QStringLiteral("already finished"));
    m_done = true;
    Error e = m_db.commit();
    if (e)
        static_cast<void>(m_db.rollback()); // the commit's error is the one that matters
    return e;
}

} // namespace neuroonco
