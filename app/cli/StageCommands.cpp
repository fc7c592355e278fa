// Subcommands that run pipeline stages: ingest, dedup.
#include "app/cli/CliCommand.h"
#include "app/cli/CliJob.h"

#include "core/dedup/DedupEngine.h"
#include "core/imaging/ImageIO.h"
#include "core/ingest/Manifest.h"
#include "core/pipeline/DedupStage.h"
#include "core/pipeline/DescribeStage.h"
#include "core/pipeline/ExtractStage.h"
#include "core/pipeline/FuseStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/QcStage.h"
#include "core/pipeline/SemanticsStage.h"
#include "core/project/Project.h"
#include "core/semantics/MaskAnalyzer.h"

#include <QFile>
#include <QJsonDocument>
#include <QFileInfo>

namespace neuroonco {

namespace {

int cmdIngest(const QStringList &args)
{
    CommandLine cl(QStringLiteral("ingest"),
                   QStringLiteral("Ingest and standardise the sources listed in a manifest (resumable)."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("manifest"), QStringLiteral("Manifest JSON describing the sources."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("force"), QStringLiteral("Re-read items that were already ingested.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    const QString manifest = cl.value(QStringLiteral("manifest"));
    if (manifest.isEmpty())
        return cl.usageError(QStringLiteral("--manifest FILE is required"));
    // Validate before touching the project so a typo costs nothing.
    Result<Manifest> m = Manifest::load(manifest);
    if (!m) {
        printError(QStringLiteral("ingest"), m.error());
        return ExitFailure;
    }
    // Missing roots and unknown options up front; the job records them with their source too.
    for (const ManifestProblem &p : m->check())
        printErr(QStringLiteral("neuroonco ingest: %1: %2%3")
                     .arg(m->path, p.severity == IssueSeverity::Error ? QString() : QStringLiteral("warning: "), p.message));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    return runStageFromCli(project, IngestStage::stageId(),
                           IngestStage::parameters(manifest, cl.isSet(QStringLiteral("force"))), options);
}

int cmdDedup(const QStringList &args)
{
    CommandLine cl(QStringLiteral("dedup"),
                   QStringLiteral("Find exact and near-duplicate slices across all sources; duplicates are flagged, never deleted."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("report"), QStringLiteral("Write the JSON report here (default: exports/dedup-report.json)."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("truth"), QStringLiteral("Score against a ground-truth file (the demo generator's ground_truth.json)."), QStringLiteral("FILE")});
    // Defaults are read from the engine, so the help cannot drift from them.
    const DedupOptions defaults;
    cl.addOption({QStringLiteral("phash-radius"), QStringLiteral("Largest pHash Hamming distance of near duplicates (default %1).").arg(defaults.pHashRadius), QStringLiteral("BITS")});
    cl.addOption({QStringLiteral("dhash-radius"), QStringLiteral("Largest dHash Hamming distance of near duplicates (default %1).").arg(defaults.dHashRadius), QStringLiteral("BITS")});
    cl.addOption({QStringLiteral("force"), QStringLiteral("Recompute even when every sample was checked already.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    QJsonObject params;
    if (cl.isSet(QStringLiteral("report")))
        params.insert(QStringLiteral("report"), QFileInfo(cl.value(QStringLiteral("report"))).absoluteFilePath());
    if (cl.isSet(QStringLiteral("truth"))) {
        const QString truth = cl.value(QStringLiteral("truth"));
        if (!QFileInfo::exists(truth)) {
            printErr(QStringLiteral("neuroonco dedup: ground-truth file not found: %1").arg(truth));
            return ExitFailure;
        }
        params.insert(QStringLiteral("truth"), QFileInfo(truth).absoluteFilePath());
    }
    for (const char *name : {"phash-radius", "dhash-radius"}) {
        const QString option = QString::fromLatin1(name);
        if (!cl.isSet(option))
            continue;
        bool ok = false;
        const int v = cl.value(option).toInt(&ok);
        if (!ok || v < 0 || v > 64)
            return cl.usageError(QStringLiteral("--%1 needs a number of bits between 0 and 64").arg(option));
        params.insert(QString(option).replace(QLatin1Char('-'), QLatin1Char('_')), v);
    }
    if (cl.isSet(QStringLiteral("force")))
        params.insert(QStringLiteral("force"), true);
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    return runStageFromCli(project, DedupStage::stageId(), params, options);
}

int cmdManifest(const QStringList &args)
{
    CommandLine cl(QStringLiteral("manifest"),
                   QStringLiteral("Write the template of the 20 public sources, or check a manifest and its source folders."));
    cl.addOption({QStringLiteral("template"), QStringLiteral("Write the template manifest (to --out or standard output).")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Where to write the template."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("check"), QStringLiteral("Check a manifest: option types, unknown options (warnings) and every "
                                                          "source root; exits 1 naming each missing root or bad option."),
                  QStringLiteral("FILE")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 0, 0))
        return code;
    if (cl.isSet(QStringLiteral("template")) == cl.isSet(QStringLiteral("check")))
        return cl.usageError(QStringLiteral("give either --template or --check FILE"));
    if (cl.isSet(QStringLiteral("template"))) {
        QFile in(QStringLiteral(":/manifests/public-sources.template.json"));
        if (!in.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("neuroonco manifest: the template is missing from this build"));
            return ExitFailure;
        }
        const QByteArray text = in.readAll();
        const QString out = cl.value(QStringLiteral("out"));
        if (out.isEmpty()) {
            printOut(QString::fromUtf8(text).trimmed());
            return ExitOk;
        }
        QFile f(out);
        if (f.exists()) {
            printErr(QStringLiteral("neuroonco manifest: %1 exists; not overwriting it").arg(out));
            return ExitFailure;
        }
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
            printErr(QStringLiteral("neuroonco manifest: cannot write %1").arg(out));
            return ExitFailure;
        }
        printOut(QStringLiteral("Wrote %1: replace each FILL_IN root with the folder of your download.").arg(out));
        return ExitOk;
    }
    // --check: the manifest's types (a wrong one refuses it), then every source root against the
    // disk. Problems go to stderr, each naming the file and the field; any error exits 1.
    const QString file = cl.value(QStringLiteral("check"));
    Result<Manifest> m = Manifest::load(file);
    if (!m) {
        printError(QStringLiteral("manifest"), m.error());
        return ExitFailure;
    }
    int present = 0;
    for (const SourceSpec &s : m->sources) {
        const bool exists = QFileInfo(s.root).isDir();
        present += exists ? 1 : 0;
        printOut(QStringLiteral("%1  %2  %3  %4").arg(s.code.leftJustified(4), s.layout.leftJustified(16),
                                                     exists ? QStringLiteral("found  ") : QStringLiteral("MISSING"), s.root));
    }
    int errors = 0, warnings = 0;
    for (const ManifestProblem &p : m->check()) {
        const bool error = p.severity == IssueSeverity::Error;
        (error ? errors : warnings) += 1;
        printErr(QStringLiteral("%1: %2%3").arg(m->path, error ? QString() : QStringLiteral("warning: "), p.message));
    }
    printOut(QStringLiteral("%1 of %2 source folders found; %3 error(s), %4 warning(s).")
                 .arg(present)
                 .arg(m->sources.size())
                 .arg(errors)
                 .arg(warnings));
    return errors > 0 ? ExitFailure : ExitOk;
}

int cmdSemantics(const QStringList &args)
{
    CommandLine cl(QStringLiteral("semantics"),
                   QStringLiteral("Mask semantics (size, shape, spread, location and the numbers behind them) for every "
                                  "sample with a mask, or for one mask file with --mask."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder (not needed with --mask)."), QStringLiteral("[PROJECT]"));
    cl.addOption({QStringLiteral("mask"), QStringLiteral("Analyse one mask file and print the result."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("image"), QStringLiteral("With --mask: the slice, for the head-relative location."), QStringLiteral("FILE")});
    QStringList thresholdDefaults;
    const QJsonObject defaultThresholds = SemanticsThresholds().toJson();
    for (auto it = defaultThresholds.begin(); it != defaultThresholds.end(); ++it)
        thresholdDefaults << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toDouble());
    cl.addOption({QStringLiteral("thresholds"), QStringLiteral("JSON object or file overriding rule thresholds; the defaults: %1.")
                                                    .arg(thresholdDefaults.join(QStringLiteral(", "))), QStringLiteral("JSON")});
    cl.addOption({QStringLiteral("force"), QStringLiteral("Recompute samples that already have semantics.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 0, 1))
        return code;
    QJsonObject thresholds;
    if (cl.isSet(QStringLiteral("thresholds"))) {
        QByteArray text = cl.value(QStringLiteral("thresholds")).toUtf8();
        if (QFileInfo::exists(QString::fromUtf8(text))) {
            QFile f(QString::fromUtf8(text));
            f.open(QIODevice::ReadOnly);
            text = f.readAll();
        }
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject())
            return cl.usageError(QStringLiteral("--thresholds needs a JSON object or a file holding one"));
        thresholds = doc.object();
    }
    if (cl.isSet(QStringLiteral("mask"))) {
        const QString file = cl.value(QStringLiteral("mask"));
        Result<DecodedImage> decoded = imageio::read(file);
        if (!decoded) {
            printError(QStringLiteral("semantics"), decoded.error());
            return ExitFailure;
        }
        const GrayImage mask = imageio::binarizeMask(*decoded);
        std::optional<MaskSemantics> s = MaskAnalyzer::analyze(mask, SemanticsThresholds::fromJson(thresholds));
        if (s && cl.isSet(QStringLiteral("image"))) {
            Result<GrayImage> image = imageio::readGray8(cl.value(QStringLiteral("image")));
            if (!image) {
                printError(QStringLiteral("semantics"), image.error());
                return ExitFailure;
            }
            if (image->width != mask.width || image->height != mask.height) {
                printErr(QStringLiteral("neuroonco semantics: the image is %1×%2 but the mask is %3×%4")
                             .arg(image->width).arg(image->height).arg(mask.width).arg(mask.height));
                return ExitFailure;
            }
            MaskAnalyzer::addHeadLocation(*s, *image);
        }
        QJsonObject out{{QStringLiteral("file"), file}, {QStringLiteral("width"), mask.width}, {QStringLiteral("height"), mask.height}};
        if (!s) {
            for (const char *k : {"size", "shape", "spread", "location"})
                out.insert(QLatin1String(k), QJsonValue());
            out.insert(QStringLiteral("reason"), QStringLiteral("the mask marks no lesion"));
        } else {
            const QJsonObject labels = s->labelsJson();
            for (auto it = labels.begin(); it != labels.end(); ++it)
                out.insert(it.key(), it.value());
            out.insert(QStringLiteral("numbers"), s->numbersJson());
        }
        if (cl.isSet(QStringLiteral("json"))) {
            printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        } else if (!s) {
            printOut(QStringLiteral("%1: empty mask (no lesion)").arg(file));
        } else {
            printOut(QStringLiteral("size      %1 (%2 % of the image)").arg(s->size).arg(100 * s->numbers.areaRatio, 0, 'f', 2));
            printOut(QStringLiteral("shape     %1 (circularity %2, elongation %3)").arg(s->shape).arg(s->numbers.circularity, 0, 'f', 3).arg(s->numbers.elongation, 0, 'f', 2));
            printOut(QStringLiteral("spread    %1 (%2 components, core %3 %)").arg(s->spread).arg(s->numbers.components).arg(100 * s->numbers.coreFraction, 0, 'f', 1));
            printOut(QStringLiteral("location  %1 (centroid %2, %3)").arg(s->location).arg(s->numbers.centroidX, 0, 'f', 1).arg(s->numbers.centroidY, 0, 'f', 1));
            if (s->head.valid)
                printOut(QStringLiteral("head      %1, %2").arg(s->head.side, s->head.band));
        }
        return ExitOk;
    }
    if (cl.positional().isEmpty())
        return cl.usageError(QStringLiteral("missing argument PROJECT (or --mask FILE)"));
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    QJsonObject params;
    if (!thresholds.isEmpty())
        params.insert(QStringLiteral("thresholds"), SemanticsThresholds::fromJson(thresholds).toJson());
    if (cl.isSet(QStringLiteral("force")))
        params.insert(QStringLiteral("force"), true);
    return runStageFromCli(project, SemanticsStage::stageId(), params, options);
}

int cmdDescribe(const QStringList &args)
{
    CommandLine cl(QStringLiteral("describe"), QStringLiteral("Write the rule-based coarse description of every sample."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("force"), QStringLiteral("Rewrite descriptions that exist already.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    QJsonObject params;
    if (cl.isSet(QStringLiteral("force")))
        params.insert(QStringLiteral("force"), true);
    return runStageFromCli(project, DescribeStage::stageId(), params, options);
}

int cmdExtract(const QStringList &args)
{
    CommandLine cl(QStringLiteral("extract"),
                   QStringLiteral("Read the radiological signs of every kept sample: run A (conservative) or run B "
                                  "(skeptic), with a model endpoint of yours or the embedded classical extractor."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("run"), QStringLiteral("A or B."), QStringLiteral("RUN")});
    cl.addOption({QStringLiteral("endpoint"), QStringLiteral("Endpoint name (see 'neuroonco endpoints list'; default: classical)."), QStringLiteral("NAME")});
    cl.addOption({QStringLiteral("limit"), QStringLiteral("Read at most N pending samples."), QStringLiteral("N")});
    cl.addOption({QStringLiteral("force"), QStringLiteral("Read samples again that were read already.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const QString run = cl.value(QStringLiteral("run")).toUpper();
    if (run != QLatin1String("A") && run != QLatin1String("B"))
        return cl.usageError(QStringLiteral("--run A or --run B is required"));
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    QJsonObject params = ExtractStage::parameters(cl.value(QStringLiteral("endpoint")));
    if (cl.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = cl.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return cl.usageError(QStringLiteral("--limit needs a positive number"));
        params.insert(QStringLiteral("limit"), limit);
    }
    if (cl.isSet(QStringLiteral("force")))
        params.insert(QStringLiteral("force"), true);
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    return runStageFromCli(project, ExtractStage::stageIdFor(run), params, options);
}

int cmdSimpleStage(const QString &name, const QString &stageId, const QString &description, bool endpoint, const QStringList &args)
{
    CommandLine cl(name, description);
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    if (endpoint)
        cl.addOption({QStringLiteral("endpoint"), QStringLiteral("Endpoint name (see 'neuroonco endpoints list'; default: classical)."), QStringLiteral("NAME")});
    cl.addOption({QStringLiteral("force"), QStringLiteral("Redo samples done already.")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    QJsonObject params;
    if (endpoint && cl.isSet(QStringLiteral("endpoint")))
        params.insert(QStringLiteral("endpoint"), cl.value(QStringLiteral("endpoint")));
    if (cl.isSet(QStringLiteral("force")))
        params.insert(QStringLiteral("force"), true);
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    return runStageFromCli(project, stageId, params, options);
}

} // namespace

std::vector<CliCommand> stageCommands()
{
    return {
        {QStringLiteral("ingest"), QStringLiteral("Ingest and standardise sources from a manifest"), cmdIngest},
        {QStringLiteral("dedup"), QStringLiteral("Flag exact and near-duplicate slices"), cmdDedup},
        {QStringLiteral("manifest"), QStringLiteral("Template of the 20 public sources; check a manifest"), cmdManifest},
        {QStringLiteral("semantics"), QStringLiteral("Mask semantics for a project, or for one mask file"), cmdSemantics},
        {QStringLiteral("describe"), QStringLiteral("Rule-based coarse descriptions"), cmdDescribe},
        {QStringLiteral("extract"), QStringLiteral("Sign extraction, run A or B (endpoint or classical)"), cmdExtract},
        {QStringLiteral("fuse"), QStringLiteral("Cross-validate run A and run B"),
         [](const QStringList &args) {
             return cmdSimpleStage(QStringLiteral("fuse"), FuseStage::stageId(),
                                   QStringLiteral("Cross-validate run A and run B into fused labels (DESIGN.md 3.8)."), false, args);
         }},
        {QStringLiteral("qc"), QStringLiteral("Model audit of the fused labels: the gold labels"),
         [](const QStringList &args) {
             return cmdSimpleStage(QStringLiteral("qc"), QcStage::stageId(),
                                   QStringLiteral("Audit every fused label field by field with a third reader (endpoint or classical)."), true, args);
         }},
    };
}

} // namespace neuroonco
