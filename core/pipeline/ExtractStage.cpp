// Extraction: classical readings in parallel batches, or model readings through ChatClient.
#include "core/pipeline/ExtractStage.h"

#include "core/extract/ClassicalExtractor.h"
#include "core/extract/ExtractionInputs.h"
#include "core/extract/ReaderProvenance.h"
#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/llm/EndpointDirectory.h"
#include "core/pipeline/EndpointRunner.h"
#include "core/samples/SampleRepository.h"
#include "core/signs/LabelRepository.h"

#include <QHash>

namespace neuroonco {

ExtractStage::ExtractStage(QString run)
    : m_run(std::move(run))
{}

QJsonObject ExtractStage::parameters(const QString &endpoint)
{
    QJsonObject p;
    if (!endpoint.isEmpty())
        p.insert(QStringLiteral("endpoint"), endpoint);
    return p;
}

StageResult ExtractStage::run(JobContext &ctx)
{
    const QString run = m_run;
    if (run != QLatin1String("A") && run != QLatin1String("B"))
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("run"), QStringLiteral("must be A or B, not '%1'").arg(run)), {}};
    const QString scope = scopeFor(run);
    Database &db = ctx.db();
    CheckpointStore checkpoints(db);
    const bool force = ctx.parameters().value(QStringLiteral("force")).toBool();
    const QString endpoint = ctx.parameters().value(QStringLiteral("endpoint")).toString();
    const ClassicalExtractor extractor(run == QLatin1String("A") ? ClassicalExtractor::Stance::Conservative
                                                                 : ClassicalExtractor::Stance::Skeptic);
    // A run is one reader's work: another reader resumes nothing, it starts the run over.
    ReaderIdentity reader{extractor.name(), extractor.model()};
    if (!endpoint.isEmpty()) {
        Result<EndpointConfig> config = EndpointDirectory::resolve(ctx.project(), endpoint);
        if (!config)
            return {config.error(), {}};
        reader = {QStringLiteral("endpoint:") + config->name, config->model};
    }
    Result<qint64> replaced = ReaderProvenance::ensureOneReader(
        db, checkpoints, run, scope, reader,
        force ? ReaderProvenance::OnConflict::StartOver : ReaderProvenance::OnConflict::Refuse);
    if (!replaced)
        return {replaced.error(), {}};
    if (*replaced > 0)
        ctx.log(LogLevel::Warning, QStringLiteral("Run %1 starts over with %2: its %3 earlier readings by another reader were removed.")
                                       .arg(run, reader.describe())
                                       .arg(*replaced));
    if (force) {
        if (Error e = checkpoints.reset(scope))
            return {e, {}};
    }
    Result<std::vector<SampleRecord>> all = SampleRepository(db).all();
    if (!all)
        return {all.error(), {}};
    // Failed readings are retried: only successful ones count as finished.
    auto finished = checkpoints.finished(scope, false);
    if (!finished)
        return {finished.error(), {}};
    auto failedBefore = checkpoints.withStatus(scope, CheckpointStatus::Error);
    if (!failedBefore)
        return {failedBefore.error(), {}};
    std::vector<SampleRecord> pending;
    qint64 kept = 0;
    for (SampleRecord &s : *all) {
        if (s.isDuplicate())
            continue;
        ++kept;
        if (!finished->contains(QString::number(s.id)))
            pending.push_back(std::move(s));
    }
    // Finished before: what --limit leaves out is still to do, not done.
    const qint64 upToDate = kept - qint64(pending.size());
    const int limit = ctx.parameters().value(QStringLiteral("limit")).toInt(0);
    if (limit > 0 && int(pending.size()) > limit)
        pending.resize(size_t(limit));
    ctx.setTotal(upToDate + qint64(pending.size()));
    ctx.setUpToDate(upToDate);

    const ExtractionInputs inputs(db, ctx.project().slicesDir());
    LabelRepository labels(db);
    if (!endpoint.isEmpty())
        return EndpointRunner::extract(ctx, endpoint, run, pending, inputs, labels, checkpoints, scope);

    QHash<qint64, QString> names;
    for (const SampleRecord &s : pending)
        names.insert(s.id, s.sampleId);
    ctx.log(LogLevel::Info, QStringLiteral("No endpoint given: run %1 uses the embedded classical extractor (%2).")
                                .arg(run, extractor.model()));
    qint64 ok = 0, errors = 0;
    const qint64 jobId = ctx.jobId();
    BatchProcessor<SampleRecord, ExtractionRecord> processor(
        [&](const SampleRecord &s) {
            ExtractionRecord r;
            r.sample = s.id;
            r.run = run;
            r.extractor = extractor.name();
            r.model = extractor.model();
            r.promptVersion = extractor.promptVersion();
            QString error;
            const ExtractionInput in = inputs.load(s, &error);
            if (!error.isEmpty()) {
                r.status = QStringLiteral("error");
                r.error = error;
                return r;
            }
            const ExtractionOutput out = extractor.extract(in);
            r.status = out.ok ? QStringLiteral("ok") : QStringLiteral("error");
            r.signs = out.signs;
            r.raw = out.raw;
            r.problems = out.problems;
            r.error = out.error;
            r.latencyMs = out.latencyMs;
            r.attempts = 1;
            return r;
        },
        [&](Database &, const std::vector<ExtractionRecord> &records) -> Error {
            for (const ExtractionRecord &r : records) {
                if (Error e = labels.storeExtraction(r, jobId))
                    return e;
                const bool success = r.status == QLatin1String("ok");
                (success ? ok : errors) += 1;
                if (success) {
                    ctx.itemSucceeded();
                } else {
                    ctx.log(LogLevel::Warning, QStringLiteral("sample %1: %2").arg(r.sample).arg(r.error));
                    ctx.itemFailed(QStringLiteral("%1: %2").arg(names.value(r.sample), r.error),
                                   failedBefore->contains(QString::number(r.sample)) ? JobContext::Attempt::Retry
                                                                                     : JobContext::Attempt::First);
                }
                if (Error e = checkpoints.mark(scope, QString::number(r.sample), jobId,
                                               success ? CheckpointStatus::Ok : CheckpointStatus::Error))
                    return e;
            }
            return {};
        },
        32);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    return {{}, QJsonObject{{QStringLiteral("run"), run},
                            {QStringLiteral("extractor"), extractor.model()},
                            {QStringLiteral("read"), ok},
                            {QStringLiteral("errors"), errors},
                            {QStringLiteral("samples"), kept}}};
}

} // namespace neuroonco
