// Assembles ReviewSample values: one sample (for the workstation) or all of them at once (for
// the queue), from samples, semantics, extractions, fused labels, audits and decisions.
#pragma once

#include "core/review/QueueRow.h"
#include "core/review/ReviewSample.h"
#include "core/util/Error.h"

#include <QJsonArray>

#include <vector>

namespace neuroonco {

class Database;

class ReviewRepository
{
public:
    explicit ReviewRepository(Database &db);
    Result<ReviewSample> load(qint64 sample);
    // Every sample (duplicates included; the queue filters), with warnings computed.
    Result<std::vector<ReviewSample>> loadAll();
    // Queue lines for every sample, built one sample at a time (memory stays small).
    Result<std::vector<QueueRow>> queueRows();
    static QueueRow toQueueRow(const ReviewSample &sample);
    // Samples of the newest certification draw (empty when none was drawn) and its number.
    Result<std::vector<qint64>> certificationSamples(int *draw = nullptr);
    Error storeDraw(const std::vector<std::pair<qint64, QString>> &draw, int *drawNumber);
    // Audited samples in the gold format, values taken from the reviewer where there is one:
    // [{status: "audited", sample_id, image_path, gold_label{meta_info, structured_signs,
    // additional_clues}, mask_semantics{…}, reviewers[…]}].
    Result<QJsonArray> exportAudited();

private:
    Database &m_db;
};

} // namespace neuroonco
