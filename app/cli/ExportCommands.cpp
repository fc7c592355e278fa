// export: datasets and intermediate files in the published formats.
#include "app/cli/CliCommand.h"

#include "app/cli/BenchmarkCommands.h"
#include "app/cli/EvaluateCommands.h"

#include "core/export/MetadataExport.h"
#include "core/project/Project.h"
#include "core/review/ReviewRepository.h"
#include "core/signs/LabelExchange.h"
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
    const QString out = cl.value(QStringLiteral("out"));
    const QStringList kinds{QStringLiteral("metadata"), QStringLiteral("semantics"), QStringLiteral("llm-input"),
                            QStringLiteral("run-a"), QStringLiteral("run-b"), QStringLiteral("fused"), QStringLiteral("gold"),
                            QStringLiteral("audited"), QStringLiteral("benchmark-closed"), QStringLiteral("benchmark-open"),
                            QStringLiteral("instructions"), QStringLiteral("predictions")};
    if (!kinds.contains(what))
        return cl.usageError(QStringLiteral("--what must be one of: %1").arg(kinds.join(QStringLiteral(", "))));
    if (out.isEmpty())
        return cl.usageError(QStringLiteral("--out FILE is required"));
    if (isBenchmarkExportKind(what))
        return exportBenchmark(cl, cl.positional().at(0), what, out);
    if (what == QLatin1String("predictions")) {
        if (cl.value(QStringLiteral("run")).isEmpty())
            return cl.usageError(QStringLiteral("--what predictions needs --run RUN"));
        return exportPredictions(cl.positional().at(0), cl.value(QStringLiteral("run")), out);
    }
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("export"), db.error());
        return ExitFailure;
    }
    ExportOptions options;
    options.includeDuplicates = cl.isSet(QStringLiteral("all"));
    Result<QJsonArray> items = Error();
    if (what == QLatin1String("audited"))
        items = ReviewRepository(**db).exportAudited();
    else if (Result<LabelFile> labelFile = LabelExchange::kindFromName(what))
        items = LabelExchange::exportFile(**db, *labelFile, options.includeDuplicates);
    else
        items = what == QLatin1String("semantics") ? MetadataExport::buildSemantics(**db, options)
                : what == QLatin1String("llm-input") ? MetadataExport::buildLlmInput(**db, options)
                                                     : MetadataExport::build(**db, options);
    if (!items) {
        printError(QStringLiteral("export"), items.error());
        return ExitFailure;
    }
    if (items->isEmpty()) {
        // No empty file that looks like a result: say what is missing.
        const bool filtered = !options.includeDuplicates && what != QLatin1String("audited");
        printErr(QStringLiteral("neuroonco export: nothing to export: the project has no %1 records%2; run the "
                                "stage that makes them first (neuroonco status shows what ran)")
                     .arg(what, filtered ? QStringLiteral(" outside flagged duplicates (--all includes them)") : QString()));
        return ExitFailure;
    }
    if (Error e = MetadataExport::writeJson(out, *items)) {
        printError(QStringLiteral("export"), e);
        return ExitFailure;
    }
    printOut(QStringLiteral("Wrote %1 %2 records to %3").arg(items->size()).arg(what, QFileInfo(out).absoluteFilePath()));
    return ExitOk;
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
    const QString what = cl.value(QStringLiteral("what"));
    Result<LabelFile> kind = LabelExchange::kindFromName(what);
    if (!kind && !isBenchmarkImportKind(what) && what != QLatin1String("predictions"))
        return cl.usageError(QStringLiteral("--what must be one of: run-a, run-b, fused, gold, benchmark-closed, benchmark-open, predictions"));
    const QString in = cl.value(QStringLiteral("in"));
    if (in.isEmpty())
        return cl.usageError(QStringLiteral("--in FILE is required"));
    const OutputFormat format = cl.isSet(QStringLiteral("json")) ? OutputFormat::Json : OutputFormat::Text;
    if (isBenchmarkImportKind(what))
        return importBenchmark(cl.positional().at(0), what, in, format);
    if (what == QLatin1String("predictions")) {
        if (cl.value(QStringLiteral("name")).isEmpty())
            return cl.usageError(QStringLiteral("--what predictions needs --name RUN"));
        return importPredictions(cl.positional().at(0), in, cl.value(QStringLiteral("name")), cl.value(QStringLiteral("model")),
                                 format);
    }
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("import"), db.error());
        return ExitFailure;
    }
    Result<ImportSummary> s = LabelExchange::importFile(**db, *kind, in);
    if (!s) {
        printError(QStringLiteral("import"), s.error());
        return ExitFailure;
    }
    if (format == OutputFormat::Json) {
        printOut(QString::fromUtf8(QJsonDocument(s->toJson()).toJson(QJsonDocument::Indented)).trimmed());
        return s->imported > 0 || s->records == 0 ? ExitOk : ExitFailure;
    }
    printOut(QStringLiteral("Imported %1 of %2 records (%3 recorded failures), %4 refused; %5 unknown sample ids%6")
                 .arg(s->imported).arg(s->records).arg(s->errors).arg(s->refused).arg(s->unknownSamples)
                 .arg(s->examples.isEmpty() ? QString() : QStringLiteral(", e.g. ") + s->examples.join(QStringLiteral(", "))));
    for (const LabelImportNote &n : s->notes)
        printOut(QStringLiteral("  record %1 (sample_id %2): refused (%3): %4").arg(n.record).arg(n.sampleId, n.kind, n.reason));
    return s->imported > 0 || s->records == 0 ? ExitOk : ExitFailure;
}

} // namespace

std::vector<CliCommand> exportCommands()
{
    return {{QStringLiteral("export"), QStringLiteral("Export data in the published formats"), cmdExport},
            {QStringLiteral("import"), QStringLiteral("Import run A/B, fused, gold, benchmark or prediction files"), cmdImport}};
}

} // namespace neuroonco
