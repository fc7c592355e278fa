// A snapshot of a project's state: schema, counts per stage, the latest job of each stage.
// Shown by `neuroonco status` and in the GUI status bar.
#pragma once

#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobTypes.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QMap>

#include <vector>

namespace neuroonco {

class Database;

struct StageStatus
{
    QString id;
    QString title;
    CheckpointCounts items;
    JobRecord lastJob; // id 0 when the stage never ran
};

struct ProjectStatus
{
    QString root;
    int schemaVersion = 0;
    QMap<QString, qint64> counts; // named totals (samples, sources, …) as stages add them
    std::vector<StageStatus> stages;
    int runningJobs = 0;
    bool readOnly = false; // read from a database open for reading only

    static Result<ProjectStatus> collect(Database &db, const QString &root);
    // What a count is, for people ("With mask" for with_mask), in the installed language.
    static QString countLabel(const QString &key);
    QJsonObject toJson() const;
};

} // namespace neuroonco
