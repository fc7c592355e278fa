// Ingest + standardise + hash throughput (slices per second) with 1 and 2 worker threads, the
// de-duplication stage on the result, and the process's peak memory. A timing tool, not a
// Google Benchmark: each run takes seconds and writes a project.
//   bench_ingest [--cases N] [--data DIR] [--threads 1,2]
// Without --data, demo data of N cases (default 5000) is generated into a temporary folder
// first (not timed). Prints one JSON object.
#include "core/demo/DemoDataGenerator.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/DedupStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <atomic>

using namespace neuroonco;

namespace {

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // kilobytes on Linux
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cases"), QStringLiteral("Demo cases to generate (default 5000)."), QStringLiteral("N"),
                      QStringLiteral("5000")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("Existing demo-data folder (with manifest.json)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Thread counts to time (default 1,2)."), QStringLiteral("LIST"),
                      QStringLiteral("1,2")});
    parser.process(app);
    QTextStream err(stderr);
    registerBuiltinStages();

    QTemporaryDir tmp;
    QString data = parser.value(QStringLiteral("data"));
    QJsonObject out;
    if (data.isEmpty()) {
        DemoDataOptions options;
        options.outDir = tmp.filePath(QStringLiteral("raw"));
        options.cases = parser.value(QStringLiteral("cases")).toInt();
        QElapsedTimer clock;
        clock.start();
        Result<DemoDataSummary> made = DemoDataGenerator().generate(options);
        if (!made) {
            err << "bench_ingest: " << errorMessage(made.error()) << "\n";
            return 1;
        }
        data = options.outDir;
        out.insert(QStringLiteral("generated_files"), made->files);
        out.insert(QStringLiteral("generate_seconds"), clock.elapsed() / 1000.0);
    }
    const QString manifest = QDir(data).filePath(QStringLiteral("manifest.json"));
    out.insert(QStringLiteral("data"), data);
    out.insert(QStringLiteral("rss_before_ingest_mib"), peakRssMiB());

    QJsonArray runs;
    for (const QString &t : parser.value(QStringLiteral("threads")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int threads = t.toInt();
        Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p%1").arg(threads)));
        if (!project) {
            err << "bench_ingest: " << errorMessage(project.error()) << "\n";
            return 1;
        }
        std::atomic_bool cancel{false};
        IngestStage ingest;
        QElapsedTimer clock;
        clock.start();
        const JobOutcome o = JobExecutor::execute(*project, ingest, IngestStage::parameters(manifest), nullptr, &cancel, threads);
        const double ingestSeconds = clock.elapsed() / 1000.0;
        if (o.state != JobState::Succeeded) {
            err << "bench_ingest: ingest failed: " << errorMessage(o.error) << "\n";
            return 1;
        }
        auto db = project->connect();
        const Result<QVariant> counted = db ? (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM samples"))
                                            : Result<QVariant>(db.error());
        if (!counted) {
            err << "bench_ingest: " << errorMessage(counted.error()) << "\n";
            return 1;
        }
        const qint64 samples = counted->toLongLong();
        DedupStage dedup;
        clock.restart();
        const JobOutcome d = JobExecutor::execute(*project, dedup, QJsonObject(), nullptr, &cancel, threads);
        const double dedupSeconds = clock.elapsed() / 1000.0;
        runs.append(QJsonObject{{QStringLiteral("threads"), threads},
                                {QStringLiteral("slices"), samples},
                                {QStringLiteral("ingest_seconds"), ingestSeconds},
                                {QStringLiteral("slices_per_second"), samples / ingestSeconds},
                                {QStringLiteral("dedup_seconds"), dedupSeconds},
                                {QStringLiteral("dedup_ok"), d.state == JobState::Succeeded},
                                {QStringLiteral("peak_rss_mib_so_far"), peakRssMiB()}});
    }
    out.insert(QStringLiteral("runs"), runs);
    out.insert(QStringLiteral("peak_rss_mib"), peakRssMiB());
    QTextStream(stdout) << QJsonDocument(out).toJson();
    return 0;
}
