// What the curation view needs (DESIGN.md §6, issue 8): the item list with its lint warnings,
// approve / reject / edit / regenerate with an append-only history, and stale detection — an
// item whose lineage no longer matches the effective gold label (a reviewer changed an
// attribute it was built from) is flagged stale. GUI-free; the same calls serve the CLI.
#pragma once

#include "core/benchmark/BenchmarkLint.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/util/Error.h"

#include <QMetaType>

#include <cstdint>
#include <functional>
#include <vector>

namespace neuroonco {

class Database;
struct GoldRecord;

struct CurationRow
{
    BenchmarkItem item;
    std::vector<LintFinding> findings; // lint warnings that concern this item
    int reviews = 0;                   // entries in its history
};

class BenchmarkCuration
{
public:
    // `slicesDir` lets lint check that images exist (empty: not checked).
    explicit BenchmarkCuration(Database &db, QString slicesDir = {});

    // Items (rejected ones only when the filter asks for them) with their lint findings.
    Result<std::vector<CurationRow>> rows(const ItemFilter &filter = {},
                                          bool onlyWithFindings = false);
    Result<std::vector<BenchmarkReview>> history(qint64 item);

    // Each action writes the item and a review entry in one transaction. `expectedVersion`
    // (when ≥ 0) refuses the action if someone changed the item meanwhile. Approving or
    // editing an item takes the current gold values as its new lineage: the curator has seen
    // the item as it is now.
    Result<BenchmarkItem> approve(qint64 item, const QString &reviewer, const QString &note = {},
                                  int expectedVersion = -1);
    Result<BenchmarkItem> reject(qint64 item, const QString &reviewer, const QString &note = {},
                                 int expectedVersion = -1);
    Result<BenchmarkItem> edit(qint64 item, const QString &reviewer, const QJsonObject &payload,
                               const QString &note = {}, int expectedVersion = -1);
    // Rebuilds a generated item from the current gold values, keeping its answer letter and
    // trap flag; the item returns to pending.
    Result<BenchmarkItem> regenerate(qint64 item, const QString &reviewer, std::uint64_t seed = 1);

    // Loads the gold labels and flags stale items; returns how many were flagged now.
    Result<int> detectStale(const QString &reviewer = QStringLiteral("system"));
    static Result<int> markStale(Database &db, const std::vector<GoldRecord> &golds,
                                 const QString &reviewer);

    // Writes `after` and the review entry recording the change from `before` (status, version,
    // origin and payload of each); the caller holds the transaction.
    static Error storeChange(BenchmarkRepository &repo, const BenchmarkItem &before, const BenchmarkItem &after,
                             const QString &action, const QString &reviewer, const QString &note);

    // Checks a payload as edit() would: every defect named with its field.
    static Error validate(ItemKind kind, const QJsonObject &payload);

private:
    Result<BenchmarkItem> change(qint64 id, const QString &reviewer, const QString &action,
                                 const QString &note, int expectedVersion,
                                 const std::function<Error(BenchmarkItem &)> &apply);
    Database &m_db;
    QString m_slicesDir;
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::CurationRow)
