// Selecting and writing each kind of export.
#include "core/operations/ExportService.h"

#include "core/benchmark/BenchmarkExchange.h"
#include "core/benchmark/BenchmarkTypes.h"
#include "core/evaluate/PredictionExchange.h"
#include "core/evaluate/PredictionFormat.h"
#include "core/export/MetadataExport.h"
#include "core/review/ReviewRepository.h"
#include "core/signs/LabelExchange.h"

#include <QFileInfo>
#include <QJsonArray>

#include <array>
#include <utility>

namespace neuroonco {

namespace {

constexpr std::array<std::pair<ExportKind, const char *>, 12> kNames{{
    {ExportKind::Metadata, "metadata"},
    {ExportKind::Semantics, "semantics"},
    {ExportKind::LlmInput, "llm-input"},
    {ExportKind::RunA, "run-a"},
    {ExportKind::RunB, "run-b"},
    {ExportKind::Fused, "fused"},
    {ExportKind::Gold, "gold"},
    {ExportKind::Audited, "audited"},
    {ExportKind::BenchmarkClosed, "benchmark-closed"},
    {ExportKind::BenchmarkOpen, "benchmark-open"},
    {ExportKind::Instructions, "instructions"},
    {ExportKind::Predictions, "predictions"},
}};

Result<ExportResult> exportBenchmark(Database &db, const ExportRequest &request)
{
    BenchmarkExportOptions options;
    options.includeUnapproved = request.all;
    options.split = request.split;
    const ItemKind kind = request.kind == ExportKind::BenchmarkClosed ? ItemKind::Closed : ItemKind::Open;
    Result<QJsonArray> records = kind == ItemKind::Closed ? BenchmarkExchange::exportClosed(db, options)
                                                          : BenchmarkExchange::exportOpen(db, options);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return BenchmarkExchange::nothingSelected(kind, options);
    if (Error e = MetadataExport::writeJson(request.out, *records))
        return e;
    ExportResult r;
    r.path = QFileInfo(request.out).absoluteFilePath();
    r.records = records->size();
    r.questions = 0;
    const QString pairs = kind == ItemKind::Closed ? QStringLiteral("vqa_pairs") : QStringLiteral("qa_pairs");
    for (const QJsonValue &record : *records)
        r.questions += record[pairs].toArray().size();
    return r;
}

Result<ExportResult> exportRecords(Database &db, const ExportRequest &request)
{
    ExportOptions options;
    options.includeDuplicates = request.all;
    Result<QJsonArray> items = Error();
    switch (request.kind) {
    case ExportKind::Audited: items = ReviewRepository(db).exportAudited(); break;
    case ExportKind::RunA: items = LabelExchange::exportFile(db, LabelFile::RunA, request.all); break;
    case ExportKind::RunB: items = LabelExchange::exportFile(db, LabelFile::RunB, request.all); break;
    case ExportKind::Fused: items = LabelExchange::exportFile(db, LabelFile::Fused, request.all); break;
    case ExportKind::Gold: items = LabelExchange::exportFile(db, LabelFile::Gold, request.all); break;
    case ExportKind::Semantics: items = MetadataExport::buildSemantics(db, options); break;
    case ExportKind::LlmInput: items = MetadataExport::buildLlmInput(db, options); break;
    default: items = MetadataExport::build(db, options); break;
    }
    if (!items)
        return items.error();
    if (items->isEmpty()) {
        // No empty file that looks like a result: say what is missing.
        const bool filtered = !request.all && request.kind != ExportKind::Audited;
        return Error(ErrorCode::NothingToDo, ExportService::name(request.kind),
                     QStringLiteral("nothing to export: the project has no %1 records%2; run the stage that makes them first "
                                    "(neuroonco status shows what ran)")
                         .arg(ExportService::name(request.kind),
                              filtered ? QStringLiteral(" outside flagged duplicates (--all includes them)") : QString()));
    }
    if (Error e = MetadataExport::writeJson(request.out, *items))
        return e;
    ExportResult r;
    r.path = QFileInfo(request.out).absoluteFilePath();
    r.records = items->size();
    return r;
}

} // namespace

QString ExportService::name(ExportKind kind)
{
    for (const auto &[k, n] : kNames)
        if (k == kind)
            return QLatin1String(n);
    return {};
}

std::optional<ExportKind> ExportService::fromName(const QString &name)
{
    for (const auto &[k, n] : kNames)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

QStringList ExportService::names()
{
    QStringList out;
    for (const auto &entry : kNames)
        out << QLatin1String(entry.second);
    return out;
}

bool ExportService::isBenchmark(ExportKind kind)
{
    return kind == ExportKind::BenchmarkClosed || kind == ExportKind::BenchmarkOpen;
}

Result<ExportResult> ExportService::run(Database &db, const ExportRequest &request)
{
    if (request.out.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("out"), QStringLiteral("no output file given"));
    if (!request.split.isEmpty() && request.split != QLatin1String("train") && request.split != QLatin1String("test"))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("split"),
                     QStringLiteral("'%1' is no split: train or test").arg(request.split));
    switch (request.kind) {
    case ExportKind::BenchmarkClosed:
    case ExportKind::BenchmarkOpen:
        return exportBenchmark(db, request);
    case ExportKind::Instructions: {
        qint64 leftOut = 0;
        Result<qint64> lines = BenchmarkExchange::exportInstructions(
            db, request.out,
            request.includeTest ? InstructionRepository::TestSamples::Include : InstructionRepository::TestSamples::LeaveOut,
            &leftOut);
        if (!lines)
            return lines.error();
        ExportResult r;
        r.path = QFileInfo(request.out).absoluteFilePath();
        r.records = *lines;
        r.leftOut = leftOut;
        return r;
    }
    case ExportKind::Predictions: {
        if (request.run.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("run"), QStringLiteral("predictions are exported per evaluation run"));
        Result<PredictionExportSummary> s = PredictionExchange::exportRun(db, request.run, request.out);
        if (!s)
            return s.error();
        ExportResult r;
        r.path = QFileInfo(request.out).absoluteFilePath();
        r.records = s->lines;
        r.leftOut = s->pending;
        r.summaryPath = QFileInfo(PredictionFormat::summaryPathFor(request.out)).absoluteFilePath();
        return r;
    }
    default:
        return exportRecords(db, request);
    }
}

} // namespace neuroonco
