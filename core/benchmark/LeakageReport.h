// Checks a test/train split for leakage (issue 8): patients, volumes and near-duplicate
// clusters with samples on both sides, samples without a side, benchmark items whose split
// differs from their sample's, training instructions built from test samples, and how far each
// tumour type and question type is from the test share. The result is a JSON report.
#pragma once

#include "core/benchmark/SplitPlanner.h"
#include "core/util/Error.h"

#include <QJsonObject>

namespace neuroonco {

class Database;

struct LeakageInputs
{
    qint64 itemsSplitMismatch = 0;   // items whose split is not their sample's
    qint64 instructionsFromTest = 0; // instruction lines of test samples
};

class LeakageReport
{
public:
    // `splitOf`: sample → train | test. "ok" is true when nothing leaks and every sample has a
    // side.
    static QJsonObject check(const std::vector<SplitSample> &samples,
                             const QHash<qint64, QString> &splitOf, double targetShare,
                             const LeakageInputs &inputs = {});
    // The project's stored split.
    static Result<QJsonObject> checkProject(Database &db, double targetShare);
    // A split made elsewhere: a JSON object {sample_id or image_path: "train"|"test"} or a list
    // of {sample_id | image_path, split}. Unknown keys are errors naming the entry.
    static Result<QHash<qint64, QString>> readSplitFile(const QString &path,
                                                        const std::vector<SplitSample> &samples);
};

} // namespace neuroonco
