// Helpers shared by the test suites: temporary projects, child processes, paths of binaries.
#pragma once

#include "core/util/Error.h"

#include <QString>
#include <QStringList>
#include <QVariant>

namespace neuroonco {
class Database;
}

namespace neuroonco::test {

// The single value `sql` reads (`fallback` when there is no row), for assertions. A failed read
// stops the test run with the error: a test never compares against a read that did not happen.
QVariant scalar(const Database &db, const QString &sql, const QVariant &fallback = {});

// Overwrites one leaf page in the middle of `table`'s b-tree in the SQLite file `databaseFile`
// with garbage, as a disk or a copy gone wrong would: a scan of the table reads the rows before
// it and then fails. No connection may be open on the file. Returns the page number, or 0 (with
// the reason in `why`) when the table has fewer than three leaf pages or SQLite lacks dbstat.
int damageTablePage(const QString &databaseFile, const QString &table, QString *why = nullptr);

// Folder with the built executables (neuroonco, neuroonco-studio).
QString binaryDir();
// Runs `program` with `arguments`; returns the exit code (-1 when it did not finish in time).
int runProgram(const QString &program, const QStringList &arguments, QString *out = nullptr,
               QString *err = nullptr, int timeoutMs = 120000, const QString &workingDir = {});

// Fixture writers are not tests: a file they cannot write stops the whole test program with the
// error, instead of leaving a fixture that silently lacks the file.
void require(const Error &error);

} // namespace neuroonco::test
