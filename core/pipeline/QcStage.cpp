// QC stage: classical audits in parallel batches, or model audits through the endpoint runner.
#include "core/pipeline/QcStage.h"

#include "core/extract/ClassicalAuditor.h"
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

StageResult QcStage::run(JobContext &ctx)
{
    Database &db = ctx.db();
    LabelRepository labels(db);
    CheckpointStore checkpoints(db);
    const bool force = ctx.parameters().value(QStringLiteral("force")).toBool();
    const QString endpoint = ctx.parameters().value(QStringLiteral("endpoint")).toString();
    const ClassicalAuditor auditor;
    // The gold labels are one auditor's work: another auditor starts the audit over.
    ReaderIdentity reader{auditor.name(), auditor.model()};
    if (!endpoint.isEmpty()) {
        Result<EndpointConfig> config = EndpointDirectory::resolve(ctx.project(), endpoint);
        if (!config)
            return {config.error(), {}};
        reader = {QStringLiteral("endpoint:") + config->name, config->model};
    }
    Result<qint64> replaced = ReaderProvenance::ensureOneReader(
        db, checkpoints, QStringLiteral("qc"), scope(), reader,
        force ? ReaderProvenance::OnConflict::StartOver : ReaderProvenance::OnConflict::Refuse);
    if (!replaced)
        return {replaced.error(), {}};
    if (*replaced > 0)
        ctx.log(LogLevel::Warning, QStringLiteral("The QC audit starts over with %1: its %2 earlier audits by another auditor were removed.")
                                       .arg(reader.describe())
                                       .arg(*replaced));
    if (force) {
        if (Error e = checkpoints.reset(scope()))
            return {e, {}};
    }
    auto fused = labels.fused();
    auto audits = labels.audits(LabelRepository::AuditSelection::All);
    auto samples = SampleRepository(db).all();
    auto finished = checkpoints.finished(scope(), false);
    auto failedBefore = checkpoints.withStatus(scope(), CheckpointStatus::Error);
    for (const Error *e : {&fused.error(), &audits.error(), &samples.error(), &finished.error(), &failedBefore.error()})
        if (e->isError())
            return {*e, {}};

    struct Item { SampleRecord sample; SignSet fused; };
    std::vector<Item> pending;
    qint64 kept = 0;
    for (const SampleRecord &s : *samples) {
        auto f = fused->constFind(s.id);
        if (f == fused->constEnd() || f->outcome.status != FusionOutcome::Status::Kept || s.isDuplicate())
            continue;
        ++kept;
        auto a = audits->constFind(s.id);
        // No audit row (never audited, or fused again) or one older than the fused label: audit.
        const bool stale = a == audits->constEnd() || a->createdAt < f->createdAt;
        if (!finished->contains(QString::number(s.id)) || stale)
            pending.push_back({s, f->outcome.fused});
    }
    ctx.setTotal(kept);
    ctx.setUpToDate(kept - qint64(pending.size()));
    const ExtractionInputs inputs(db, ctx.project().slicesDir());
    if (!endpoint.isEmpty()) {
        std::vector<SampleRecord> list;
        for (const Item &i : pending)
            list.push_back(i.sample);
        return EndpointRunner::audit(ctx, endpoint, list, inputs, labels, checkpoints, scope());
    }

    QHash<qint64, QString> names;
    for (const Item &i : pending)
        names.insert(i.sample.id, i.sample.sampleId);
    qint64 erased = 0, downgraded = 0, audited = 0;
    const qint64 jobId = ctx.jobId();
    BatchProcessor<Item, QcRecord> processor(
        [&](const Item &item) {
            QcRecord r;
            r.sample = item.sample.id;
            r.auditor = auditor.name();
            r.model = auditor.model();
            r.promptVersion = auditor.promptVersion();
            QString error;
            const ExtractionInput in = inputs.load(item.sample, &error);
            if (!error.isEmpty()) {
                r.status = QStringLiteral("error");
                r.error = error;
                return r;
            }
            r.decision = auditor.audit(in, item.fused, &r.raw);
            const QcOutcome outcome = QcAudit::apply(item.fused, r.decision);
            r.gold = outcome.gold;
            r.notes = outcome.notes;
            for (auto it = r.decision.reasons.cbegin(); it != r.decision.reasons.cend(); ++it)
                if (r.decision.actions.value(it.key()) != QcAction::Keep)
                    r.clues << QStringLiteral("%1: %2").arg(it.key(), it.value());
            r.status = QStringLiteral("ok");
            return r;
        },
        [&](Database &, const std::vector<QcRecord> &records) -> Error {
            for (const QcRecord &r : records) {
                if (Error e = labels.storeQc(r, jobId))
                    return e;
                const bool ok = r.status == QLatin1String("ok");
                audited += ok ? 1 : 0;
                if (ok)
                    ctx.itemSucceeded();
                else
                    ctx.itemFailed(QStringLiteral("%1: %2").arg(names.value(r.sample), r.error),
                                   failedBefore->contains(QString::number(r.sample)) ? JobContext::Attempt::Retry
                                                                                      : JobContext::Attempt::First);
                for (QcAction a : r.decision.actions) {
                    erased += a == QcAction::Erase;
                    downgraded += a == QcAction::Downgrade;
                }
                if (Error e = checkpoints.mark(scope(), QString::number(r.sample), jobId, ok ? CheckpointStatus::Ok : CheckpointStatus::Error))
                    return e;
            }
            return {};
        },
        32);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    return {{}, QJsonObject{{QStringLiteral("auditor"), auditor.model()},
                            {QStringLiteral("audited"), audited},
                            {QStringLiteral("erased_fields"), erased},
                            {QStringLiteral("downgraded_fields"), downgraded},
                            {QStringLiteral("kept_labels"), kept}}};
}

} // namespace neuroonco
