// evaluate: ask a model endpoint the benchmark questions; and the predictions kinds of
// export/import and the `report --eval` leaderboard.
#include "app/cli/EvaluateCommands.h"

#include "app/cli/CliJob.h"
#include "core/evaluate/Leaderboard.h"
#include "core/evaluate/PredictionExchange.h"
#include "core/evaluate/PredictionFormat.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace neuroonco {

namespace {

QString percent(double v)
{
    return QStringLiteral("%1%").arg(100 * v, 0, 'f', 1);
}

// "71.3% [68.8–73.9]", or "–" when there is nothing to count.
QString withInterval(const Rate &r)
{
    if (r.n == 0)
        return QStringLiteral("–");
    if (!r.interval.hasInterval)
        return percent(r.value());
    return QStringLiteral("%1 [%2–%3]")
        .arg(percent(r.value()))
        .arg(100 * r.interval.lower, 0, 'f', 1)
        .arg(100 * r.interval.upper, 0, 'f', 1);
}

QString meanWithInterval(const Interval &i)
{
    if (i.n == 0)
        return QStringLiteral("–");
    if (!i.hasInterval)
        return QStringLiteral("%1").arg(i.estimate, 0, 'f', 3);
    return QStringLiteral("%1 [%2–%3]")
        .arg(i.estimate, 0, 'f', 3)
        .arg(i.lower, 0, 'f', 3)
        .arg(i.upper, 0, 'f', 3);
}

QString cell(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '), true) + QLatin1Char(' ');
}

void printClosed(const std::vector<RunScores> &rows, const BootstrapOptions &bootstrap)
{
    printOut(QStringLiteral("Closed benchmark: share of questions answered correctly, "
                            "percentile-bootstrap %1% intervals "
                            "(%2 resamples over questions). Circular runs count a question only "
                            "when every rotation is right.")
                 .arg(100 * bootstrap.level, 0, 'f', 0)
                 .arg(bootstrap.resamples));
    printOut(cell(QStringLiteral("run"), 24) + cell(QStringLiteral("model"), 20) +
             cell(QStringLiteral("questions"), 9) + cell(QStringLiteral("accuracy"), 21) +
             cell(QStringLiteral("binary"), 21) + cell(QStringLiteral("multiple choice"), 21) +
             cell(QStringLiteral("trap"), 21) + cell(QStringLiteral("non-trap"), 21) +
             cell(QStringLiteral("invalid"), 21) + cell(QStringLiteral("E on traps"), 21) +
             QStringLiteral("E on answerable"));
    for (const RunScores &s : rows) {
        const ClosedScores &c = s.closed;
        printOut(
            cell(s.run.name + (s.run.circular && !s.run.name.contains(QLatin1String("circular"))
                                   ? QStringLiteral(" (circular)")
                                   : QString()),
                 24) +
            cell(s.run.model, 20) + cell(QString::number(c.questions), 9) +
            cell(withInterval(c.accuracy), 21) + cell(withInterval(c.binary), 21) +
            cell(withInterval(c.multipleChoice), 21) + cell(withInterval(c.trap), 21) +
            cell(withInterval(c.nonTrap), 21) + cell(withInterval(c.invalid), 21) +
            cell(withInterval(c.correctRejection), 21) + withInterval(c.falseRejection));
    }
    QStringList types;
    for (const RunScores &s : rows)
        for (auto it = s.closed.byType.begin(); it != s.closed.byType.end(); ++it)
            if (!types.contains(it.key()))
                types << it.key();
    types.sort();
    if (types.isEmpty())
        return;
    printOut(QStringLiteral("\nAccuracy by question type"));
    QString header = cell(QStringLiteral("type"), 18);
    for (const RunScores &s : rows)
        header += cell(s.run.name, 30);
    printOut(header);
    for (const QString &t : types) {
        QString line = cell(t, 18);
        for (const RunScores &s : rows) {
            const Rate r = s.closed.byType.value(t);
            line += cell(r.n ? QStringLiteral("%1 n=%2").arg(withInterval(r)).arg(r.n)
                             : QStringLiteral("–"),
                         30);
        }
        printOut(line);
    }
}

void printOpen(const std::vector<RunScores> &rows)
{
    printOut(QStringLiteral("Open benchmark: means over answers with percentile-bootstrap "
                            "intervals (keyword recall over questions with keywords)."));
    printOut(cell(QStringLiteral("run"), 24) + cell(QStringLiteral("model"), 20) +
             cell(QStringLiteral("questions"), 9) + cell(QStringLiteral("keyword recall"), 24) +
             cell(QStringLiteral("BLEU-4"), 24) + cell(QStringLiteral("ROUGE-L"), 24) +
             cell(QStringLiteral("judge"), 24) + QStringLiteral("invalid"));
    for (const RunScores &s : rows) {
        const OpenScores &o = s.open;
        printOut(cell(s.run.name, 24) + cell(s.run.model, 20) +
                 cell(QString::number(o.questions), 9) +
                 cell(meanWithInterval(o.overall.keywordRecall), 24) +
                 cell(meanWithInterval(o.overall.bleu), 24) +
                 cell(meanWithInterval(o.overall.rougeL), 24) +
                 cell(meanWithInterval(o.overall.judge), 24) + withInterval(o.invalid));
    }
}

int cmdEvaluate(const QStringList &args)
{
    CommandLine cl(
        QStringLiteral("evaluate"),
        QStringLiteral(
            "Ask a model endpoint every benchmark question with its image and score the answers "
            "(resumable: a rerun with the same run name asks only what is missing)."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("endpoint"),
                  QStringLiteral("Endpoint name (see 'neuroonco endpoints list')."),
                  QStringLiteral("NAME")});
    cl.addOption({QStringLiteral("benchmark"), QStringLiteral("closed (default) or open."),
                  QStringLiteral("KIND"), QStringLiteral("closed")});
    cl.addOption(
        {QStringLiteral("circular"),
         QStringLiteral("Closed: ask each question once per rotation of its options (E stays E); "
                        "right only when right in every rotation.")});
    cl.addOption({QStringLiteral("name"),
                  QStringLiteral("Run name (default: ENDPOINT-BENCHMARK[-circular])."),
                  QStringLiteral("RUN")});
    cl.addOption({QStringLiteral("limit"), QStringLiteral("Ask at most N pending questions."),
                  QStringLiteral("N")});
    cl.addOption(
        {QStringLiteral("all"),
         QStringLiteral("Every item that is not rejected (default: approved items only).")});
    cl.addOption({QStringLiteral("split"),
                  QStringLiteral("Only items of this split (train or test)."),
                  QStringLiteral("SPLIT")});
    cl.addOption(
        {QStringLiteral("images"),
         QStringLiteral(
             "Folder the items' image paths are relative to (default: the project's slices/)."),
         QStringLiteral("DIR")});
    cl.addOption(
        {QStringLiteral("judge"),
         QStringLiteral("Open: an endpoint that grades each answer 0–1 against the reference."),
         QStringLiteral("NAME")});
    addJobOptions(cl);
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    EvaluateOptions o;
    o.endpoint = cl.value(QStringLiteral("endpoint"));
    if (o.endpoint.isEmpty())
        return cl.usageError(QStringLiteral("--endpoint NAME is required"));
    if (!evalBenchmarkFromName(cl.value(QStringLiteral("benchmark")), &o.benchmark))
        return cl.usageError(QStringLiteral("--benchmark must be closed or open"));
    o.circular = cl.isSet(QStringLiteral("circular"));
    if (o.circular && o.benchmark == EvalBenchmark::Open)
        return cl.usageError(QStringLiteral("--circular applies to the closed benchmark only"));
    o.run = cl.value(QStringLiteral("name"));
    if (cl.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        o.limit = cl.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || o.limit <= 0)
            return cl.usageError(QStringLiteral("--limit needs a positive number"));
    }
    o.includeUnapproved = cl.isSet(QStringLiteral("all"));
    o.split = cl.value(QStringLiteral("split"));
    if (!o.split.isEmpty() && o.split != QLatin1String("train") && o.split != QLatin1String("test"))
        return cl.usageError(QStringLiteral("--split must be train or test"));
    if (cl.isSet(QStringLiteral("images"))) {
        const QFileInfo images(cl.value(QStringLiteral("images")));
        if (!images.isDir()) {
            printErr(QStringLiteral("neuroonco evaluate: --images: not a folder: %1")
                         .arg(images.filePath()));
            return ExitFailure;
        }
        o.images = images.absoluteFilePath();
    }
    o.judge = cl.value(QStringLiteral("judge"));
    if (!o.judge.isEmpty() && o.benchmark != EvalBenchmark::Open)
        return cl.usageError(
            QStringLiteral("--judge grades open answers: use it with --benchmark open"));
    CliJobOptions options;
    if (!jobOptions(cl, &options, &code))
        return code;
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    const int rc = runStageFromCli(project, EvaluateStage::stageId(), o.toParameters(), options);
    if (rc == ExitOk && !options.json && !options.quiet)
        printOut(QStringLiteral("Scores of every run: neuroonco report %1 --eval")
                     .arg(cl.positional().at(0)));
    return rc;
}

} // namespace

