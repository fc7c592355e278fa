// SQL for benchmark_items, benchmark_reviews and sample_splits.
#include "core/benchmark/BenchmarkRepository.h"

#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace neuroonco {

namespace {

// The split of an item with a sample is its sample's current split (sample_splits), never a copy
// a later split could have made stale; imported items without a sample keep their own.
const QString kCurrentSplit = QStringLiteral(
    "(CASE WHEN benchmark_items.sample IS NULL THEN benchmark_items.split ELSE "
    "(SELECT s.split FROM sample_splits s WHERE s.sample = benchmark_items.sample) END)");

const QString kColumns =
    QStringLiteral("id, kind, sample, item_key, external_id, image_path, question_type, payload, "
                   "lineage, status, ") + kCurrentSplit + QStringLiteral(", origin, version, "
                   "is_trap, answer, created_at, updated_at");

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QVariant nullableString(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

BenchmarkItem readItem(const QSqlQuery &q)
{
    BenchmarkItem i;
    i.id = q.value(0).toLongLong();
    itemKindFromName(q.value(1).toString(), &i.kind);
    i.sample = q.value(2).toLongLong();
    i.itemKey = q.value(3).toString();
    i.externalId = q.value(4).toString();
    i.imagePath = q.value(5).toString();
    i.questionType = q.value(6).toString();
    i.payload = parse(q.value(7));
    i.lineage = parse(q.value(8));
    itemStatusFromName(q.value(9).toString(), &i.status);
    i.split = q.value(10).toString();
    itemOriginFromName(q.value(11).toString(), &i.origin);
    i.version = q.value(12).toInt();
    i.trap = q.value(13).toBool();
    i.answer = q.value(14).toString();
    i.createdAt = q.value(15).toString();
    i.updatedAt = q.value(16).toString();
    return i;
}

} // namespace

BenchmarkRepository::BenchmarkRepository(Database &db)
    : m_db(db)
{}

BenchmarkRepository::~BenchmarkRepository() = default;

Result<qint64> BenchmarkRepository::upsert(const BenchmarkItem &item, UpsertMode mode,
                                           bool *written)
{
    if (written)
        *written = false;
    const QString now = nowIso();
    if (mode == UpsertMode::KeepExisting) {
        // The common case (a fresh run): one statement, no look-up.
        if (!m_insertNew) {
            m_insertNew = std::make_unique<QSqlQuery>(m_db.handle());
            m_insertNew->prepare(insertSql() + QStringLiteral(" ON CONFLICT(item_key) DO NOTHING"));
        }
        if (Error e = bindInsert(*m_insertNew, item, now); e)
            return e;
        if (m_insertNew->numRowsAffected() > 0) {
            if (written)
                *written = true;
            return m_insertNew->lastInsertId().toLongLong();
        }
    }
    if (!m_find) {
        m_find = std::make_unique<QSqlQuery>(m_db.handle());
        // Untouched: never edited, and no history but the system's own stale flags.
        m_find->prepare(QStringLiteral("SELECT id, status, origin, payload, lineage, "
                                       "(SELECT COUNT(*) FROM benchmark_reviews r WHERE r.item = "
                                       "benchmark_items.id AND r.reviewer <> 'system') "
                                       "FROM benchmark_items WHERE item_key = ?"));
    }
    QSqlQuery &find = *m_find;
    find.bindValue(0, item.itemKey);
    if (Error e = m_db.run(find, QStringLiteral("benchmark_items")))
        return e;
    const bool found = find.next();
    if (!found) {
        if (Error e = m_db.readError(find, QStringLiteral("benchmark_items")))
            return e;
    }
    if (found) {
        const qint64 id = find.value(0).toLongLong();
        const QString status = find.value(1).toString();
        const bool untouched =
            (status == QLatin1String("pending") || status == QLatin1String("stale")) &&
            find.value(2).toString() != QLatin1String("edited") && find.value(5).toInt() == 0;
        const QString oldPayload = find.value(3).toString();
        const QString oldLineage = find.value(4).toString();
        find.finish();
        if (mode == UpsertMode::KeepExisting || !untouched)
            return id;
        if (status == QLatin1String("pending") && oldPayload == compact(item.payload) &&
            oldLineage == compact(item.lineage))
            return id;
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("UPDATE benchmark_items SET sample = ?, external_id = ?, "
                                 "image_path = ?, question_type = ?, payload = ?, "
                                 "lineage = ?, is_trap = ?, answer = ?, status = 'pending', "
                                 "version = version + 1, updated_at = ? "
                                 "WHERE id = ?"));
        for (const QVariant &v :
             {nullableId(item.sample), nullableString(item.externalId), QVariant(item.imagePath),
              QVariant(item.questionType), QVariant(compact(item.payload)),
              QVariant(compact(item.lineage)), QVariant(item.trap ? 1 : 0),
              nullableString(item.answer), QVariant(now), QVariant(id)})
            q.addBindValue(v);
        if (Error e = m_db.run(q, QStringLiteral("benchmark_items")))
            return e;
        BenchmarkReview review;
        review.item = id;
        review.action = QStringLiteral("regenerate");
        review.reviewer = QStringLiteral("system");
        review.before = {{QStringLiteral("status"), status},
                         {QStringLiteral("payload"), parse(oldPayload)}};
        review.after = {{QStringLiteral("status"), QStringLiteral("pending")},
                        {QStringLiteral("payload"), item.payload}};
        if (Result<qint64> r = appendReview(review); !r)
            return r.error();
        if (written)
            *written = true;
        return id;
    }
    find.finish();
    if (!m_insert) {
        m_insert = std::make_unique<QSqlQuery>(m_db.handle());
        m_insert->prepare(insertSql());
    }
    if (Error e = bindInsert(*m_insert, item, now))
        return e;
    if (written)
        *written = true;
    return m_insert->lastInsertId().toLongLong();
}

