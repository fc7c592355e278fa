// Import and export of the published intermediate files:
//  run A / run B: [{sample_id, ai_prediction: {meta_info{…}, structured_signs{…}}}] with "null"
//                 for empty fields and {"error": "…"} in place of a failed prediction;
//  fused:         [{sample_id, image_path, fused_label{meta_info, structured_signs}}];
//  gold:          [{status, sample_id, image_path, gold_label{meta_info, structured_signs, additional_clues}}].
#pragma once

#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco {

class Database;

enum class LabelFile { RunA, RunB, Fused, Gold };

// A record of a label file that was not stored, and why.
struct LabelImportNote
{
    int record = 0;   // 1-based position in the file
    QString sampleId;
    QString kind;     // unknown-sample | duplicate-sample | not-a-record
    QString reason;
    QJsonObject toJson() const;
};

// records = imported + refused; every refused record has a note.
struct ImportSummary
{
    qint64 records = 0;
    qint64 imported = 0;
    qint64 errors = 0;          // imported entries that were failures ({"error": …}) in the file
    qint64 refused = 0;
    qint64 unknownSamples = 0;  // of the refused
    QStringList examples;       // a few unknown sample ids, for the message
    std::vector<LabelImportNote> notes;
    QJsonObject toJson() const;
};

class LabelExchange
{
public:
    static Result<LabelFile> kindFromName(const QString &name); // run-a, run-b, fused, gold
    static Result<QJsonArray> exportFile(Database &db, LabelFile kind, bool includeDuplicates = false);
    // Run files become extractions (extractor "import:<file name>"); fused and gold files become
    // fused labels and audits (auditor "import"). Entries are matched by sample_id; a record
    // naming no sample of the project, or a sample an earlier record of the file named, is
    // refused (one label per sample and file: a second would silently replace the first).
    static Result<ImportSummary> importFile(Database &db, LabelFile kind, const QString &path);
};

} // namespace neuroonco