std::vector<CliCommand> evaluationCommands()
{
    return {{QStringLiteral("evaluate"),
             QStringLiteral("Ask a model the benchmark questions and score its answers"),
             cmdEvaluate}};
}

int evaluationReport(CommandLine &cl, Database &db)
{
    BootstrapOptions bootstrap;
    if (cl.isSet(QStringLiteral("resamples"))) {
        bool ok = false;
        bootstrap.resamples = cl.value(QStringLiteral("resamples")).toInt(&ok);
        if (!ok || bootstrap.resamples < 0)
            return cl.usageError(QStringLiteral("--resamples needs a whole number ≥ 0"));
    }
    Result<std::vector<RunScores>> all = Error();
    if (cl.isSet(QStringLiteral("run"))) {
        Result<RunScores> one = Leaderboard::scores(db, cl.value(QStringLiteral("run")), bootstrap);
        if (!one) {
            printError(QStringLiteral("report"), one.error());
            return ExitFailure;
        }
        all = std::vector<RunScores>{one.take()};
    } else {
        all = Leaderboard::all(db, bootstrap);
    }
    if (!all) {
        printError(QStringLiteral("report"), all.error());
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("json"))) {
        printOut(
            QString::fromUtf8(
                QJsonDocument(Leaderboard::toJson(*all, bootstrap)).toJson(QJsonDocument::Indented))
                .trimmed());
        return ExitOk;
    }
    if (all->empty()) {
        printOut(QStringLiteral("No evaluation runs yet: neuroonco evaluate PROJECT --endpoint "
                                "NAME, or import predictions."));
        return ExitOk;
    }
    std::vector<RunScores> closed, open;
    for (RunScores &s : *all)
        (s.run.benchmark == EvalBenchmark::Closed ? closed : open).push_back(std::move(s));
    if (!closed.empty())
        printClosed(closed, bootstrap);
    if (!open.empty()) {
        if (!closed.empty())
            printOut(QString());
        printOpen(open);
    }
    return ExitOk;
}

} // namespace neuroonco
