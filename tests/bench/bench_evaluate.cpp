// Evaluation throughput. End to end: the evaluate stage on a project of 400 closed questions
// (20 KB images) against the local fake server — questions per second at 1 and 32 requests in
// flight, with an instant server and with 50 ms of model latency (each question's answer and
// checkpoint committed as in production). Scoring: 100,000 closed predictions scored with and
// without 1,000 bootstrap resamples, and the same read back from a project database through the
// leaderboard. Text metrics: BLEU-4, ROUGE-L and keyword recall pairs per second.
//   build-eval/tests/bench/bench_evaluate --benchmark_format=json
#include "BenchCheck.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/evaluate/AnswerParser.h"
#include "core/evaluate/ClosedScorer.h"
#include "core/evaluate/EvalRepository.h"
#include "core/evaluate/Leaderboard.h"
#include "core/evaluate/TextMetrics.h"
#include "core/jobs/JobExecutor.h"
#include "core/llm/EndpointStore.h"
#include "core/llm/UserEndpoints.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/project/Project.h"
#include "core/store/Database.h"
#include "FakeChatServer.h"
#include "FakeExaminee.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <atomic>
#include <benchmark/benchmark.h>
#include <memory>

using namespace neuroonco;
using namespace neuroonco::test;

namespace {

FakeChatServer *g_server = nullptr;
std::atomic_int g_delayMs{0};
constexpr int kQuestions = 400;

// A project with kQuestions approved closed questions on 100 images, and one endpoint per
// in-flight setting.
struct EvalProject
{
    QTemporaryDir dir;
    Project project;
    int runs = 0;

