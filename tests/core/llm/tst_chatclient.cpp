// Chat client against the fake OpenAI-compatible server: the exact request shape and the
// Authorization header (and that the key leaks nowhere), JSON-mode fallback, Retry-After,
// retries on 5xx/timeouts/resets, garbage bodies, size limit, in-flight and rate limits,
// cancel, 1,000 requests under injected faults; JSON extraction; endpoints.json handling.
#include "core/llm/ChatClient.h"
#include "core/llm/ChatProtocol.h"
#include "core/llm/EndpointStore.h"
#include "core/llm/JsonExtraction.h"
#include "core/llm/RateLimiter.h"
#include "core/llm/RetryPolicy.h"
#include "FakeChatServer.h"
#include "FakeReader.h"
#include "FaultPlan.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <algorithm>
#include <atomic>

using namespace neuroonco;
using namespace neuroonco::test;

namespace {

const char *const kKeyEnv = "NEUROONCO_TST_CHAT_KEY";
const QByteArray kKey = QByteArrayLiteral("sk-test-7c1e0a94b2d54f3f9e8a61b0c2d4e6f8");

// Collects what a client reports.
struct Collector
{
    QList<ChatResponse> responses;
    QHash<QString, int> perId;
    int idles = 0;

    explicit Collector(ChatClient &client)
    {
        QObject::connect(&client, &ChatClient::finished, &client, [this](const ChatResponse &r) {
            responses.append(r);
            ++perId[r.id];
        });
        QObject::connect(&client, &ChatClient::idle, &client, [this] { ++idles; });
    }
    const ChatResponse &first() const { return responses.first(); }
};

EndpointConfig endpointFor(const FakeChatServer &server)
{
    EndpointConfig e;
    e.name = QStringLiteral("fake");
    e.baseUrl = server.url().toString();
    e.model = QStringLiteral("fake-vision-1");
    e.prompt = QStringLiteral("run-a");
    e.timeoutSeconds = 10;
    return e;
}

// Short backoff so retry tests take milliseconds.
RetryPolicy fastRetries()
{
    RetryPolicy p;
    p.baseDelayMs = 10;
    p.maxDelayMs = 50;
    return p;
}

ChatRequest makeRequest(const QString &id,
                        const QByteArray &image = QByteArrayLiteral("\x89PNG\r\n\x1a\nfake-pixels"))
{
    ChatRequest r;
    r.id = id;
    r.systemPrompt =
        QStringLiteral("You are a conservative neuroradiologist. Answer in strict JSON.");
    r.userText =
        QStringLiteral("Context: glioma, T1CE, a large irregular lesion in the upper left region.");
    r.image = image;
    return r;
}

// Every text-bearing field of a response, for leak checks.
QByteArray allText(const ChatResponse &r)
{
    return r.id.toUtf8() + r.content.toUtf8() + r.rawBody + r.model.toUtf8() +
           r.finishReason.toUtf8() + r.error.toUtf8();
}

} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void requestShapeAndBearerHeader();
    void keyEchoedByServerIsScrubbed();
    void escapedAndTruncatedEchoesAreScrubbed();
    void plainHttpToAnotherMachineIsNeverSent();
    void noAuthorizationWithoutKey();
    void textOnlyRequestAndOverrides();
    void jsonModeFallback();
    void unrelated400IsNotRetried();
    void retryAfterSecondsHonoured();
    void retryAfterHttpDateHonoured();
    void serverErrorThenSuccess();
    void persistentServerErrorGivesUp();
    void timeoutIsRetriedThenReported();
    void timeoutThenSuccess();
    void connectionResetThenSuccess();
    void connectionFailuresReportNetwork();
    void badBodies_data();
    void badBodies();
    void htmlErrorPageIsSummarised();
    void hugeBodyIsTooLarge_data();
    void hugeBodyIsTooLarge();
    void rawBodyIsCapped();
    void maxInFlightRespected_data();
    void maxInFlightRespected();
    void rateLimitRoughlyRespected();
    void cancelMidFlight();
    void cancelDuringBackoff();
    void destroyWithRequestsInFlight();
    void invalidEndpointUrl();
    void thousandRequestsWithFaults();
    void clientInAnotherThread();

    void retryAfterParsing();
    void backoffGrowsAndIsCapped();
    void rateLimiterArithmetic();
    void completionParsing();
    void requestBodyWithTrickyText();

    void extraction_data();
    void extraction();
    void fakeReaderStylesAreExtractable();

    void endpointStoreRoundTrip();
    void endpointErrorsNameTheField_data();
    void endpointErrorsNameTheField();
    void savedFileNeverContainsTheKey();

private:
    FakeChatServer m_server;
};

void TestChatClient::initTestCase()
{
    qputenv(kKeyEnv, kKey);
    QVERIFY(m_server.start());
    QVERIFY(m_server.port() != 0);
}

void TestChatClient::cleanup()
{
    m_server.setRule(
        [](const QJsonObject &, int) { return FakeReply::json(QStringLiteral("{\"ok\": true}")); });
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activeRequests(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.openConnections(), 0, 10000); // clients are gone
    m_server.resetStats();
    qputenv(kKeyEnv, kKey);
}

void TestChatClient::requestShapeAndBearerHeader()
{
    const QString content = QStringLiteral("{\"meta_info\": {\"lesion_found\": true}}");
    m_server.setRule([content](const QJsonObject &, int) { return FakeReply::json(content); });
    EndpointConfig e = endpointFor(m_server);
    e.apiKeyEnv = QString::fromLatin1(kKeyEnv);
    ChatClient client(e);
    Collector c(client);
    const ChatRequest request = makeRequest(QStringLiteral("sample-1"));
    client.submit(request);
    QCOMPARE(c.responses.size(), 0); // never reported from inside submit()
    QTRY_COMPARE(c.idles, 1);
    QCOMPARE(c.responses.size(), 1);

    const QList<RecordedRequest> seen = m_server.requests();
    QCOMPARE(seen.size(), 1);
    const RecordedRequest &r = seen.first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(r.header("Authorization"), QByteArray("Bearer " + kKey));
    QVERIFY(r.header("Content-Type").startsWith("application/json"));

    const QString dataUrl =
        QStringLiteral("data:image/png;base64,") + QString::fromLatin1(request.image.toBase64());
    const QJsonObject expected{
        {QStringLiteral("model"), QStringLiteral("fake-vision-1")},
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("max_tokens"), 1024},
        {QStringLiteral("messages"),
         QJsonArray{
             QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                         {QStringLiteral("content"), request.systemPrompt}},
             QJsonObject{
                 {QStringLiteral("role"), QStringLiteral("user")},
                 {QStringLiteral("content"),
                  QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                         {QStringLiteral("text"), request.userText}},
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                                         {QStringLiteral("image_url"),
                                          QJsonObject{{QStringLiteral("url"), dataUrl}}}}}}}}},
        {QStringLiteral("response_format"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}}}};
    QCOMPARE(r.json, expected);
    QCOMPARE(r.imageBytes(), request.image);
    QCOMPARE(RecordedRequest::imageMimeOf(r.json), QStringLiteral("image/png"));
    QCOMPARE(r.userText(), request.userText);
    QCOMPARE(r.systemPrompt(), request.systemPrompt);

    const ChatResponse &resp = c.first();
    QVERIFY2(resp.ok, qPrintable(resp.error));
    QCOMPARE(resp.id, QStringLiteral("sample-1"));
    QCOMPARE(resp.content, content);
    QCOMPARE(resp.httpStatus, 200);
    QCOMPARE(resp.attempts, 1);
    QCOMPARE(resp.promptTokens, 812);
    QCOMPARE(resp.completionTokens, 64);
    QCOMPARE(resp.model, QStringLiteral("fake-vision-1"));
    QCOMPARE(resp.finishReason, QStringLiteral("stop"));
    QCOMPARE(resp.errorKind, ChatErrorKind::None);
    QVERIFY(resp.jsonMode);
    QVERIFY(resp.totalMs >= resp.latencyMs);
    QVERIFY(!allText(resp).contains(kKey));
    QVERIFY(!e.toJson().contains(QStringLiteral("sk-")));
    QVERIFY(client.isIdle());
}

