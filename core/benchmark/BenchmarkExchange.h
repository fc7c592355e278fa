// Benchmark and instruction files in and out of a project: closed and open benchmarks in the
// published JSON shape (only approved items unless asked otherwise), instructions as JSONL,
// and import of published-format benchmarks (ours or others') as pending items for curation.
#pragma once

#include "benchmark/InstructionRepository.h"

#include "benchmark/BenchmarkTypes.h"
#include "util/Error.h"

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

struct BenchmarkImportSummary
{
    int records = 0;
    int questions = 0;
    int linked = 0;  // questions whose image is a sample of the project
    int written = 0; // inserted or replaced
    int kept = 0;    // already there and curated: left as they were
    QStringList unlinkedExamples;
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
    // other kind; otherwise stores every question as a pending imported item.
    static Result<BenchmarkImportSummary> importFile(Database &db, ItemKind kind,
                                                     const QString &path);
    // Composition of the stored benchmark: counts by kind/status, traps per question type,
    // answer letters (χ²) of closed items.
    static Result<QJsonObject> statistics(Database &db);
};

} // namespace neuroonco
