// The evaluate stage: run bookkeeping, the list of (item, rotation) units still to ask, the
// request loop, the optional judge pass and the final scores.
#include "core/pipeline/EvaluateStage.h"

#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/RecordIndex.h"
#include "core/evaluate/AnswerParser.h"
#include "core/evaluate/ClosedScorer.h"
#include "core/evaluate/EvalPrompt.h"
#include "core/evaluate/EvalRepository.h"
#include "core/evaluate/OpenScorer.h"
#include "core/evaluate/OptionRotation.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/llm/ChatClient.h"
#include "core/llm/EndpointDirectory.h"
#include "core/llm/JsonExtraction.h"
#include "core/pipeline/RequestLoop.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace neuroonco {

namespace {

struct Unit
{
    size_t item = 0; // index into the item list
    int rotation = 0;
};

QString imageMime(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return QStringLiteral("image/jpeg");
    if (suffix == QLatin1String("bmp"))
        return QStringLiteral("image/bmp");
    if (suffix == QLatin1String("webp"))
        return QStringLiteral("image/webp");
    return QStringLiteral("image/png");
}

// An existing run must be continued with the settings it was made with.
Error checkCompatible(const EvalRun &run, const EvaluateOptions &o, const EndpointConfig &endpoint)
{
    const QString subject = QStringLiteral("evaluation run '%1'").arg(run.name);
    auto differs = [&](const QString &what, const QString &was, const QString &now) {
        return Error(ErrorCode::InvalidArgument, subject,
                     QStringLiteral("it was made with %1 '%2', not '%3'; continue it with the same "
                                    "settings or choose another run name")
                         .arg(what, was, now));
    };
    if (run.origin != EvalOrigin::Evaluated)
        return Error(ErrorCode::InvalidArgument, subject,
                     QStringLiteral("it holds imported predictions; choose another run name"));
    if (run.endpoint != endpoint.name)
        return differs(QStringLiteral("endpoint"), run.endpoint, endpoint.name);
    if (run.model != endpoint.model)
        return differs(QStringLiteral("model"), run.model, endpoint.model);
    if (run.benchmark != o.benchmark)
        return differs(QStringLiteral("benchmark"), evalBenchmarkName(run.benchmark),
                       evalBenchmarkName(o.benchmark));
    if (run.circular != o.circular)
        return differs(QStringLiteral("circular"),
                       run.circular ? QStringLiteral("yes") : QStringLiteral("no"),
                       o.circular ? QStringLiteral("yes") : QStringLiteral("no"));
    // The item set and the judge: a run's scores are over one set of questions, graded one way.
    const EvaluateOptions was = EvaluateOptions::fromParameters(run.params);
    auto orAll = [](const QString &split) { return split.isEmpty() ? QStringLiteral("all") : split; };
    if (was.split != o.split)
        return differs(QStringLiteral("split"), orAll(was.split), orAll(o.split));
    if (was.includeUnapproved != o.includeUnapproved)
        return differs(QStringLiteral("items"),
                       was.includeUnapproved ? QStringLiteral("all but rejected") : QStringLiteral("approved"),
                       o.includeUnapproved ? QStringLiteral("all but rejected") : QStringLiteral("approved"));
    if (was.judge != o.judge)
        return differs(QStringLiteral("judge"), was.judge.isEmpty() ? QStringLiteral("none") : was.judge,
                       o.judge.isEmpty() ? QStringLiteral("none") : o.judge);
    return {};
}

// The text of an API-level refusal (OpenAI's choices[0].message.refusal), else empty.
QString refusalOf(const ChatResponse &response)
{
    if (response.ok || response.errorKind != ChatErrorKind::BadResponse)
        return {};
    const QJsonObject body = QJsonDocument::fromJson(response.rawBody).object();
    const QJsonObject message = body.value(QStringLiteral("choices"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toObject();
    return message.value(QStringLiteral("refusal")).toString();
}

QString cut(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    return text.size() > 2000 ? text.left(2000) + QStringLiteral(" …") : text;
}

} // namespace

QString EvaluateOptions::defaultRunName() const
{
    return QStringLiteral("%1-%2%3").arg(endpoint, evalBenchmarkName(benchmark),
                                         circular ? QStringLiteral("-circular") : QString());
}

QJsonObject EvaluateOptions::toParameters() const
{
    QJsonObject p{{QStringLiteral("run"), runName()},
                  {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("benchmark"), evalBenchmarkName(benchmark)}};
    if (circular)
        p.insert(QStringLiteral("circular"), true);
    if (limit > 0)
        p.insert(QStringLiteral("limit"), limit);
    if (includeUnapproved)
        p.insert(QStringLiteral("all"), true);
    if (!split.isEmpty())
        p.insert(QStringLiteral("split"), split);
    if (!images.isEmpty())
        p.insert(QStringLiteral("images"), images);
    if (!judge.isEmpty())
        p.insert(QStringLiteral("judge"), judge);
    return p;
}

EvaluateOptions EvaluateOptions::fromParameters(const QJsonObject &p)
{
    EvaluateOptions o;
    o.endpoint = p.value(QStringLiteral("endpoint")).toString();
    evalBenchmarkFromName(p.value(QStringLiteral("benchmark")).toString(QStringLiteral("closed")),
                          &o.benchmark);
    o.circular = p.value(QStringLiteral("circular")).toBool();
    o.limit = p.value(QStringLiteral("limit")).toInt();
    o.includeUnapproved = p.value(QStringLiteral("all")).toBool();
    o.split = p.value(QStringLiteral("split")).toString();
    o.images = p.value(QStringLiteral("images")).toString();
    o.judge = p.value(QStringLiteral("judge")).toString();
    o.run = p.value(QStringLiteral("run")).toString();
    return o;
}

QString EvaluateStage::checkpointItem(qint64 run, qint64 item, int rotation)
{
    return QStringLiteral("%1:%2:%3").arg(run).arg(item).arg(rotation);
}

QString EvaluateStage::lockKey(const QJsonObject &parameters) const
{
    return stageId() + QLatin1Char(':') + EvaluateOptions::fromParameters(parameters).runName();
}

StageResult EvaluateStage::run(JobContext &ctx)
{
    const EvaluateOptions o = EvaluateOptions::fromParameters(ctx.parameters());
    if (o.endpoint.isEmpty())
        return {
            Error(ErrorCode::InvalidArgument, QStringLiteral("endpoint"),
                  QStringLiteral("evaluation needs a model endpoint (a name in endpoints.json)")),
            {}};
    if (o.circular && o.benchmark == EvalBenchmark::Open)
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("circular"),
                      QStringLiteral("circular evaluation rotates options: it applies to the "
                                     "closed benchmark only")),
                {}};
    if (!o.split.isEmpty() && o.split != QLatin1String("train") && o.split != QLatin1String("test"))
        return {Error(ErrorCode::InvalidArgument, QStringLiteral("split"),
                      QStringLiteral("must be train or test, not '%1'").arg(o.split)),
                {}};
    Result<EndpointConfig> endpoint = EndpointDirectory::resolve(ctx.project(), o.endpoint);
    if (!endpoint)
        return {endpoint.error(), {}};
    std::optional<EndpointConfig> judgeEndpoint;
    if (!o.judge.isEmpty()) {
        if (o.benchmark != EvalBenchmark::Open)
            return {Error(ErrorCode::InvalidArgument, QStringLiteral("judge"),
                          QStringLiteral("a judge grades open answers only")),
                    {}};
        Result<EndpointConfig> j = EndpointDirectory::resolve(ctx.project(), o.judge);
        if (!j)
            return {j.error(), {}};
        judgeEndpoint = *j;
    }

