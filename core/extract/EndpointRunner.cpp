// Model readings through ChatClient, fed a few requests ahead of what is in flight so memory
// stays bounded, with results committed in small batches.
#include "extract/EndpointRunner.h"

#include "extract/ExtractionInputs.h"
#include "extract/Prompts.h"
#include "jobs/CheckpointStore.h"
#include "jobs/JobContext.h"
#include "llm/ChatClient.h"
#include "llm/EndpointDirectory.h"
#include "llm/JsonExtraction.h"
#include "signs/LabelRepository.h"
#include "store/Database.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QJsonDocument>
#include <QTimer>

#include <functional>

namespace neuroonco {

namespace {

// The shared request loop: `build` makes a request for pending item i, `handle` turns a
// response into stored rows (inside a transaction) and says whether it succeeded.
struct Loop
{
    JobContext &ctx;
    ChatClient &client;
    size_t count;
    std::function<std::optional<ChatRequest>(size_t)> build;
    std::function<Error(const ChatResponse &, bool *success)> handle;

    StageResult run(qint64 *ok, qint64 *errors)
    {
        QEventLoop loop;
        size_t next = 0;
        int outstanding = 0;
        const int ahead = std::max(8, client.endpoint().maxInFlight * 3);
        std::vector<ChatResponse> buffer;
        Error failure;
        auto flush = [&] {
            if (buffer.empty() || failure)
                return;
            Transaction tx(ctx.db());
            for (const ChatResponse &r : buffer) {
                bool success = false;
                if ((failure = handle(r, &success)))
                    return;
                (success ? *ok : *errors) += 1;
            }
            if (!(failure = tx.commit()))
                ctx.advance(qint64(buffer.size()));
            buffer.clear();
        };
        auto feed = [&] {
            while (!ctx.isCanceled() && !failure && next < count && outstanding < ahead) {
                std::optional<ChatRequest> request = build(next++);
                if (!request) {
                    ctx.advance(1); // recorded as an error by build()
                    continue;
                }
                client.submit(*request);
                ++outstanding;
            }
            if (outstanding == 0)
                loop.quit();
        };
        QObject::connect(&client, &ChatClient::finished, &loop, [&](const ChatResponse &r) {
            --outstanding;
            if (r.errorKind != ChatErrorKind::Canceled)
                buffer.push_back(r); // canceled requests stay pending for the next run
            if (buffer.size() >= 16)
                flush();
            feed();
        });
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
            flush();
            if (ctx.isCanceled() || failure)
                client.cancelAll();
            if (outstanding == 0)
                loop.quit();
        });
        ticker.start(200);
        QTimer::singleShot(0, &loop, feed);
        loop.exec();
        flush();
        return {failure, {}};
    }
};

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
    Loop loop{ctx, client, pending.size(),
              [&](size_t i) -> std::optional<ChatRequest> {
                  const SampleRecord &s = pending[i];
                  QString error;
                  QByteArray png = imageBytes(inputs, s, &error);
                  if (png.isEmpty()) {
                      ExtractionRecord r = record(s.id, QString());
                      r.error = error;
                      labels.storeExtraction(r, jobId);
                      checkpoints.mark(scope, QString::number(s.id), jobId, CheckpointStatus::Error);
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(s.sampleId, error), attempt(s.id));
                      return std::nullopt;
                  }
                  sampleOf.insert(s.sampleId, s.id);
                  ChatRequest request;
                  request.id = s.sampleId;
                  request.systemPrompt = prompt->text;
                  request.userText = userText(inputs.description(s.id));
                  request.image = std::move(png);
                  return request;
              },
              [&](const ChatResponse &response, bool *success) -> Error {
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
                  *success = r.status == QLatin1String("ok");
                  if (!*success)
                      ctx.log(LogLevel::Warning, QStringLiteral("%1: %2").arg(response.id, r.error));
                  if (Error e = labels.storeExtraction(r, jobId))
                      return e;
                  if (*success)
                      ctx.itemSucceeded();
                  else
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(response.id, r.error), attempt(r.sample));
                  return checkpoints.mark(scope, QString::number(r.sample), jobId, *success ? CheckpointStatus::Ok : CheckpointStatus::Error);
              }};
    qint64 ok = 0, errors = 0;
    StageResult result = loop.run(&ok, &errors);
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
    Loop loop{ctx, client, pending.size(),
              [&](size_t i) -> std::optional<ChatRequest> {
                  const SampleRecord &s = pending[i];
                  const auto found = fusedLabels->constFind(s.id);
                  const std::optional<FusedRecord> fused =
                      found == fusedLabels->constEnd() ? std::nullopt : std::optional<FusedRecord>(*found);
                  QString error;
                  QByteArray png = imageBytes(inputs, s, &error);
                  if (png.isEmpty() || !fused) {
                      QcRecord r = record(s.id, QString());
                      r.error = fused ? error : QStringLiteral("no fused label");
                      labels.storeQc(r, jobId);
                      checkpoints.mark(scope, QString::number(s.id), jobId, CheckpointStatus::Error);
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(s.sampleId, r.error), attempt(s.id));
                      return std::nullopt;
                  }
                  fusedOf.insert(s.sampleId, {s.id, fused->outcome.fused});
                  ChatRequest request;
                  request.id = s.sampleId;
                  QString text = prompt->text;
                  text.replace(QStringLiteral("{{LABEL}}"), QString::fromUtf8(QJsonDocument(fused->outcome.fused.toPublishedJson()).toJson(QJsonDocument::Indented)));
                  request.systemPrompt = text;
                  request.userText = userText(inputs.description(s.id));
                  request.image = std::move(png);
                  return request;
              },
              [&](const ChatResponse &response, bool *success) -> Error {
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
                  *success = r.status == QLatin1String("ok");
                  if (!*success)
                      ctx.log(LogLevel::Warning, QStringLiteral("%1: %2").arg(response.id, r.error));
                  if (Error e = labels.storeQc(r, jobId))
                      return e;
                  if (*success)
                      ctx.itemSucceeded();
                  else
                      ctx.itemFailed(QStringLiteral("%1: %2").arg(response.id, r.error), attempt(r.sample));
                  return checkpoints.mark(scope, QString::number(r.sample), jobId, *success ? CheckpointStatus::Ok : CheckpointStatus::Error);
              }};
    qint64 ok = 0, errors = 0;
    StageResult result = loop.run(&ok, &errors);
    result.summary = QJsonObject{{QStringLiteral("auditor"), endpoint->name}, {QStringLiteral("model"), endpoint->model},
                                 {QStringLiteral("prompt"), prompt->id()}, {QStringLiteral("audited"), ctx.items().succeeded},
                                 {QStringLiteral("errors"), ctx.items().failed}};
    return result;
}

} // namespace neuroonco
