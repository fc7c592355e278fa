// Rewording of open reference answers through a model endpoint.
#include "core/pipeline/ParaphraseStage.h"

#include "core/benchmark/BenchmarkCuration.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/ParaphraseCheck.h"
#include "core/extract/Prompts.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/llm/ChatClient.h"
#include "core/llm/EndpointDirectory.h"
#include "core/pipeline/RequestLoop.h"
#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QJsonArray>

namespace neuroonco {

namespace {

QString checkpointKey(const BenchmarkItem &item)
{
    return QStringLiteral("item:%1:v%2").arg(item.id).arg(item.version);
}

QString fill(const Prompt &prompt, const OpenQuestion &q)
{
    QString text = prompt.text;
    text.replace(QLatin1String("{{QUESTION}}"), q.question);
    text.replace(QLatin1String("{{REFERENCE}}"), q.referenceAnswer);
    text.replace(QLatin1String("{{KEYWORDS}}"), q.keywords.isEmpty() ? QStringLiteral("(none)") : q.keywords.join(QStringLiteral(", ")));
    return text;
}

} // namespace

QJsonObject ParaphraseStage::parameters(const QString &endpoint, int limit)
{
    QJsonObject p{{QStringLiteral("endpoint"), endpoint}};
    if (limit > 0)
        p.insert(QStringLiteral("limit"), limit);
    return p;
}

StageResult ParaphraseStage::run(JobContext &ctx)
{
    const QString endpointName = ctx.parameters().value(QStringLiteral("endpoint")).toString();
    const int limit = ctx.parameters().value(QStringLiteral("limit")).toInt();
    if (endpointName.isEmpty())
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("endpoint"),
                      QStringLiteral("paraphrasing needs a model endpoint (a name in endpoints.json)")),
                {}};
    const Result<EndpointConfig> endpoint = EndpointDirectory::resolve(ctx.project(), endpointName);
    if (!endpoint)
        return {endpoint.error(), {}};
    Result<Prompt> prompt = Prompts::load(QStringLiteral("paraphrase"));
    if (!prompt)
        return {prompt.error(), {}};

    Database &db = ctx.db();
    BenchmarkRepository repo(db);
    ItemFilter filter;
    filter.kind = ItemKind::Open;
    filter.statuses = {ItemStatus::Pending, ItemStatus::Stale};
    Result<std::vector<BenchmarkItem>> all = repo.items(filter);
    if (!all)
        return {all.error(), {}};
    CheckpointStore checkpoints(db);
    Result<QSet<QString>> done = checkpoints.finished(scope(), /*errorsAreDone=*/false);
    if (!done)
        return {done.error(), {}};
    Result<QSet<QString>> failedBefore = checkpoints.withStatus(scope(), CheckpointStatus::Error);
    if (!failedBefore)
        return {failedBefore.error(), {}};
    std::vector<BenchmarkItem> pending;
    qint64 eligible = 0;
    for (BenchmarkItem &item : *all) {
        if (item.origin != ItemOrigin::Generated)
            continue;
        ++eligible;
        if (!done->contains(checkpointKey(item)))
            pending.push_back(std::move(item));
    }
    // Finished before: what --limit leaves out is still to do, not done.
    const qint64 upToDate = eligible - qint64(pending.size());
    if (limit > 0 && int(pending.size()) > limit)
        pending.resize(size_t(limit));
    ctx.setTotal(upToDate + qint64(pending.size()));
    ctx.setUpToDate(upToDate);
    ctx.log(LogLevel::Info, QStringLiteral("Rewording %1 of %2 generated open answers with endpoint '%3' (model %4, prompt %5).")
                                .arg(pending.size())
                                .arg(eligible)
                                .arg(endpoint->name, endpoint->model, prompt->id()));

    ChatClient client(*endpoint);
    const QString reviewer = QStringLiteral("model:") + endpoint->name;
    const qint64 jobId = ctx.jobId();
    qint64 accepted = 0, discarded = 0, unchanged = 0, failed = 0, changedMeanwhile = 0;
    QJsonObject reasons;

    RequestLoop loop(ctx, client);
    Error failure = loop.run(
        pending.size(),
        [&](size_t i) -> Result<std::optional<ChatRequest>> {
            ChatRequest request;
            request.id = QString::number(i);
            request.userText = fill(*prompt, pending[i].open());
            return std::optional<ChatRequest>(std::move(request));
        },
        [&](const ChatResponse &response) -> Error {
            const BenchmarkItem &asked = pending[size_t(response.id.toULongLong())];
            if (!response.ok) {
                ++failed;
                ctx.log(LogLevel::Warning, QStringLiteral("item %1: %2: %3")
                                               .arg(asked.id)
                                               .arg(chatErrorKindName(response.errorKind), response.error));
                ctx.itemFailed(QStringLiteral("item %1: %2: %3").arg(asked.id).arg(chatErrorKindName(response.errorKind), response.error),
                               failedBefore->contains(checkpointKey(asked)) ? JobContext::Attempt::Retry
                                                                           : JobContext::Attempt::First);
                return checkpoints.mark(scope(), checkpointKey(asked), jobId, CheckpointStatus::Error);
            }
            const OpenQuestion original = asked.open();
            const ParaphraseVerdict verdict = ParaphraseCheck::check(original, response.content);
            if (verdict.unchanged) {
                ++unchanged;
                ctx.itemSkipped();
                return checkpoints.mark(scope(), checkpointKey(asked), jobId, CheckpointStatus::Skipped);
            }
            if (!verdict.ok()) {
                ++discarded;
                for (const QString &p : verdict.problems) {
                    const QString kind = p.section(QLatin1Char(':'), 0, 0).section(QStringLiteral(" from"), 0, 0);
                    reasons.insert(kind, reasons.value(kind).toInt() + 1);
                }
                ctx.log(LogLevel::Info, QStringLiteral("item %1: rewrite discarded (%2)")
                                            .arg(asked.id)
                                            .arg(verdict.problems.join(QStringLiteral("; "))));
                ctx.itemSkipped(); // the model answered; the check kept the original
                return checkpoints.mark(scope(), checkpointKey(asked), jobId, CheckpointStatus::Skipped);
            }
            // A curator may have acted on the item while the request was out: theirs wins.
            Result<BenchmarkItem> current = repo.item(asked.id);
            if (!current)
                return current.error();
            if (current->version != asked.version || current->origin != ItemOrigin::Generated
                || current->status == ItemStatus::Approved || current->status == ItemStatus::Rejected) {
                ++changedMeanwhile;
                ctx.itemSkipped();
                return checkpoints.mark(scope(), checkpointKey(asked), jobId, CheckpointStatus::Skipped);
            }
            BenchmarkItem item = *current;
            OpenQuestion q = original;
            q.referenceAnswer = verdict.text;
            item.payload = q.toJson();
            item.origin = ItemOrigin::Edited;
            item.status = ItemStatus::Pending;
            item.version += 1;
            if (!item.lineage.contains(QStringLiteral("reference_original")))
                item.lineage.insert(QStringLiteral("reference_original"), original.referenceAnswer);
            item.lineage.insert(QStringLiteral("paraphrased_by"),
                                QJsonObject{{QStringLiteral("endpoint"), endpoint->name},
                                            {QStringLiteral("model"), endpoint->model},
                                            {QStringLiteral("prompt"), prompt->id()}});
            if (Error e = BenchmarkCuration::storeChange(
                    repo, *current, item, QStringLiteral("edit"), reviewer,
                    QStringLiteral("reference answer reworded by %1 (%2); numbers and key terms checked")
                        .arg(endpoint->model, prompt->id())))
                return e;
            ++accepted;
            ctx.itemSucceeded();
            return checkpoints.mark(scope(), checkpointKey(asked), jobId, CheckpointStatus::Ok);
        });
    if (failure)
        return {failure, {}};
    QJsonObject summary{{QStringLiteral("endpoint"), endpoint->name},
                        {QStringLiteral("model"), endpoint->model},
                        {QStringLiteral("prompt"), prompt->id()},
                        {QStringLiteral("asked"), accepted + discarded + unchanged + failed + changedMeanwhile},
                        {QStringLiteral("accepted"), accepted},
                        {QStringLiteral("discarded"), discarded},
                        {QStringLiteral("unchanged"), unchanged},
                        {QStringLiteral("failed"), failed},
                        {QStringLiteral("changed_meanwhile"), changedMeanwhile},
                        {QStringLiteral("discard_reasons"), reasons}};
    return {Error(), summary};
}

} // namespace neuroonco
