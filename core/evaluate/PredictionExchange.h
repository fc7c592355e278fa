// Predictions in and out of a project in the published per-question format. Import creates an
// "imported" run: each line is matched to a benchmark item by its record id (a sample's id, or
// the record id of an imported benchmark file), q_index, type and image path; the item then
// supplies the truth — answer letter, question type and, above all, the trap flag (files made by
// the published scripts carry is_trap = false everywhere, because those scripts read the flag
// under the wrong key). Unmatched lines are kept as external questions, scored on their own gt;
// a line repeating an earlier line's (id, q_index) is refused. The summary accounts for every
// line: lines = stored + refused, stored = matched + external (= the run's stored answers), and
// each line that was not simply matched has a note saying what became of it and why.
// Export writes a run back in the same format with its summary.
#pragma once

#include "core/evaluate/EvalScores.h"
#include "core/evaluate/PredictionFormat.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QStringList>

namespace neuroonco {

class Database;

// What became of one line that did not simply answer its item.
struct PredictionLineNote
{
    enum class Outcome { External, Refused };
    int line = 0;   // 1-based line in the file
    QString id;     // the line's record id
    int qIndex = 0; // as in the file (from 1)
    Outcome outcome = Outcome::External;
    // unknown-id | no-matching-question | ambiguous | item-already-answered (external);
    // duplicate-line (refused)
    QString kind;
    QString reason;
    QJsonObject toJson() const;
};

struct PredictionImportSummary
{
    qint64 run = 0;
    int lines = 0;
    int stored = 0;               // answers stored in the run: matched + external
    int refused = 0;              // lines not stored (see notes)
    int matched = 0;              // linked to a benchmark item
    int external = 0;             // kept without an item
    int ambiguous = 0;            // several items fit (kept as external)
    int trapFlagsCorrected = 0;   // the line's is_trap differs from the item's meta_trap
    int gtDisagreements = 0;      // the line's gt differs from the item's answer
    int correctDisagreements = 0; // the line's correct differs from our reading of pred
    int invalid = 0;              // pred is not a readable answer
    QStringList externalExamples; // a few "id#q_index" of unmatched lines
    std::vector<PredictionLineNote> notes; // every external or refused line, in file order
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
