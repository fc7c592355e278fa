// Per-item checkpoints: "item X of scope S is finished and its results are committed".
// Stages write a checkpoint in the same transaction as the item's results, so a job killed at
// any moment resumes exactly after the last committed batch: nothing redone, nothing twice.
#pragma once

#include "core/util/Error.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

class QSqlQuery;

namespace neuroonco {

class Database;

enum class CheckpointStatus { Ok, Error, Skipped };

struct CheckpointCounts
{
    qint64 ok = 0;
    qint64 error = 0;
    qint64 skipped = 0;
    qint64 total() const { return ok + error + skipped; }
};

class CheckpointStore
{
public:
    explicit CheckpointStore(Database &db);
    ~CheckpointStore();

    Error mark(const QString &scope, const QString &item, qint64 jobId, CheckpointStatus status);
    // Items already finished. With `errorsAreDone` false, items that ended in an error are
    // left out so that a rerun retries them (useful for network failures).
    Result<QSet<QString>> finished(const QString &scope, bool errorsAreDone = true);
    // Items of `scope` whose checkpoint has `status` (the ones that failed before, say).
    Result<QSet<QString>> withStatus(const QString &scope, CheckpointStatus status);
    Result<CheckpointCounts> counts(const QString &scope);
    Result<QHash<QString, CheckpointCounts>> countsByScope();
    // Forgets a scope (or the listed items of it) so the next run redoes them.
    Error reset(const QString &scope);
    Error reset(const QString &scope, const QStringList &items);

private:
    Database &m_db;
    std::unique_ptr<QSqlQuery> m_markQuery;
};

QString checkpointStatusName(CheckpointStatus status);

} // namespace neuroonco
