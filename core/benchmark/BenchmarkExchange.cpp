// Export groups items into one record per image in item order; import matches each question to
// the stored item it is (BenchmarkExchange.h says how), so importing a file again or reading an
// export back updates or leaves items instead of duplicating them.
#include "core/benchmark/BenchmarkExchange.h"

#include "core/benchmark/AnswerBalance.h"
#include "core/benchmark/BenchmarkFormat.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/InstructionRepository.h"
#include "core/benchmark/RecordIndex.h"
#include "core/ingest/PublishedPath.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSaveFile>

namespace neuroonco {

namespace {

Result<std::vector<BenchmarkItem>> selectItems(Database &db, ItemKind kind,
                                               const BenchmarkExportOptions &options)
{
    ItemFilter filter;
    filter.kind = kind;
    filter.statuses =
        options.includeUnapproved
            ? QList<ItemStatus>{ItemStatus::Approved, ItemStatus::Pending, ItemStatus::Stale}
            : QList<ItemStatus>{ItemStatus::Approved};
    filter.split = options.split;
    return BenchmarkRepository(db).items(filter);
}

QJsonValue recordId(const BenchmarkItem &item)
{
    if (item.sample > 0)
        return item.sample;
    // An item with neither a sample nor an id of its own (an imported record that had none)
    // is named by its image, which is unique per record, rather than by an empty id.
    if (item.externalId.isEmpty())
        return item.imagePath;
    bool numeric = false;
    const qint64 n = item.externalId.toLongLong(&numeric);
    return numeric ? QJsonValue(n) : QJsonValue(item.externalId);
}

template<typename Record, typename ToJson, typename AddPair>
QJsonArray group(const std::vector<BenchmarkItem> &items, ToJson toJson, AddPair addPair)
{
    std::vector<Record> records;
    QHash<QString, size_t> at;
    for (const BenchmarkItem &i : items) {
        const QString key = (i.sample > 0 ? QString::number(i.sample) : i.externalId) +
                            QLatin1Char('\n') + i.imagePath;
        auto it = at.constFind(key);
        if (it == at.constEnd()) {
            Record r;
            r.id = recordId(i);
            r.imagePath = i.imagePath;
            at.insert(key, records.size());
            records.push_back(r);
            it = at.constFind(key);
        }
        addPair(records[*it], i);
    }
    QJsonArray out;
    for (const Record &r : records)
        out.append(toJson(r));
    return out;
}

// The published pair of a stored item, in the form a file's pair is read into.
QJsonObject normalisedPayload(const BenchmarkItem &item)
{
    return item.kind == ItemKind::Closed ? item.closed().toJson() : item.open().toJson();
}

// Stored items of one kind, found by the key an import gave them or by the question they are.
class StoredQuestions
{
public:
    explicit StoredQuestions(std::vector<BenchmarkItem> items)
        : m_items(std::move(items))
    {
        for (size_t i = 0; i < m_items.size(); ++i) {
            const BenchmarkItem &item = m_items[i];
            m_byKey.insert(item.itemKey, i);
            // Exported under its sample's id when it has one; an imported item also answers to
            // the record id of its own file.
            QStringList ids{RecordIndex::recordId(item)};
            if (!item.externalId.isEmpty() && !ids.contains(item.externalId))
                ids << item.externalId;
            for (const QString &id : ids)
                m_byQuestion[questionKey(id, item.imagePath, item.questionType)].append(i);
        }
    }

    static QString questionKey(const QString &recordId, const QString &imagePath, const QString &type)
    {
        return recordId + QLatin1Char('\n') + imagePath + QLatin1Char('\n') + type;
    }

    // The item with `itemKey`; else, of the items of that record, image and type, one that
    // holds this very question (an export that left out rejected items shifts the others), else
    // the `occurrence`-th. nullptr when none is left: an item answers one question of a file.
    const BenchmarkItem *find(const QString &itemKey, const QString &question, int occurrence,
                              const QJsonObject &payload)
    {
        auto claim = [this](size_t at) -> const BenchmarkItem * {
            if (m_claimed.contains(at))
                return nullptr;
            m_claimed.insert(at);
            return &m_items[at];
        };
        if (auto it = m_byKey.constFind(itemKey); it != m_byKey.constEnd())
            return claim(*it);
        const QList<size_t> list = m_byQuestion.value(question);
        for (size_t at : list)
            if (!m_claimed.contains(at) && normalisedPayload(m_items[at]) == payload)
                return claim(at);
        return occurrence < list.size() ? claim(list.at(occurrence)) : nullptr;
    }

private:
    std::vector<BenchmarkItem> m_items;
    QHash<QString, size_t> m_byKey;
    QHash<QString, QList<size_t>> m_byQuestion;
    QSet<size_t> m_claimed;
};

} // namespace

QJsonObject BenchmarkImportNote::toJson() const
{
    return {{QStringLiteral("record"), record},
            {QStringLiteral("id"), recordId},
            {QStringLiteral("pair"), pair},
            {QStringLiteral("outcome"), outcome == Outcome::Updated ? QStringLiteral("updated") : QStringLiteral("refused")},
            {QStringLiteral("item_key"), itemKey},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("reason"), reason}};
}