    EvalProject()
    {
        project = *Project::create(dir.filePath(QStringLiteral("p")));
        QRandomGenerator rng(11);
        for (int i = 0; i < 100; ++i) {
            QByteArray bytes(20 * 1024, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(rng.bounded(256));
            QDir().mkpath(QDir(project.slicesDir()).filePath(QStringLiteral("bench")));
            QFile f(QDir(project.slicesDir()).filePath(QStringLiteral("bench/img%1.png").arg(i)));
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
        }
        auto db = project.connect();
        BenchmarkRepository repo(**db);
        for (int q = 0; q < kQuestions; ++q) {
            ClosedQuestion c;
            c.questionType = QStringList{QStringLiteral("diagnosis"), QStringLiteral("modality"),
                                         QStringLiteral("size"), QStringLiteral("shape")}
                                 .at(q % 4);
            c.question = QStringLiteral("Question %1 about this slice?").arg(q);
            for (int o = 0; o < 4; ++o)
                c.options.push_back({QString(QChar('A' + o)), QStringLiteral("Option %1").arg(o)});
            c.options.push_back({QStringLiteral("E"), ClosedQuestion::noneOfTheAbove()});
            c.answer = QString(QChar('A' + q % 4));
            BenchmarkItem item;
            item.kind = ItemKind::Closed;
            item.itemKey = QStringLiteral("bench:%1").arg(q);
            item.externalId = QString::number(q / 4);
            item.imagePath = QStringLiteral("bench/img%1.png").arg(q / 4);
            item.questionType = c.questionType;
            item.payload = c.toJson();
            item.answer = c.answer;
            item.status = ItemStatus::Approved;
            bench::mustSucceed(repo.upsert(item, BenchmarkRepository::UpsertMode::KeepExisting));
        }
        EndpointStore store;
        for (int inFlight : {1, 32}) {
            EndpointConfig e;
            e.name = QStringLiteral("always-a-%1").arg(inFlight);
            e.baseUrl = g_server->url().toString();
            e.model = FakeExaminee::modelName(FakeExaminee::Persona::AlwaysA);
            e.maxInFlight = inFlight;
            store.upsert(e);
        }
        // The user's endpoints file of this benchmark, never the developer's own.
        qputenv("NEUROONCO_ENDPOINTS", dir.filePath(QStringLiteral("endpoints.json")).toLocal8Bit());
        UserEndpoints user = *UserEndpoints::load();
        user.endpoints() = store;
        bench::mustSucceed(user.save());
    }
};

EvalProject &evalProject()
{
    static EvalProject p;
    return p;
}

void stageThroughput(benchmark::State &state, int delayMs)
{
    g_delayMs = delayMs;
    EvalProject &p = evalProject();
    const int inFlight = int(state.range(0));
    qint64 questions = 0;
    for (auto _ : state) {
        EvaluateOptions o;
        o.endpoint = QStringLiteral("always-a-%1").arg(inFlight);
        o.run = QStringLiteral("bench-%1").arg(++p.runs);
        std::atomic_bool cancel{false};
        EvaluateStage stage;
        const JobOutcome outcome =
            JobExecutor::execute(p.project, stage, o.toParameters(), nullptr, &cancel, 1);
        if (outcome.state != JobState::Succeeded ||
            outcome.summary.value(QStringLiteral("asked")).toInt() != kQuestions) {
            state.SkipWithError("the evaluation did not ask every question");
            return;
        }
        questions += kQuestions;
    }
    state.SetItemsProcessed(questions);
    state.counters["questions_per_s"] =
        benchmark::Counter(double(questions), benchmark::Counter::kIsRate);
    g_delayMs = 0;
}

void BM_EvaluateStageInstantServer(benchmark::State &state)
{
    stageThroughput(state, 0);
}

void BM_EvaluateStageLatency50ms(benchmark::State &state)
{
    stageThroughput(state, 50);
}

// 100,000 closed answers: 6 question types, a fifth traps, a tenth binary, 3 % invalid.
std::vector<EvalAnswer> syntheticAnswers(int n)
{
    std::vector<EvalAnswer> out;
    out.reserve(size_t(n));
    QRandomGenerator rng(5);
    const QStringList types{QStringLiteral("diagnosis"), QStringLiteral("modality"),
                            QStringLiteral("size"),      QStringLiteral("shape"),
                            QStringLiteral("spread"),    QStringLiteral("location")};
    QJsonObject mcq, binary;
    for (const char *l : {"A", "B", "C", "D", "E"})
        mcq.insert(QLatin1String(l), QStringLiteral("x"));
    binary.insert(QStringLiteral("A"), QStringLiteral("Healthy"));
    binary.insert(QStringLiteral("B"), QStringLiteral("Abnormal"));
    for (int i = 0; i < n; ++i) {
        EvalAnswer a;
        a.item = i + 1;
        a.questionType = types.at(i % types.size());
        a.isMcq = i % 10 != 0;
        a.isTrap = a.isMcq && rng.bounded(5) == 0;
        a.presented = a.isMcq ? mcq : binary;
        a.gt = a.isTrap ? QStringLiteral("E")
                        : QString(QChar('A' + int(rng.bounded(a.isMcq ? 4 : 2))));
        a.valid = rng.bounded(100) >= 3;
        a.pred = a.valid ? (rng.bounded(10) < 7 ? a.gt : QStringLiteral("A")) : QString();
        a.correct = a.valid && a.pred == a.gt;
        out.push_back(std::move(a));
    }
    return out;
}

void BM_ScoreClosed100k(benchmark::State &state)
{
    const std::vector<EvalAnswer> answers = syntheticAnswers(100000);
    const bool withBootstrap = state.range(0) != 0;
    BootstrapOptions bootstrap;
    for (auto _ : state) {
        const ClosedScores s =
            ClosedScorer::score(answers, false, withBootstrap ? &bootstrap : nullptr);
        benchmark::DoNotOptimize(s.accuracy.interval.lower);
    }
    state.SetItemsProcessed(state.iterations() * qint64(answers.size()));
    state.counters["bootstrap_resamples"] = withBootstrap ? bootstrap.resamples : 0;
}

// The same through the database: 100,000 stored answers read back and scored by the leaderboard.
void BM_LeaderboardFromDatabase100k(benchmark::State &state)
{
    static QTemporaryDir dir;
    static std::unique_ptr<Project> project;
    if (!project) {
        project =
            std::make_unique<Project>(*Project::create(dir.filePath(QStringLiteral("scores"))));
        auto db = project->connect();
        EvalRepository repo(**db);
        EvalRun run;
        run.name = QStringLiteral("big");
        run.origin = EvalOrigin::Imported;
        const qint64 id = *repo.createRun(run);
        Transaction tx(**db);
        for (EvalAnswer a : syntheticAnswers(100000)) {
            a.run = id;
            a.externalId = QString::number(a.item);
            a.qIndex = 0;
            a.item = 0; // external questions: no benchmark items needed
            bench::mustSucceed(repo.storeAnswer(a));
        }
        bench::mustSucceed(tx.commit());
    }
    auto db = project->connect();
    for (auto _ : state) {
        Result<RunScores> s = Leaderboard::scores(**db, QStringLiteral("big"));
        if (!s || s->closed.questions != 100000) {
            state.SkipWithError("scoring failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * 100000);
}

const QString kCandidate =
    QStringLiteral("The lesion is a large irregular mass in the upper left region with "
                   "heterogeneous signal and surrounding oedema, most "
                   "consistent with a high-grade glioma.");
const QString kReference =
    QStringLiteral("The glioma lesion is large or extensive, occupying about 6.31% of the total "
                   "image area, with lobulated irregular margins "
                   "in the upper left of the image.");

void BM_Bleu4(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(TextMetrics::bleu4(kCandidate, kReference));
    state.SetItemsProcessed(state.iterations());
}

void BM_RougeL(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(TextMetrics::rougeL(kCandidate, kReference).f);
    state.SetItemsProcessed(state.iterations());
}

void BM_KeywordRecall(benchmark::State &state)
{
    const QStringList keywords{QStringLiteral("glioma"), QStringLiteral("large"),
                               QStringLiteral("irregular"), QStringLiteral("upper left")};
    for (auto _ : state)
        benchmark::DoNotOptimize(TextMetrics::keywordRecall(kCandidate, keywords));
    state.SetItemsProcessed(state.iterations());
}

void BM_ParseAnswer(benchmark::State &state)
{
    const std::vector<ChoiceOption> options{
        {QStringLiteral("A"), QStringLiteral("Glioma")},
        {QStringLiteral("B"), QStringLiteral("Metastasis")},
        {QStringLiteral("C"), QStringLiteral("Meningioma")},
        {QStringLiteral("D"), QStringLiteral("Lymphoma")},
        {QStringLiteral("E"), QStringLiteral("None of the above")}};
    const QStringList replies{
        QStringLiteral("C"), QStringLiteral("Answer: B"),
        QStringLiteral("I think the answer is (C) because the lesion has a dural tail."),
        QStringLiteral("I'm sorry, I cannot help with that.")};
    int i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            AnswerParser::parse(replies.at(i++ % replies.size()), options).letter);
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(BM_EvaluateStageInstantServer)
    ->Arg(1)
    ->Arg(32)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK(BM_EvaluateStageLatency50ms)
    ->Arg(1)
    ->Arg(32)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_ScoreClosed100k)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LeaderboardFromDatabase100k)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Bleu4)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RougeL)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_KeywordRecall)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseAnswer)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the stage's chat client needs an event loop in this thread
    FakeChatServer fake;
    fake.setRecording(false);
    if (!fake.start())
        return 2;
    g_server = &fake;
    auto examinee = std::make_shared<const FakeExaminee>();
    fake.setRule([examinee](const QJsonObject &request, int) {
        FakeReply r = examinee->reply(request);
        r.delayMs = g_delayMs.load();
        return r;
    });
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
