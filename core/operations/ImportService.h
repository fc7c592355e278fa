// Every import into a project, for the CLI (`neuroonco import --what KIND`) and the GUI's import
// menus alike: one list of kinds, one call, one account of what was stored and what was refused.
#pragma once

#include "core/benchmark/BenchmarkExchange.h"
#include "core/evaluate/PredictionExchange.h"
#include "core/signs/LabelExchange.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace neuroonco {

class Database;

enum class ImportKind { RunA, RunB, Fused, Gold, BenchmarkClosed, BenchmarkOpen, Predictions };

struct ImportRequest
{
    ImportKind kind = ImportKind::RunA;
    QString in;
    QString name;  // predictions: the evaluation run to create
    QString model; // predictions: the model that made them
};

// The account of one import; exactly one of the summaries is set, by kind.
struct ImportResult
{
    ImportKind kind = ImportKind::RunA;
    std::optional<ImportSummary> labels;
    std::optional<BenchmarkImportSummary> benchmark;
    std::optional<PredictionImportSummary> predictions;

    // Whether the file gave the project anything (or was empty): a file whose every record was
    // refused did not.
    bool storedAnything() const;
    QJsonObject toJson() const;
};

class ImportService
{
public:
    static QString name(ImportKind kind);
    static std::optional<ImportKind> fromName(const QString &name);
    static QStringList names();

    static Result<ImportResult> run(Database &db, const ImportRequest &request);
};

} // namespace neuroonco
