// Ingest: enumerate, decode in parallel, standardise, commit per batch.
#include "ingest/IngestStage.h"

#include "ingest/Manifest.h"
#include "ingest/SourceAdapter.h"
#include "ingest/Standardiser.h"
#include "jobs/BatchProcessor.h"
#include "jobs/CheckpointStore.h"
#include "jobs/JobContext.h"
#include "samples/SampleRepository.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>

#include <memory>

namespace neuroonco {

namespace {

struct WorkItem
{
    int source = 0;
    SourceItem item;
};

QString checkpointKey(const SourceSpec &source, const SourceItem &item)
{
    return source.code + QLatin1Char(':') + item.key;
}

// Files written by a run that was killed before it committed them.
void removeStalePartials(const QString &slicesDir)
{
    QDirIterator it(slicesDir, {QStringLiteral("*.part-*")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::remove(it.next());
}

} // namespace

QJsonObject IngestStage::parameters(const QString &manifestPath, bool force)
{
    QJsonObject p{{QStringLiteral("manifest"), QFileInfo(manifestPath).absoluteFilePath()}};
    if (force)
        p.insert(QStringLiteral("force"), true);
    return p;
}

StageResult IngestStage::run(JobContext &ctx)
{
    const QString manifestPath = ctx.parameters().value(QStringLiteral("manifest")).toString();
    if (manifestPath.isEmpty())
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("manifest"), QStringLiteral("no manifest given")), {}};
    Result<Manifest> manifest = Manifest::load(manifestPath);
    if (!manifest)
        return {manifest.error(), {}};

    Database &db = ctx.db();
    SampleRepository samples(db);
    CheckpointStore checkpoints(db);
    const qint64 jobId = ctx.jobId();
    const QString slicesDir = ctx.project().slicesDir();
    IngestContext ingestContext;
    ingestContext.patientSalt = db.scalar(QStringLiteral("SELECT value FROM project_info WHERE key = 'uuid'")).toString().toUtf8();

    if (ctx.parameters().value(QStringLiteral("force")).toBool()) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    removeStalePartials(slicesDir);

    // Enumerate every source (cheap: folder walks and annotation files) in a stable order.
    std::vector<std::unique_ptr<SourceAdapter>> adapters;
    std::vector<WorkItem> all;
    std::vector<IngestIssue> enumerationIssues;
    ctx.setMessage(QStringLiteral("listing sources"));
    for (int i = 0; i < int(manifest->sources.size()); ++i) {
        const SourceSpec &source = manifest->sources[size_t(i)];
        adapters.push_back(SourceAdapter::create(source.layout));
        // Unknown options (warnings) and a missing root (an error of this source only: the
        // other sources are still read) are recorded with the source.
        const std::vector<IngestIssue> manifestIssues = manifest->issuesOf(i);
        enumerationIssues.insert(enumerationIssues.end(), manifestIssues.begin(), manifestIssues.end());
        if (!QFileInfo(source.root).isDir())
            continue;
        const size_t before = enumerationIssues.size();
        std::vector<SourceItem> items = adapters.back()->enumerate(source, enumerationIssues);
        ctx.log(LogLevel::Info, QStringLiteral("Source %1 (%2, %3): %4 items, %5 problems while listing")
                                    .arg(source.code, source.name, source.layout)
                                    .arg(items.size())
                                    .arg(enumerationIssues.size() - before));
        for (SourceItem &item : items)
            all.push_back({i, std::move(item)});
        if (ctx.isCanceled())
            return {};
    }
    {
        Transaction tx(db);
        for (const SourceSpec &source : manifest->sources) {
            if (Error e = samples.upsertSource(source, manifest->path))
                return {e, {}};
        }
        for (const IngestIssue &issue : enumerationIssues) {
            if (Error e = samples.recordIssue(issue, jobId))
                return {e, {}};
        }
        if (Error e = tx.commit())
            return {e, {}};
    }
    for (const IngestIssue &issue : enumerationIssues)
        ctx.log(LogLevel::Warning, QStringLiteral("%1/%2: %3 (%4)").arg(issue.sourceCode, issue.path, issue.reason, issue.kind));

