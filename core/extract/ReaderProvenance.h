// Keeps a reading run (run A, run B, the QC audit) the work of one reader: resuming it with
// another extractor, endpoint or model is refused with both names, or — when the user asks to
// start over — the run's stored readings go first, so no run is ever a mix of two readers.
#pragma once

#include "core/util/Error.h"

#include <QString>

namespace neuroonco {

class CheckpointStore;
class Database;

struct ReaderIdentity
{
    QString reader; // "classical", "endpoint:<name>", "import:<file>"
    QString model;

    // "the classical extractor (classical-conservative@1)", "endpoint 'qwen' (model Qwen2-VL)".
    QString describe() const;
};

class ReaderProvenance
{
public:
    enum class OnConflict { Refuse, StartOver };

    // `run` is "A", "B" or "qc"; `scope` its checkpoint scope. With Refuse, stored rows made by
    // another reader give ErrorCode::Conflict naming both; with StartOver those rows and the
    // run's checkpoints are removed in one transaction (returns how many rows went).
    static Result<qint64> ensureOneReader(Database &db, CheckpointStore &checkpoints, const QString &run,
                                          const QString &scope, const ReaderIdentity &wanted, OnConflict onConflict);
};

} // namespace neuroonco
