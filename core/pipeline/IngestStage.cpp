// Ingest: enumerate, decode in parallel, standardise, commit per batch.
#include "core/pipeline/IngestStage.h"

#include "core/ingest/Manifest.h"
#include "core/ingest/SourceAdapter.h"
#include "core/ingest/Standardiser.h"
#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <exception>
#include <memory>
#include <new>
#include <optional>

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

// One verdict per file. An error means the file gave nothing: when the item gave no sample,
// its errors supersede the warnings about its files (a file is not "kept without a mask" and
// "not an image" at once); of one file's warnings or errors the first found is kept, with the
// others' reasons appended so that nothing said is lost.
// `issues` are those of one item (Scope::Item) or of the listing's files (Scope::Files, each file
// on its own).
enum class Scope { Item, Files };
std::vector<IngestIssue> oneVerdictPerFile(std::vector<IngestIssue> issues, Scope scope, bool gaveSample)
{
    bool anyError = false;
    for (const IngestIssue &i : issues)
        anyError = anyError || i.severity == IssueSeverity::Error;
    const bool itemFailed = scope == Scope::Item && !gaveSample && anyError;
    std::vector<IngestIssue> out;
    QHash<QString, size_t> at;
    for (IngestIssue &i : issues) {
        if (itemFailed && i.severity == IssueSeverity::Warning)
            continue;
        auto it = at.constFind(i.path);
        if (it == at.constEnd()) {
            at.insert(i.path, out.size());
            out.push_back(std::move(i));
            continue;
        }
        IngestIssue &kept = out[*it];
        if (i.severity == IssueSeverity::Error && kept.severity == IssueSeverity::Warning) {
            kept = std::move(i);
        } else if (i.severity == kept.severity && i.kind != kept.kind) {
            kept.reason += QStringLiteral("; also: ") + i.reason;
        }
    }
    return out;
}

// Counts a verdict as a failed item of the job when it is an error.
void countVerdict(JobContext &ctx, const IngestIssue &issue, const QSet<QString> &failedBefore)
{
    if (issue.severity != IssueSeverity::Error) {
        ctx.itemSkipped();
        return;
    }
    const bool again = failedBefore.contains(issue.sourceCode + QLatin1Char('\n') + issue.path);
    ctx.itemFailed(QStringLiteral("%1/%2: %3").arg(issue.sourceCode, issue.path, issue.reason),
                   again ? JobContext::Attempt::Retry : JobContext::Attempt::First);
}

// Reads one item: decode (the adapter) and standardise. One bad file costs one item: an
// exception thrown while doing so (std::bad_alloc from a decoder, an ITK exception, anything
// else) is caught here, at the item's boundary, and becomes the item's recorded problem; files
// already written for its slices are removed. The job goes on with the next item.
void readItem(const SourceAdapter &adapter, const SourceSpec &source, const SourceItem &item,
              const IngestContext &context, const Standardiser &standardiser, const QString &slicesDir,
              IngestItemResult &result)
{
    auto failed = [&](const char *kind, const QString &reason) {
        for (const CanonicalSample &sample : result.samples)
            Standardiser::discardFiles(slicesDir, sample);
        result.samples.clear();
        result.issues.push_back({source.code, item.key, IssueSeverity::Error, QLatin1String(kind), reason});
    };
    try {
        std::vector<LoadedSlice> slices;
        adapter.load(source, item, context, slices, result.issues);
        for (LoadedSlice &slice : slices) {
            CanonicalSample sample;
            if (standardiser.standardise(source.code, std::move(slice), sample, result.issues))
                result.samples.push_back(std::move(sample));
        }
    } catch (const std::bad_alloc &) {
        failed("out-of-memory", QStringLiteral("reading this item needed more memory than could be allocated; it is "
                                               "skipped (lower the source's read caps, e.g. %1, to refuse such files "
                                               "before decoding)").arg(ReadLimits::imagePixelsOption()));
    } catch (const std::exception &e) {
        failed("read-failed", QStringLiteral("reading this item failed: %1").arg(QString::fromLocal8Bit(e.what()).simplified()));
    } catch (...) {
        failed("read-failed", QStringLiteral("reading this item failed with an unknown exception"));
    }
}

