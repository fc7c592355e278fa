// Subcommands that make demo data: demo-data.
#include "app/cli/CliCommand.h"
#include "app/cli/TerminalProgress.h"

#include "core/demo/DemoDataGenerator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <csignal>

namespace neuroonco {

namespace {

std::atomic_bool s_demoCancel{false};

extern "C" void onDemoInterrupt(int)
{
    // First Ctrl-C stops after the items in flight; a second one kills.
    if (s_demoCancel.exchange(true))
        std::signal(SIGINT, SIG_DFL);
}

int cmdDemoData(const QStringList &args)
{
    CommandLine cl(QStringLiteral("demo-data"),
                   QStringLiteral("Write synthetic brain-tumour MRI datasets in seven public layouts (class folders, "
                                  "image/mask pairs, YOLO, BraTS NIfTI, COCO, figshare .mat, DICOM) with "
                                  "manifest.json and ground_truth.json. Same seed, cases and anatomy give "
                                  "byte-identical output on any number of threads."));
    cl.addPositional(QStringLiteral("OUTDIR"),
                     QStringLiteral("Folder to write; an earlier demo-data folder is replaced, any other non-empty "
                                    "folder is refused."));
    cl.addOption({QStringLiteral("cases"),
                  QStringLiteral("Regular 2D samples to plan (default 400): 30% class folders, 15% pairs, 10% YOLO, "
                                 "10% COCO, 10% figshare, 5% DICOM, the rest as BraTS cases of 12 slices "
                                 "(max(3, N/60) cases). Planted duplicates (~8%) and bad inputs come on top."),
                  QStringLiteral("N"), QStringLiteral("400")});
    cl.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 7)."), QStringLiteral("S"), QStringLiteral("7")});
    cl.addOption({QStringLiteral("anatomy"),
                  QStringLiteral("auto (the mricron ch2 template when installed, else the phantom), mricron, or "
                                 "phantom (procedural head)."),
                  QStringLiteral("KIND"), QStringLiteral("auto")});
    cl.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (default: one per core)."),
                  QStringLiteral("N"), QStringLiteral("0")});
    cl.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("No progress output.")});
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;

    DemoDataOptions options;
    options.outDir = cl.positional().at(0);
    bool ok = false;
    options.cases = cl.value(QStringLiteral("cases")).toInt(&ok);
    if (!ok || options.cases < 1 || options.cases > 1000000)
        return cl.usageError(QStringLiteral("--cases needs a number between 1 and 1000000"));
    options.seed = cl.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return cl.usageError(QStringLiteral("--seed needs a non-negative integer"));
    options.threads = cl.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || options.threads < 0)
        return cl.usageError(QStringLiteral("--threads needs a non-negative number"));
    const QString anatomy = cl.value(QStringLiteral("anatomy")).toLower();
    if (anatomy == QLatin1String("auto"))
        options.anatomy = DemoDataOptions::Auto;
    else if (anatomy == QLatin1String("mricron"))
        options.anatomy = DemoDataOptions::Mricron;
    else if (anatomy == QLatin1String("phantom"))
        options.anatomy = DemoDataOptions::Phantom;
    else
        return cl.usageError(QStringLiteral("--anatomy must be auto, mricron or phantom"));
    const bool quiet = cl.isSet(QStringLiteral("quiet"));
    const bool json = cl.isSet(QStringLiteral("json"));

    s_demoCancel = false;
    auto previous = std::signal(SIGINT, onDemoInterrupt);
    TerminalProgress terminal(QStringLiteral("demo-data"),
                              quiet || json ? TerminalProgress::Mode::Quiet : TerminalProgress::Mode::Auto);
    QElapsedTimer clock;
    clock.start();
    auto report = [&](qint64 done, qint64 total) {
        JobProgress p;
        p.done = done;
        p.total = total;
        const double seconds = clock.elapsed() / 1000.0;
        if (seconds > 0.2 && done > 0) {
            p.ratePerSecond = done / seconds;
            p.etaSeconds = (total - done) / p.ratePerSecond;
        }
        terminal.jobProgress(0, p);
    };
    DemoDataGenerator generator;
    Result<DemoDataSummary> result = generator.generate(options, report, &s_demoCancel);
    terminal.finish();
    std::signal(SIGINT, previous);
    if (!result) {
        printError(QStringLiteral("demo-data"), result.error());
        return ExitFailure;
    }
    const DemoDataSummary &s = *result;
    if (json) {
        QJsonObject perSource;
        for (auto it = s.perSource.begin(); it != s.perSource.end(); ++it)
            perSource.insert(it.key(), it.value());
        const QJsonObject o{{QStringLiteral("out_dir"), s.outDir},
                            {QStringLiteral("anatomy"), s.anatomy},
                            {QStringLiteral("files"), s.files},
                            {QStringLiteral("with_lesion"), s.withLesion},
                            {QStringLiteral("duplicates"), s.duplicates},
                            {QStringLiteral("corrupt"), s.corrupt},
                            {QStringLiteral("volumes"), s.volumes},
                            {QStringLiteral("per_source"), perSource},
                            {QStringLiteral("seconds"), s.seconds}};
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed());
        return ExitOk;
    }
    QStringList sources;
    for (auto it = s.perSource.begin(); it != s.perSource.end(); ++it)
        sources << QStringLiteral("%1:%2").arg(it.key()).arg(it.value());
    printOut(QStringLiteral("Wrote %1 files (%2 with a lesion, %3 planted duplicates, %4 planted bad inputs) and %5 "
                            "BraTS cases [%6] from the %7 anatomy to %8 in %9 s")
                 .arg(s.files)
                 .arg(s.withLesion)
                 .arg(s.duplicates)
                 .arg(s.corrupt)
                 .arg(s.volumes)
                 .arg(sources.join(QLatin1Char(' ')), s.anatomy, s.outDir)
                 .arg(s.seconds, 0, 'f', 1));
    return ExitOk;
}

} // namespace

std::vector<CliCommand> demoCommands()
{
    return {
        {QStringLiteral("demo-data"), QStringLiteral("Write synthetic demo datasets with ground truth"), cmdDemoData},
    };
}

} // namespace neuroonco