    Database &db = ctx.db();
    ItemFilter filter;
    filter.kind = o.benchmark == EvalBenchmark::Open ? ItemKind::Open : ItemKind::Closed;
    filter.statuses =
        o.includeUnapproved
            ? QList<ItemStatus>{ItemStatus::Approved, ItemStatus::Pending, ItemStatus::Stale}
            : QList<ItemStatus>{ItemStatus::Approved};
    filter.split = o.split;
    Result<std::vector<BenchmarkItem>> items = BenchmarkRepository(db).items(filter);
    if (!items)
        return {items.error(), {}};
    EvalRepository repo(db);
    const QString runName = o.runName();
    EvalRun run;
    Result<Prompt> prompt = Error();
    if (Result<EvalRun> existing = repo.runNamed(runName); existing) {
        run = *existing;
        if (Error e = checkCompatible(run, o, *endpoint))
            return {e, {}};
        prompt = EvalPrompt::load(run.promptVersion);
    } else if (existing.error().code != ErrorCode::NotFound) {
        return {existing.error(), {}};
    }
    // Checked after the run's settings (a mismatch is the better message) and before a new run
    // is created: an empty item set makes no run.
    if (items->empty()) {
        // An empty item set is nothing to score, not a run with a score: say how to get items.
        const QString kind = evalBenchmarkName(o.benchmark);
        const QString where = o.split.isEmpty() ? QString() : QStringLiteral(" in the %1 split").arg(o.split);
        QString why;
        if (o.includeUnapproved)
            why = QStringLiteral("the project has no %1 benchmark items%2 that are not rejected; build them with "
                                 "neuroonco benchmark%3")
                      .arg(kind, where, o.split.isEmpty() ? QString() : QStringLiteral(" and neuroonco split"));
        else
            why = QStringLiteral("no %1 benchmark item%2 is approved; approve items in the Benchmark tab, or "
                                 "evaluate every item that is not rejected with --all")
                      .arg(kind, where);
        return {Error(ErrorCode::NothingToDo, QStringLiteral("evaluation run '%1'").arg(o.runName()), why), {}};
    }
    if (run.id == 0) {
        prompt = EvalPrompt::load(EvalPrompt::defaultName(o.benchmark));
        if (!prompt)
            return {prompt.error(), {}};
        run.name = runName;
        run.endpoint = endpoint->name;
        run.model = endpoint->model;
        run.benchmark = o.benchmark;
        run.circular = o.circular;
        run.promptVersion = prompt->id();
        run.origin = EvalOrigin::Evaluated;
        QJsonObject params = o.toParameters();
        params.remove(QStringLiteral("limit"));
        run.params = params;
        Result<qint64> id = repo.createRun(run);
        if (!id)
            return {id.error(), {}};
        run.id = *id;
    }
    if (!prompt)
        return {prompt.error(), {}};

