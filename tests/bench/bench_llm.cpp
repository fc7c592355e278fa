// Chat client throughput against the local fake server (tests/core/llm): requests per second
// and the client's own CPU cost per request with an instant server, and throughput with 50 ms
// of server latency at 1, 8 and 64 requests in flight. Client CPU = process CPU minus the
// server thread's CPU, so it covers the client, Qt's HTTP threads and JSON work. Each request
// carries a 40 KB image, like the extract stage's requests.
//   build-llm/tests/bench/bench_llm --benchmark_format=json
#include "core/llm/ChatClient.h"
#include "core/llm/ChatProtocol.h"
#include "core/llm/KeyScrubber.h"
#include "FakeChatServer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QRandomGenerator>
#include <benchmark/benchmark.h>
#include <sys/resource.h>

using namespace neuroonco;
using namespace neuroonco::test;

namespace {

// About the size of a standardised 256×256 8-bit slice as PNG.
QByteArray sliceBytes()
{
    QByteArray bytes(40 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : bytes)
        c = char(rng.bounded(256));
    return bytes;
}

double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

FakeChatServer *g_server = nullptr; // started in main(), before the benchmarks run

FakeChatServer &server()
{
    return *g_server;
}

void setServerDelay(int ms)
{
    const QString content = QStringLiteral(
        R"({"meta_info": {"predicted_modality": "T1_Contrast", "predicted_location": "Upper-Left", "lesion_found": true}, )"
        R"("structured_signs": {"shape": "Irregular", "margins": "Ill-defined", "texture": "Heterogeneous", )"
        R"("enhancement": "Ring", "edema": "Extensive", "signal_intensity": "Mixed"}})");
    server().setRule(
        [content, ms](const QJsonObject &, int) { return FakeReply::json(content).withDelay(ms); });
}

EndpointConfig endpoint(int inFlight)
{
    EndpointConfig e;
    e.name = QStringLiteral("bench");
    e.baseUrl = server().url().toString();
    e.model = QStringLiteral("fake-vision-1");
    e.maxInFlight = inFlight;
    return e;
}

ChatRequest request(int i, const QByteArray &image)
{
    ChatRequest r;
    r.id = QString::number(i);
    r.systemPrompt = QStringLiteral("You are a conservative neuroradiologist. Return strict JSON "
                                    "with meta_info and structured_signs.");
    r.userText = QStringLiteral(
        "Coarse description: glioma on T1CE; a large irregular lesion in the upper-left region.");
    r.image = image;
    return r;
}

// Submits n requests and runs the event loop until the client is idle; returns failures.
int runBatch(ChatClient &client, int n, const QByteArray &image)
{
    int failures = 0;
    QEventLoop loop;
    auto onFinished =
        QObject::connect(&client, &ChatClient::finished, &loop, [&failures](const ChatResponse &r) {
            if (!r.ok)
                ++failures;
        });
    auto onIdle = QObject::connect(&client, &ChatClient::idle, &loop, &QEventLoop::quit);
    for (int i = 0; i < n; ++i)
        client.submit(request(i, image));
    loop.exec();
    QObject::disconnect(onFinished);
    QObject::disconnect(onIdle);
    return failures;
}

void throughput(benchmark::State &state, int delayMs, bool quickAck = true)
{
    server().setQuickAck(quickAck);
    const int inFlight = int(state.range(0));
    // About one second per batch.
    const int batch = delayMs > 0 ? std::max(20, inFlight * 1000 / delayMs)
                      : quickAck  ? 2000
                                  : 25 * inFlight;
    setServerDelay(delayMs);
    const QByteArray image = sliceBytes();
    ChatClient client(endpoint(inFlight));
    runBatch(client, std::min(batch, 200), image); // warm up connections
    qint64 requests = 0;
    int failures = 0;
    const double cpu0 = processCpuSeconds();
    const double server0 = server().serverCpuSeconds();
    for (auto _ : state) {
        failures += runBatch(client, batch, image);
        requests += batch;
    }
    const double clientCpu = (processCpuSeconds() - cpu0) - (server().serverCpuSeconds() - server0);
    state.SetItemsProcessed(requests);
    state.counters["req_per_s"] = benchmark::Counter(double(requests), benchmark::Counter::kIsRate);
    state.counters["client_cpu_us_per_req"] =
        1e6 * clientCpu / double(std::max<qint64>(1, requests));
    state.counters["failures"] = failures;
    server().setQuickAck(true);
}

void BM_InstantServer(benchmark::State &state)
{
    throughput(state, 0);
}

// The same with the kernel's delayed ACKs on the server side: Qt's client leaves Nagle on
// and sends headers and body in two writes, so each request on a connection can wait up to
// 40 ms for the ACK of its headers.
void BM_InstantServerDelayedAck(benchmark::State &state)
{
    throughput(state, 0, false);
}

void BM_Latency50ms(benchmark::State &state)
{
    throughput(state, 50);
}

// The client's pure protocol work per request: body with a 40 KB image, reading the answer.
void BM_BuildAndParse(benchmark::State &state)
{
    const QByteArray image = sliceBytes();
    const EndpointConfig e = endpoint(4);
    const QByteArray answer =
        R"({"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant",)"
        R"("content":"{\"meta_info\": {\"lesion_found\": true}, \"structured_signs\": {\"shape\": \"Irregular\"}}"},)"
        R"("finish_reason":"stop"}],"usage":{"prompt_tokens":812,"completion_tokens":64,"total_tokens":876}})";
    int i = 0;
    for (auto _ : state) {
        const QByteArray body =
            ChatProtocol::requestBody(e, request(i++, image), ResponseFormat::JsonObject);
        benchmark::DoNotOptimize(body.size());
        benchmark::DoNotOptimize(ChatProtocol::parseCompletion(answer).ok);
    }
    state.SetItemsProcessed(state.iterations());
}

