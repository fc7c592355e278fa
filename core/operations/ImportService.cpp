// Reading each kind of import through its exchange.
#include "core/operations/ImportService.h"

#include <array>
#include <utility>

namespace neuroonco {

namespace {

constexpr std::array<std::pair<ImportKind, const char *>, 7> kNames{{
    {ImportKind::RunA, "run-a"},
    {ImportKind::RunB, "run-b"},
    {ImportKind::Fused, "fused"},
    {ImportKind::Gold, "gold"},
    {ImportKind::BenchmarkClosed, "benchmark-closed"},
    {ImportKind::BenchmarkOpen, "benchmark-open"},
    {ImportKind::Predictions, "predictions"},
}};

} // namespace

bool ImportResult::storedAnything() const
{
    if (labels)
        return labels->imported > 0 || labels->records == 0;
    return true; // benchmark and prediction files report refusals line by line and store the rest
}

QJsonObject ImportResult::toJson() const
{
    if (labels)
        return labels->toJson();
    if (benchmark)
        return benchmark->toJson();
    if (predictions)
        return predictions->toJson();
    return {};
}

QString ImportService::name(ImportKind kind)
{
    for (const auto &[k, n] : kNames)
        if (k == kind)
            return QLatin1String(n);
    return {};
}

std::optional<ImportKind> ImportService::fromName(const QString &name)
{
    for (const auto &[k, n] : kNames)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

QStringList ImportService::names()
{
    QStringList out;
    for (const auto &entry : kNames)
        out << QLatin1String(entry.second);
    return out;
}

Result<ImportResult> ImportService::run(Database &db, const ImportRequest &request)
{
    if (request.in.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("in"), QStringLiteral("no input file given"));
    ImportResult result;
    result.kind = request.kind;
    switch (request.kind) {
    case ImportKind::BenchmarkClosed:
    case ImportKind::BenchmarkOpen: {
        Result<BenchmarkImportSummary> s = BenchmarkExchange::importFile(
            db, request.kind == ImportKind::BenchmarkClosed ? ItemKind::Closed : ItemKind::Open, request.in);
        if (!s)
            return s.error();
        result.benchmark = s.take();
        return result;
    }
    case ImportKind::Predictions: {
        if (request.name.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("name"),
                         QStringLiteral("imported predictions become an evaluation run, which needs a name"));
        Result<PredictionImportSummary> s = PredictionExchange::importFile(db, request.in, request.name, request.model);
        if (!s)
            return s.error();
        result.predictions = s.take();
        return result;
    }
    default: {
        const LabelFile file = request.kind == ImportKind::RunA   ? LabelFile::RunA
                               : request.kind == ImportKind::RunB ? LabelFile::RunB
                               : request.kind == ImportKind::Fused ? LabelFile::Fused
                                                                   : LabelFile::Gold;
        Result<ImportSummary> s = LabelExchange::importFile(db, file, request.in);
        if (!s)
            return s.error();
        result.labels = s.take();
        return result;
    }
    }
}

} // namespace neuroonco
