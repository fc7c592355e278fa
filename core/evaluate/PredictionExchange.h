// Predictions in and out of a project in the published per-question format. Import creates an
// "imported" run: each line is matched to a benchmark item by its record id (a sample's id, or
// the record id of an imported benchmark file), q_index, type and image path; the item then
// supplies the truth — answer letter, question type and, above all, the trap flag (files made by
// the published scripts carry is_trap = false everywhere, because those scripts read the flag
// under the wrong key). Unmatched lines are kept as external questions, scored on their own gt.
// Export writes a run back in the same format with its summary.
#pragma once

#include "evaluate/EvalScores.h"
#include "evaluate/PredictionFormat.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QStringList>

namespace neuroonco {

class Database;

struct PredictionImportSummary
{
    qint64 run = 0;
    int lines = 0;
    int matched = 0;              // linked to a benchmark item
    int external = 0;             // kept without an item
    int ambiguous = 0;            // several items fit (kept as external)
    int trapFlagsCorrected = 0;   // the line's is_trap differs from the item's meta_trap
    int gtDisagreements = 0;      // the line's gt differs from the item's answer
    int correctDisagreements = 0; // the line's correct differs from our reading of pred
    int invalid = 0;              // pred is not a readable answer
    QStringList externalExamples; // a few "id#q_index" of unmatched lines
    QJsonObject toJson() const;
};

struct PredictionExportSummary
{
    int lines = 0;
    int pending = 0; // questions without a complete answer, not written
    QJsonObject summary;
};

class PredictionExchange
{
public:
    // Refuses a file with a defect (naming file, line and field) and an existing run name.
    static Result<PredictionImportSummary> importFile(Database &db, const QString &path,
                                                      const QString &runName,
                                                      const QString &model = {});
    // The lines of a run (closed: one per question, circular rotations combined; open: the
    // answer with its metrics as extra keys).
    static Result<std::vector<PredictionLine>> lines(Database &db, const QString &runName,
                                                     int *pending = nullptr);
    // Writes the lines to `path` and the summary next to it (PredictionFormat::summaryPathFor).
    static Result<PredictionExportSummary> exportRun(Database &db, const QString &runName,
                                                     const QString &path,
                                                     const BootstrapOptions &bootstrap = {});
};

} // namespace neuroonco
