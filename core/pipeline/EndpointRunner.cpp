// Model readings through ChatClient, fed a few requests ahead of what is in flight so memory
// stays bounded, with results committed in small batches.
#include "core/pipeline/EndpointRunner.h"

#include "core/extract/ExtractionInputs.h"
#include "core/extract/Prompts.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/llm/ChatClient.h"
#include "core/llm/EndpointDirectory.h"
#include "core/llm/JsonExtraction.h"
#include "core/pipeline/RequestLoop.h"
#include "core/signs/LabelRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QJsonDocument>


namespace neuroonco {

namespace {

QByteArray imageBytes(const ExtractionInputs &inputs, const SampleRecord &s, QString *error)
{
    QFile f(QDir(inputs.slicesDir()).filePath(s.imagePath));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(f.fileName());
        return {};
    }
    return f.readAll();
}

QString userText(const QString &description)
{
    return description.isEmpty()
               ? QStringLiteral("Read this brain MRI slice.")
               : QStringLiteral("Context (rule-based, may be incomplete): %1\nRead this brain MRI slice.").arg(description);
}

} // namespace

StageResult EndpointRunner::extract(JobContext &ctx, const QString &endpointName, const QString &run,
                                    const std::vector<SampleRecord> &pending, const ExtractionInputs &inputs,
                                    LabelRepository &labels, CheckpointStore &checkpoints, const QString &scope)
{
    Result<EndpointConfig> endpoint = EndpointDirectory::resolve(ctx.project(), endpointName);
    if (!endpoint)
        return {endpoint.error(), {}};
    Result<Prompt> prompt = Prompts::load(endpoint->prompt.isEmpty() ? Prompts::defaultFor(run) : endpoint->prompt);
    if (!prompt)
        return {prompt.error(), {}};
    ctx.log(LogLevel::Info, QStringLiteral("Run %1 reads %2 samples with endpoint '%3' (model %4, prompt %5, %6 in flight).")
                                .arg(run).arg(pending.size()).arg(endpoint->name, endpoint->model, prompt->id())
                                .arg(endpoint->maxInFlight));
    ChatClient client(*endpoint);
    const qint64 jobId = ctx.jobId();
    QHash<QString, qint64> sampleOf;
    const QString extractor = QStringLiteral("endpoint:") + endpoint->name;
    Result<QSet<QString>> failedBefore = checkpoints.withStatus(scope, CheckpointStatus::Error);
    if (!failedBefore)
        return {failedBefore.error(), {}};
    auto attempt = [&](qint64 sample) {
        return failedBefore->contains(QString::number(sample)) ? JobContext::Attempt::Retry : JobContext::Attempt::First;
    };
    auto record = [&](qint64 sample, const QString &model) {
        ExtractionRecord r;
        r.sample = sample;
        r.run = run;
        r.extractor = extractor;
        r.model = model.isEmpty() ? endpoint->model : model;
        r.promptVersion = prompt->id();
        r.status = QStringLiteral("error");
        return r;
    };
    RequestLoop loop(ctx, client);
    const Error failure = loop.run(
        pending.size(),
              [&](size_t i) -> Result<std::optional<ChatRequest>> {
                  const SampleRecord &s = pending[i];
                  QString error;
                  QByteArray png = imageBytes(inputs, s, &error);
                  if (png.isEmpty()) {
                      ExtractionRecord r = record(s.id, QString());
                      r.error = error;
                      if (Error e = labels.storeExtraction(r, jobId))
                          return e;
                      if (Error e = checkpoints.mark(scope, QString::number(s.id), jobId, CheckpointStatus::Error))
                          return e;
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(s.sampleId, error), attempt(s.id));
                      return RequestLoop::notAsked();
                  }
                  sampleOf.insert(s.sampleId, s.id);
                  ChatRequest request;
                  request.id = s.sampleId;
                  request.systemPrompt = prompt->text;
                  request.userText = userText(inputs.description(s.id));
                  request.image = std::move(png);
                  return std::optional<ChatRequest>(std::move(request));
              },
              [&](const ChatResponse &response) -> Error {
                  ExtractionRecord r = record(sampleOf.value(response.id), response.model);
                  r.raw = response.ok ? response.content : QString::fromUtf8(response.rawBody);
                  r.latencyMs = double(response.latencyMs);
                  r.promptTokens = std::max(0, response.promptTokens);
                  r.completionTokens = std::max(0, response.completionTokens);
                  r.attempts = response.attempts;
                  if (!response.ok) {
                      r.error = QStringLiteral("%1: %2").arg(chatErrorKindName(response.errorKind), response.error);
                  } else if (std::optional<QJsonObject> json = JsonExtraction::extractObject(response.content)) {
                      r.signs = SignSet::fromJson(*json, &r.problems);
                      r.status = QStringLiteral("ok");
                  } else {
                      r.error = QStringLiteral("the reply contains no JSON object");
                  }
                  const bool success = r.status == QLatin1String("ok");
                  if (!success)
                      ctx.log(LogLevel::Warning, QStringLiteral("%1: %2").arg(response.id, r.error));
                  if (Error e = labels.storeExtraction(r, jobId))
                      return e;
                  if (success)
                      ctx.itemSucceeded();
                  else
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(response.id, r.error), attempt(r.sample));
                  return checkpoints.mark(scope, QString::number(r.sample), jobId, success ? CheckpointStatus::Ok : CheckpointStatus::Error);
              });
    StageResult result{failure, {}};
    result.summary = QJsonObject{{QStringLiteral("run"), run}, {QStringLiteral("endpoint"), endpoint->name},
                                 {QStringLiteral("model"), endpoint->model}, {QStringLiteral("prompt"), prompt->id()},
                                 {QStringLiteral("read"), ctx.items().succeeded}, {QStringLiteral("errors"), ctx.items().failed}};
    return result;
}