    const QHash<qint64, RecordPosition> positions = RecordIndex::positions(*items);
    std::vector<ClosedQuestion> closed(items->size());
    std::vector<OpenQuestion> open(items->size());
    std::vector<Unit> units;
    for (size_t i = 0; i < items->size(); ++i) {
        const BenchmarkItem &item = (*items)[i];
        if (o.benchmark == EvalBenchmark::Open) {
            open[i] = item.open();
            units.push_back({i, 0});
            continue;
        }
        closed[i] = item.closed();
        const int rotations = o.circular ? OptionRotation::count(closed[i]) : 1;
        for (int r = 0; r < rotations; ++r)
            units.push_back({i, r});
    }

    CheckpointStore checkpoints(db);
    const QString scope = EvaluateStage::scope();
    auto unitKey = [&](const Unit &u) {
        return checkpointItem(run.id, (*items)[u.item].id, u.rotation);
    };
    // What this run has answered (its rows are committed with their checkpoints); read from
    // the run's own rows so that other runs' checkpoints need not be loaded.
    Result<QSet<QString>> finished = repo.answeredUnits(run.id);
    if (!finished)
        return {finished.error(), {}};
    std::vector<Unit> pending;
    for (const Unit &u : units)
        if (!finished->contains(EvalRepository::unitKey((*items)[u.item].id, u.rotation)))
            pending.push_back(u);
    // Finished before: what --limit leaves out is still to do, not done.
    const qint64 upToDate = qint64(units.size() - pending.size());
    if (o.limit > 0 && int(pending.size()) > o.limit)
        pending.resize(size_t(o.limit));
    ctx.setTotal(upToDate + qint64(pending.size()));
    ctx.setUpToDate(upToDate);
    Result<QSet<QString>> failedBefore = checkpoints.withStatus(scope, CheckpointStatus::Error);
    if (!failedBefore)
        return {failedBefore.error(), {}};
    auto attempt = [&](const Unit &u) {
        return failedBefore->contains(unitKey(u)) ? JobContext::Attempt::Retry : JobContext::Attempt::First;
    };
    ctx.log(LogLevel::Info,
            QStringLiteral("Run '%1' asks %2 of %3 %4 questions%5 with endpoint '%6' (model %7, "
                           "prompt %8, %9 in flight).")
                .arg(run.name)
                .arg(pending.size())
                .arg(units.size())
                .arg(evalBenchmarkName(o.benchmark),
                     o.circular ? QStringLiteral(" (every rotation of the options)") : QString(),
                     endpoint->name, endpoint->model, prompt->id())
                .arg(endpoint->maxInFlight));

