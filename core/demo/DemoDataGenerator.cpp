// Orchestration: plan serially, render and write items on a small pool of std::threads that
// pull task indices from an atomic counter, then assemble records in plan order (never in
// completion order) and write the JSON files.
#include "core/demo/DemoDataGenerator.h"

#include "core/demo/Anatomy.h"
#include "core/demo/BadFileWriter.h"
#include "core/demo/BratsWriter.h"
#include "core/demo/DemoPlanner.h"
#include "core/demo/DeterministicOutput.h"
#include "core/demo/DicomSeriesWriter.h"
#include "core/demo/GroundTruthWriter.h"
#include "core/demo/HeadPhantom.h"
#include "core/demo/SampleFactory.h"
#include "core/demo/SampleWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace neuroonco {

using namespace demo;

namespace {

// A folder we may overwrite: empty, or made by an earlier demo-data run.
Error prepareOutput(const QString &outDir)
{
    QDir dir(outDir);
    if (dir.exists()) {
        const QStringList entries = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        if (!entries.isEmpty()) {
            QFile gt(dir.filePath(QStringLiteral("ground_truth.json")));
            const bool ours = gt.open(QIODevice::ReadOnly) && gt.read(4096).contains("\"generator\"")
                              && QFileInfo::exists(dir.filePath(QStringLiteral("manifest.json")));
            if (!ours)
                return Error(ErrorCode::InvalidArgument, outDir,
                             QStringLiteral("the folder is not empty and was not made by demo-data"));
            // removeRecursively does not follow symlinks, so the planted loop is harmless.
            QDir sources(dir.filePath(QStringLiteral("sources")));
            if (sources.exists() && !sources.removeRecursively())
                return Error(ErrorCode::Io, sources.path(), QStringLiteral("cannot remove the previous demo data"));
            QFile::remove(dir.filePath(QStringLiteral("manifest.json")));
            QFile::remove(dir.filePath(QStringLiteral("ground_truth.json")));
        }
    }
    if (!QDir().mkpath(outDir + QStringLiteral("/sources")))
        return Error(ErrorCode::Io, outDir, QStringLiteral("cannot create the output folder"));
    return {};
}

} // namespace

bool DemoDataGenerator::hasTemplate(const QString &dir)
{
    return QFileInfo::exists(dir + QStringLiteral("/ch2.nii.gz")) && QFileInfo::exists(dir + QStringLiteral("/ch2bet.nii.gz"));
}