// The key scrubber over a reply body of `range(0)` bytes without an echo (the common case: it
// runs on every reply) — JSON text full of backslashes, quotes and percent signs, which are the
// bytes where an encoded echo could start.
void BM_ScrubReply(benchmark::State &state)
{
    const KeyScrubber scrubber(QStringLiteral("sk-proj/Ab+Cd=Ef\"Gh0123456789abcdefXYZ"));
    const QByteArray unit =
        R"({"content":"{\"shape\": \"Irregular\", \"note\": \"50% s\u00e9quence\"}", "finish_reason":"stop"} )";
    QByteArray body;
    while (body.size() < state.range(0))
        body += unit;
    for (auto _ : state) {
        QByteArray copy = body;
        benchmark::DoNotOptimize(scrubber.scrub(copy));
    }
    state.SetBytesProcessed(state.iterations() * body.size());
}

// Making the scrubber (every form of every character of a 40-character key): done per reply,
// because the client never keeps the key between attempts.
void BM_ScrubberSetup(benchmark::State &state)
{
    const QString key = QStringLiteral("sk-proj/Ab+Cd=Ef\"Gh0123456789abcdefXYZ");
    for (auto _ : state) {
        const KeyScrubber scrubber(key);
        benchmark::DoNotOptimize(scrubber.isActive());
    }
}

} // namespace

BENCHMARK(BM_ScrubberSetup)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScrubReply)->Arg(3 * 1024)->Arg(1024 * 1024)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BuildAndParse)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_InstantServer)
    ->Arg(1)
    ->Arg(8)
    ->Arg(64)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK(BM_InstantServerDelayedAck)
    ->Arg(1)
    ->Arg(8)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK(BM_Latency50ms)
    ->Arg(1)
    ->Arg(8)
    ->Arg(64)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // the client needs an event loop in this thread
    FakeChatServer fake;
    fake.setRecording(false); // millions of 55 KB bodies would not fit in memory
    if (!fake.start())
        return 2;
    g_server = &fake;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
