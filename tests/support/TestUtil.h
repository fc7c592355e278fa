// Helpers shared by the test suites: temporary projects, child processes, paths of binaries.
#pragma once

#include "util/Error.h"

#include <QString>
#include <QStringList>

namespace neuroonco::test {

// Folder with the built executables (neuroonco, neuroonco-studio).
QString binaryDir();
// Runs `program` with `arguments`; returns the exit code (-1 when it did not finish in time).
int runProgram(const QString &program, const QStringList &arguments, QString *out = nullptr,
               QString *err = nullptr, int timeoutMs = 120000, const QString &workingDir = {});

// Fixture writers are not tests: a file they cannot write stops the whole test program with the
// error, instead of leaving a fixture that silently lacks the file.
void require(const Error &error);

} // namespace neuroonco::test