void TestChatClient::keyEchoedByServerIsScrubbed()
{
    // Some gateways quote the key they rejected; the caller must never see it.
    m_server.setRequestRule([](const RecordedRequest &r) {
        if (r.index == 0)
            return FakeReply::error(401, QStringLiteral("Incorrect API key provided: ") +
                                             QString::fromLatin1(r.header("authorization")));
        return FakeReply::json(QStringLiteral("your header was ") +
                               QString::fromLatin1(r.header("authorization")));
    });
    EndpointConfig e = endpointFor(m_server);
    e.apiKeyEnv = QString::fromLatin1(kKeyEnv);
    ChatClient client(e);
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("a")));
    QTRY_COMPARE(c.idles, 1);
    client.submit(makeRequest(QStringLiteral("b")));
    QTRY_COMPARE(c.idles, 2);
    QCOMPARE(c.responses.size(), 2);
    const ChatResponse &denied = c.responses.at(0);
    QCOMPARE(denied.errorKind, ChatErrorKind::Http);
    QCOMPARE(denied.httpStatus, 401);
    QCOMPARE(denied.attempts, 1); // 401 is not retried
    QVERIFY(denied.error.contains(QStringLiteral("Incorrect API key")));
    QVERIFY(denied.error.contains(QStringLiteral("[redacted]")));
    for (const ChatResponse &r : c.responses) {
        QVERIFY2(!allText(r).contains(kKey), allText(r).constData());
        QVERIFY(!allText(r).contains(kKey.mid(8, 16)));
    }
    QVERIFY(c.responses.at(1).ok);
}

void TestChatClient::escapedAndTruncatedEchoesAreScrubbed()
{
    // A key with the characters escapers touch. The server echoes it the way real ones do: a
    // PHP-style JSON error ("\/", "\""), a URL in the message (percent-encoded), and the first
    // 12 characters as a polite hint. Before, only the verbatim key was caught.
    const QByteArray key = QByteArrayLiteral("sk-live/Ab+Cd=Ef\"Gh0123456789wxyz");
    qputenv(kKeyEnv, key);
    m_server.setRequestRule([](const RecordedRequest &r) {
        const QByteArray sent = r.header("authorization").mid(7); // after "Bearer "
        QByteArray escaped = sent;
        escaped.replace("/", "\\/").replace("\"", "\\\"");
        const QByteArray body = "{\"error\":{\"message\":\"Incorrect API key provided: " + escaped +
                                " (see https://auth.example/check?key=" + sent.toPercentEncoding() + "), hint " +
                                sent.left(12) + "...\",\"type\":\"invalid_request_error\"}}";
        return FakeReply::raw(401, body);
    });
    EndpointConfig e = endpointFor(m_server);
    e.apiKeyEnv = QString::fromLatin1(kKeyEnv);
    ChatClient client(e);
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("a")));
    QTRY_COMPARE(c.idles, 1);
    const ChatResponse &denied = c.first();
    QCOMPARE(denied.httpStatus, 401);
    QCOMPARE(m_server.request(0).header("authorization"), QByteArray("Bearer " + key)); // sent as is
    QVERIFY(denied.rawBody.contains("Incorrect API key provided"));
    const QByteArray text = allText(denied);
    QVERIFY2(!text.contains("Ab+Cd") && !text.contains("live\\/Ab") && !text.contains("Ab%2BCd") &&
                 !text.contains("sk-live/Ab+") && !text.contains("0123456789wxyz"),
             text.constData());
    QCOMPARE(denied.rawBody.count("[redacted]"), 3);
}

void TestChatClient::plainHttpToAnotherMachineIsNeverSent()
{
    // 192.0.2.1 is TEST-NET-1: never routed. The refusal comes before any connection, so the
    // request fails at once instead of after the connect timeout.
    EndpointConfig e = endpointFor(m_server);
    e.baseUrl = QStringLiteral("http://192.0.2.1:8000/v1");
    e.apiKeyEnv = QString::fromLatin1(kKeyEnv);
    e.timeoutSeconds = 600;
    ChatClient client(e);
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 5000);
    QCOMPARE(c.first().errorKind, ChatErrorKind::Network);
    QCOMPARE(c.first().attempts, 0);
    QVERIFY2(c.first().error.contains(QStringLiteral("allow_insecure_http")), qPrintable(c.first().error));
    // Loopback in any spelling is this machine: plain http is fine there.
    for (const char *url : {"http://127.0.0.1:1/v1", "http://127.9.8.7/v1", "http://localhost:1/v1",
                            "http://LOCALHOST/v1", "http://[::1]:1/v1", "http://[::ffff:127.0.0.1]:1/v1",
                            "https://192.0.2.1/v1"}) {
        e.baseUrl = QString::fromLatin1(url);
        QVERIFY2(!e.checkTransport(), url);
    }
    for (const char *url : {"http://192.0.2.1/v1", "http://10.0.0.5:8000/v1", "http://gpu-box.lan/v1",
                            "http://localhost.evil.example/v1", "http://128.0.0.1/v1", "http://[::2]/v1"}) {
        e.baseUrl = QString::fromLatin1(url);
        QVERIFY2(e.checkTransport(), url);
        e.allowInsecureHttp = true;
        QVERIFY2(!e.checkTransport(), url);
        e.allowInsecureHttp = false;
    }
}

void TestChatClient::noAuthorizationWithoutKey()
{
    qunsetenv(kKeyEnv);
    EndpointConfig e = endpointFor(m_server);
    e.apiKeyEnv = QString::fromLatin1(kKeyEnv);
    ChatClient client(e);
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    QVERIFY(c.first().ok);
    QCOMPARE(m_server.requests().size(), 1);
    QVERIFY(m_server.requests().first().header("Authorization").isEmpty());

    // The key is read at request time: setting it later takes effect without a new client.
    qputenv(kKeyEnv, kKey);
    client.submit(makeRequest(QStringLiteral("y")));
    QTRY_COMPARE(c.idles, 2);
    QCOMPARE(m_server.requests().at(1).header("Authorization"), QByteArray("Bearer " + kKey));
}

void TestChatClient::textOnlyRequestAndOverrides()
{
    EndpointConfig e = endpointFor(m_server);
    e.jsonMode = false;
    ChatClient client(e);
    Collector c(client);
    ChatRequest r;
    r.id = QStringLiteral("t");
    r.userText = QStringLiteral("Describe the finding.");
    r.temperature = 0.7;
    r.maxTokens = 77;
    client.submit(r);
    QTRY_COMPARE(c.idles, 1);
    const QJsonObject json = m_server.requests().first().json;
    QCOMPARE(json.value(QStringLiteral("temperature")).toDouble(), 0.7);
    QCOMPARE(json.value(QStringLiteral("max_tokens")).toInt(), 77);
    QVERIFY(!json.contains(QStringLiteral("response_format")));
    const QJsonArray messages = json.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 1); // no system prompt given: no system message
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("content")).toArray().size(), 1);
    QVERIFY(!c.first().jsonMode);
}

