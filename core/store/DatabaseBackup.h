// SQLite's online backup: a consistent copy of a database, page by page, taken through an open
// connection while other connections may go on writing. The one copy mechanism behind
// `neuroonco backup`, the automatic backup before a schema upgrade and `neuroonco restore`.
#pragma once

#include "core/util/Error.h"

#include <QString>

namespace neuroonco {

class Database;

class DatabaseBackup
{
public:
    // Copies the database open on `db` into the file `target`, replacing it. The copy is written
    // as `target`.part and renamed into place, so a failed copy never leaves a partial file under
    // the target's name; it is a single self-contained file (rollback journal, no -wal beside it).
    static Error copy(const Database &db, const QString &target);
    // Copies the SQLite file `source` into `target` the same way; `source` is opened read-only.
    static Error copyFile(const QString &source, const QString &target);
};

} // namespace neuroonco
