// Scores duplicate clusters against planted ground truth (the demo generator's
// ground_truth.json): pair-level precision and recall over samples, and the true pairs that
// were missed. A true pair is two samples of one content: read from the same file (two
// sources listing one folder), or from files planted as duplicates of each other.
#pragma once

#include "core/samples/SampleRecord.h"
#include "core/util/Error.h"

#include <QHash>
#include <QJsonObject>

#include <vector>

namespace neuroonco {

struct DedupTruthScore
{
    qint64 truePairs = 0;
    qint64 predictedPairs = 0;
    qint64 matchedPairs = 0;
    double precision() const { return predictedPairs ? double(matchedPairs) / double(predictedPairs) : 1.0; }
    double recall() const { return truePairs ? double(matchedPairs) / double(truePairs) : 1.0; }
    QJsonObject toJson() const;
    std::vector<QJsonObject> missed;     // planted pairs not found, with their kind
    std::vector<QJsonObject> spurious;   // predicted pairs that were not planted
};

class DedupTruth
{
public:
    // `sourceRoots` maps source codes to their absolute roots (to turn origins into paths).
    static Result<DedupTruthScore> evaluate(const QString &truthFile, const std::vector<SampleRecord> &samples,
                                            const QHash<QString, QString> &sourceRoots);
};

} // namespace neuroonco