void TestChatClient::jsonModeFallback()
{
    m_server.setRule([](const QJsonObject &request, int) {
        if (request.contains(QStringLiteral("response_format")))
            return FakeReply::rejectResponseFormat();
        return FakeReply::json(QStringLiteral("```json\n{\"a\": 1}\n```"));
    });
    EndpointConfig e = endpointFor(m_server);
    e.maxInFlight = 1;
    ChatClient client(e);
    Collector c(client);
    QVERIFY(client.isJsonModeActive());
    for (int i = 0; i < 3; ++i)
        client.submit(makeRequest(QStringLiteral("r%1").arg(i)));
    QTRY_COMPARE(c.idles, 1);
    QCOMPARE(c.responses.size(), 3);
    QVERIFY(!client.isJsonModeActive());
    QCOMPARE(c.responses.at(0).attempts, 2); // rejected, then resent without response_format
    QCOMPARE(c.responses.at(1).attempts, 1); // remembered for the endpoint
    QCOMPARE(c.responses.at(2).attempts, 1);
    for (const ChatResponse &r : c.responses) {
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.jsonMode);
        QCOMPARE(JsonExtraction::extractObject(r.content)->value(QStringLiteral("a")).toInt(), 1);
    }
    const QList<RecordedRequest> seen = m_server.requests();
    QCOMPARE(seen.size(), 4);
    QVERIFY(seen.at(0).json.contains(QStringLiteral("response_format")));
    for (int i = 1; i < 4; ++i)
        QVERIFY(!seen.at(i).json.contains(QStringLiteral("response_format")));

    // A server that rejects the request for another reason even without response_format:
    // the fallback is tried once, then the 400 is reported.
    m_server.setRule([](const QJsonObject &, int) { return FakeReply::rejectResponseFormat(); });
    ChatClient fresh(endpointFor(m_server));
    Collector c2(fresh);
    fresh.submit(makeRequest(QStringLiteral("z")));
    QTRY_COMPARE(c2.idles, 1);
    QCOMPARE(c2.first().errorKind, ChatErrorKind::Http);
    QCOMPARE(c2.first().httpStatus, 400);
    QCOMPARE(c2.first().attempts, 2);
}

