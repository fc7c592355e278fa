// Export groups items into one record per image in item order; import keys each question by
// file, record and position, so importing the same file again updates untouched items instead
// of duplicating them.
#include "benchmark/BenchmarkExchange.h"

#include "benchmark/BenchmarkFormat.h"
#include "benchmark/BenchmarkRepository.h"
#include "benchmark/AnswerBalance.h"
#include "benchmark/InstructionRepository.h"
#include "ingest/PublishedPath.h"
#include "samples/SampleRepository.h"
#include "store/Database.h"

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

} // namespace

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
        for (const ClosedRecord &r : file.records)
            for (size_t j = 0; j < r.pairs.size(); ++j)
                questions.push_back({r.idText(), r.imagePath, int(j), r.pairs[j].questionType,
                                     r.pairs[j].toJson(), r.pairs[j].trap, r.pairs[j].answer});
    } else {
        const OpenFile file = BenchmarkFormat::parseOpen(*array);
        if (Error e = BenchmarkFormat::problemError(path, file.problems))
            return e;
        summary.records = int(file.records.size());
        for (const OpenRecord &r : file.records)
            for (size_t j = 0; j < r.pairs.size(); ++j)
                questions.push_back({r.idText(),
                                     r.imagePath,
                                     int(j),
                                     r.pairs[j].questionType,
                                     r.pairs[j].toJson(),
                                     false,
                                     {}});
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
        bool written = false;
        Result<qint64> id =
            repo.upsert(item, BenchmarkRepository::UpsertMode::ReplaceUntouched, &written);
        if (!id)
            return Error(
                ErrorCode::Database,
                QStringLiteral("%1: record %2, question %3").arg(path, q.recordId).arg(q.index + 1),
                id.error().detail);
        ++summary.questions;
        if (item.sample > 0)
            ++summary.linked;
        else if (summary.unlinkedExamples.size() < 5 &&
                 !summary.unlinkedExamples.contains(q.imagePath))
            summary.unlinkedExamples << q.imagePath;
        (written ? summary.written : summary.kept) += 1;
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
