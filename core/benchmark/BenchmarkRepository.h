// Stored benchmark items, their append-only review history and the test/train split of the
// samples. Reviews are never updated or deleted (the database refuses it); an item's status,
// payload and version change only together with a review entry that records before and after.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"
#include "core/util/Error.h"

#include <QHash>
#include <QList>
#include <QMap>

#include <memory>
#include <optional>
#include <vector>

class QSqlQuery;

namespace neuroonco {

class Database;

struct ItemFilter
{
    std::optional<ItemKind> kind;
    QList<ItemStatus> statuses; // any when empty
    QString questionType;       // any when empty
    QString split;              // any when empty; "none" for items without a split
    qint64 sample = 0;          // any when 0
};

struct SplitRow
{
    qint64 sample = 0;
    QString split; // train | test
    QString groupKey;
};

class BenchmarkRepository
{
public:
    enum class UpsertMode
    {
        KeepExisting,     // an item with the same key stays as it is
        ReplaceUntouched, // … unless no person reviewed or edited it (pending, or flagged stale by
                          // the system): then it is rebuilt, and the rebuild recorded in its
                          // history
    };

    explicit BenchmarkRepository(Database &db);
    ~BenchmarkRepository();

    // Inserts by item_key (the split is taken from the sample's split). Returns the item's id;
    // `written` says whether anything was inserted or replaced.
    Result<qint64> upsert(const BenchmarkItem &item, UpsertMode mode, bool *written = nullptr);
    Result<std::vector<BenchmarkItem>> items(const ItemFilter &filter = {});
    Result<BenchmarkItem> item(qint64 id);
    // Writes payload, lineage, status, origin, version, trap flag, answer and updated_at.
    Error update(const BenchmarkItem &item);

    Result<qint64> appendReview(const BenchmarkReview &review);
    Result<std::vector<BenchmarkReview>> reviews(qint64 item);
    Result<QHash<qint64, int>> reviewCounts();
    // "closed/pending" → n, …
    Result<QMap<QString, int>> counts();

    Error storeSplits(const std::vector<SplitRow> &rows, qint64 seed);
    Result<QHash<qint64, SplitRow>> splits();
    // Copies each sample's split onto its items.
    Error syncItemSplits();

private:
    static QString insertSql();
    Error bindInsert(QSqlQuery &query, const BenchmarkItem &item, const QString &now);

    Database &m_db;
    std::unique_ptr<QSqlQuery> m_insertNew; // prepared once per repository (the stage's hot path)
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_find;
};

} // namespace neuroonco