void TestChatClient::unrelated400IsNotRetried()
{
    m_server.setRule([](const QJsonObject &, int) {
        return FakeReply::error(400, QStringLiteral("Invalid image data"));
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    QCOMPARE(c.first().errorKind, ChatErrorKind::Http);
    QCOMPARE(c.first().attempts, 1);
    QVERIFY(c.first().error.contains(QStringLiteral("Invalid image data")));
    QVERIFY(client.isJsonModeActive());
    QCOMPARE(m_server.requestCount(), 1);
}

void TestChatClient::retryAfterSecondsHonoured()
{
    m_server.setRule([](const QJsonObject &, int index) {
        return index == 0 ? FakeReply::rateLimited("1") : FakeReply::json(QStringLiteral("{}"));
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries()); // backoff alone would retry after ≤ 10 ms
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 10000);
    QVERIFY(c.first().ok);
    QCOMPARE(c.first().attempts, 2);
    const QList<RecordedRequest> seen = m_server.requests();
    QCOMPARE(seen.size(), 2);
    const qint64 gap = seen.at(1).receivedMs - seen.at(0).receivedMs;
    QVERIFY2(gap >= 950 && gap < 5000, qPrintable(QString::number(gap)));
}

void TestChatClient::retryAfterHttpDateHonoured()
{
    // HTTP-dates have whole seconds: "now + 2 s" means a wait of between 1 and 2 s.
    const QByteArray date = QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc().addSecs(2),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                .toLatin1();
    m_server.setRule([date](const QJsonObject &, int index) {
        if (index == 0)
            return FakeReply::error(503, QStringLiteral("overloaded"))
                .withHeader("Retry-After", date);
        return FakeReply::json(QStringLiteral("{}"));
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 10000);
    QVERIFY(c.first().ok);
    const QList<RecordedRequest> seen = m_server.requests();
    QCOMPARE(seen.size(), 2);
    const qint64 gap = seen.at(1).receivedMs - seen.at(0).receivedMs;
    QVERIFY2(gap >= 500 && gap < 5000, qPrintable(QString::number(gap)));
}

void TestChatClient::serverErrorThenSuccess()
{
    m_server.setRule([](const QJsonObject &, int index) {
        if (index == 0)
            return FakeReply::error(500, QStringLiteral("boom"));
        if (index == 1)
            return FakeReply::error(503, QStringLiteral("busy"));
        return FakeReply::json(QStringLiteral("{\"fine\": true}"));
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    QVERIFY2(c.first().ok, qPrintable(c.first().error));
    QCOMPARE(c.first().attempts, 3);
    QCOMPARE(c.first().httpStatus, 200);
    QCOMPARE(c.first().content, QStringLiteral("{\"fine\": true}"));
}

void TestChatClient::persistentServerErrorGivesUp()
{
    m_server.setRule([](const QJsonObject &, int) {
        return FakeReply::error(500, QStringLiteral("still broken"));
    });
    EndpointConfig e = endpointFor(m_server);
    e.maxRetries = 2;
    ChatClient client(e);
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    const ChatResponse &r = c.first();
    QVERIFY(!r.ok);
    QCOMPARE(r.errorKind, ChatErrorKind::Http);
    QCOMPARE(r.httpStatus, 500);
    QCOMPARE(r.attempts, 3);
    QVERIFY(r.error.contains(QStringLiteral("HTTP 500")));
    QVERIFY(r.error.contains(QStringLiteral("still broken")));
    QVERIFY(r.error.contains(QStringLiteral("3 attempts")));
    QVERIFY(r.rawBody.contains("still broken"));
    QCOMPARE(m_server.requestCount(), 3);
}

void TestChatClient::timeoutIsRetriedThenReported()
{
    m_server.setRule([](const QJsonObject &, int) {
        return FakeReply::json(QStringLiteral("{}")).withDelay(3000);
    });
    EndpointConfig e = endpointFor(m_server);
    e.timeoutSeconds = 0.3;
    e.maxRetries = 2;
    ChatClient client(e);
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    QElapsedTimer clock;
    clock.start();
    client.submit(makeRequest(QStringLiteral("slow")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 10000);
    const ChatResponse &r = c.first();
    QCOMPARE(r.errorKind, ChatErrorKind::Timeout);
    QCOMPARE(r.attempts, 3);
    QVERIFY(r.error.contains(QStringLiteral("0.3 s")));
    QVERIFY(r.latencyMs >= 250);
    QVERIFY2(clock.elapsed() < 2900, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(m_server.requestCount(), 3);
}

void TestChatClient::timeoutThenSuccess()
{
    m_server.setRule([](const QJsonObject &, int index) {
        return FakeReply::json(QStringLiteral("{}")).withDelay(index == 0 ? 2000 : 0);
    });
    EndpointConfig e = endpointFor(m_server);
    e.timeoutSeconds = 0.3;
    ChatClient client(e);
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 10000);
    QVERIFY2(c.first().ok, qPrintable(c.first().error));
    QCOMPARE(c.first().attempts, 2);
    QVERIFY(c.first().totalMs >= 300);
    QVERIFY(c.first().latencyMs < 300);
}

void TestChatClient::connectionResetThenSuccess()
{
    std::atomic_int resets{0};
    m_server.setRule([&resets](const QJsonObject &, int index) {
        // Qt may resend a request itself when a fresh connection dies before any answer,
        // so "the first two arrivals" rather than "the first attempt" fail.
        if (index < 2) {
            ++resets;
            return FakeReply::reset();
        }
        return FakeReply::json(QStringLiteral("{}"));
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    QVERIFY2(c.first().ok, qPrintable(c.first().error));
    QCOMPARE(resets.load(), 2);
    QCOMPARE(m_server.requestCount(), 3);
    QVERIFY(c.first().attempts >= 1 && c.first().attempts <= 3);
}

void TestChatClient::connectionFailuresReportNetwork()
{
    EndpointConfig e = endpointFor(m_server);
    e.maxRetries = 1;
    {
        m_server.setRule([](const QJsonObject &, int) { return FakeReply::reset(); });
        ChatClient client(e);
        client.setRetryPolicy(fastRetries());
        Collector c(client);
        client.submit(makeRequest(QStringLiteral("reset")));
        QTRY_COMPARE(c.idles, 1);
        QCOMPARE(c.first().errorKind, ChatErrorKind::Network);
        QCOMPARE(c.first().attempts, 2);
        QVERIFY(!c.first().error.isEmpty());
    }
    {
        m_server.setRule([](const QJsonObject &, int) { return FakeReply::cutBody(); });
        ChatClient client(e);
        client.setRetryPolicy(fastRetries());
        Collector c(client);
        client.submit(makeRequest(QStringLiteral("cut")));
        QTRY_COMPARE(c.idles, 1);
        QCOMPARE(c.first().errorKind, ChatErrorKind::Network);
        QCOMPARE(c.first().attempts, 2);
    }
    {
        // Nothing listens on this port: connection refused.
        FakeChatServer closed;
        QVERIFY(closed.start());
        EndpointConfig gone = endpointFor(closed);
        closed.stop();
        gone.maxRetries = 1;
        ChatClient client(gone);
        client.setRetryPolicy(fastRetries());
        Collector c(client);
        client.submit(makeRequest(QStringLiteral("refused")));
        QTRY_COMPARE(c.idles, 1);
        QCOMPARE(c.first().errorKind, ChatErrorKind::Network);
        QCOMPARE(c.first().httpStatus, 0);
        QCOMPARE(c.first().attempts, 2);
    }
}

void TestChatClient::badBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<QString>("mention");
    QTest::newRow("truncated json")
        << QByteArray(R"({"id":"x","choices":[{"index":0,"message":{"role":"assist)") << false
        << "not valid JSON";
    QTest::newRow("truncated json chunked")
        << QByteArray(R"({"id":"x","choices":[{"index":0,)") << true << "not valid JSON";
    QTest::newRow("plain text") << QByteArray("Internal error, please retry") << false
                                << "not valid JSON";
    QTest::newRow("html page")
        << QByteArray("<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>")
        << false << "<!DOCTYPE html>";
    QTest::newRow("empty") << QByteArray() << false << "empty";
    QTest::newRow("top-level array") << QByteArray("[1,2,3]") << false << "not an object";
    QTest::newRow("missing choices")
        << QByteArray(R"({"id":"x","object":"chat.completion"})") << false << "choices";
    QTest::newRow("empty choices") << QByteArray(R"({"choices":[]})") << false << "empty";
    QTest::newRow("choices wrong type")
        << QByteArray(R"({"choices":"none"})") << false << "choices";
    QTest::newRow("choice not object")
        << QByteArray(R"({"choices":[42]})") << false << "choices[0]";
    QTest::newRow("message missing")
        << QByteArray(R"({"choices":[{"index":0}]})") << false << "message";
    QTest::newRow("content number")
        << QByteArray(R"({"choices":[{"message":{"content":12}}]})") << false << "a number";
    QTest::newRow("content null")
        << QByteArray(R"({"choices":[{"message":{"content":null,"tool_calls":[]}}]})") << false
        << "null";
    QTest::newRow("error object with 200")
        << QByteArray(R"({"error":{"message":"model overloaded"}})") << false << "model overloaded";
    QTest::newRow("usage wrong type")
        << QByteArray(R"({"choices":[{"message":{"content":5}}],"usage":"lots"})") << false
        << "content";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe garbage", 14) << false
                            << "not valid JSON";
}

void TestChatClient::badBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, chunked);
    QFETCH(QString, mention);
    m_server.setRule([body, chunked](const QJsonObject &, int) {
        return FakeReply::raw(200, body).withChunked(chunked);
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    QCOMPARE(c.responses.size(), 1);
    const ChatResponse &r = c.first();
    QVERIFY(!r.ok);
    QCOMPARE(r.errorKind, ChatErrorKind::BadResponse);
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.attempts, 1);
    QVERIFY2(r.error.contains(mention), qPrintable(r.error));
    QCOMPARE(r.rawBody, body);
    QVERIFY(r.content.isEmpty());
}

void TestChatClient::htmlErrorPageIsSummarised()
{
    m_server.setRule([](const QJsonObject &, int) { return FakeReply::htmlPage(502); });
    EndpointConfig e = endpointFor(m_server);
    e.maxRetries = 1;
    ChatClient client(e);
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    const ChatResponse &r = c.first();
    QCOMPARE(r.errorKind, ChatErrorKind::Http);
    QCOMPARE(r.httpStatus, 502);
    QCOMPARE(r.attempts, 2); // 5xx is retried
    QVERIFY2(r.error.contains(QStringLiteral("502 Bad Gateway")), qPrintable(r.error));
    QVERIFY(!r.error.contains(QLatin1Char('<')));
}

void TestChatClient::hugeBodyIsTooLarge_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("content-length") << false;
    QTest::newRow("chunked") << true;
}

void TestChatClient::hugeBodyIsTooLarge()
{
    QFETCH(bool, chunked);
    m_server.setRule([chunked](const QJsonObject &, int) {
        return FakeReply::huge(10 * 1024 * 1024).withChunked(chunked);
    });
    ChatClient client(endpointFor(m_server));
    client.setRetryPolicy(fastRetries());
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("big")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 20000);
    const ChatResponse &r = c.first();
    QCOMPARE(r.errorKind, ChatErrorKind::TooLarge);
    QCOMPARE(r.attempts, 1);
    QVERIFY(r.error.contains(QStringLiteral("8.0 MiB")));
    QVERIFY(r.rawBody.size() <= 1024 * 1024 + 200);
    QVERIFY(r.content.isEmpty());
}

void TestChatClient::rawBodyIsCapped()
{
    m_server.setRule([](const QJsonObject &, int) { return FakeReply::huge(2 * 1024 * 1024); });
    ChatClient client(endpointFor(m_server));
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 20000);
    const ChatResponse &r = c.first();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.content.size() > 2000000);
    QCOMPARE(r.rawBodyBytes, qint64(2 * 1024 * 1024));
    QVERIFY(r.rawBody.startsWith("{\"id\":\"chatcmpl-huge\""));
    QVERIFY(r.rawBody.contains("[cut by NeuroOnco Studio: first 1048576 of 2097152 bytes kept]"));
    QVERIFY(r.rawBody.size() < 1024 * 1024 + 200);
}

void TestChatClient::maxInFlightRespected_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("requests");
    QTest::newRow("1") << 1 << 4;
    QTest::newRow("3") << 3 << 15;
    QTest::newRow("10 (more than Qt's 6 per host)") << 10 << 30;
}

void TestChatClient::maxInFlightRespected()
{
    QFETCH(int, limit);
    QFETCH(int, requests);
    m_server.setRule([](const QJsonObject &, int) {
        return FakeReply::json(QStringLiteral("{}")).withDelay(150);
    });
    EndpointConfig e = endpointFor(m_server);
    e.maxInFlight = limit;
    ChatClient client(e);
    Collector c(client);
    int maxSeen = 0;
    connect(&client, &ChatClient::finished, &client,
            [&] { maxSeen = std::max(maxSeen, client.inFlight()); });
    for (int i = 0; i < requests; ++i)
        client.submit(makeRequest(QString::number(i)));
    QCOMPARE(client.queued(), requests);
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 20000);
    QCOMPARE(c.responses.size(), requests);
    QCOMPARE(m_server.maxConcurrentRequests(), limit); // reached, never exceeded
    QVERIFY(maxSeen < limit + 1);
    // Connections are Qt's business: each access manager of the client keeps up to 6 (idle
    // ones included), so only a bound by the number of managers holds.
    QVERIFY(m_server.maxConcurrentConnections() <= (limit + 5) / 6 * 6);
    QCOMPARE(client.inFlight(), 0);
    QCOMPARE(client.queued(), 0);
}