QJsonObject BenchmarkImportSummary::toJson() const
{
    QJsonArray noteArray;
    for (const BenchmarkImportNote &n : notes)
        noteArray.append(n.toJson());
    return {{QStringLiteral("records"), records},
            {QStringLiteral("questions"), questions},
            {QStringLiteral("linked"), linked},
            {QStringLiteral("added"), added},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("unchanged"), unchanged},
            {QStringLiteral("refused"), refused},
            {QStringLiteral("unlinked_examples"), QJsonArray::fromStringList(unlinkedExamples)},
            {QStringLiteral("notes"), noteArray}};
}

Result<QJsonArray> BenchmarkExchange::exportClosed(Database &db,
                                                   const BenchmarkExportOptions &options)
{
    Result<std::vector<BenchmarkItem>> items = selectItems(db, ItemKind::Closed, options);
    if (!items)
        return items.error();
    return group<ClosedRecord>(
        *items, &BenchmarkFormat::closedRecordJson,
        [](ClosedRecord &r, const BenchmarkItem &i) { r.pairs.push_back(i.closed()); });
}

Result<QJsonArray> BenchmarkExchange::exportOpen(Database &db,
                                                 const BenchmarkExportOptions &options)
{
    Result<std::vector<BenchmarkItem>> items = selectItems(db, ItemKind::Open, options);
    if (!items)
        return items.error();
    return group<OpenRecord>(
        *items, &BenchmarkFormat::openRecordJson,
        [](OpenRecord &r, const BenchmarkItem &i) { r.pairs.push_back(i.open()); });
}

Error BenchmarkExchange::nothingSelected(ItemKind kind, const BenchmarkExportOptions &options)
{
    const QString what = QStringLiteral("the %1 benchmark export").arg(itemKindName(kind));
    const QString where = options.split.isEmpty() ? QString() : QStringLiteral(" in the %1 split").arg(options.split);
    if (options.includeUnapproved)
        return Error(ErrorCode::NothingToDo, what,
                     QStringLiteral("the project has no %1 items%2 that are not rejected; build them with neuroonco "
                                    "benchmark%3")
                         .arg(itemKindName(kind), where,
                              options.split.isEmpty() ? QString() : QStringLiteral(" and split them with neuroonco split")));
    return Error(ErrorCode::NothingToDo, what,
                 QStringLiteral("no %1 item%2 is approved; approve items in the Benchmark tab, or export every item "
                                "that is not rejected with --all")
                     .arg(itemKindName(kind), where));
}

Result<qint64> BenchmarkExchange::exportInstructions(Database &db, const QString &path,
                                                     InstructionRepository::TestSamples test, qint64 *leftOut)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    qint64 lines = 0;
    QByteArray buffer;
    buffer.reserve(1 << 20);
    Error e = InstructionRepository(db).forEachLine([&](const QString &line) -> Error {
        buffer += line.toUtf8();
        buffer += '\n';
        ++lines;
        if (buffer.size() > (1 << 20)) {
            if (f.write(buffer) != buffer.size())
                return Error(ErrorCode::Io, path, f.errorString());
            buffer.clear();
        }
        return {};
    }, test, leftOut);
    if (e)
        return e;
    if (lines == 0) {
        f.cancelWriting();
        const qint64 left = leftOut ? *leftOut : 0;
        return Error(ErrorCode::NothingToDo, QStringLiteral("the instruction export"),
                     left > 0 ? QStringLiteral("all %1 stored lines belong to samples now in the test split; run "
                                               "neuroonco instructions to build lines for the training samples")
                                    .arg(left)
                              : QStringLiteral("no instruction lines are stored; build them with neuroonco "
                                               "instructions (after neuroonco split)"));
    }
    if (!buffer.isEmpty() && f.write(buffer) != buffer.size())
        return Error(ErrorCode::Io, path, f.errorString());
    if (!f.commit())
        return Error(ErrorCode::Io, path, f.errorString());
    return lines;
}

