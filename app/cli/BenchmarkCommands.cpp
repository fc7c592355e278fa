// benchmark, lint, split, instructions — and the benchmark kinds of export/import.

#include "app/cli/CliCommand.h"
#include "app/cli/CliJob.h"
#include "core/benchmark/BenchmarkExchange.h"
#include "core/benchmark/BenchmarkLint.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/InstructionRepository.h"
#include "core/jobs/JobExecutor.h"
#include "core/operations/SplitService.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/InstructionStage.h"
#include "core/pipeline/ParaphraseStage.h"
#include "core/pipeline/SplitStage.h"
#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace neuroonco {

namespace {

// --name as a fraction in [0, 1]; false (with a usage error) otherwise.
bool shareOption(CommandLine &cl, const QString &name, double *value, int *exitCode)
{
    if (!cl.isSet(name))
        return true;
    bool ok = false;
    *value = cl.value(name).toDouble(&ok);
    if (!ok || *value < 0 || *value > 1) {
        *exitCode = cl.usageError(QStringLiteral("--%1 needs a number between 0 and 1").arg(name));
        return false;
    }
    return true;
}

bool seedOption(CommandLine &cl, qint64 *seed, int *exitCode)
{
    if (!cl.isSet(QStringLiteral("seed")))
        return true;
    bool ok = false;
    *seed = cl.value(QStringLiteral("seed")).toLongLong(&ok);
    if (!ok || *seed < 0) {
        *exitCode = cl.usageError(QStringLiteral("--seed needs a non-negative whole number"));
        return false;
    }
    return true;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

QString trapLine(const QJsonObject &traps)
{
    QStringList parts;
    for (auto it = traps.begin(); it != traps.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        parts << QStringLiteral("%1 %2/%3 (%4%)")
                     .arg(it.key())
                     .arg(t.value(QStringLiteral("traps")).toInt())
                     .arg(t.value(QStringLiteral("questions")).toInt())
                     .arg(100 * t.value(QStringLiteral("share")).toDouble(), 0, 'f', 1);
    }
    return parts.join(QStringLiteral(", "));
}

QString letterLine(const QJsonObject &chi)
{
    QStringList parts;
    const QJsonObject counts = chi.value(QStringLiteral("counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInt());
    return QStringLiteral("%1; χ² = %2, df %3, p = %4")
        .arg(parts.join(QStringLiteral(", ")))
        .arg(chi.value(QStringLiteral("chi2")).toDouble(), 0, 'f', 2)
        .arg(chi.value(QStringLiteral("df")).toInt())
        .arg(chi.value(QStringLiteral("p")).toDouble(), 0, 'g', 3);
}

std::unique_ptr<Database> connectOrReport(const Project &project, const QString &command)
{
    auto db = project.connect();
    if (!db) {
        printError(command, db.error());
        return nullptr;
    }
    return db.take();
}

int cmdBenchmark(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("benchmark"),
        QStringLiteral(
            "Build closed and open benchmark items from the gold labels (a resumable job). Traps "
            "take "
            "--trap-share of every multiple-choice question type; answer letters are balanced."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption(
        {QStringLiteral("trap-share"),
         QStringLiteral("Share of multiple-choice questions that become traps (default %1).").arg(BenchmarkStage::kDefaultTrapShare),
         QStringLiteral("SHARE")});
    cl.addOption({QStringLiteral("seed"),
                  QStringLiteral("Random seed (default %1); the same seed rebuilds the same items.").arg(BenchmarkStage::kDefaultSeed),
                  QStringLiteral("S")});
    cl.addOption({QStringLiteral("force"),
                  QStringLiteral("Rebuild items nobody has reviewed or edited yet.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    double share = BenchmarkStage::kDefaultTrapShare;
    qint64 seed = BenchmarkStage::kDefaultSeed;
    if (!jobOptions(cl, &options, &code) ||
        !shareOption(cl, QStringLiteral("trap-share"), &share, &code) ||
        !seedOption(cl, &seed, &code))
        return code;
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    const int result = runStageFromCli(
        project, BenchmarkStage::stageId(),
        BenchmarkStage::parameters(share, seed, cl.isSet(QStringLiteral("force"))), options);
    if (result != ExitOk || options.json || options.quiet)
        return result;
    auto db = connectOrReport(project, QStringLiteral("benchmark"));
    if (!db)
        return ExitFailure;
    Result<QJsonObject> stats = BenchmarkExchange::statistics(*db);
    if (!stats) {
        printError(QStringLiteral("benchmark"), stats.error());
        return ExitFailure;
    }
    QStringList counts;
    const QJsonObject items = stats->value(QStringLiteral("items")).toObject();
    for (auto it = items.begin(); it != items.end(); ++it)
        counts << QStringLiteral("%1 %2").arg(it.value().toInt()).arg(it.key());
    printOut(QStringLiteral("Items: ") + counts.join(QStringLiteral(", ")));
    printOut(QStringLiteral("Traps per type: ") +
             trapLine(stats->value(QStringLiteral("traps")).toObject()));
    printOut(QStringLiteral("Answer letters (multiple choice, non-traps, A–D): ") +
             letterLine(stats->value(QStringLiteral("letters_multiple_choice")).toObject()));
    printOut(QStringLiteral("Answer letters (binary, A–B): ") +
             letterLine(stats->value(QStringLiteral("letters_binary")).toObject()));
    printOut(QStringLiteral("Answer letters (multiple choice with traps, A–E): ") +
             letterLine(stats->value(QStringLiteral("letters_all_options")).toObject()));
    return ExitOk;
}

void printLint(const LintReport &r)
{
    printOut(QStringLiteral("%1: %2 records, %3 questions — %4 errors, %5 warnings")
                 .arg(r.source)
                 .arg(r.records)
                 .arg(r.questions)
                 .arg(r.count(LintSeverity::Error))
                 .arg(r.count(LintSeverity::Warning)));
    for (const LintFinding &f : r.findings) {
        QString where;
        if (f.item > 0)
            where = QStringLiteral("item %1").arg(f.item);
        else if (!f.recordId.isEmpty() || f.record >= 0)
            where = QStringLiteral("record %1")
                        .arg(f.recordId.isEmpty() ? QString::number(f.record + 1) : f.recordId);
        if (f.question >= 0)
            where += QStringLiteral(" q%1").arg(f.question + 1);
        if (!f.questionType.isEmpty())
            where += QLatin1Char(' ') + f.questionType;
        printOut(QStringLiteral("%1 %2 %3 %4")
                     .arg(lintSeverityName(f.severity), -7)
                     .arg(f.kind, -25)
                     .arg(where.trimmed(), -26)
                     .arg(f.message));
    }
    if (r.kind != QLatin1String("open")) {
        const auto mc = r.letters.value(QStringLiteral("multiple_choice"));
        const auto bin = r.letters.value(QStringLiteral("binary"));
        if (mc.n > 0)
            printOut(QStringLiteral("Answer letters, non-trap multiple choice (A–D): ") +
                     letterLine(mc.toJson()));
        if (bin.n > 0)
            printOut(QStringLiteral("Answer letters, binary (A/B): ") + letterLine(bin.toJson()));
        QJsonObject traps;
        for (auto it = r.traps.begin(); it != r.traps.end(); ++it)
            traps.insert(it.key(),
                         QJsonObject{{QStringLiteral("traps"), it->first},
                                     {QStringLiteral("questions"), it->second},
                                     {QStringLiteral("share"),
                                      it->second ? double(it->first) / it->second : 0.0}});
        if (!traps.isEmpty())
            printOut(QStringLiteral("Traps per type: ") + trapLine(traps));
    }
    QStringList kinds;
    const QMap<QString, int> byKind = r.countsByKind();
    for (auto it = byKind.begin(); it != byKind.end(); ++it)
        kinds << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    if (!kinds.isEmpty())
        printOut(QStringLiteral("Findings by kind: ") + kinds.join(QStringLiteral(", ")));
}

int cmdLint(const QStringList &args)
{
    CommandLine cl(QStringLiteral("lint"),
                   QStringLiteral("Check a benchmark file (published format, closed or open) or "
                                  "every item of a project: options "
                                  "that repeat or contain the answer, leaky stems, broken traps, "
                                  "duplicates, missing images, "
                                  "answers contradicting the gold labels, answer-letter balance. "
                                  "Exit code 1 when anything is found."));
    cl.addPositional(QStringLiteral("FILE|PROJECT"),
                     QStringLiteral("A benchmark JSON file or a project folder."));
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    cl.addOption({QStringLiteral("images"),
                  QStringLiteral(
                      "Folder the image paths are relative to (files; default: the file's folder, "
                      "checked only if it holds any of them)."),
                  QStringLiteral("DIR")});
    cl.addOption({QStringLiteral("no-images"), QStringLiteral("Do not check that images exist.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const QString target = cl.positional().at(0);
    LintOptions options;
    options.imagesRoot = cl.value(QStringLiteral("images"));
    options.checkImages = !cl.isSet(QStringLiteral("no-images"));
    if (!options.imagesRoot.isEmpty() && !QFileInfo(options.imagesRoot).isDir()) {
        printErr(
            QStringLiteral("neuroonco lint: image folder not found: %1").arg(options.imagesRoot));
        return ExitFailure;
    }
    Result<LintReport> report = Error();
    if (QFileInfo(target).isDir()) {
        Project project;
        if (!openProjectOrReport(target, &project))
            return ExitFailure;
        auto db = connectOrReport(project, QStringLiteral("lint"));
        if (!db)
            return ExitFailure;
        report = BenchmarkLint::lintProject(*db, project.slicesDir(), options);
        if (report)
            report->source = project.root();
    } else {
        report = BenchmarkLint::lintFile(target, options);
    }
    if (!report) {
        printError(QStringLiteral("lint"), report.error());
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("json")))
        printOut(json(report->toJson()));
    else
        printLint(*report);
    return report->hasProblems() ? ExitFailure : ExitOk;
}

int cmdSplit(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("split"),
        QStringLiteral(
            "Split the samples into test and train so that no patient, volume or near-duplicate "
            "cluster "
            "lands on both sides, stratified by tumour type and question type; write a leakage "
            "report. "
            "With --check, only check the stored split (or --split-file) and exit 1 if it leaks."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("test-share"),
                  QStringLiteral("Share of samples in the test split (default %1).").arg(SplitStage::kDefaultTestShare),
                  QStringLiteral("SHARE")});
    cl.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed (default %1).").arg(SplitStage::kDefaultSeed), QStringLiteral("S")});
    cl.addOption(
        {QStringLiteral("report"),
         QStringLiteral("Where to write the leakage report (default: exports/split-report.json)."),
         QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("check"),
                  QStringLiteral("Check the existing split instead of making a new one.")});
    cl.addOption({QStringLiteral("split-file"),
                  QStringLiteral(
                      "With --check: a split made elsewhere, {sample_id|image_path: train|test}."),
                  QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    double share = SplitStage::kDefaultTestShare;
    qint64 seed = SplitStage::kDefaultSeed;
    if (!shareOption(cl, QStringLiteral("test-share"), &share, &code) ||
        !seedOption(cl, &seed, &code))
        return code;
    if (cl.isSet(QStringLiteral("split-file")) && !cl.isSet(QStringLiteral("check")))
        return cl.usageError(QStringLiteral("--split-file needs --check"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = connectOrReport(project, QStringLiteral("split"));
    if (!db)
        return ExitFailure;
    SplitRequest request;
    request.mode = cl.isSet(QStringLiteral("check")) ? SplitRequest::Mode::Check : SplitRequest::Mode::Make;
    request.testShare = share;
    request.seed = seed;
    request.splitFile = cl.value(QStringLiteral("split-file"));
    request.reportPath = cl.value(QStringLiteral("report"));
    Result<SplitResult> result = SplitService::run(project, *db, request);
    if (!result) {
        printError(QStringLiteral("split"), result.error());
        return ExitFailure;
    }
    const QJsonObject &report = result->report;
    const bool ok = !result->leaks();
    if (cl.isSet(QStringLiteral("json"))) {
        printOut(json(report));
    } else {
        const QJsonObject crossing = report.value(QStringLiteral("crossing_groups")).toObject();
        printOut(QStringLiteral("%1 samples: %2 test (%3%), %4 train, %5 without a side.")
                     .arg(report.value(QStringLiteral("samples")).toInt())
                     .arg(report.value(QStringLiteral("test")).toInt())
                     .arg(100 * report.value(QStringLiteral("test_share")).toDouble(), 0, 'f', 1)
                     .arg(report.value(QStringLiteral("train")).toInt())
                     .arg(report.value(QStringLiteral("unassigned")).toInt()));
        printOut(QStringLiteral("Groups on both sides: %1 patients, %2 volumes, %3 duplicate "
                                "clusters; %4 items disagree with their "
                                "sample's split; %5 instruction lines come from test samples.")
                     .arg(crossing.value(QStringLiteral("patient")).toInt())
                     .arg(crossing.value(QStringLiteral("volume")).toInt())
                     .arg(crossing.value(QStringLiteral("cluster")).toInt())
                     .arg(report.value(QStringLiteral("items_split_mismatch")).toInt())
                     .arg(report.value(QStringLiteral("instructions_from_test")).toInt()));
        printOut(
            QStringLiteral(
                "Largest deviation of a tumour or question type from the test share: %1 points.")
                .arg(100 * report.value(QStringLiteral("max_stratum_deviation")).toDouble(), 0,
                     'f', 1));
        printOut(QStringLiteral("%1. Report: %2")
                     .arg(ok ? QStringLiteral("No leakage") : QStringLiteral("LEAKAGE found"),
                          result->reportPath));
    }
    return ok ? ExitOk : ExitFailure;
}

int cmdInstructions(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("instructions"),
        QStringLiteral(
            "Build the instruction set (a resumable job): about eight chat samples per training "
            "slice in three "
            "variants (open, closed, closed with reasoning). Test-split samples are left out."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    const InstructionOptions defaults;
    cl.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed (default %1).").arg(defaults.seed), QStringLiteral("S")});
    cl.addOption({QStringLiteral("per-sample"),
                  QStringLiteral("Instructions per slice (default %1).").arg(defaults.perSample), QStringLiteral("N")});
    cl.addOption({QStringLiteral("trap-share"),
                  QStringLiteral("Share of closed questions that are traps (default %1).").arg(defaults.trapShare),
                  QStringLiteral("SHARE")});
    cl.addOption(
        {QStringLiteral("include-test"),
         QStringLiteral("Also build instructions for test-split samples (leaks the benchmark!).")});
    cl.addOption({QStringLiteral("force"), QStringLiteral("Rebuild every sample's instructions.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    double share = defaults.trapShare;
    qint64 seed = qint64(defaults.seed);
    if (!jobOptions(cl, &options, &code) ||
        !shareOption(cl, QStringLiteral("trap-share"), &share, &code) ||
        !seedOption(cl, &seed, &code))
        return code;
    QJsonObject params{{QStringLiteral("seed"), seed}, {QStringLiteral("trap_share"), share}};
    if (cl.isSet(QStringLiteral("per-sample"))) {
        bool ok = false;
        const int n = cl.value(QStringLiteral("per-sample")).toInt(&ok);
        if (!ok || n < 1 || n > 100)
            return cl.usageError(QStringLiteral("--per-sample needs a number between 1 and 100"));
        params.insert(QStringLiteral("per_sample"), n);
    }
    if (cl.isSet(QStringLiteral("include-test")))
        params.insert(QStringLiteral("include_test"), true);
    if (cl.isSet(QStringLiteral("force")))
        params.insert(QStringLiteral("force"), true);
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    const int result = runStageFromCli(project, InstructionStage::stageId(), params, options);
    if (result != ExitOk || options.json || options.quiet)
        return result;
    auto db = connectOrReport(project, QStringLiteral("instructions"));
    if (!db)
        return ExitFailure;
    Result<QJsonObject> stats = InstructionRepository(*db).statistics();
    if (!stats) {
        printError(QStringLiteral("instructions"), stats.error());
        return ExitFailure;
    }
    auto list = [](const QJsonObject &o) {
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInt());
        return parts.join(QStringLiteral(", "));
    };
    printOut(QStringLiteral("%1 instructions for %2 slices (%3 per slice)")
                 .arg(stats->value(QStringLiteral("instructions")).toInt())
                 .arg(stats->value(QStringLiteral("samples")).toInt())
                 .arg(stats->value(QStringLiteral("per_sample")).toDouble(), 0, 'f', 2));
    printOut(QStringLiteral("Variants: ") +
             list(stats->value(QStringLiteral("variants")).toObject()));
    printOut(QStringLiteral("Question types: ") +
             list(stats->value(QStringLiteral("question_types")).toObject()));
    printOut(QStringLiteral("Tumour types: ") +
             list(stats->value(QStringLiteral("tumour_types")).toObject()));
    printOut(QStringLiteral("Traps per type: ") +
             trapLine(stats->value(QStringLiteral("traps")).toObject()));
    printOut(QStringLiteral("Answer letters (multiple choice, non-traps, A–D): ") +
             letterLine(stats->value(QStringLiteral("letters")).toObject()));
    printOut(QStringLiteral("Answer letters (binary, A–B): ") +
             letterLine(stats->value(QStringLiteral("binary_letters")).toObject()));
    return ExitOk;
}

} // namespace

int cmdParaphrase(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("paraphrase"),
        QStringLiteral("Have a model endpoint reword the rule-built reference answers of open benchmark items "
                       "(a resumable job). A rewrite that drops or adds a number or a key term, invents a patient "
                       "detail or changes the length a lot is discarded; an accepted one is an edit in the item's "
                       "history and waits for a curator. Items someone approved, rejected or edited are left alone."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("endpoint"), QStringLiteral("Endpoint name (see 'neuroonco endpoints list')."),
                  QStringLiteral("NAME")});
    cl.addOption({QStringLiteral("limit"), QStringLiteral("Reword at most N items."), QStringLiteral("N")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    if (!cl.isSet(QStringLiteral("endpoint")))
        return cl.usageError(QStringLiteral("--endpoint is required (see 'neuroonco endpoints list')"));
    int limit = 0;
    if (cl.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = cl.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return cl.usageError(QStringLiteral("--limit needs a positive number"));
    }
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    return runStageFromCli(project, ParaphraseStage::stageId(),
                           ParaphraseStage::parameters(cl.value(QStringLiteral("endpoint")), limit), options);
}

std::vector<CliCommand> benchmarkCommands()
{
    return {{QStringLiteral("benchmark"),
             QStringLiteral("Closed and open benchmark items from the gold labels"), cmdBenchmark},
            {QStringLiteral("lint"), QStringLiteral("Check a benchmark file or a project's items"),
             cmdLint},
            {QStringLiteral("paraphrase"),
             QStringLiteral("Reword open reference answers through a model endpoint (checked)"), cmdParaphrase},
            {QStringLiteral("split"),
             QStringLiteral("Leakage-safe test/train split and its report"), cmdSplit},
            {QStringLiteral("instructions"),
             QStringLiteral("The instruction set (open, closed, closed with reasoning)"),
             cmdInstructions}};
}

} // namespace neuroonco