void TestChatClient::rateLimitRoughlyRespected()
{
    EndpointConfig e = endpointFor(m_server);
    e.requestsPerSecond = 20;
    e.maxInFlight = 8;
    ChatClient client(e);
    Collector c(client);
    const int n = 30;
    for (int i = 0; i < n; ++i)
        client.submit(makeRequest(QString::number(i)));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 20000);
    const QList<RecordedRequest> seen = m_server.requests();
    QCOMPARE(seen.size(), n);
    const qint64 span = seen.last().receivedMs - seen.first().receivedMs;
    // 29 gaps of 50 ms = 1.45 s; generous bounds, no timing assertion beyond them.
    QVERIFY2(span >= 1300 && span < 5000, qPrintable(QString::number(span)));
    for (int i = 0; i < n; ++i) {
        int inWindow = 0;
        for (int j = i; j < n && seen.at(j).receivedMs - seen.at(i).receivedMs < 500; ++j)
            ++inWindow;
        QVERIFY2(inWindow <= 13,
                 qPrintable(QString::number(inWindow))); // 10 per half second + slack
    }
}

void TestChatClient::cancelMidFlight()
{
    m_server.setRule([](const QJsonObject &, int index) {
        return FakeReply::json(QStringLiteral("{}")).withDelay(index < 4 ? 5000 : 0);
    });
    EndpointConfig e = endpointFor(m_server);
    e.maxInFlight = 4;
    ChatClient client(e);
    Collector c(client);
    for (int i = 0; i < 20; ++i)
        client.submit(makeRequest(QStringLiteral("c%1").arg(i)));
    QTRY_COMPARE(m_server.activeRequests(), 4);
    QCOMPARE(client.inFlight(), 4);
    QCOMPARE(client.queued(), 16);
    QElapsedTimer clock;
    clock.start();
    client.cancelAll();
    // Reported synchronously, once each, in submission order.
    QCOMPARE(c.responses.size(), 20);
    QCOMPARE(c.idles, 1);
    for (int i = 0; i < 20; ++i) {
        const ChatResponse &r = c.responses.at(i);
        QCOMPARE(r.id, QStringLiteral("c%1").arg(i));
        QCOMPARE(r.errorKind, ChatErrorKind::Canceled);
        QVERIFY(!r.ok);
        QCOMPARE(c.perId.value(r.id), 1);
        QCOMPARE(r.attempts, i < 4 ? 1 : 0);
    }
    QCOMPARE(client.inFlight(), 0);
    QCOMPARE(client.queued(), 0);
    QVERIFY(client.isIdle());
    QTest::qWait(300); // aborted replies must not report again
    QCOMPARE(c.responses.size(), 20);
    QCOMPARE(c.idles, 1);
    QVERIFY(clock.elapsed() < 2000);
    QTRY_COMPARE(m_server.activeRequests(), 0); // the server saw the connections go

    // The client is usable after a cancel.
    client.submit(makeRequest(QStringLiteral("after")));
    QTRY_COMPARE(c.idles, 2);
    QVERIFY(c.responses.last().ok);
    QCOMPARE(c.responses.last().id, QStringLiteral("after"));
}

void TestChatClient::cancelDuringBackoff()
{
    m_server.setRule([](const QJsonObject &, int) { return FakeReply::rateLimited("30"); });
    ChatClient client(endpointFor(m_server));
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("a")));
    client.submit(makeRequest(QStringLiteral("b")));
    QTRY_COMPARE(m_server.requestCount(), 2);
    QTRY_COMPARE(client.inFlight(), 0);
    QCOMPARE(client.queued(), 2); // both waiting for Retry-After
    client.cancelAll();
    QCOMPARE(c.responses.size(), 2);
    QCOMPARE(c.responses.at(0).errorKind, ChatErrorKind::Canceled);
    QCOMPARE(c.responses.at(0).attempts, 1);
    QCOMPARE(c.responses.at(0).httpStatus, 429);
    QCOMPARE(c.idles, 1);
    QTest::qWait(100);
    QCOMPARE(m_server.requestCount(), 2);
}

void TestChatClient::destroyWithRequestsInFlight()
{
    m_server.setRule([](const QJsonObject &, int) {
        return FakeReply::json(QStringLiteral("{}")).withDelay(2000);
    });
    int reported = 0;
    {
        ChatClient client(endpointFor(m_server));
        connect(&client, &ChatClient::finished, &client, [&reported] { ++reported; });
        for (int i = 0; i < 6; ++i)
            client.submit(makeRequest(QString::number(i)));
        QTRY_COMPARE(m_server.activeRequests(), 4);
    }
    QTest::qWait(100);
    QCOMPARE(reported, 0);
    QTRY_COMPARE(m_server.activeRequests(), 0);
}

void TestChatClient::invalidEndpointUrl()
{
    EndpointConfig e = endpointFor(m_server);
    e.baseUrl = QStringLiteral("not a url");
    ChatClient client(e);
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    client.submit(makeRequest(QStringLiteral("y")));
    QTRY_COMPARE(c.idles, 1);
    QCOMPARE(c.responses.size(), 2);
    QCOMPARE(c.first().errorKind, ChatErrorKind::Network);
    QVERIFY(c.first().error.contains(QStringLiteral("base URL")));
    QCOMPARE(m_server.requestCount(), 0);
}

void TestChatClient::thousandRequestsWithFaults()
{
    const FaultPlan plan(0.20, 20240611, 600);
    QHash<QString, int> faultsByKind;
    for (int i = 0; i < 1000; ++i)
        if (const auto f = plan.faultAt(i))
            ++faultsByKind[FaultPlan::name(*f)];
    QVERIFY(faultsByKind.size() >= 9); // a real mix
    m_server.setRecording(false);
    m_server.setRule([plan](const QJsonObject &request, int index) {
        if (std::optional<FakeReply> fault = plan.replyAt(index))
            return *fault;
        return FakeReply::json(
            FakeReader::render(FakeReader::readingFor(RecordedRequest::imageBytesOf(request)),
                               FakeReader::Style(index % 3)));
    });
    EndpointConfig e = endpointFor(m_server);
    e.maxInFlight = 16;
    e.maxRetries = 3;
    e.timeoutSeconds = 0.3;
    ChatClient client(e);
    client.setRetryPolicy(fastRetries());
    client.setJitterSeed(7);
    Collector c(client);
    const int n = 1000;
    for (int i = 0; i < n; ++i)
        client.submit(makeRequest(QStringLiteral("s%1").arg(i), QByteArray::number(i * 7919)));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 60000);
    m_server.setRecording(true);

    QCOMPARE(c.responses.size(), n);
    QCOMPARE(c.perId.size(), n);
    for (auto it = c.perId.cbegin(); it != c.perId.cend(); ++it)
        QCOMPARE(it.value(), 1);
    int ok = 0;
    QHash<ChatErrorKind, int> kinds;
    for (const ChatResponse &r : c.responses) {
        if (r.ok) {
            ++ok;
            QCOMPARE(r.errorKind, ChatErrorKind::None);
            const std::optional<QJsonObject> reading = JsonExtraction::extractObject(r.content);
            QVERIFY2(reading, qPrintable(r.content));
            QVERIFY(reading->contains(QStringLiteral("structured_signs")));
        } else {
            QVERIFY(r.errorKind != ChatErrorKind::None && r.errorKind != ChatErrorKind::Canceled);
            QVERIFY(!r.error.isEmpty());
            QVERIFY(r.attempts >= 1);
            ++kinds[r.errorKind];
        }
    }
    // Bodies that parse badly are not retried (~6 % of first attempts); transient faults
    // almost always clear within three retries.
    QVERIFY2(ok >= 850, qPrintable(QString::number(ok)));
    QVERIFY(kinds.value(ChatErrorKind::BadResponse) > 0);
    QVERIFY(kinds.value(ChatErrorKind::BadResponse) + kinds.value(ChatErrorKind::Timeout) +
                kinds.value(ChatErrorKind::Network) + kinds.value(ChatErrorKind::Http) ==
            n - ok);
    QVERIFY(m_server.requestCount() > n);
    QVERIFY(client.isIdle());
    QCOMPARE(client.inFlight(), 0);
    QCOMPARE(client.queued(), 0);
    QTest::qWait(50);
    QCOMPARE(c.responses.size(), n);
    qInfo("1000 requests: %d ok, %d bad-response, %d timeout, %d network, %d http; %d server hits",
          ok, kinds.value(ChatErrorKind::BadResponse), kinds.value(ChatErrorKind::Timeout),
          kinds.value(ChatErrorKind::Network), kinds.value(ChatErrorKind::Http),
          m_server.requestCount());
}