    auto finished = checkpoints.finished(scope());
    if (!finished)
        return {finished.error(), {}};
    std::vector<WorkItem> pending;
    for (WorkItem &w : all) {
        if (!finished->contains(checkpointKey(manifest->sources[size_t(w.source)], w.item)))
            pending.push_back(std::move(w));
    }
    const qint64 total = qint64(all.size());
    ctx.setTotal(total);
    ctx.setDone(total - qint64(pending.size()));
    ctx.setMessage(QString());

    QMap<QString, int> issueKinds;
    qint64 newSamples = 0;
    qint64 renamed = 0;
    const Standardiser standardiser(slicesDir);
    const Manifest &m = *manifest;

    BatchProcessor<WorkItem, IngestItemResult> processor(
        [&](const WorkItem &w) {
            const SourceSpec &source = m.sources[size_t(w.source)];
            IngestItemResult result;
            result.sourceCode = source.code;
            result.itemKey = checkpointKey(source, w.item);
            std::vector<LoadedSlice> slices;
            adapters[size_t(w.source)]->load(source, w.item, ingestContext, slices, result.issues);
            for (LoadedSlice &slice : slices) {
                CanonicalSample sample;
                if (standardiser.standardise(source.code, std::move(slice), sample, result.issues))
                    result.samples.push_back(std::move(sample));
            }
            return result;
        },
        [&](Database &, const std::vector<IngestItemResult> &results) -> Error {
            for (const IngestItemResult &r : results) {
                for (CanonicalSample sample : r.samples) {
                    // Two origins that sanitise to one name: the later one gets a suffix.
                    const QString existing = samples.originOf(sample.sampleId);
                    const QString mine = r.sourceCode + QLatin1Char(':') + sample.slice.origin;
                    if (!existing.isEmpty() && existing != mine) {
                        Standardiser::rename(sample, QLatin1Char('_') + QString::fromLatin1(
                            QCryptographicHash::hash(mine.toUtf8(), QCryptographicHash::Sha1).toHex().left(6)));
                        ++renamed;
                    }
                    if (Error e = Standardiser::commitFiles(slicesDir, sample))
                        return e;
                    Result<qint64> id = samples.upsert(sample, r.sourceCode, jobId);
                    if (!id)
                        return id.error();
                    ++newSamples;
                }
                for (const IngestIssue &issue : r.issues) {
                    if (Error e = samples.recordIssue(issue, jobId))
                        return e;
                    ++issueKinds[issue.kind];
                    ctx.log(issue.severity == IssueSeverity::Error ? LogLevel::Warning : LogLevel::Info,
                            QStringLiteral("%1/%2: %3 (%4)").arg(issue.sourceCode, issue.path, issue.reason, issue.kind));
                }
                const CheckpointStatus status = !r.samples.empty() ? CheckpointStatus::Ok
                                                : r.issues.empty() ? CheckpointStatus::Skipped
                                                                   : CheckpointStatus::Error;
                if (Error e = checkpoints.mark(scope(), r.itemKey, jobId, status))
                    return e;
            }
            return {};
        },
        16);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};

    for (const IngestIssue &issue : enumerationIssues)
        ++issueKinds[issue.kind];
    Result<SampleCounts> counts = samples.counts();
    QJsonObject issues;
    int problems = 0;
    for (auto it = issueKinds.begin(); it != issueKinds.end(); ++it) {
        issues.insert(it.key(), it.value());
        problems += it.value();
    }
    QJsonObject summary{{QStringLiteral("sources"), int(m.sources.size())},
                        {QStringLiteral("items"), total},
                        {QStringLiteral("samples_written"), newSamples},
                        {QStringLiteral("samples_total"), counts ? counts->samples : -1},
                        {QStringLiteral("with_mask"), counts ? counts->withMask : -1},
                        {QStringLiteral("problems"), problems},
                        {QStringLiteral("problem_kinds"), issues}};
    if (renamed > 0)
        summary.insert(QStringLiteral("renamed_for_uniqueness"), renamed);
    return {{}, summary};
}

} // namespace neuroonco
