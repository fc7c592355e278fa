// report: figures about a project — AIR, audit, and the whole report as PDF/HTML with charts.
#include "app/cli/CliCommand.h"
#include "app/cli/EvaluateCommands.h"

#include "core/evaluate/Bootstrap.h"
#include "core/report/ProjectFigures.h"
#include "widgets/charts/ChartFactory.h"
#include "widgets/charts/ChartRender.h"
#include "widgets/report/ReportRenderer.h"

#include "core/project/Project.h"
#include "core/review/AuditMetrics.h"
#include "core/review/ReviewRepository.h"
#include "core/signs/SignReport.h"
#include "core/store/Database.h"

#include <QChart>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace neuroonco {

namespace {

void printAir(const QJsonObject &air)
{
    const QStringList fields{QStringLiteral("shape"), QStringLiteral("margins"), QStringLiteral("texture"),
                             QStringLiteral("enhancement"), QStringLiteral("edema"), QStringLiteral("signal_intensity")};
    QString header = QStringLiteral("%1").arg(QStringLiteral("AIR"), -8);
    for (const QString &f : fields)
        header += QStringLiteral("%1").arg(f.left(11), 12);
    header += QStringLiteral("%1%2").arg(QStringLiteral("overall"), 10).arg(QStringLiteral("n"), 8);
    printOut(header);
    for (const char *stage : {"run_a", "run_b", "fused", "gold"}) {
        const QJsonObject s = air.value(QLatin1String(stage)).toObject();
        QString line = QStringLiteral("%1").arg(QLatin1String(stage), -8);
        for (const QString &f : fields)
            line += QStringLiteral("%1").arg(100 * s[QStringLiteral("fields")][f].toDouble(), 11, 'f', 1) + QLatin1Char('%');
        line += QStringLiteral("%1%").arg(100 * s.value(QStringLiteral("overall")).toDouble(), 9, 'f', 1);
        line += QStringLiteral("%1").arg(s.value(QStringLiteral("positives")).toInt(), 8);
        printOut(line);
    }
    const QJsonObject fusion = air.value(QStringLiteral("fusion")).toObject();
    printOut(QStringLiteral("\nFusion: %1 kept, %2 healthy, %3 dropped, %4 T1CE downgraded to T1")
                 .arg(fusion.value(QStringLiteral("kept")).toInt()).arg(fusion.value(QStringLiteral("healthy")).toInt())
                 .arg(fusion.value(QStringLiteral("dropped")).toInt()).arg(fusion.value(QStringLiteral("downgraded_t1ce")).toInt()));
    const QJsonObject qc = air.value(QStringLiteral("qc")).toObject();
    printOut(QStringLiteral("QC: %1 audited, %2 fields erased, %3 downgraded")
                 .arg(qc.value(QStringLiteral("audited")).toInt()).arg(qc.value(QStringLiteral("erased_fields")).toInt())
                 .arg(qc.value(QStringLiteral("downgraded_fields")).toInt()));
}

void printAgreement(const QJsonObject &agreement)
{
    printOut(QStringLiteral("\nAgreement with the planted signs (%1 samples): precision of the answers given / recall of the planted values")
                 .arg(agreement.value(QStringLiteral("samples_with_truth")).toInt()));
    const QJsonObject first = agreement.value(QStringLiteral("run_a")).toObject();
    for (auto it = first.begin(); it != first.end(); ++it) {
        QString line = QStringLiteral("%1").arg(it.key(), -18);
        for (const char *stage : {"run_a", "run_b", "fused", "gold"}) {
            const QJsonObject f = agreement[QLatin1String(stage)][it.key()].toObject();
            line += QStringLiteral("  %1 %2/%3").arg(QLatin1String(stage), 5)
                        .arg(100 * f.value(QStringLiteral("precision")).toDouble(), 5, 'f', 1)
                        .arg(100 * f.value(QStringLiteral("recall")).toDouble(), 5, 'f', 1);
        }
        printOut(line);
    }
}

void printAudit(const AuditReport &r)
{
    auto pct = [](const Proportion &p) {
        const auto [lo, hi] = p.wilson();
        return QStringLiteral("%1% [%2–%3] n=%4").arg(100 * p.value(), 5, 'f', 1).arg(100 * lo, 0, 'f', 1).arg(100 * hi, 0, 'f', 1).arg(p.total);
    };
    printOut(QStringLiteral("Audited samples: %1 of %2").arg(r.samplesAudited).arg(r.samplesTotal));
    printOut(QStringLiteral("%1 %2 %3").arg(QStringLiteral("field"), -18).arg(QStringLiteral("precision (95% CI)"), -32).arg(QStringLiteral("omission (95% CI)")));
    for (const FieldAudit &f : r.fields)
        if (f.precision().total + f.omission().total > 0)
            printOut(QStringLiteral("%1 %2 %3").arg(f.field, -18).arg(pct(f.precision()), -32).arg(pct(f.omission())));
    printOut(QStringLiteral("%1 %2 %3").arg(QStringLiteral("overall"), -18).arg(pct(r.overall.precision()), -32).arg(pct(r.overall.omission())));
    for (const KappaResult &k : r.kappa)
        printOut(QStringLiteral("kappa %1 (%2 vs %3, %4 pairs): %5").arg(k.field, k.reviewerA, k.reviewerB).arg(k.pairs).arg(k.kappa, 0, 'f', 3));
}

int auditReport(CommandLine &cl, Database &db)
{
    ReviewRepository repo(db);
    Result<std::vector<ReviewSample>> samples = repo.loadAll();
    if (!samples) {
        printError(QStringLiteral("report"), samples.error());
        return ExitFailure;
    }
    QJsonObject out;
    if (cl.isSet(QStringLiteral("certify"))) {
        bool ok = false;
        const int n = cl.value(QStringLiteral("certify")).toInt(&ok);
        if (!ok || n <= 0)
            return cl.usageError(QStringLiteral("--certify needs a positive number of samples"));
        const auto draw = AuditMetrics::drawStratified(*samples, n, cl.value(QStringLiteral("seed")).toULongLong());
        int number = 0;
        if (Error e = repo.storeDraw(draw, &number)) {
            printError(QStringLiteral("report"), e);
            return ExitFailure;
        }
        out.insert(QStringLiteral("certification_draw"), QJsonObject{{QStringLiteral("draw"), number}, {QStringLiteral("samples"), int(draw.size())}});
        if (!cl.isSet(QStringLiteral("json")))
            printOut(QStringLiteral("Drew %1 samples (draw %2), stratified by tumour type and source. Audit them with the "
                                    "\"Certification draw\" queue filter, then run this report again.").arg(draw.size()).arg(number));
    }
    const AuditReport all = AuditMetrics::compute(*samples);
    out.insert(QStringLiteral("audit"), all.toJson());
    // The newest draw's error rate: 1 − precision over the drawn samples' decisions.
    int draw = 0;
    Result<std::vector<qint64>> drawn = repo.certificationSamples(&draw);
    if (drawn && !drawn->empty()) {
        const QSet<qint64> inDraw(drawn->begin(), drawn->end());
        std::vector<ReviewSample> subset;
        for (const ReviewSample &s : *samples)
            if (inDraw.contains(s.sample.id))
                subset.push_back(s);
        const AuditReport certified = AuditMetrics::compute(subset);
        const Proportion errors{certified.overall.precision().total - certified.overall.precision().successes, certified.overall.precision().total};
        const auto [lo, hi] = errors.wilson();
        out.insert(QStringLiteral("certification"), QJsonObject{{QStringLiteral("draw"), draw}, {QStringLiteral("samples"), qint64(drawn->size())},
                                                                {QStringLiteral("audited"), certified.samplesAudited},
                                                                {QStringLiteral("error_rate"), errors.toJson()}});
        if (!cl.isSet(QStringLiteral("json")))
            printOut(QStringLiteral("Certification draw %1: %2 of %3 samples audited; error rate %4% (95% CI %5–%6%) over %7 decisions\n")
                         .arg(draw).arg(certified.samplesAudited).arg(drawn->size()).arg(100 * errors.value(), 0, 'f', 1)
                         .arg(100 * lo, 0, 'f', 1).arg(100 * hi, 0, 'f', 1).arg(errors.total));
    }
    if (cl.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        return ExitOk;
    }
    printAudit(all);
    return ExitOk;
}

// The full report (--out) and the dashboard charts as files (--charts DIR).
int documentReport(CommandLine &cl, Database &db, const Project &project)
{
    Result<ProjectFigures> figures = ProjectFiguresBuilder::collect(db, project.root());
    if (!figures) {
        printError(QStringLiteral("report"), figures.error());
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("charts"))) {
        const QString format = cl.value(QStringLiteral("format")).toLower();
        if (format != QLatin1String("png") && format != QLatin1String("svg"))
            return cl.usageError(QStringLiteral("--format is png or svg"));
        const QDir dir(cl.value(QStringLiteral("charts")));
        if (!QDir().mkpath(dir.absolutePath())) {
            printErr(QStringLiteral("neuroonco report: cannot create %1").arg(dir.absolutePath()));
            return ExitFailure;
        }
        int written = 0;
        for (const Figure *f : figures->all()) {
            if (f->isEmpty())
                continue;
            std::unique_ptr<QChart> chart(ChartFactory::create(*f));
            const QString path = dir.filePath(f->id + QLatin1Char('.') + format);
            if (Error e = chartrender::save(chart.get(), path)) {
                printError(QStringLiteral("report"), e);
                return ExitFailure;
            }
            ++written;
        }
        printOut(QStringLiteral("%1 chart(s) written to %2").arg(written).arg(dir.absolutePath()));
    }
    if (cl.isSet(QStringLiteral("out"))) {
        const QString out = QFileInfo(cl.value(QStringLiteral("out"))).absoluteFilePath();
        const QString suffix = QFileInfo(out).suffix().toLower();
        if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") && suffix != QLatin1String("htm"))
            return cl.usageError(QStringLiteral("--out must end in .pdf or .html"));
        if (!QDir().mkpath(QFileInfo(out).absolutePath())) {
            printErr(QStringLiteral("neuroonco report: cannot create %1").arg(QFileInfo(out).absolutePath()));
            return ExitFailure;
        }
        if (Error e = ReportRenderer(*figures).save(out)) {
            printError(QStringLiteral("report"), e);
            return ExitFailure;
        }
        printOut(QStringLiteral("Report written to %1").arg(out));
    }
    if (cl.isSet(QStringLiteral("json")) && !cl.isSet(QStringLiteral("air")) && !cl.isSet(QStringLiteral("audit")) && !cl.isSet(QStringLiteral("eval")))
        printOut(QString::fromUtf8(QJsonDocument(figures->toJson()).toJson(QJsonDocument::Indented)).trimmed());
    return ExitOk;
}