void TestChatClient::clientInAnotherThread()
{
    m_server.setRule([](const QJsonObject &request, int) {
        return FakeReply::json(RecordedRequest::imageHashOf(request)).withDelay(5);
    });
    const EndpointConfig e = endpointFor(m_server);
    std::atomic_int threadOk{0};
    QThread *worker = QThread::create([e, &threadOk] {
        // The client belongs to this thread and runs on its event loop.
        ChatClient client(e);
        QEventLoop loop;
        QObject::connect(&client, &ChatClient::idle, &loop, &QEventLoop::quit);
        QObject::connect(&client, &ChatClient::finished, &client,
                         [&threadOk](const ChatResponse &r) {
                             if (r.ok && r.content.size() == 40)
                                 ++threadOk;
                         });
        for (int i = 0; i < 50; ++i)
            client.submit(makeRequest(QStringLiteral("w%1").arg(i), QByteArray::number(i)));
        loop.exec();
    });
    worker->start();
    ChatClient client(e);
    Collector c(client);
    for (int i = 0; i < 50; ++i)
        client.submit(makeRequest(QStringLiteral("m%1").arg(i), QByteArray::number(i)));
    QTRY_COMPARE_WITH_TIMEOUT(c.idles, 1, 20000);
    QVERIFY(worker->wait(20000));
    delete worker;
    QCOMPARE(threadOk.load(), 50);
    QCOMPARE(c.responses.size(), 50);
    for (const ChatResponse &r : c.responses)
        QVERIFY(r.ok);
    QCOMPARE(m_server.requestCount(), 100);
}

void TestChatClient::retryAfterParsing()
{
    const QDateTime now(QDate(2024, 3, 1), QTime(12, 0, 0), QTimeZone::utc());
    QCOMPARE(RetryPolicy::parseRetryAfterMs("3", now), std::optional<qint64>(3000));
    QCOMPARE(RetryPolicy::parseRetryAfterMs(" 0 ", now), std::optional<qint64>(0));
    QCOMPARE(RetryPolicy::parseRetryAfterMs("1.5", now), std::optional<qint64>(1500));
    QCOMPARE(RetryPolicy::parseRetryAfterMs("Fri, 01 Mar 2024 12:00:07 GMT", now),
             std::optional<qint64>(7000));
    QCOMPARE(RetryPolicy::parseRetryAfterMs("Friday, 01-Mar-24 12:00:09 GMT", now),
             std::optional<qint64>(9000));
    QCOMPARE(RetryPolicy::parseRetryAfterMs("Fri Mar  1 12:00:05 2024", now),
             std::optional<qint64>(5000));
    QCOMPARE(RetryPolicy::parseRetryAfterMs("Fri, 01 Mar 2024 11:00:00 GMT", now),
             std::optional<qint64>(0));
    QVERIFY(!RetryPolicy::parseRetryAfterMs("soon", now));
    QVERIFY(!RetryPolicy::parseRetryAfterMs("-4", now));
    QVERIFY(!RetryPolicy::parseRetryAfterMs("", now));
    QCOMPARE(RetryPolicy::parseRetryAfterMsHeader("250"), std::optional<qint64>(250));
    RetryPolicy p;
    QCOMPARE(p.serverDelayMs(2000, 0.0), qint64(2000));
    QCOMPARE(p.serverDelayMs(2000, 1.0), qint64(2200));
    QCOMPARE(p.serverDelayMs(3600 * 1000, 0.0), qint64(p.maxRetryAfterMs));
}

void TestChatClient::backoffGrowsAndIsCapped()
{
    RetryPolicy p;
    p.baseDelayMs = 500;
    p.maxDelayMs = 30000;
    QCOMPARE(p.backoffMs(1, 0.0), qint64(250));
    QCOMPARE(p.backoffMs(1, 1.0), qint64(500));
    QCOMPARE(p.backoffMs(2, 0.0), qint64(500));
    QCOMPARE(p.backoffMs(4, 1.0), qint64(4000));
    QCOMPARE(p.backoffMs(20, 1.0), qint64(30000));
    QCOMPARE(p.backoffMs(20, 0.0), qint64(15000));
    for (int retry = 1; retry < 8; ++retry)
        QVERIFY(p.backoffMs(retry + 1, 0.5) >= p.backoffMs(retry, 0.5));
}

void TestChatClient::rateLimiterArithmetic()
{
    const qint64 ms = 1000000;
    RateLimiter unlimited;
    for (int i = 0; i < 1000; ++i)
        QVERIFY(unlimited.tryAcquire(0));
    RateLimiter limiter(10); // 10 per second, burst 1
    QVERIFY(limiter.tryAcquire(0));
    QVERIFY(!limiter.tryAcquire(0));
    QCOMPARE(limiter.waitNs(0), 100 * ms);
    QVERIFY(!limiter.tryAcquire(99 * ms));
    QVERIFY(limiter.tryAcquire(100 * ms));
    // After a long idle period only `burst` tokens are available.
    QVERIFY(limiter.tryAcquire(10000 * ms));
    QVERIFY(!limiter.tryAcquire(10000 * ms));
    RateLimiter bursty(10, 3);
    int granted = 0;
    while (bursty.tryAcquire(0))
        ++granted;
    QCOMPARE(granted, 3);
}

