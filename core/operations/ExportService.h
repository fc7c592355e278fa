// Every export of a project, for the CLI (`neuroonco export --what KIND`) and the GUI's export
// menus alike: one list of kinds with their names, one place that selects the records, refuses to
// write an empty file (saying what to run instead) and writes the file atomically.
#pragma once

#include "core/util/Error.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace neuroonco {

class Database;

enum class ExportKind {
    Metadata,        // samples and their attributes
    Semantics,       // mask semantics
    LlmInput,        // the published LLM inference input
    RunA,
    RunB,
    Fused,
    Gold,
    Audited,         // reviewer values in the gold format
    BenchmarkClosed, // published vqa_pairs format
    BenchmarkOpen,   // published qa_pairs format
    Instructions,    // chat JSONL
    Predictions,     // one evaluation run as JSONL, with its summary
};

struct ExportRequest
{
    ExportKind kind = ExportKind::Metadata;
    QString out;
    // Samples flagged as duplicates too; for benchmarks, items not approved yet (rejected
    // ones never).
    bool all = false;
    QString split;            // benchmarks: train | test | empty for both
    bool includeTest = false; // instructions: lines of test-split samples too
    QString run;              // predictions: the evaluation run
};

struct ExportResult
{
    QString path;           // absolute
    qint64 records = 0;     // records, lines or predictions written
    qint64 questions = -1;  // benchmarks: questions in the records
    qint64 leftOut = 0;     // instructions: test-split lines; predictions: questions without a complete answer
    QString summaryPath;    // predictions: the summary written beside the file
};

class ExportService
{
public:
    static QString name(ExportKind kind); // "benchmark-closed"
    static std::optional<ExportKind> fromName(const QString &name);
    static QStringList names();           // in the order the kinds are listed
    static bool isBenchmark(ExportKind kind);

    // Validates the request (a split that is neither train nor test, predictions without a
    // run: InvalidArgument naming the field), selects, writes. Nothing selected is
    // ErrorCode::NothingToDo with what to run, and no file is written.
    static Result<ExportResult> run(Database &db, const ExportRequest &request);
};

} // namespace neuroonco