StageResult EndpointRunner::audit(JobContext &ctx, const QString &endpointName, const std::vector<SampleRecord> &pending,
                                  const ExtractionInputs &inputs, LabelRepository &labels, CheckpointStore &checkpoints,
                                  const QString &scope)
{
    Result<EndpointConfig> endpoint = EndpointDirectory::resolve(ctx.project(), endpointName);
    if (!endpoint)
        return {endpoint.error(), {}};
    Result<Prompt> prompt = Prompts::load(endpoint->prompt.isEmpty() ? QStringLiteral("qc") : endpoint->prompt);
    if (!prompt)
        return {prompt.error(), {}};
    ChatClient client(*endpoint);
    const qint64 jobId = ctx.jobId();
    QHash<QString, std::pair<qint64, SignSet>> fusedOf;
    Result<QSet<QString>> failedBefore = checkpoints.withStatus(scope, CheckpointStatus::Error);
    if (!failedBefore)
        return {failedBefore.error(), {}};
    auto attempt = [&](qint64 sample) {
        return failedBefore->contains(QString::number(sample)) ? JobContext::Attempt::Retry : JobContext::Attempt::First;
    };
    // Read once up front: a failed read stops the job instead of failing one item after another.
    const Result<QHash<qint64, FusedRecord>> fusedLabels = labels.fused();
    if (!fusedLabels)
        return {fusedLabels.error(), {}};
    auto record = [&](qint64 sample, const QString &model) {
        QcRecord r;
        r.sample = sample;
        r.auditor = QStringLiteral("endpoint:") + endpoint->name;
        r.model = model.isEmpty() ? endpoint->model : model;
        r.promptVersion = prompt->id();
        r.status = QStringLiteral("error");
        return r;
    };
    RequestLoop loop(ctx, client);
    const Error failure = loop.run(
        pending.size(),
              [&](size_t i) -> Result<std::optional<ChatRequest>> {
                  const SampleRecord &s = pending[i];
                  const auto found = fusedLabels->constFind(s.id);
                  const std::optional<FusedRecord> fused =
                      found == fusedLabels->constEnd() ? std::nullopt : std::optional<FusedRecord>(*found);
                  QString error;
                  QByteArray png = imageBytes(inputs, s, &error);
                  if (png.isEmpty() || !fused) {
                      QcRecord r = record(s.id, QString());
                      r.error = fused ? error : QStringLiteral("no fused label");
                      if (Error e = labels.storeQc(r, jobId))
                          return e;
                      if (Error e = checkpoints.mark(scope, QString::number(s.id), jobId, CheckpointStatus::Error))
                          return e;
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(s.sampleId, r.error), attempt(s.id));
                      return RequestLoop::notAsked();
                  }
                  fusedOf.insert(s.sampleId, {s.id, fused->outcome.fused});
                  ChatRequest request;
                  request.id = s.sampleId;
                  QString text = prompt->text;
                  text.replace(QStringLiteral("{{LABEL}}"), QString::fromUtf8(QJsonDocument(fused->outcome.fused.toPublishedJson()).toJson(QJsonDocument::Indented)));
                  request.systemPrompt = text;
                  request.userText = userText(inputs.description(s.id));
                  request.image = std::move(png);
                  return std::optional<ChatRequest>(std::move(request));
              },
              [&](const ChatResponse &response) -> Error {
                  const auto [sample, fused] = fusedOf.value(response.id);
                  QcRecord r = record(sample, response.model);
                  r.raw = response.ok ? response.content : QString::fromUtf8(response.rawBody);
                  r.latencyMs = double(response.latencyMs);
                  if (!response.ok) {
                      r.error = QStringLiteral("%1: %2").arg(chatErrorKindName(response.errorKind), response.error);
                  } else if (std::optional<QJsonObject> json = JsonExtraction::extractObject(response.content)) {
                      r.decision = QcAudit::parse(*json);
                      const QcOutcome outcome = QcAudit::apply(fused, r.decision);
                      r.gold = outcome.gold;
                      r.notes = outcome.notes;
                      for (auto it = r.decision.reasons.cbegin(); it != r.decision.reasons.cend(); ++it)
                          if (r.decision.actions.value(it.key()) != QcAction::Keep && !it.value().isEmpty())
                              r.clues << QStringLiteral("%1: %2").arg(it.key(), it.value());
                      r.status = QStringLiteral("ok");
                  } else {
                      r.error = QStringLiteral("the reply contains no JSON object");
                  }
                  const bool success = r.status == QLatin1String("ok");
                  if (!success)
                      ctx.log(LogLevel::Warning, QStringLiteral("%1: %2").arg(response.id, r.error));
                  if (Error e = labels.storeQc(r, jobId))
                      return e;
                  if (success)
                      ctx.itemSucceeded();
                  else
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(response.id, r.error), attempt(r.sample));
                  return checkpoints.mark(scope, QString::number(r.sample), jobId, success ? CheckpointStatus::Ok : CheckpointStatus::Error);
              });
    StageResult result{failure, {}};
    result.summary = QJsonObject{{QStringLiteral("auditor"), endpoint->name}, {QStringLiteral("model"), endpoint->model},
                                 {QStringLiteral("prompt"), prompt->id()}, {QStringLiteral("audited"), ctx.items().succeeded},
                                 {QStringLiteral("errors"), ctx.items().failed}};
    return result;
}

} // namespace neuroonco
