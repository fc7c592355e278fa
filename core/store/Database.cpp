// Connection lifetime, pragmas and transaction helpers for project databases.
#include "store/Database.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace neuroonco {

namespace {
QAtomicInteger<quint64> s_connectionCounter = 0;
constexpr int kBusyTimeoutMs = 30000;
} // namespace

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    const QString name = QStringLiteral("neuroonco-%1").arg(s_connectionCounter.fetchAndAddOrdered(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            const QString detail = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error(ErrorCode::Database, path, detail);
        }
    }
    std::unique_ptr<Database> result(new Database(path, name));
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
            return e;
    }
    return result;
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
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

Error Database::queryError(const QSqlQuery &query, const QString &what) const
{
    return Error(ErrorCode::Database, what, query.lastError().text());
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
        return Error(ErrorCode::Database, sql.left(120), q.lastError().text());
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

QVariant Database::scalar(const QString &sql, const QVariant &fallback) const
{
    QSqlQuery q(handle());
    if (q.exec(sql) && q.next())
        return q.value(0);
    return fallback;
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
