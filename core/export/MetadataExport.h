// Exports in the published MM-NeuroOnco formats. Metadata: a JSON list of
// {sample_id, image_path, tumor_present, tumor_type, modality, has_mask, mask_path,
//  image_meta{height, width, channel}} with paths relative to the project's slices/.
#pragma once

#include "core/samples/SampleRecord.h"
#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace neuroonco {

class Database;

struct ExportOptions
{
    bool includeDuplicates = false; // by default only kept samples are exported
};

class MetadataExport
{
public:
    static QJsonObject sampleJson(const SampleRecord &sample);
    static Result<QJsonArray> build(Database &db, const ExportOptions &options);
    // The metadata list with medical_semantics {size, shape, spread, location} (or null) and
    // the numbers under semantic_numbers.
    static Result<QJsonArray> buildSemantics(Database &db, const ExportOptions &options);
    // [{sample_id, image_path, coarse_description}] for the extraction stage's inputs.
    static Result<QJsonArray> buildLlmInput(Database &db, const ExportOptions &options);
    // Writes JSON atomically (a half-written export never replaces a good one).
    static Error writeJson(const QString &path, const QJsonArray &items);
};

} // namespace neuroonco