Result<DemoDataSummary> DemoDataGenerator::generate(const DemoDataOptions &options, const Progress &progress,
                                                    const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    if (options.outDir.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("outDir"), QStringLiteral("no output folder given"));
    if (options.cases < 1 || options.cases > 1000000)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("cases"), QStringLiteral("must be between 1 and 1000000"));
    const QString outDir = QDir::cleanPath(QFileInfo(options.outDir).absoluteFilePath());
    if (Error e = prepareOutput(outDir))
        return e;

    std::shared_ptr<const Anatomy> anatomy;
    const bool haveTemplate = hasTemplate(options.templateDir);
    if (options.anatomy == DemoDataOptions::Mricron && !haveTemplate)
        return Error(ErrorCode::NotFound, options.templateDir + QStringLiteral("/ch2.nii.gz"),
                     QStringLiteral("install mricron-data or use --anatomy phantom"));
    if (options.anatomy != DemoDataOptions::Phantom && haveTemplate) {
        auto loaded = Anatomy::loadTemplate(options.templateDir + QStringLiteral("/ch2.nii.gz"),
                                            options.templateDir + QStringLiteral("/ch2bet.nii.gz"));
        if (!loaded)
            return loaded.error();
        anatomy = *loaded;
    } else {
        anatomy = Anatomy::fromSource(HeadPhantom::build());
    }
    DeterministicOutput::quietDicomWarnings();

    const DemoPlan plan = DemoPlanner::build(options.cases, options.seed);
    const SampleFactory factory(*anatomy);
    const SampleWriter sampleWriter(factory, outDir, options.seed);
    const DicomSeriesWriter dicomWriter(factory, outDir, options.seed);
    const BratsWriter bratsWriter(*anatomy, outDir, options.seed);

    // Heavy volumes first so the pool does not end on one long task.
    struct Task { int kind; size_t index; };
    std::vector<Task> tasks;
    for (size_t i = 0; i < plan.volumes.size(); ++i)
        tasks.push_back({0, i});
    for (size_t i = 0; i < plan.dicom.size(); ++i)
        tasks.push_back({1, i});
    for (size_t i = 0; i < plan.items.size(); ++i)
        tasks.push_back({2, i});
    std::vector<ItemResult> results(tasks.size());
    const qint64 total = qint64(tasks.size()) + 1;

    std::atomic<size_t> next{0};
    std::atomic<qint64> done{0};
    std::atomic_bool failed{false};
    std::mutex mutex;
    std::condition_variable wake;
    auto worker = [&] {
        while (true) {
            const size_t i = next++;
            if (i >= tasks.size() || failed || (cancel && *cancel))
                break;
            const Task &t = tasks[i];
            if (t.kind == 0)
                results[i] = bratsWriter.write(plan.volumes[t.index]);
            else if (t.kind == 1)
                results[i] = dicomWriter.write(plan.dicom[t.index]);
            else
                results[i] = sampleWriter.write(plan.items[t.index]);
            if (!results[i].error.isEmpty())
                failed = true;
            ++done;
            wake.notify_one();
        }
    };
    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::max(1, std::min(threads, int(tasks.size())));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    {
        std::unique_lock<std::mutex> lock(mutex);
        qint64 reported = -1;
        while (true) {
            const qint64 d = done;
            if (progress && d != reported) {
                progress(d, total);
                reported = d;
            }
            if (d >= qint64(tasks.size()) || failed || (cancel && *cancel))
                break;
            wake.wait_for(lock, std::chrono::milliseconds(100));
        }
    }
    for (std::thread &t : pool)
        t.join();
    if (cancel && *cancel)
        return Error(ErrorCode::Canceled, outDir);
    for (const ItemResult &r : results)
        if (!r.error.isEmpty())
            return Error(ErrorCode::Io, outDir, r.error);

    // Records in plan order: items (with their duplicates), DICOM, planted files; volumes apart.
    std::vector<FileRecord> files;
    std::vector<CocoImage> coco;
    std::vector<VolumeRecord> volumes;
    for (int kind : {2, 1})
        for (size_t i = 0; i < tasks.size(); ++i)
            if (tasks[i].kind == kind) {
                files.insert(files.end(), results[i].files.begin(), results[i].files.end());
                coco.insert(coco.end(), results[i].coco.begin(), results[i].coco.end());
            }
    for (size_t i = 0; i < tasks.size(); ++i)
        if (tasks[i].kind == 0)
            volumes.insert(volumes.end(), results[i].volumes.begin(), results[i].volumes.end());
    const ItemResult bad = BadFileWriter(outDir).write(plan.badFiles);
    if (!bad.error.isEmpty())
        return Error(ErrorCode::Io, outDir, bad.error);
    files.insert(files.end(), bad.files.begin(), bad.files.end());

    QStringList identifiers;
    for (const DicomPatientPlan &p : plan.dicom)
        identifiers << p.patientName << p.patientId;
    GroundTruthHeader header{options.seed, options.cases, anatomy->name()};
    if (Error e = GroundTruthWriter::writeCoco(outDir, std::move(coco)))
        return e;
    if (Error e = GroundTruthWriter::writeManifest(outDir, options.seed))
        return e;
    if (Error e = GroundTruthWriter::writeGroundTruth(outDir, header, files, volumes, identifiers))
        return e;
    if (progress)
        progress(total, total);

    DemoDataSummary summary;
    summary.outDir = outDir;
    summary.anatomy = anatomy->name();
    summary.files = qint64(files.size());
    summary.volumes = qint64(volumes.size());
    for (const FileRecord &r : files) {
        summary.withLesion += r.hasLesion;
        summary.duplicates += r.duplicateKind != DuplicateKind::None;
        summary.corrupt += r.corruption != Corruption::None;
        summary.perSource[sourceCode(r.source)] += 1;
    }
    summary.perSource[sourceCode(SourceId::Brats)] = summary.volumes;
    summary.seconds = timer.elapsed() / 1000.0;
    return summary;
}

} // namespace neuroonco
