// The benchmark parts of `export` and `import` (the commands themselves live in
// ExportCommands.cpp; these helpers keep the benchmark logic next to its own commands).
#pragma once

#include "app/cli/CliCommand.h"

#include <QString>

namespace neuroonco {

// True for benchmark-closed, benchmark-open, instructions.
bool isBenchmarkExportKind(const QString &what);
bool isBenchmarkImportKind(const QString &what);
// Runs `export PROJECT --what <benchmark kind> --out FILE [--all] [--split S]`; returns an exit
// code.
int exportBenchmark(const CommandLine &cl, const QString &projectDir, const QString &what,
                    const QString &out);
// Runs `import PROJECT --what <benchmark kind> --in FILE [--json]`; returns an exit code.
int importBenchmark(const QString &projectDir, const QString &what, const QString &in, OutputFormat format);

} // namespace neuroonco
