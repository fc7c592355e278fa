// Ordered schema migrations for project databases. Later stages append migrations; a project
// whose schema is newer than this build knows is refused instead of being damaged.
#pragma once

#include "core/util/Error.h"

#include <QStringList>

#include <vector>

namespace neuroonco {

class Database;

struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

class Migrations
{
public:
    static const std::vector<Migration> &all();
    static int latestVersion();

    // 0 for a database without a schema_version table.
    static Result<int> currentVersion(Database &db);
    // The refusal of a database whose schema `version` is newer than this build knows.
    static Error tooNewError(const QString &databasePath, int version);

    // Applies every pending migration up to `targetVersion` (default: the latest), each in its
    // own transaction. Refuses databases that are newer than this build.
    static Error migrate(Database &db, int targetVersion = -1);
};

} // namespace neuroonco