    const QDir imageDir(o.images.isEmpty() ? ctx.project().slicesDir() : o.images);
    EndpointConfig asking = *endpoint;
    asking.jsonMode = false; // answers are letters or prose, not JSON
    ChatClient client(asking);
    const qint64 jobId = ctx.jobId();
    qint64 asked = 0, errors = 0, invalid = 0;

    auto answerFor = [&](const Unit &u) {
        const BenchmarkItem &item = (*items)[u.item];
        const RecordPosition pos = positions.value(item.id);
        EvalAnswer a;
        a.run = run.id;
        a.item = item.id;
        a.itemVersion = item.version;
        a.externalId = pos.recordId;
        a.qIndex = pos.qIndex;
        a.rotation = u.rotation;
        a.imagePath = item.imagePath;
        a.questionType = item.questionType;
        if (o.benchmark == EvalBenchmark::Closed) {
            const ClosedQuestion &q = closed[u.item];
            a.isTrap = q.trap;
            a.isMcq = OptionRotation::count(q) > 2;
            a.presented = OptionRotation::toJson(OptionRotation::rotated(q, u.rotation));
            a.gt = q.answer;
        } else {
            a.gt = open[u.item].referenceAnswer;
        }
        return a;
    };

    RequestLoop loop(ctx, client);
    Error failure = loop.run(
        pending.size(),
        [&](size_t i) -> Result<std::optional<ChatRequest>> {
            const Unit &u = pending[i];
            const BenchmarkItem &item = (*items)[u.item];
            const QString path = imageDir.filePath(item.imagePath);
            QFile f(path);
            QByteArray image;
            if (f.open(QIODevice::ReadOnly))
                image = f.readAll();
            if (image.isEmpty()) {
                EvalAnswer a = answerFor(u);
                a.error = QStringLiteral("cannot read the image %1").arg(path);
                ++errors;
                ctx.log(LogLevel::Warning, QStringLiteral("item %1: %2").arg(item.id).arg(a.error));
                ctx.itemFailed(QStringLiteral("item %1: %2").arg(item.id).arg(a.error), attempt(u));
                // Recorded (and asked again by the next run) like a failed request.
                Transaction tx(db);
                Error e = tx.beginError();
                if (!e)
                    e = repo.storeAnswer(a, jobId);
                if (!e)
                    e = checkpoints.mark(scope, unitKey(u), jobId, CheckpointStatus::Error);
                if (!e)
                    e = tx.commit();
                if (e)
                    return e;
                return RequestLoop::notAsked();
            }
            ChatRequest request;
            request.id = QString::number(i);
            request.image = std::move(image);
            request.imageMime = imageMime(path);
            request.userText =
                o.benchmark == EvalBenchmark::Closed
                    ? EvalPrompt::closed(*prompt, closed[u.item].question,
                                         OptionRotation::rotated(closed[u.item], u.rotation))
                    : EvalPrompt::open(*prompt, open[u.item].question);
            return std::optional<ChatRequest>(std::move(request));
        },
        [&](const ChatResponse &response) -> Error {
            const Unit &u = pending[size_t(response.id.toULongLong())];
            EvalAnswer a = answerFor(u);
            a.latencyMs = double(response.latencyMs);
            a.attempts = response.attempts;
            ++asked;
            const QString refusal = refusalOf(response);
            if (!refusal.isEmpty()) {
                // An API-level refusal is the model's answer (invalid), not a failed request.
                a.raw = refusal;
                a.valid = false;
                a.problem = answerProblemName(AnswerProblem::Refusal);
                if (o.benchmark == EvalBenchmark::Closed)
                    a.correct = false;
            } else if (!response.ok) {
                a.error = QStringLiteral("%1: %2").arg(chatErrorKindName(response.errorKind),
                                                       response.error);
                a.raw = cut(response.rawBody);
                ++errors;
                ctx.log(LogLevel::Warning,
                        QStringLiteral("item %1: %2").arg((*items)[u.item].id).arg(a.error));
                ctx.itemFailed(QStringLiteral("item %1: %2").arg((*items)[u.item].id).arg(a.error), attempt(u));
            } else if (o.benchmark == EvalBenchmark::Closed) {
                const ClosedQuestion &q = closed[u.item];
                a.raw = response.content;
                const ParsedAnswer parsed =
                    AnswerParser::parse(response.content, OptionRotation::rotated(q, u.rotation));
                a.valid = parsed.isValid();
                a.problem = answerProblemName(parsed.problem);
                a.pred =
                    a.valid ? OptionRotation::toOriginal(q, u.rotation, parsed.letter) : QString();
                a.correct = a.valid && a.pred == q.answer;
            } else {
                a.raw = response.content;
                a.pred = response.content.trimmed();
                a.valid = !a.pred.isEmpty();
                a.problem = a.valid ? QString() : answerProblemName(AnswerProblem::Empty);
                OpenScorer::scoreAnswer(open[u.item], a);
            }
            const bool answered = response.ok || !refusal.isEmpty();
            if (answered && !a.valid)
                ++invalid;
            if (answered)
                ctx.itemSucceeded(); // an invalid answer is the model's answer, scored as such
            if (Error e = repo.storeAnswer(a, jobId))
                return e;
            return checkpoints.mark(scope, unitKey(u), jobId,
                                    answered ? CheckpointStatus::Ok : CheckpointStatus::Error);
        });
    if (failure)
        return {failure, {}};