void TestChatClient::completionParsing()
{
    const ChatCompletion parts = ChatProtocol::parseCompletion(
        R"({"choices":[{"message":{"content":[{"type":"text","text":"{\"a\":"},{"type":"text","text":"1}"}]}}]})");
    QVERIFY(parts.ok);
    QCOMPARE(parts.content, QStringLiteral("{\"a\":1}"));
    QCOMPARE(parts.promptTokens, -1);
    const ChatCompletion refusal = ChatProtocol::parseCompletion(
        R"({"choices":[{"message":{"content":null,"refusal":"I can't"}}]})");
    QVERIFY(!refusal.ok);
    QVERIFY(refusal.error.contains(QStringLiteral("refused")));
    QVERIFY(!ChatProtocol::completionsUrl(QStringLiteral("ftp://h/v1")).isValid());
    QCOMPARE(ChatProtocol::completionsUrl(QStringLiteral("http://h:1/v1/")).toString(),
             QStringLiteral("http://h:1/v1/chat/completions"));
    QCOMPARE(
        ChatProtocol::completionsUrl(QStringLiteral("https://h/v1/chat/completions")).toString(),
        QStringLiteral("https://h/v1/chat/completions"));
    QVERIFY(ChatProtocol::isResponseFormatRejection(
        400, R"({"error":{"message":"json_object is not supported"}})"));
    QVERIFY(!ChatProtocol::isResponseFormatRejection(400, R"({"error":{"message":"bad image"}})"));
    QVERIFY(!ChatProtocol::isResponseFormatRejection(500,
                                                     R"({"error":{"message":"response_format"}})"));
    QCOMPARE(ChatProtocol::errorSummary(R"({"detail":"Not Found"})"), QStringLiteral("Not Found"));
}

void TestChatClient::requestBodyWithTrickyText()
{
    // The image is spliced into the serialised body; text that imitates the splice point
    // must neither move it nor break the JSON.
    EndpointConfig e;
    e.model = QStringLiteral("m \"quoted\"");
    ChatRequest r;
    r.systemPrompt = QStringLiteral("\"url\":\"neuroonco-image-data-url\"");
    r.userText = QStringLiteral(
        "{\"url\":\"neuroonco-image-data-url\"} neuroonco-image-data-url \\ \u00e9\u4e2d");
    r.image = QByteArray(3000, '\xff');
    r.imageMime = QStringLiteral("image/jpeg");
    const QByteArray body = ChatProtocol::requestBody(e, r, ResponseFormat::Any);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject json = doc.object();
    QCOMPARE(json.value(QStringLiteral("model")).toString(), e.model);
    QCOMPARE(RecordedRequest::systemPromptOf(json), r.systemPrompt);
    QCOMPARE(RecordedRequest::userTextOf(json), r.userText);
    QCOMPARE(RecordedRequest::imageBytesOf(json), r.image);
    QCOMPARE(RecordedRequest::imageMimeOf(json), QStringLiteral("image/jpeg"));
}

void TestChatClient::extraction_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("expected"); // compact JSON, empty: no object
    const QString obj = QStringLiteral("{\"a\":1,\"b\":{\"c\":[1,2]}}");
    QTest::newRow("plain") << obj << obj;
    QTest::newRow("plain with spaces")
        << QStringLiteral("  \n") + obj + QStringLiteral("\n") << obj;
    QTest::newRow("fenced json") << QStringLiteral("```json\n") + obj + QStringLiteral("\n```")
                                 << obj;
    QTest::newRow("fenced bare") << QStringLiteral("```\n") + obj + QStringLiteral("\n```") << obj;
    QTest::newRow("fenced, prose around")
        << QStringLiteral("Here you go:\n```JSON\n") + obj + QStringLiteral("\n```\nAnything else?")
        << obj;
    QTest::newRow("chatty") << QStringLiteral("Sure! Here is the result: ") + obj +
                                   QStringLiteral(" Hope this helps")
                            << obj;
    QTest::newRow("chatty with apostrophes")
        << QStringLiteral("Here's what I'd say: ") + obj + QStringLiteral(" That's it.") << obj;
    QTest::newRow("braces in prose first")
        << QStringLiteral("Format {as requested}: ") + obj << obj;
    QTest::newRow("prose example, fenced answer")
        << QStringLiteral("The schema is {\"x\": 0}.\n```json\n") + obj + QStringLiteral("\n```")
        << obj;
    QTest::newRow("braces inside strings")
        << QStringLiteral("ok {\"t\":\"a } b { c\",\"u\":\"\\\"}\"}")
        << QStringLiteral("{\"t\":\"a } b { c\",\"u\":\"\\\"}\"}");
    QTest::newRow("nested, first top-level wins")
        << QStringLiteral("{\"outer\":{\"inner\":{\"x\":1}}} {\"second\":2}")
        << QStringLiteral("{\"outer\":{\"inner\":{\"x\":1}}}");
    QTest::newRow("trailing commas")
        << QStringLiteral("{\"a\":1,\"b\":[1,2,],}") << QStringLiteral("{\"a\":1,\"b\":[1,2]}");
    QTest::newRow("single quotes")
        << QStringLiteral("{'shape': 'Round', 'note': 'say \"hi\"', 'it': 'it\\'s'}")
        << QStringLiteral("{\"it\":\"it's\",\"note\":\"say \\\"hi\\\"\",\"shape\":\"Round\"}");
    QTest::newRow("python literals")
        << QStringLiteral("{'lesion_found': True, 'edema': None, 'x': False}")
        << QStringLiteral("{\"edema\":null,\"lesion_found\":true,\"x\":false}");
    QTest::newRow("literal words in strings untouched")
        << QStringLiteral("{\"a\": \"True None\",}") << QStringLiteral("{\"a\":\"True None\"}");
    QTest::newRow("unquoted keys") << QStringLiteral("{shape: \"Oval\", margins: null}")
                                   << QStringLiteral("{\"margins\":null,\"shape\":\"Oval\"}");
    QTest::newRow("double encoded")
        << QStringLiteral("\"{\\\"a\\\": 1}\"") << QStringLiteral("{\"a\":1}");
    QTest::newRow("truncated")
        << QStringLiteral(
               "{\"meta_info\": {\"lesion_found\": true}, \"structured_signs\": {\"shape\": \"Ro")
        << QString();
    QTest::newRow("truncated fence")
        << QStringLiteral("```json\n{\"a\": {\"b\": 1}, \"c\": ") << QString();
    QTest::newRow("no object") << QStringLiteral("I cannot assess this image.") << QString();
    QTest::newRow("array only") << QStringLiteral("[1, 2, 3]") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("garbage braces") << QStringLiteral("{{{ }}} {not json}") << QString();
    QTest::newRow("broken then good")
        << QStringLiteral("{oops: [} and then {\"b\": 2}") << QStringLiteral("{\"b\":2}");
}

void TestChatClient::extraction()
{
    QFETCH(QString, content);
    QFETCH(QString, expected);
    const std::optional<QJsonObject> o = JsonExtraction::extractObject(content);
    if (expected.isEmpty()) {
        QVERIFY2(!o, o ? QJsonDocument(*o).toJson(QJsonDocument::Compact).constData() : "");
        return;
    }
    QVERIFY(o);
    QCOMPARE(QString::fromUtf8(QJsonDocument(*o).toJson(QJsonDocument::Compact)), expected);
}

void TestChatClient::fakeReaderStylesAreExtractable()
{
    for (int i = 0; i < 50; ++i) {
        const QJsonObject reading = FakeReader::readingFor(QByteArray::number(i));
        for (FakeReader::Style s :
             {FakeReader::Style::Json, FakeReader::Style::Fenced, FakeReader::Style::Chatty}) {
            const std::optional<QJsonObject> back =
                JsonExtraction::extractObject(FakeReader::render(reading, s));
            QVERIFY(back);
            QCOMPARE(*back, reading);
        }
    }
    QCOMPARE(FakeReader::readingFor("same"), FakeReader::readingFor("same"));
}