QString BenchmarkRepository::insertSql()
{
    return QStringLiteral(
        "INSERT INTO benchmark_items(kind, sample, item_key, external_id, image_path, "
        "question_type, payload, lineage, "
        "status, split, origin, version, is_trap, answer, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,(SELECT split FROM sample_splits WHERE sample = "
        "?),?,?,?,?,?,?)");
}

Error BenchmarkRepository::bindInsert(QSqlQuery &q, const BenchmarkItem &item, const QString &now)
{
    const QVariant values[] = {QVariant(itemKindName(item.kind)),
                               nullableId(item.sample),
                               QVariant(item.itemKey),
                               nullableString(item.externalId),
                               QVariant(item.imagePath),
                               QVariant(item.questionType),
                               QVariant(compact(item.payload)),
                               QVariant(compact(item.lineage)),
                               QVariant(itemStatusName(item.status)),
                               nullableId(item.sample),
                               QVariant(itemOriginName(item.origin)),
                               QVariant(std::max(1, item.version)),
                               QVariant(item.trap ? 1 : 0),
                               nullableString(item.answer),
                               QVariant(now),
                               QVariant(now)};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    return m_db.run(q, QStringLiteral("benchmark_items"));
}

Result<std::vector<BenchmarkItem>> BenchmarkRepository::items(const ItemFilter &filter)
{
    QStringList where;
    QVariantList binds;
    if (filter.kind) {
        where << QStringLiteral("kind = ?");
        binds << itemKindName(*filter.kind);
    }
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        for (ItemStatus s : filter.statuses) {
            marks << QStringLiteral("?");
            binds << itemStatusName(s);
        }
        where << QStringLiteral("status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!filter.questionType.isEmpty()) {
        where << QStringLiteral("question_type = ?");
        binds << filter.questionType;
    }
    if (filter.split == QLatin1String("none")) {
        where << kCurrentSplit + QStringLiteral(" IS NULL");
    } else if (!filter.split.isEmpty()) {
        where << kCurrentSplit + QStringLiteral(" = ?");
        binds << filter.split;
    }
    if (filter.sample > 0) {
        where << QStringLiteral("sample = ?");
        binds << filter.sample;
    }
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM benchmark_items") +
              (where.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
              QStringLiteral(" ORDER BY id"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (Error e = m_db.run(q, QStringLiteral("benchmark_items")))
        return e;
    std::vector<BenchmarkItem> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("benchmark_items"), [&] { out.push_back(readItem(q)); }))
        return e;
    return out;
}

Result<BenchmarkItem> BenchmarkRepository::item(qint64 id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kColumns +
              QStringLiteral(" FROM benchmark_items WHERE id = ?"));
    q.addBindValue(id);
    if (Error e = m_db.run(q, QStringLiteral("benchmark_items")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("benchmark_items")))
            return e;
        return Error(ErrorCode::NotFound, QStringLiteral("benchmark item %1").arg(id));
    }
    return readItem(q);
}

