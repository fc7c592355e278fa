// export: datasets and intermediate files in the published formats.
#include "app/cli/CliCommand.h"

#include "core/operations/ExportService.h"
#include "core/operations/ImportService.h"
#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace neuroonco {

namespace {

int cmdExport(const QStringList &args)
{
    CommandLine cl(QStringLiteral("export"), QStringLiteral("Export project data in the published MM-NeuroOnco formats."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("what"), QStringLiteral("What to export: metadata, semantics, llm-input, run-a, run-b, fused, gold, audited (reviewer values in the gold format), benchmark-closed, benchmark-open, instructions (JSONL), predictions (an evaluation run as JSONL, with a summary; needs --run)."), QStringLiteral("KIND")});
    cl.addOption({QStringLiteral("run"), QStringLiteral("Predictions: the evaluation run to export."), QStringLiteral("RUN")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("all"), QStringLiteral("Include samples flagged as duplicates; for benchmarks, include items not approved yet (rejected ones never).")});
    cl.addOption({QStringLiteral("split"), QStringLiteral("Benchmarks: only items of this split (train or test), as the project's split has it now."), QStringLiteral("SPLIT")});
    cl.addOption({QStringLiteral("include-test"), QStringLiteral("Instructions: also the lines of test-split samples (they leak the benchmark; left out by default).")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const QString what = cl.value(QStringLiteral("what"));
    const std::optional<ExportKind> kind = ExportService::fromName(what);
    if (!kind)
        return cl.usageError(QStringLiteral("--what must be one of: %1").arg(ExportService::names().join(QStringLiteral(", "))));
    ExportRequest request;
    request.kind = *kind;
    request.out = cl.value(QStringLiteral("out"));
    request.all = cl.isSet(QStringLiteral("all"));
    request.split = cl.value(QStringLiteral("split"));
    request.includeTest = cl.isSet(QStringLiteral("include-test"));
    request.run = cl.value(QStringLiteral("run"));
    if (request.out.isEmpty())
        return cl.usageError(QStringLiteral("--out FILE is required"));
    if (*kind == ExportKind::Predictions && request.run.isEmpty())
        return cl.usageError(QStringLiteral("--what predictions needs --run RUN"));
    if (!request.split.isEmpty() && request.split != QLatin1String("train") && request.split != QLatin1String("test"))
        return cl.usageError(QStringLiteral("--split must be train or test"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("export"), db.error());
        return ExitFailure;
    }
    Result<ExportResult> r = ExportService::run(**db, request);
    if (!r) {
        printError(QStringLiteral("export"), r.error());
        return ExitFailure;
    }
    switch (*kind) {
    case ExportKind::BenchmarkClosed:
    case ExportKind::BenchmarkOpen:
        printOut(QStringLiteral("Wrote %1 %2 records (%3 questions%4) to %5")
                     .arg(r->records)
                     .arg(what)
                     .arg(r->questions)
                     .arg(request.all ? QStringLiteral(", approved or not") : QStringLiteral(", approved only"), r->path));
        break;
    case ExportKind::Instructions:
        printOut(QStringLiteral("Wrote %1 instruction lines to %2%3")
                     .arg(r->records)
                     .arg(r->path, r->leftOut > 0 ? QStringLiteral(" (%1 lines of test-split samples left out)").arg(r->leftOut)
                                                 : QString()));
        break;
    case ExportKind::Predictions:
        printOut(QStringLiteral("Wrote %1 predictions of run '%2' to %3 and the summary to %4%5")
                     .arg(r->records)
                     .arg(request.run, r->path, r->summaryPath,
                          r->leftOut ? QStringLiteral(" (%1 questions without a complete answer left out)").arg(r->leftOut)
                                     : QString()));
        break;
    default:
        printOut(QStringLiteral("Wrote %1 %2 records to %3").arg(r->records).arg(what, r->path));
        break;
    }
    return ExitOk;
}

void printLabelImport(const ImportSummary &s)
{
    printOut(QStringLiteral("Imported %1 of %2 records (%3 recorded failures), %4 refused; %5 unknown sample ids%6")
                 .arg(s.imported).arg(s.records).arg(s.errors).arg(s.refused).arg(s.unknownSamples)
                 .arg(s.examples.isEmpty() ? QString() : QStringLiteral(", e.g. ") + s.examples.join(QStringLiteral(", "))));
    for (const LabelImportNote &n : s.notes)
        printOut(QStringLiteral("  record %1 (sample_id %2): refused (%3): %4").arg(n.record).arg(n.sampleId, n.kind, n.reason));
}

void printBenchmarkImport(const BenchmarkImportSummary &s)
{
    printOut(QStringLiteral("Read %1 questions from %2 records: %3 added as pending items, %4 updated, "
                            "%5 already in the project (unchanged), %6 refused; "
                            "%7 on images of this project%8")
                 .arg(s.questions)
                 .arg(s.records)
                 .arg(s.added)
                 .arg(s.updated)
                 .arg(s.unchanged)
                 .arg(s.refused)
                 .arg(s.linked)
                 .arg(s.unlinkedExamples.isEmpty()
                          ? QString()
                          : QStringLiteral(", unknown images e.g. ") + s.unlinkedExamples.join(QStringLiteral(", "))));
    for (const BenchmarkImportNote &n : s.notes)
        printOut(QStringLiteral("  record %1 (id %2), pair %3: %4 (%5): %6")
                     .arg(n.record)
                     .arg(n.recordId)
                     .arg(n.pair)
                     .arg(n.outcome == BenchmarkImportNote::Outcome::Updated ? QStringLiteral("updated")
                                                                               : QStringLiteral("refused"),
                          n.kind, n.reason));
}

void printPredictionImport(const PredictionImportSummary &s, const QString &name)
{
    // Every line is accounted for: stored (matched or external) or refused, and each line that
    // was not simply matched is listed with what became of it (external ones up to a limit).
    printOut(QStringLiteral("Read %1 lines: %2 stored as run '%3' (%4 matched to benchmark items, "
                            "%5 kept as external questions), %6 refused; "
                            "%7 invalid answers.")
                 .arg(s.lines)
                 .arg(s.stored)
                 .arg(name)
                 .arg(s.matched)
                 .arg(s.external)
                 .arg(s.refused)
                 .arg(s.invalid));
    constexpr int kExternalShown = 20;
    int externalShown = 0;
    for (const PredictionLineNote &n : s.notes) {
        const bool refused = n.outcome == PredictionLineNote::Outcome::Refused;
        if (!refused && externalShown++ >= kExternalShown)
            continue;
        printOut(QStringLiteral("  line %1 (id %2, q_index %3): %4 (%5): %6")
                     .arg(n.line)
                     .arg(n.id)
                     .arg(n.qIndex)
                     .arg(refused ? QStringLiteral("refused") : QStringLiteral("external"), n.kind, n.reason));
    }
    if (externalShown > kExternalShown)
        printOut(QStringLiteral("  … and %1 more external lines (--json lists every line)").arg(externalShown - kExternalShown));
    if (s.trapFlagsCorrected > 0)
        printOut(QStringLiteral("%1 lines had an is_trap flag different from the item's meta_trap; "
                                "the item's flag was used.")
                     .arg(s.trapFlagsCorrected));
    if (s.gtDisagreements > 0 || s.correctDisagreements > 0)
        printOut(QStringLiteral("%1 lines disagree with the item's answer (gt) and %2 with our "
                                "reading of pred (correct); "
                                "the items' answers were used.")
                     .arg(s.gtDisagreements)
                     .arg(s.correctDisagreements));
}

int cmdImport(const QStringList &args)
{
    CommandLine cl(QStringLiteral("import"), QStringLiteral("Import intermediate files in the published formats, matched by sample_id."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("what"), QStringLiteral("What the file holds: run-a, run-b, fused, gold, benchmark-closed, benchmark-open, predictions (per-question evaluation output as JSONL; needs --name)."), QStringLiteral("KIND")});
    cl.addOption({QStringLiteral("in"), QStringLiteral("Input file."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("name"), QStringLiteral("Predictions: name of the evaluation run to create."), QStringLiteral("RUN")});
    cl.addOption({QStringLiteral("model"), QStringLiteral("Predictions: the model that made them (shown in reports)."), QStringLiteral("MODEL")});
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print the import's account as JSON: counts, and every line or record that "
                                                         "was refused, kept as external or updated, with the reason.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const std::optional<ImportKind> kind = ImportService::fromName(cl.value(QStringLiteral("what")));
    if (!kind)
        return cl.usageError(QStringLiteral("--what must be one of: %1").arg(ImportService::names().join(QStringLiteral(", "))));
    ImportRequest request;
    request.kind = *kind;
    request.in = cl.value(QStringLiteral("in"));
    request.name = cl.value(QStringLiteral("name"));
    request.model = cl.value(QStringLiteral("model"));
    if (request.in.isEmpty())
        return cl.usageError(QStringLiteral("--in FILE is required"));
    if (*kind == ImportKind::Predictions && request.name.isEmpty())
        return cl.usageError(QStringLiteral("--what predictions needs --name RUN"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("import"), db.error());
        return ExitFailure;
    }
    Result<ImportResult> r = ImportService::run(**db, request);
    if (!r) {
        printError(QStringLiteral("import"), r.error());
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(r->toJson()).toJson(QJsonDocument::Indented)).trimmed());
    else if (r->labels)
        printLabelImport(*r->labels);
    else if (r->benchmark)
        printBenchmarkImport(*r->benchmark);
    else if (r->predictions)
        printPredictionImport(*r->predictions, request.name);
    return r->storedAnything() ? ExitOk : ExitFailure;
}

} // namespace

std::vector<CliCommand> exportCommands()
{
    return {{QStringLiteral("export"), QStringLiteral("Export data in the published formats"), cmdExport},
            {QStringLiteral("import"), QStringLiteral("Import run A/B, fused, gold, benchmark or prediction files"), cmdImport}};
}

} // namespace neuroonco