void TestChatClient::endpointStoreRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("endpoints.json"));
    Result<EndpointStore> missing = EndpointStore::load(file);
    QVERIFY(missing);
    QVERIFY(missing->endpoints().isEmpty());

    EndpointStore store;
    EndpointConfig a;
    a.name = QStringLiteral("run-a");
    a.baseUrl = QStringLiteral("http://127.0.0.1:8080/v1");
    a.model = QStringLiteral("qwen2-vl-7b");
    a.apiKeyEnv = QStringLiteral("LOCAL_LLM_KEY");
    a.prompt = QStringLiteral("run-a");
    a.maxInFlight = 16;
    a.requestsPerSecond = 2.5;
    a.timeoutSeconds = 45;
    a.temperature = 0.2;
    a.maxRetries = 3;
    a.maxTokens = 800;
    a.jsonMode = false;
    EndpointConfig b;
    b.name = QStringLiteral("run-b");
    b.baseUrl = QStringLiteral("https://api.example.org/v1?api-version=2024-06-01");
    b.model = QStringLiteral("gpt-4o");
    b.prompt = QStringLiteral("run-b");
    store.upsert(a);
    store.upsert(b);
    QVERIFY(!store.save(file));

    Result<EndpointStore> loaded = EndpointStore::load(file);
    QVERIFY2(loaded, qPrintable(errorMessage(loaded.error())));
    QCOMPARE(loaded->endpoints().size(), 2);
    const EndpointConfig a2 = *loaded->find(QStringLiteral("run-a"));
    QCOMPARE(a2.toJson(), a.toJson());
    QCOMPARE(a2.maxInFlight, 16);
    QCOMPARE(a2.requestsPerSecond, 2.5);
    QCOMPARE(a2.jsonMode, false);
    QCOMPARE(loaded->find(QStringLiteral("run-b"))->toJson(), b.toJson());
    QVERIFY(!loaded->find(QStringLiteral("nope")));

    // Defaults for omitted fields.
    Result<EndpointStore> minimal = EndpointStore::fromJson(
        R"({"endpoints":[{"name":"m","base_url":"http://h/v1","model":"x"}]})");
    QVERIFY(minimal);
    const EndpointConfig m = minimal->endpoints().first();
    QCOMPARE(m.maxInFlight, 4);
    QCOMPARE(m.requestsPerSecond, 0.0);
    QCOMPARE(m.timeoutSeconds, 120.0);
    QCOMPARE(m.maxRetries, 5);
    QCOMPARE(m.maxTokens, 1024);
    QVERIFY(m.jsonMode);

    QVERIFY(loaded->remove(QStringLiteral("run-a")));
    QVERIFY(!loaded->remove(QStringLiteral("run-a")));
    b.model = QStringLiteral("gpt-4o-mini");
    loaded->upsert(b);
    QCOMPARE(loaded->endpoints().size(), 1);
    QCOMPARE(loaded->endpoints().first().model, QStringLiteral("gpt-4o-mini"));
}

void TestChatClient::endpointErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("subject");
    const QByteArray ok = R"({"name":"ok","base_url":"http://h/v1","model":"m"})";
    auto two = [&ok](const QByteArray &second) {
        return "{\"endpoints\":[" + ok + "," + second + "]}";
    };
    QTest::newRow("ftp url") << two(R"({"name":"b","base_url":"ftp://h/v1","model":"m"})")
                             << "endpoints.json: endpoints[1].base_url";
    QTest::newRow("no host") << two(R"({"name":"b","base_url":"http:///v1","model":"m"})")
                             << "endpoints.json: endpoints[1].base_url";
    QTest::newRow("credentials in url")
        << two(R"({"name":"b","base_url":"http://u:p@h/v1","model":"m"})")
        << "endpoints.json: endpoints[1].base_url";
    QTest::newRow("key in query")
        << two(R"({"name":"b","base_url":"http://h/v1?api_key=abc","model":"m"})")
        << "endpoints.json: endpoints[1].base_url";
    QTest::newRow("missing model")
        << two(R"({"name":"b","base_url":"http://h/v1"})") << "endpoints.json: endpoints[1].model";
    QTest::newRow("name wrong type") << two(R"({"name":3,"base_url":"http://h/v1","model":"m"})")
                                     << "endpoints.json: endpoints[1].name";
    QTest::newRow("duplicate name") << two(R"({"name":"ok","base_url":"http://h/v1","model":"m"})")
                                    << "endpoints.json: endpoints[1].name";
    QTest::newRow("max_in_flight 0")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","max_in_flight":0})")
        << "endpoints.json: endpoints[1].max_in_flight";
    QTest::newRow("max_in_flight fraction")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","max_in_flight":2.5})")
        << "endpoints.json: endpoints[1].max_in_flight";
    QTest::newRow("negative rps")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","rps":-1})")
        << "endpoints.json: endpoints[1].rps";
    QTest::newRow("timeout string")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","timeout_s":"60"})")
        << "endpoints.json: endpoints[1].timeout_s";
    QTest::newRow("timeout zero")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","timeout_s":0})")
        << "endpoints.json: endpoints[1].timeout_s";
    QTest::newRow("temperature")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","temperature":7})")
        << "endpoints.json: endpoints[1].temperature";
    QTest::newRow("max_retries")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","max_retries":-2})")
        << "endpoints.json: endpoints[1].max_retries";
    QTest::newRow("json_mode")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","json_mode":"yes"})")
        << "endpoints.json: endpoints[1].json_mode";
    QTest::newRow("api_key stored")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","api_key":"sk-abc"})")
        << "endpoints.json: endpoints[1].api_key";
    QTest::newRow("unknown field")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","max_inflight":3})")
        << "endpoints.json: endpoints[1].max_inflight";
    QTest::newRow("key as env name")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","api_key_env":"sk-proj-Abc123def456ghi789"})")
        << "endpoints.json: endpoints[1].api_key_env";
    QTest::newRow("key-like env name")
        << two(R"({"name":"b","base_url":"http://h/v1","model":"m","api_key_env":"abcDEF123456ghiJKL789mno"})")
        << "endpoints.json: endpoints[1].api_key_env";
    QTest::newRow("entry not object")
        << QByteArray(R"({"endpoints":[1]})") << "endpoints.json: endpoints[0]";
    QTest::newRow("endpoints not list")
        << QByteArray(R"({"endpoints":{}})") << "endpoints.json: endpoints";
    QTest::newRow("not json") << QByteArray("{endpoints") << "endpoints.json";
}

void TestChatClient::endpointErrorsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, subject);
    Result<EndpointStore> r = EndpointStore::fromJson(json);
    QVERIFY(!r);
    QCOMPARE(r.error().subject, subject);
    const QString message = errorMessage(r.error());
    QVERIFY(message.contains(subject));
    // Messages never repeat what may be a key.
    QVERIFY(!message.contains(QStringLiteral("Abc123def456")));
    QVERIFY(!message.contains(QStringLiteral("abcDEF123456")));
    QVERIFY(!message.contains(QStringLiteral("sk-abc")));
    QVERIFY(!message.contains(QStringLiteral("abc")) || !json.contains("api_key="));
}

void TestChatClient::savedFileNeverContainsTheKey()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("endpoints.json"));
    EndpointConfig e = endpointFor(m_server);
    e.apiKeyEnv = QString::fromLatin1(kKeyEnv);
    EndpointStore store;
    store.upsert(e);
    QVERIFY(!store.save(file));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    QVERIFY(saved.contains(kKeyEnv));
    QVERIFY(!saved.contains(kKey));
    QVERIFY(!store.toJson().contains(kKey));

    // Using the endpoint does not put the key anywhere either.
    ChatClient client(*store.find(e.name));
    Collector c(client);
    client.submit(makeRequest(QStringLiteral("x")));
    QTRY_COMPARE(c.idles, 1);
    QVERIFY(c.first().ok);
    QVERIFY(!QJsonDocument(client.endpoint().toJson()).toJson().contains(kKey));
    QVERIFY(!store.toJson().contains(kKey));
}

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