    // The judge grades every valid open answer it has not graded yet.
    qint64 judged = 0, judgeErrors = 0;
    if (judgeEndpoint && !ctx.isCanceled()) {
        Result<Prompt> judgePrompt = EvalPrompt::load(EvalPrompt::judgeName());
        if (!judgePrompt)
            return {judgePrompt.error(), {}};
        Result<std::vector<EvalAnswer>> answers = repo.answers(run.id);
        if (!answers)
            return {answers.error(), {}};
        QHash<qint64, size_t> itemIndex;
        for (size_t i = 0; i < items->size(); ++i)
            itemIndex.insert((*items)[i].id, i);
        std::vector<EvalAnswer> toJudge;
        for (EvalAnswer &a : *answers)
            if (a.valid && a.error.isEmpty() && !a.judgeScore && itemIndex.contains(a.item))
                toJudge.push_back(std::move(a));
        ctx.setTotal(ctx.progress().total + qint64(toJudge.size()));
        ctx.log(LogLevel::Info,
                QStringLiteral("Judge '%1' (model %2, prompt %3) grades %4 answers.")
                    .arg(judgeEndpoint->name, judgeEndpoint->model, judgePrompt->id())
                    .arg(toJudge.size()));
        ChatClient judgeClient(*judgeEndpoint);
        RequestLoop judgeLoop(ctx, judgeClient);
        failure = judgeLoop.run(
            toJudge.size(),
            [&](size_t i) -> Result<std::optional<ChatRequest>> {
                ChatRequest request;
                request.id = QString::number(i);
                request.userText = EvalPrompt::judge(
                    *judgePrompt, open[itemIndex.value(toJudge[i].item)], toJudge[i].pred);
                return std::optional<ChatRequest>(std::move(request));
            },
            [&](const ChatResponse &response) -> Error {
                const EvalAnswer &a = toJudge[size_t(response.id.toULongLong())];
                if (!response.ok) {
                    ++judgeErrors;
                    return repo.storeJudgement(
                        a.id, std::nullopt, QString(),
                        QStringLiteral("%1: %2").arg(chatErrorKindName(response.errorKind),
                                                     response.error));
                }
                const std::optional<QJsonObject> json =
                    JsonExtraction::extractObject(response.content);
                const QJsonValue score = json ? json->value(QStringLiteral("score")) : QJsonValue();
                if (!score.isDouble() || score.toDouble() < 0 || score.toDouble() > 1) {
                    ++judgeErrors;
                    return repo.storeJudgement(
                        a.id, std::nullopt, response.content,
                        QStringLiteral("the reply holds no score between 0 and 1"));
                }
                ++judged;
                return repo.storeJudgement(a.id, score.toDouble(), response.content, QString());
            });
        if (failure)
            return {failure, {}};
    }

