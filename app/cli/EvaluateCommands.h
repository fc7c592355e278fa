// evaluate — and the evaluation part of `report` (the command itself lives in
// ReportCommands.cpp; this helper keeps the evaluation logic next to its own command).
#pragma once

#include "app/cli/CliCommand.h"

#include <QString>

namespace neuroonco {

class Database;

std::vector<CliCommand> evaluationCommands(); // evaluate

// `report PROJECT --eval [--run RUN] [--resamples N] [--json]`; returns an exit code.
int evaluationReport(CommandLine &cl, Database &db);

} // namespace neuroonco
