// The test/train split as one operation for the CLI (`neuroonco split`) and the GUI's Make Split:
// the split job (it holds the project's splits while it replaces them), then the leakage report,
// written to a file and returned. Checking a stored split, or a split made elsewhere, is the same
// call without the job.
#pragma once

#include "core/util/Error.h"

#include <QJsonObject>
#include <QString>

namespace neuroonco {

class Database;
class Project;

struct SplitRequest
{
    enum class Mode { Make, Check };
    Mode mode = Mode::Make;
    double testShare = 0.2;
    qint64 seed = 7;
    QString splitFile;  // Check: a split made elsewhere ({sample_id|image_path: train|test}); empty: the stored one
    QString reportPath; // empty: exports/split-report.json
};

struct SplitResult
{
    QJsonObject report; // LeakageReport's figures
    QString reportPath; // absolute
    bool leaks() const { return !report.value(QStringLiteral("ok")).toBool(); }
};

class SplitService
{
public:
    static SplitRequest defaults();
    static Result<SplitResult> run(const Project &project, Database &db, const SplitRequest &request);
};

} // namespace neuroonco