Error BenchmarkRepository::update(const BenchmarkItem &item)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("UPDATE benchmark_items SET payload = ?, lineage = ?, status = ?, "
                             "origin = ?, version = ?, is_trap = ?, "
                             "answer = ?, question_type = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &v :
         {QVariant(compact(item.payload)), QVariant(compact(item.lineage)),
          QVariant(itemStatusName(item.status)), QVariant(itemOriginName(item.origin)),
          QVariant(item.version), QVariant(item.trap ? 1 : 0), nullableString(item.answer),
          QVariant(item.questionType), QVariant(nowIso()), QVariant(item.id)})
        q.addBindValue(v);
    return m_db.run(q, QStringLiteral("benchmark_items"));
}

Result<qint64> BenchmarkRepository::appendReview(const BenchmarkReview &r)
{
    if (r.reviewer.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("reviewer"),
                     QStringLiteral("every benchmark review needs a reviewer name"));
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO benchmark_reviews(item, action, reviewer, before, after, "
                             "note, at) VALUES (?,?,?,?,?,?,?)"));
    for (const QVariant &v :
         {QVariant(r.item), QVariant(r.action), QVariant(r.reviewer),
          r.before.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                             : QVariant(compact(r.before)),
          r.after.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(compact(r.after)),
          nullableString(r.note), QVariant(r.at.isEmpty() ? nowIso() : r.at)})
        q.addBindValue(v);
    if (Error e = m_db.run(q, QStringLiteral("benchmark_reviews")))
        return e;
    return q.lastInsertId().toLongLong();
}

Result<std::vector<BenchmarkReview>> BenchmarkRepository::reviews(qint64 item)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT id, item, action, reviewer, before, after, note, at FROM "
                             "benchmark_reviews WHERE item = ? ORDER BY id"));
    q.addBindValue(item);
    if (Error e = m_db.run(q, QStringLiteral("benchmark_reviews")))
        return e;
    std::vector<BenchmarkReview> out;
    Error e = m_db.forEachRow(q, QStringLiteral("benchmark_reviews"), [&] {
        BenchmarkReview r;
        r.id = q.value(0).toLongLong();
        r.item = q.value(1).toLongLong();
        r.action = q.value(2).toString();
        r.reviewer = q.value(3).toString();
        r.before = parse(q.value(4));
        r.after = parse(q.value(5));
        r.note = q.value(6).toString();
        r.at = q.value(7).toString();
        out.push_back(r);
    });
    if (e)
        return e;
    return out;
}

Result<QHash<qint64, int>> BenchmarkRepository::reviewCounts()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT item, COUNT(*) FROM benchmark_reviews GROUP BY item")))
        return m_db.queryError(q, QStringLiteral("benchmark_reviews"));
    QHash<qint64, int> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("benchmark_reviews"),
                                  [&] { out.insert(q.value(0).toLongLong(), q.value(1).toInt()); }))
        return e;
    return out;
}

Result<QMap<QString, int>> BenchmarkRepository::counts()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral(
            "SELECT kind, status, COUNT(*) FROM benchmark_items GROUP BY kind, status")))
        return m_db.queryError(q, QStringLiteral("benchmark_items"));
    QMap<QString, int> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("benchmark_items"), [&] {
            out.insert(q.value(0).toString() + QLatin1Char('/') + q.value(1).toString(), q.value(2).toInt());
        }))
        return e;
    return out;
}

Error BenchmarkRepository::storeSplits(const std::vector<SplitRow> &rows, qint64 seed)
{
    if (Error e = m_db.exec(QStringLiteral("DELETE FROM sample_splits")))
        return e;
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO sample_splits(sample, split, group_key, seed, "
                             "assigned_at) VALUES (?,?,?,?,?)"));
    const QString now = nowIso();
    for (const SplitRow &r : rows) {
        q.addBindValue(r.sample);
        q.addBindValue(r.split);
        q.addBindValue(r.groupKey);
        q.addBindValue(seed);
        q.addBindValue(now);
        if (Error e = m_db.run(q, QStringLiteral("sample_splits")))
            return e;
    }
    return syncItemSplits();
}

Result<QHash<qint64, SplitRow>> BenchmarkRepository::splits()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT sample, split, group_key FROM sample_splits")))
        return m_db.queryError(q, QStringLiteral("sample_splits"));
    QHash<qint64, SplitRow> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("sample_splits"), [&] {
            out.insert(q.value(0).toLongLong(), {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
        }))
        return e;
    return out;
}

Error BenchmarkRepository::syncItemSplits()
{
    return m_db.exec(QStringLiteral(
        "UPDATE benchmark_items SET split = (SELECT s.split FROM sample_splits s WHERE s.sample = "
        "benchmark_items.sample) WHERE sample IS NOT NULL"));
}

} // namespace neuroonco
