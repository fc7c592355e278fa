// One connection to a project database, owned by the thread that opened it.
// SQLite is the embedded default (WAL, foreign keys, busy timeout); everything goes through
// Qt SQL so the same code can run against PostgreSQL for teams.
#pragma once

#include "core/store/DatabaseAccess.h"
#include "core/util/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QString>

#include <memory>
#include <type_traits>

class QSqlError;
class QThread;

namespace neuroonco {

class Database
{
public:
    enum class TransactionMode { Deferred, Immediate };

    // Opens the SQLite file at `path` for the calling thread (ReadWrite creates it if needed).
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path, DatabaseAccess access = DatabaseAccess::ReadWrite);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase handle() const;
    QString path() const { return m_path; }
    DatabaseAccess access() const { return m_access; }
    bool isReadOnly() const { return m_access == DatabaseAccess::ReadOnly; }
    QSqlQuery query() const;

    // Runs one statement; on failure the error names the statement.
    Error exec(const QString &sql);
    // Wraps a failed query into an Error that names `what`. A damaged file gives
    // ErrorCode::Damaged, a write to a read-only database ErrorCode::ReadOnly.
    Error queryError(const QSqlQuery &query, const QString &what) const;
    // Runs a prepared query, returning an Error naming `what` when it fails.
    Error run(QSqlQuery &query, const QString &what) const;

    // For after QSqlQuery::next() returned false: next() says false both when the rows ran out and
    // when reading the next one failed (a damaged page, an I/O error). This is the error naming
    // `what` in the second case, so a failed read is never taken for a short result.
    Error readError(const QSqlQuery &query, const QString &what) const;

    // Reads every row of an executed query, calling `row()` for each (it reads the query's
    // current row). `row` may return an Error to stop early with it. Returns the read error
    // naming `what` when the rows stopped because a read failed.
    template<typename RowFunction>
    Error forEachRow(QSqlQuery &query, const QString &what, RowFunction &&row) const
    {
        while (query.next()) {
            if constexpr (std::is_same_v<std::invoke_result_t<RowFunction>, Error>) {
                if (Error e = row())
                    return e;
            } else {
                row();
            }
        }
        return readError(query, what);
    }

    Error begin(TransactionMode mode = TransactionMode::Immediate);
    Error commit();
    Error rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Single-value reads; `fallback` when there is no row, an Error when the read fails.
    Result<QVariant> scalar(const QString &sql, const QVariant &fallback = {}) const;
    // Whether the schema has a table of that name (older schemas lack later tables).
    Result<bool> hasTable(const QString &table) const;

    // SQLite's quick check (the b-tree structure of every table and index, without comparing
    // index contents to their tables): the problems it reports, empty for a sound database, at
    // most `maxProblems` of them. A check that cannot run at all (the file is not a database)
    // is reported as a problem too; an Error only when something other than damage stopped it.
    Result<QStringList> quickCheck(int maxProblems = 20) const;

private:
    Database(QString path, QString connectionName, DatabaseAccess access);
    Error sqlError(const QSqlError &error, const QString &what) const;

    QString m_path;
    QString m_connectionName;
    DatabaseAccess m_access = DatabaseAccess::ReadWrite;
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
