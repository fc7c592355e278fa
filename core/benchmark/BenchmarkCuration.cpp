// Curation actions and stale detection.
#include "core/benchmark/BenchmarkCuration.h"

#include "core/benchmark/ClosedItemBuilder.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/OpenItemBuilder.h"
#include "core/store/Database.h"

#include <QHash>
#include <QJsonArray>

namespace neuroonco {

namespace {

QJsonObject snapshot(const BenchmarkItem &i)
{
    return {{QStringLiteral("status"), itemStatusName(i.status)},
            {QStringLiteral("version"), i.version},
            {QStringLiteral("origin"), itemOriginName(i.origin)},
            {QStringLiteral("payload"), i.payload}};
}

QStringList lineageKeys(const QJsonObject &lineage, const char *section)
{
    return lineage.value(QLatin1String(section)).toObject().keys();
}

// The item's lineage rebuilt from the current gold values (same keys and cited numbers).
Error refreshLineage(Database &db, BenchmarkItem &item)
{
    if (item.sample <= 0 || item.lineage.isEmpty())
        return {};
    Result<GoldRecord> gold = GoldAttributes::loadOne(db, item.sample);
    if (!gold)
        return gold.error();
    item.lineage = GoldAttributes::lineage(*gold, lineageKeys(item.lineage, "values"),
                                           lineageKeys(item.lineage, "numbers"));
    return {};
}

} // namespace

BenchmarkCuration::BenchmarkCuration(Database &db, QString slicesDir)
    : m_db(db)
    , m_slicesDir(std::move(slicesDir))
{}

Error BenchmarkCuration::validate(ItemKind kind, const QJsonObject &payload)
{
    QStringList problems;
    if (kind == ItemKind::Closed) {
        const ClosedQuestion q = ClosedQuestion::fromJson(payload, &problems);
        if (problems.isEmpty()) {
            for (const LintFinding &f : BenchmarkLint::checkQuestion(q)) {
                if (f.severity == LintSeverity::Error &&
                    (f.kind == QLatin1String("trap_inconsistent")))
                    problems << QStringLiteral("meta_trap: ") + f.message;
            }
        }
    } else {
        OpenQuestion::fromJson(payload, &problems);
    }
    if (problems.isEmpty())
        return {};
    const QString first = problems.first();
    const qsizetype colon = first.indexOf(QStringLiteral(": "));
    return Error(ErrorCode::InvalidArgument, QStringLiteral("payload.") + first.left(colon),
                 first.mid(colon + 2));
}

Result<std::vector<CurationRow>> BenchmarkCuration::rows(const ItemFilter &filter,
                                                         bool onlyWithFindings)
{
    BenchmarkRepository repo(m_db);
    Result<std::vector<BenchmarkItem>> items = repo.items(filter);
    if (!items)
        return items.error();
    LintOptions options;
    options.checkImages = !m_slicesDir.isEmpty();
    Result<LintReport> lint = BenchmarkLint::lintProject(m_db, m_slicesDir, options);
    if (!lint)
        return lint.error();
    Result<QHash<qint64, int>> reviews = repo.reviewCounts();
    if (!reviews)
        return reviews.error();
    // Findings → items: per item, or (file-level spelling variants) every item of a record that
    // uses one of the spellings.
    QHash<qint64, std::vector<LintFinding>> byItem;
    QHash<QString, QList<qint64>> itemsOfRecord;
    for (const BenchmarkItem &i : *items)
        itemsOfRecord[i.sample > 0 ? QString::number(i.sample) : i.externalId].append(i.id);
    for (const LintFinding &f : lint->findings) {
        if (f.item > 0) {
            byItem[f.item].push_back(f);
            continue;
        }
        if (f.kind == QLatin1String("spelling_variant")) {
            for (const QJsonValue &id : f.detail.value(QStringLiteral("records")).toArray())
                for (qint64 item : itemsOfRecord.value(id.toString()))
                    byItem[item].push_back(f);
        }
    }
    std::vector<CurationRow> out;
    out.reserve(items->size());
    for (BenchmarkItem &i : *items) {
        CurationRow row;
        row.findings = byItem.value(i.id);
        if (onlyWithFindings && row.findings.empty())
            continue;
        row.reviews = reviews->value(i.id);
        row.item = std::move(i);
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::vector<BenchmarkReview>> BenchmarkCuration::history(qint64 item)
{
    return BenchmarkRepository(m_db).reviews(item);
}

Result<BenchmarkItem> BenchmarkCuration::change(qint64 id, const QString &reviewer,
                                                const QString &action, const QString &note,
                                                int expectedVersion,
                                                const std::function<Error(BenchmarkItem &)> &apply)
{
    if (reviewer.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("reviewer"),
                     QStringLiteral("every benchmark review needs a reviewer name"));
    Transaction tx(m_db);
    if (tx.beginError())
        return tx.beginError();
    BenchmarkRepository repo(m_db);
    Result<BenchmarkItem> item = repo.item(id);
    if (!item)
        return item.error();
    if (expectedVersion >= 0 && item->version != expectedVersion)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("benchmark item %1").arg(id),
                     QStringLiteral("it changed meanwhile (version %1, expected %2); reload it")
                         .arg(item->version)
                         .arg(expectedVersion));
    const BenchmarkItem before = *item;
    if (Error e = apply(*item))
        return e;
    if (Error e = storeChange(repo, before, *item, action, reviewer, note))
        return e;
    if (Error e = tx.commit())
        return e;
    return repo.item(id);
}

Error BenchmarkCuration::storeChange(BenchmarkRepository &repo, const BenchmarkItem &before, const BenchmarkItem &after,
                                       const QString &action, const QString &reviewer, const QString &note)
{
    if (Error e = repo.update(after))
        return e;
    BenchmarkReview review;
    review.item = after.id;
    review.action = action;
    review.reviewer = reviewer;
    review.before = snapshot(before);
    review.after = snapshot(after);
    review.note = note;
    if (Result<qint64> r = repo.appendReview(review); !r)
        return r.error();
    return {};
}

Result<BenchmarkItem> BenchmarkCuration::approve(qint64 id, const QString &reviewer,
                                                 const QString &note, int expectedVersion)
{
    return change(id, reviewer, QStringLiteral("approve"), note, expectedVersion,
                  [&](BenchmarkItem &i) -> Error {
                      i.status = ItemStatus::Approved;
                      return refreshLineage(m_db, i);
                  });
}

Result<BenchmarkItem> BenchmarkCuration::reject(qint64 id, const QString &reviewer,
                                                const QString &note, int expectedVersion)
{
    return change(id, reviewer, QStringLiteral("reject"), note, expectedVersion,
                  [&](BenchmarkItem &i) -> Error {
                      i.status = ItemStatus::Rejected;
                      return {};
                  });
}

Result<BenchmarkItem> BenchmarkCuration::edit(qint64 id, const QString &reviewer,
                                              const QJsonObject &payload, const QString &note,
                                              int expectedVersion)
{
    return change(id, reviewer, QStringLiteral("edit"), note, expectedVersion,
                  [&](BenchmarkItem &i) -> Error {
                      if (Error e = validate(i.kind, payload))
                          return e;
                      i.payload = payload;
                      i.origin = ItemOrigin::Edited;
                      i.status = ItemStatus::Pending;
                      i.version += 1;
                      if (i.kind == ItemKind::Closed) {
                          const ClosedQuestion q = ClosedQuestion::fromJson(payload);
                          i.questionType = q.questionType;
                          i.trap = q.trap;
                          i.answer = q.answer;
                      } else {
                          i.questionType = OpenQuestion::fromJson(payload).questionType;
                      }
                      return refreshLineage(m_db, i);
                  });
}

Result<BenchmarkItem> BenchmarkCuration::regenerate(qint64 id, const QString &reviewer,
                                                    std::uint64_t seed)
{
    return change(
        id, reviewer, QStringLiteral("regenerate"), {}, -1, [&](BenchmarkItem &i) -> Error {
            if (i.sample <= 0)
                return Error(ErrorCode::Unsupported, QStringLiteral("benchmark item %1").arg(i.id),
                             QStringLiteral("it is not linked to a sample, so there are no gold "
                                            "values to rebuild it from"));
            Result<GoldRecord> gold = GoldAttributes::loadOne(m_db, i.sample);
            if (!gold)
                return gold.error();
            if (i.kind == ItemKind::Closed) {
                const ClosedQuestion old = i.closed();
                QuestionPlan plan{old.trap, old.trap ? QStringLiteral("E") : old.answer};
                std::optional<ClosedQuestion> q =
                    ClosedItemBuilder::build(*gold, i.questionType, plan, seed);
                if (!q)
                    return Error(
                        ErrorCode::InvalidArgument, QStringLiteral("benchmark item %1").arg(i.id),
                        QStringLiteral("the current gold label has no %1 value to ask about")
                            .arg(i.questionType));
                i.payload = q->toJson();
                i.trap = q->trap;
                i.answer = q->answer;
                i.lineage = GoldAttributes::lineage(
                    *gold, ClosedItemBuilder::lineageKeys(*gold, i.questionType));
            } else {
                const QString slot = i.itemKey.section(QLatin1Char(':'), -1);
                bool found = false;
                for (const OpenDraft &d : OpenItemBuilder::build(*gold, seed)) {
                    if (d.slot != slot)
                        continue;
                    OpenQuestion q = d.question;
                    q.questionId = i.open().questionId;
                    i.payload = q.toJson();
                    i.lineage = GoldAttributes::lineage(*gold, d.keys, d.numberKeys);
                    found = true;
                }
                if (!found)
                    return Error(
                        ErrorCode::InvalidArgument, QStringLiteral("benchmark item %1").arg(i.id),
                        QStringLiteral("the current gold label no longer supports a %1 question")
                            .arg(slot));
            }
            i.origin = ItemOrigin::Generated;
            i.status = ItemStatus::Pending;
            i.version += 1;
            return {};
        });
}

Result<int> BenchmarkCuration::detectStale(const QString &reviewer)
{
    Result<std::vector<GoldRecord>> golds = GoldAttributes::load(m_db);
    if (!golds)
        return golds.error();
    return markStale(m_db, *golds, reviewer);
}

Result<int> BenchmarkCuration::markStale(Database &db, const std::vector<GoldRecord> &golds,
                                         const QString &reviewer)
{
    QHash<qint64, const GoldRecord *> bySample;
    for (const GoldRecord &g : golds)
        bySample.insert(g.sample, &g);
    BenchmarkRepository repo(db);
    ItemFilter filter;
    filter.statuses = {ItemStatus::Pending, ItemStatus::Approved};
    Result<std::vector<BenchmarkItem>> items = repo.items(filter);
    if (!items)
        return items.error();
    Transaction tx(db);
    if (tx.beginError())
        return tx.beginError();
    int flagged = 0;
    for (BenchmarkItem &i : *items) {
        const GoldRecord *g = bySample.value(i.sample, nullptr);
        if (!g || i.lineage.isEmpty())
            continue;
        const QStringList changed = GoldAttributes::changedKeys(i.lineage, *g);
        if (changed.isEmpty())
            continue;
        QJsonObject now;
        for (const QString &k : changed)
            now.insert(k, k.startsWith(QLatin1String("numbers."))
                              ? g->citedNumbers().value(k.mid(8))
                              : QJsonValue(g->value(k)));
        BenchmarkReview review;
        review.item = i.id;
        review.action = QStringLiteral("stale");
        review.reviewer = reviewer;
        review.before = {{QStringLiteral("status"), itemStatusName(i.status)},
                         {QStringLiteral("lineage"), i.lineage}};
        i.status = ItemStatus::Stale;
        review.after = {{QStringLiteral("status"), itemStatusName(i.status)},
                        {QStringLiteral("changed"), QJsonArray::fromStringList(changed)},
                        {QStringLiteral("current"), now}};
        if (Error e = repo.update(i))
            return e;
        if (Result<qint64> r = repo.appendReview(review); !r)
            return r.error();
        ++flagged;
    }
    if (Error e = tx.commit())
        return e;
    return flagged;
}

} // namespace neuroonco
