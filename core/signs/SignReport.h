// Reports over the sign pipeline: AIR of run A, run B, fused and gold (DESIGN.md §3.7), the
// fusion and QC outcome counts, and — for demo data — agreement of each reading with the
// generator's planted signs.
#pragma once

#include "core/signs/Air.h"
#include "core/util/Error.h"

#include <QJsonObject>

namespace neuroonco {

class Database;

class SignReport
{
public:
    // {"run_a": AIR, "run_b": AIR, "fused": AIR, "gold": AIR, "fusion": {kept, healthy, dropped, downgraded}, …}
    static Result<QJsonObject> air(Database &db);
    // Per-field agreement of run A, run B, fused and gold with the planted signs of
    // ground_truth.json (only samples whose original file the truth describes).
    static Result<QJsonObject> agreement(Database &db, const QString &truthFile);
};

} // namespace neuroonco
