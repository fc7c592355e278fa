// Import and export of the published intermediate files:
//  run A / run B: [{sample_id, ai_prediction: {meta_info{…}, structured_signs{…}}}] with "null"
//                 for empty fields and {"error": "…"} in place of a failed prediction;
//  fused:         [{sample_id, image_path, fused_label{meta_info, structured_signs}}];
//  gold:          [{status, sample_id, image_path, gold_label{meta_info, structured_signs, additional_clues}}].
#pragma once

#include "util/Error.h"

#include <QJsonArray>
#include <QString>

namespace neuroonco {

class Database;

enum class LabelFile { RunA, RunB, Fused, Gold };

struct ImportSummary
{
    qint64 records = 0;
    qint64 imported = 0;
    qint64 errors = 0;          // entries that were failures ({"error": …}) in the file
    qint64 unknownSamples = 0;
    QStringList examples;       // a few unknown sample ids, for the message
};

class LabelExchange
{
public:
    static Result<LabelFile> kindFromName(const QString &name); // run-a, run-b, fused, gold
    static Result<QJsonArray> exportFile(Database &db, LabelFile kind, bool includeDuplicates = false);
    // Run files become extractions (extractor "import:<file name>"); fused and gold files become
    // fused labels and audits (auditor "import"). Entries are matched by sample_id.
    static Result<ImportSummary> importFile(Database &db, LabelFile kind, const QString &path);
};

} // namespace neuroonco
