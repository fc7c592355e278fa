// Benchmark and instruction files in and out of a project: closed and open benchmarks in the
// published JSON shape (only approved items unless asked otherwise), instructions as JSONL,
// and import of published-format benchmarks (ours or others') as pending items for curation.
#pragma once

#include "core/benchmark/InstructionRepository.h"

#include "core/benchmark/BenchmarkTypes.h"
#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace neuroonco {

class Database;

struct BenchmarkExportOptions
{
    bool includeUnapproved = false; // pending and stale items too (rejected ones never)
    QString split;                  // train | test | empty for all
};

// What became of one question of an imported file that was neither added nor already there.
struct BenchmarkImportNote
{
    enum class Outcome { Updated, Refused };
    int record = 0;   // 1-based position of the record in the file
    QString recordId; // the record's id
    int pair = 0;     // index in its vqa_pairs / qa_pairs, from 0
    Outcome outcome = Outcome::Refused;
    QString itemKey;  // the stored item it matched
    QString kind;     // updated | curated-item | generated-item
    QString reason;
    QJsonObject toJson() const;
};

// Every question of the file is exactly one of added, updated, unchanged or refused.
struct BenchmarkImportSummary
{
    int records = 0;
    int questions = 0;
    int linked = 0;    // questions whose image is a sample of the project
    int added = 0;     // new pending imported items
    int updated = 0;   // an imported item nobody reviewed, replaced by the file's version
    int unchanged = 0; // already stored as the file has it (a file imported again, an export read back)
    int refused = 0;   // differs from an item a person curated or this project generated: not applied
    QStringList unlinkedExamples;
    std::vector<BenchmarkImportNote> notes; // every updated or refused question, in file order
    int written() const { return added + updated; }
    QJsonObject toJson() const;
};

class BenchmarkExchange
{
public:
    static Result<QJsonArray> exportClosed(Database &db, const BenchmarkExportOptions &options);
    static Result<QJsonArray> exportOpen(Database &db, const BenchmarkExportOptions &options);
    // Why an export of `kind` with these options selected nothing, and how to get items
    // (ErrorCode::NothingToDo): the front ends write no empty file and show this instead.
    static Error nothingSelected(ItemKind kind, const BenchmarkExportOptions &options);
    // Streams the stored instruction lines to `path` (atomically); returns the line count.
    // Lines of samples now in the test split are left out (counted in *leftOut) unless asked.
    // With no line to write, no file is written and the error says why (ErrorCode::NothingToDo).
    static Result<qint64> exportInstructions(Database &db, const QString &path,
                                             InstructionRepository::TestSamples test = InstructionRepository::TestSamples::LeaveOut,
                                             qint64 *leftOut = nullptr);
    // Refuses a file with any defect (the error names file, record and field) and a file of the
    // other kind. Each question is matched to a stored item first, so that importing a file
    // again, or this project's own export, duplicates nothing: by the item key an earlier import
    // of the same file gave it, else by record id (the item's sample id or imported record id),
    // image path, question type and the occurrence of that type in the record (the second "size"
    // question of record 12 is the second stored "size" item of that record, in item order).
    // A matched question that is the same is unchanged; a different one replaces an imported
    // item nobody reviewed, and is refused (with a note) for an item a person curated or this
    // project generated. Questions that match nothing are added as pending imported items.
    static Result<BenchmarkImportSummary> importFile(Database &db, ItemKind kind,
                                                     const QString &path);
    // Composition of the stored benchmark: counts by kind/status, traps per question type,
    // answer letters (χ²) of closed items.
    static Result<QJsonObject> statistics(Database &db);
};

} // namespace neuroonco