Result<BenchmarkImportSummary> BenchmarkExchange::importFile(Database &db, ItemKind kind,
                                                             const QString &path)
{
    Result<QJsonArray> array = BenchmarkFormat::readArray(path);
    if (!array)
        return array.error();
    const BenchmarkFileKind found = BenchmarkFormat::detect(*array);
    if (found == BenchmarkFileKind::Unknown && !array->isEmpty())
        return Error(
            ErrorCode::Parse, path,
            QStringLiteral("records carry neither vqa_pairs (closed) nor qa_pairs (open)"));
    if ((kind == ItemKind::Closed && found == BenchmarkFileKind::Open) ||
        (kind == ItemKind::Open && found == BenchmarkFileKind::Closed))
        return Error(
            ErrorCode::InvalidArgument, path,
            kind == ItemKind::Closed
                ? QStringLiteral(
                      "the file holds open questions (qa_pairs); import it as benchmark-open")
                : QStringLiteral("the file holds closed questions (vqa_pairs); import it as "
                                 "benchmark-closed"));

    struct Question
    {
        int record = 0; // 1-based
        QString recordId;
        QString imagePath;
        int index = 0;
        QString questionType;
        QJsonObject payload;
        bool trap = false;
        QString answer;
    };
    std::vector<Question> questions;
    BenchmarkImportSummary summary;
    if (kind == ItemKind::Closed) {
        const ClosedFile file = BenchmarkFormat::parseClosed(*array);
        if (Error e = BenchmarkFormat::problemError(path, file.problems))
            return e;
        summary.records = int(file.records.size());
        for (size_t k = 0; k < file.records.size(); ++k) {
            const ClosedRecord &r = file.records[k];
            for (size_t j = 0; j < r.pairs.size(); ++j)
                questions.push_back({int(k) + 1, r.idText(), r.imagePath, int(j), r.pairs[j].questionType,
                                     r.pairs[j].toJson(), r.pairs[j].trap, r.pairs[j].answer});
        }
    } else {
        const OpenFile file = BenchmarkFormat::parseOpen(*array);
        if (Error e = BenchmarkFormat::problemError(path, file.problems))
            return e;
        summary.records = int(file.records.size());
        for (size_t k = 0; k < file.records.size(); ++k) {
            const OpenRecord &r = file.records[k];
            for (size_t j = 0; j < r.pairs.size(); ++j)
                questions.push_back({int(k) + 1, r.idText(), r.imagePath, int(j), r.pairs[j].questionType,
                                     r.pairs[j].toJson(), false, {}});
        }
    }

    Result<std::vector<SampleRecord>> samples = SampleRepository(db).all();
    if (!samples)
        return samples.error();
    // A record's image_path is either one of our slice paths (our own exports) or a path of the
    // published dataset, which keeps the download's extension (.jpg) where our slices are PNG:
    // those are matched against each sample's published-style path without the extension. A
    // key two samples share links neither (reported as unlinked, never guessed).
    QHash<QString, qint64> sampleOf;
    QHash<QString, qint64> publishedOf;
    QSet<QString> sharedKeys;
    for (const SampleRecord &s : *samples) {
        sampleOf.insert(s.imagePath, s.id);
        if (s.publishedPath.isEmpty())
            continue;
        const QString key = PublishedPath::matchKey(s.publishedPath);
        if (publishedOf.contains(key))
            sharedKeys.insert(key);
        publishedOf.insert(key, s.id);
    }
    for (const QString &key : sharedKeys)
        publishedOf.remove(key);
    auto sampleFor = [&](const QString &imagePath) -> qint64 {
        if (const qint64 id = sampleOf.value(imagePath))
            return id;
        return publishedOf.value(PublishedPath::matchKey(imagePath));
    };

    BenchmarkRepository repo(db);
    ItemFilter sameKind;
    sameKind.kind = kind;
    Result<std::vector<BenchmarkItem>> stored = repo.items(sameKind);
    if (!stored)
        return stored.error();
    StoredQuestions existing(stored.take());
    QHash<QString, int> occurrences; // question key -> questions of the file seen so far
    const QString file = QFileInfo(path).fileName();
    Transaction tx(db);
    if (tx.beginError())
        return tx.beginError();
    for (const Question &q : questions) {
        BenchmarkItem item;
        item.kind = kind;
        item.sample = sampleFor(q.imagePath);
        item.itemKey = QStringLiteral("import:%1:%2:%3:%4")
                           .arg(itemKindName(kind), file, q.recordId)
                           .arg(q.index);
        item.externalId = q.recordId;
        item.imagePath = q.imagePath;
        item.questionType = q.questionType;
        item.payload = q.payload;
        item.origin = ItemOrigin::Imported;
        item.trap = q.trap;
        item.answer = q.answer;
        const QString where = QStringLiteral("%1: record %2 (id %3), pair %4").arg(path).arg(q.record).arg(q.recordId).arg(q.index);
        const QString question = StoredQuestions::questionKey(q.recordId, q.imagePath, q.questionType);
        const BenchmarkItem *match = existing.find(item.itemKey, question, occurrences[question]++, q.payload);
        ++summary.questions;
        if (item.sample > 0 || (match && match->sample > 0))
            ++summary.linked;
        else if (summary.unlinkedExamples.size() < 5 && !summary.unlinkedExamples.contains(q.imagePath))
            summary.unlinkedExamples << q.imagePath;
        BenchmarkImportNote note;
        note.record = q.record;
        note.recordId = q.recordId;
        note.pair = q.index;
        if (match && normalisedPayload(*match) == q.payload) {
            ++summary.unchanged;
            continue;
        }
        if (match && match->origin != ItemOrigin::Imported) {
            // A question this project built from its gold labels (or a person edited) changes
            // through the project, where its lineage and review history are kept.
            note.itemKey = match->itemKey;
            note.kind = match->origin == ItemOrigin::Edited ? QStringLiteral("curated-item") : QStringLiteral("generated-item");
            note.reason = QStringLiteral("differs from the project's %1 item %2 (%3); not applied: %4")
                              .arg(itemOriginName(match->origin), match->itemKey, itemStatusName(match->status),
                                   match->origin == ItemOrigin::Edited
                                       ? QStringLiteral("edit it in the Benchmark tab")
                                       : QStringLiteral("edit it in the Benchmark tab or rebuild it with neuroonco benchmark"));
            summary.notes.push_back(note);
            ++summary.refused;
            continue;
        }
        if (match) {
            // The imported item this question is: replaced unless a person reviewed it.
            item.itemKey = match->itemKey;
            if (!match->externalId.isEmpty())
                item.externalId = match->externalId;
            if (item.sample <= 0)
                item.sample = match->sample;
        }
        bool written = false;
        Result<qint64> id = repo.upsert(item, BenchmarkRepository::UpsertMode::ReplaceUntouched, &written);
        if (!id)
            return Error(ErrorCode::Database, where, id.error().detail);
        if (!match) {
            ++summary.added;
            continue;
        }
        note.itemKey = match->itemKey;
        if (written) {
            note.outcome = BenchmarkImportNote::Outcome::Updated;
            note.kind = QStringLiteral("updated");
            note.reason = QStringLiteral("replaced the imported item %1, which nobody had reviewed").arg(match->itemKey);
            ++summary.updated;
        } else {
            note.kind = QStringLiteral("curated-item");
            note.reason = QStringLiteral("differs from the imported item %1, which a curator has %2; not applied")
                              .arg(match->itemKey,
                                   match->status == ItemStatus::Approved   ? QStringLiteral("approved")
                                   : match->status == ItemStatus::Rejected ? QStringLiteral("rejected")
                                                                           : QStringLiteral("reviewed"));
            ++summary.refused;
        }
        summary.notes.push_back(note);
    }
    if (Error e = tx.commit())
        return e;
    return summary;
}

Result<QJsonObject> BenchmarkExchange::statistics(Database &db)
{
    Result<std::vector<BenchmarkItem>> items = BenchmarkRepository(db).items();
    if (!items)
        return items.error();
    QMap<QString, int> counts, types;
    AnswerBalance balance;
    for (const BenchmarkItem &i : *items) {
        ++counts[itemKindName(i.kind) + QLatin1Char('/') + itemStatusName(i.status)];
        if (i.status == ItemStatus::Rejected)
            continue;
        ++types[itemKindName(i.kind) + QLatin1Char(':') + i.questionType];
        if (i.kind != ItemKind::Closed)
            continue;
        const ClosedQuestion q = i.closed();
        balance.add(q.questionType, q.answer, q.isMultipleChoice(), q.trap);
    }
    auto toJson = [](const QMap<QString, int> &m) {
        QJsonObject o;
        for (auto it = m.begin(); it != m.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    QJsonObject out = balance.toJson();
    out.insert(QStringLiteral("items"), toJson(counts));
    out.insert(QStringLiteral("question_types"), toJson(types));
    return out;
}

} // namespace neuroonco
