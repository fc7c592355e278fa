// One connection to a project database, owned by the thread that opened it.
// SQLite is the embedded default (WAL, foreign keys, busy timeout); everything goes through
// Qt SQL so the same code can run against PostgreSQL for teams.
#pragma once

#include "util/Error.h"

#include <QSqlDatabase>
#include <QVariant>
#include <QString>

#include <memory>

class QSqlQuery;
class QThread;

namespace neuroonco {

class Database
{
public:
    enum class TransactionMode { Deferred, Immediate };

    // Opens (creating if needed) the SQLite file at `path` for the calling thread.
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase handle() const;
    QString path() const { return m_path; }
    QSqlQuery query() const;

    // Runs one statement; on failure the error names the statement.
    Error exec(const QString &sql);
    // Wraps a failed query into an Error that names `what`.
    Error queryError(const QSqlQuery &query, const QString &what) const;
    // Runs a prepared query, returning an Error naming `what` when it fails.
    Error run(QSqlQuery &query, const QString &what) const;

    Error begin(TransactionMode mode = TransactionMode::Immediate);
    Error commit();
    Error rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Convenience for single-value reads; returns `fallback` when there is no row.
    QVariant scalar(const QString &sql, const QVariant &fallback = {}) const;

private:
    Database(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
    QThread *m_thread = nullptr;
    bool m_inTransaction = false;
};

// Commits on commit(), rolls back when destroyed without it: no half-written batch survives.
class Transaction
{
public:
    explicit Transaction(Database &db,
                         Database::TransactionMode mode = Database::TransactionMode::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Error &beginError() const { return m_beginError; }
    Error commit();

private:
    Database &m_db;
    Error m_beginError;
    bool m_done = false;
};

} // namespace neuroonco