    // Scores over everything the run has answered so far.
    Result<std::vector<EvalAnswer>> answers = repo.answers(run.id);
    if (!answers)
        return {answers.error(), {}};
    Result<QSet<QString>> done = repo.answeredUnits(run.id);
    if (!done)
        return {done.error(), {}};
    qint64 outstanding = 0;
    for (const Unit &u : units)
        outstanding +=
            done->contains(EvalRepository::unitKey((*items)[u.item].id, u.rotation)) ? 0 : 1;
    const BootstrapOptions bootstrap;
    QJsonObject scores;
    QJsonObject summary{
        {QStringLiteral("run"), run.name},    {QStringLiteral("model"), run.model},
        {QStringLiteral("asked"), asked},     {QStringLiteral("errors"), errors},
        {QStringLiteral("invalid"), invalid}, {QStringLiteral("outstanding"), outstanding}};
    if (o.benchmark == EvalBenchmark::Closed) {
        const ClosedScores s = ClosedScorer::score(*answers, run.circular, &bootstrap);
        scores = s.toJson();
        summary.insert(QStringLiteral("questions"), s.questions);
        summary.insert(QStringLiteral("accuracy"), s.accuracy.value());
    } else {
        const OpenScores s = OpenScorer::score(*answers, &bootstrap);
        scores = s.toJson();
        summary.insert(QStringLiteral("questions"), s.questions);
        summary.insert(QStringLiteral("rouge_l"), s.overall.rougeL.estimate);
        summary.insert(QStringLiteral("keyword_recall"), s.overall.keywordRecall.estimate);
        if (judgeEndpoint) {
            summary.insert(QStringLiteral("judged"), judged);
            summary.insert(QStringLiteral("judge_errors"), judgeErrors);
        }
    }
    scores.insert(QStringLiteral("prompt"), run.promptVersion);
    const bool complete = outstanding == 0 && !ctx.isCanceled();
    if (Error e = repo.storeSummary(run.id, scores, complete))
        return {e, {}};
    summary.insert(QStringLiteral("scores"), scores);
    return {{}, summary};
}

} // namespace neuroonco
