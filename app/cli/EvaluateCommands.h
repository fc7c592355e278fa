// evaluate — and the evaluation parts of `export`, `import` and `report` (the commands
// themselves live in ExportCommands.cpp and ReportCommands.cpp; these helpers keep the
// evaluation logic next to its own command).
#pragma once

#include "app/cli/CliCommand.h"

#include <QString>

namespace neuroonco {

class Database;

std::vector<CliCommand> evaluationCommands(); // evaluate

// `export PROJECT --what predictions --run RUN --out FILE`; returns an exit code.
int exportPredictions(const QString &projectDir, const QString &run, const QString &out);
// `import PROJECT --what predictions --in FILE --name RUN [--model M] [--json]`; returns an
// exit code.
int importPredictions(const QString &projectDir, const QString &in, const QString &name,
                      const QString &model, OutputFormat format);
// `report PROJECT --eval [--run RUN] [--resamples N] [--json]`; returns an exit code.
int evaluationReport(CommandLine &cl, Database &db);

} // namespace neuroonco