// Lists a source; an exception while doing so (an annotation file too large to parse, say) is
// a problem of that source, recorded under its root, and the other sources are still read.
std::optional<std::vector<SourceItem>> listSource(const SourceAdapter &adapter, const SourceSpec &source,
                                                  std::vector<IngestIssue> &issues)
{
    QString reason;
    try {
        return adapter.enumerate(source, issues);
    } catch (const std::bad_alloc &) {
        reason = QStringLiteral("listing this source needed more memory than could be allocated (option %1 caps "
                                "the annotation files read whole)").arg(ReadLimits::fileBytesOption());
    } catch (const std::exception &e) {
        reason = QStringLiteral("listing this source failed: %1").arg(QString::fromLocal8Bit(e.what()).simplified());
    } catch (...) {
        reason = QStringLiteral("listing this source failed with an unknown exception");
    }
    issues.push_back({source.code, source.root, IssueSeverity::Error, QStringLiteral("read-failed"), reason});
    return std::nullopt;
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
    const Result<QVariant> uuid = db.scalar(QStringLiteral("SELECT value FROM project_info WHERE key = 'uuid'"));
    if (!uuid)
        return {uuid.error(), {}};
    ingestContext.patientSalt = uuid->toString().toUtf8();

    if (ctx.parameters().value(QStringLiteral("force")).toBool()) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    removeStalePartials(slicesDir);
    // Files that had failed before: failing again is a repeat, not news (ItemCounts).
    Result<QSet<QString>> failedBefore = samples.errorFiles();
    if (!failedBefore)
        return {failedBefore.error(), {}};

    // Enumerate every source (cheap: folder walks and annotation files) in a stable order.
    // Problems the listing finds about an item's own file travel with the item, so that its
    // reading gives the file one verdict; the others are the verdicts of files that became no
    // item (not an image, no known class, a broken link).
    std::vector<std::unique_ptr<SourceAdapter>> adapters;
    std::vector<WorkItem> all;
    std::vector<IngestIssue> listingIssues;
    QHash<QString, std::vector<IngestIssue>> itemIssues; // checkpoint key → listing problems
    ctx.setMessage(QStringLiteral("listing sources"));
    {
        Transaction tx(db);
        for (int i = 0; i < int(manifest->sources.size()); ++i) {
            const SourceSpec &source = manifest->sources[size_t(i)];
            adapters.push_back(SourceAdapter::create(source.layout));
            if (Error e = samples.upsertSource(source, manifest->path))
                return {e, {}};
            // Unknown options (warnings) and a missing root (an error of this source only: the
            // other sources are still read) are recorded with the source.
            std::vector<IngestIssue> found = manifest->issuesOf(i);
            QSet<QString> keys;
            if (!QFileInfo(source.root).isDir()) {
                // Without a listing the items' verdicts stay as they were; the listing's own are
                // replaced by the manifest's below.
            } else if (std::optional<std::vector<SourceItem>> listed = listSource(*adapters.back(), source, found); !listed) {
                // The listing threw: the source's earlier verdicts stay, and this one is added.
            } else {
                std::vector<SourceItem> items = std::move(*listed);
                ctx.log(LogLevel::Info, QStringLiteral("Source %1 (%2, %3): %4 items, %5 problems while listing")
                                            .arg(source.code, source.name, source.layout)
                                            .arg(items.size())
                                            .arg(found.size()));
                for (SourceItem &item : items) {
                    keys.insert(item.key);
                    all.push_back({i, std::move(item)});
                }
                if (Error e = samples.clearStaleIssues(source.code, keys))
                    return {e, {}};
            }
            for (IngestIssue &issue : found) {
                if (keys.contains(issue.path))
                    itemIssues[source.code + QLatin1Char(':') + issue.path].push_back(std::move(issue));
                else
                    listingIssues.push_back(std::move(issue));
            }
            if (ctx.isCanceled())
                return {};
        }
        // The listing's verdicts, one per file, replacing those of the previous listing (which
        // clearStaleIssues removed for every source listed).
        QMap<QString, std::vector<IngestIssue>> bySource;
        for (const IngestIssue &issue : listingIssues)
            bySource[issue.sourceCode].push_back(issue);
        listingIssues.clear();
        for (auto it = bySource.begin(); it != bySource.end(); ++it) {
            std::vector<IngestIssue> verdicts = oneVerdictPerFile(it.value(), Scope::Files, false);
            if (Error e = samples.replaceIssues(it.key(), QString(), verdicts, jobId))
                return {e, {}};
            listingIssues.insert(listingIssues.end(), verdicts.begin(), verdicts.end());
        }
        if (Error e = tx.commit())
            return {e, {}};
    }
    QMap<QString, int> issueKinds;
    qint64 problems = 0;
    for (const IngestIssue &issue : listingIssues) {
        ctx.log(issue.severity == IssueSeverity::Error ? LogLevel::Warning : LogLevel::Info,
                QStringLiteral("%1/%2: %3 (%4)").arg(issue.sourceCode, issue.path, issue.reason, issue.kind));
        ++issueKinds[issue.kind];
        ++problems;
        countVerdict(ctx, issue, *failedBefore);
    }

    // Items that failed before are read again: a file that was fixed becomes a sample and
    // loses its problems; one still broken keeps them.
    auto finished = checkpoints.finished(scope(), false);
    if (!finished)
        return {finished.error(), {}};
    std::vector<WorkItem> pending;
    for (WorkItem &w : all) {
        if (!finished->contains(checkpointKey(manifest->sources[size_t(w.source)], w.item)))
            pending.push_back(std::move(w));
    }
    const qint64 total = qint64(all.size());
    ctx.setTotal(total);
    ctx.setUpToDate(total - qint64(pending.size()));
    ctx.setMessage(QString());

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
            result.issues = itemIssues.value(result.itemKey);
            readItem(*adapters[size_t(w.source)], source, w.item, ingestContext, standardiser, slicesDir, result);
            result.issues = oneVerdictPerFile(std::move(result.issues), Scope::Item, !result.samples.empty());
            return result;
        },
        [&](Database &, const std::vector<IngestItemResult> &results) -> Error {
            for (const IngestItemResult &r : results) {
                for (CanonicalSample sample : r.samples) {
                    // Two origins that sanitise to one name: the later one gets a suffix.
                    const Result<QString> existing = samples.originOf(sample.sampleId);
                    if (!existing)
                        return existing.error();
                    const QString mine = r.sourceCode + QLatin1Char(':') + sample.slice.origin;
                    if (!existing->isEmpty() && *existing != mine) {
                        Standardiser::rename(sample, QLatin1Char('_') + QString::fromLatin1(
                            QCryptographicHash::hash(mine.toUtf8(), QCryptographicHash::Sha1).toHex().left(6)));
                        ++renamed;
                    }
                    if (Error e = Standardiser::commitFiles(slicesDir, sample))
                        return e;
                    Result<qint64> id = samples.upsert(sampleRecord(sample, r.sourceCode), jobId);
                    if (!id)
                        return id.error();
                    ++newSamples;
                }
                // The item's verdicts replace those of its earlier readings (none if it now reads).
                const QString item = r.itemKey.mid(r.sourceCode.size() + 1);
                if (Error e = samples.replaceIssues(r.sourceCode, item, r.issues, jobId))
                    return e;
                bool failed = false;
                for (const IngestIssue &issue : r.issues) {
                    ++issueKinds[issue.kind];
                    ++problems;
                    ctx.log(issue.severity == IssueSeverity::Error ? LogLevel::Warning : LogLevel::Info,
                            QStringLiteral("%1/%2: %3 (%4)").arg(issue.sourceCode, issue.path, issue.reason, issue.kind));
                    if (issue.severity == IssueSeverity::Error) {
                        countVerdict(ctx, issue, *failedBefore);
                        failed = true;
                    }
                }
                if (!r.samples.empty())
                    ctx.itemSucceeded();
                else if (!failed)
                    ctx.itemSkipped();
                const CheckpointStatus status = !r.samples.empty() ? CheckpointStatus::Ok
                                                : failed           ? CheckpointStatus::Error
                                                                   : CheckpointStatus::Skipped;
                if (Error e = checkpoints.mark(scope(), r.itemKey, jobId, status))
                    return e;
            }
            return {};
        },
        16);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};

    Result<SampleCounts> counts = samples.counts();
    QJsonObject issues;
    for (auto it = issueKinds.begin(); it != issueKinds.end(); ++it)
        issues.insert(it.key(), it.value());
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