int cmdReport(const QStringList &args)
{
    CommandLine cl(QStringLiteral("report"), QStringLiteral("Print a project's figures."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("air"), QStringLiteral("Average Information Rate of run A, run B, fused and gold, per field.")});
    cl.addOption({QStringLiteral("truth"), QStringLiteral("With --air: agreement with a demo ground-truth file."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("audit"), QStringLiteral("Reviewer audit: precision and omission per field with Wilson 95% intervals, Cohen's kappa.")});
    cl.addOption({QStringLiteral("certify"), QStringLiteral("With --audit: draw a stratified random sample of N samples to audit (queue filter \"Certification draw\")."), QStringLiteral("N")});
    cl.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the certification draw (default 1)."), QStringLiteral("S"), QStringLiteral("1")});
    cl.addOption({QStringLiteral("out"), QStringLiteral("Write the project report (status, every figure as a chart with its table, definitions) as .pdf or .html."), QStringLiteral("FILE")});
    cl.addOption({QStringLiteral("charts"), QStringLiteral("Write each dashboard chart into DIR."), QStringLiteral("DIR")});
    cl.addOption({QStringLiteral("format"), QStringLiteral("Chart file format for --charts: png or svg (default png)."), QStringLiteral("FORMAT"), QStringLiteral("png")});
    cl.addOption({QStringLiteral("eval"), QStringLiteral("Evaluation runs side by side: accuracy overall, by type, binary/multiple choice, trap/non-trap, "
                                                         "invalid answers and rejection rates (closed); keyword recall, BLEU-4, ROUGE-L, judge (open); "
                                                         "percentile-bootstrap 95% intervals.")});
    cl.addOption({QStringLiteral("run"), QStringLiteral("With --eval: only this run."), QStringLiteral("RUN")});
    cl.addOption({QStringLiteral("resamples"), QStringLiteral("With --eval: bootstrap resamples (default %1; 0: no intervals).").arg(BootstrapOptions().resamples), QStringLiteral("N")});
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    const bool document = cl.isSet(QStringLiteral("out")) || cl.isSet(QStringLiteral("charts"));
    const bool eval = cl.isSet(QStringLiteral("eval"));
    if (!cl.isSet(QStringLiteral("air")) && !cl.isSet(QStringLiteral("audit")) && !document && !eval)
        return cl.usageError(QStringLiteral("choose a report: --air, --audit, --eval, --out FILE or --charts DIR"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printError(QStringLiteral("report"), db.error());
        return ExitFailure;
    }
    if (document) {
        if (const int rc = documentReport(cl, **db, project); rc != ExitOk || (!cl.isSet(QStringLiteral("air")) && !cl.isSet(QStringLiteral("audit")) && !eval))
            return rc;
    }
    if (eval && !cl.isSet(QStringLiteral("air")) && !cl.isSet(QStringLiteral("audit")))
        return evaluationReport(cl, **db);
    if (cl.isSet(QStringLiteral("audit")))
        return auditReport(cl, **db);
    Result<QJsonObject> air = SignReport::air(**db);
    if (!air) {
        printError(QStringLiteral("report"), air.error());
        return ExitFailure;
    }
    QJsonObject out{{QStringLiteral("air"), *air}};
    if (cl.isSet(QStringLiteral("truth"))) {
        Result<QJsonObject> agreement = SignReport::agreement(**db, cl.value(QStringLiteral("truth")));
        if (!agreement) {
            printError(QStringLiteral("report"), agreement.error());
            return ExitFailure;
        }
        out.insert(QStringLiteral("agreement"), *agreement);
    }
    if (cl.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)).trimmed());
        return ExitOk;
    }
    printAir(*air);
    if (out.contains(QStringLiteral("agreement")))
        printAgreement(out.value(QStringLiteral("agreement")).toObject());
    return ExitOk;
}

} // namespace

std::vector<CliCommand> reportCommands()
{
    return {{QStringLiteral("report"), QStringLiteral("Figures: AIR, audit, evaluation leaderboard, the project report (PDF/HTML) and charts"), cmdReport}};
}

} // namespace neuroonco
