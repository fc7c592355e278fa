// Chat client: scheduling (slots, rate limit, backoff), attempts and their classification.
// The API key is read from the environment for each attempt and lives only in the request
// headers of that attempt; replies that echo it are scrubbed before they reach the caller.
#include "core/llm/ChatClient.h"

#include "core/llm/ChatProtocol.h"
#include "core/llm/KeyScrubber.h"
#include "core/version/Version.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace neuroonco {

namespace {

// Qt's per-host connection count for HTTP/1.1 (fixed in Qt 6.4; configurable from 6.5 on).
constexpr int kConnectionsPerManager = 6;

bool isTransportError(QNetworkReply::NetworkError e)
{
    return (e >= QNetworkReply::ConnectionRefusedError && e < QNetworkReply::ContentAccessDenied) ||
           e == QNetworkReply::ProtocolFailure;
}

bool isRetryableTransportError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolFailure:
        return false;
    default:
        return true;
    }
}

bool isRetryableStatus(int status)
{
    // 501/505 say the server will never handle this request; everything else in 5xx is a
    // momentary failure of the server or a gateway in front of it.
    return status == 429 || status == 408 ||
           (status >= 500 && status <= 599 && status != 501 && status != 505);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

} // namespace

struct ChatClient::Task
{
    quint64 serial = 0;
    ChatRequest request;
    QByteArray payload; // request body, built once per JSON-mode variant
    bool payloadJsonMode = false;
    QNetworkReply *reply = nullptr;
    int manager = -1;
    int attempts = 0;
    int retries = 0;
    bool fallbackUsed = false;
    bool sentJsonMode = false;
    Abort abort = Abort::None;
    QByteArray body;      // body of the current/last attempt (≤ the size limit)
    qint64 bodyBytes = 0; // bytes received for it, even beyond the limit
    qint64 submittedMs = 0;
    qint64 firstStartMs = -1;
    qint64 attemptStartMs = 0;
    qint64 latencyMs = 0;
    int httpStatus = 0;
    ChatErrorKind kind = ChatErrorKind::None;
    QString error;
    ChatCompletion completion;
};

ChatClient::ChatClient(const EndpointConfig &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_url(ChatProtocol::completionsUrl(endpoint.baseUrl))
    , m_transportError(endpoint.checkTransport())
    , m_limiter(endpoint.requestsPerSecond)
    , m_wake(new QTimer(this))
    , m_rng(QRandomGenerator::global()->generate())
{
    qRegisterMetaType<neuroonco::ChatResponse>();
    m_endpoint.maxInFlight = std::max(1, m_endpoint.maxInFlight);
    m_endpoint.maxRetries = std::max(0, m_endpoint.maxRetries);
    const int managers =
        (m_endpoint.maxInFlight + kConnectionsPerManager - 1) / kConnectionsPerManager;
    for (int i = 0; i < managers; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        // A redirect could carry the Authorization header to another host; report it instead.
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_managers.push_back(manager);
        m_managerLoad.push_back(0);
    }
    m_wake->setSingleShot(true);
    m_wake->setTimerType(Qt::PreciseTimer); // rate-limit pacing needs millisecond wake-ups
    connect(m_wake, &QTimer::timeout, this, &ChatClient::pump);
    m_clock.start();
}

ChatClient::~ChatClient()
{
    for (auto &entry : m_tasks) {
        if (QNetworkReply *reply = entry.second->reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
        }
    }
}

int ChatClient::queued() const
{
    return int(m_ready.size() + m_delayed.size());
}

void ChatClient::submit(ChatRequest request)
{
    auto task = std::make_unique<Task>();
    task->serial = m_nextSerial++;
    task->request = std::move(request);
    task->submittedMs = nowMs();
    m_ready.push_back(task->serial);
    m_tasks.emplace(task->serial, std::move(task));
    m_idleAnnounced = false;
    schedulePump();
}

void ChatClient::cancelAll()
{
    std::vector<ChatResponse> out;
    out.reserve(m_tasks.size());
    for (auto &entry : m_tasks) { // ordered by serial: reported in submission order
        Task &t = *entry.second;
        if (t.reply) {
            disconnect(t.reply, nullptr, this, nullptr);
            t.reply->abort();
            t.reply->deleteLater();
            t.reply = nullptr;
        }
        ChatResponse r = makeResponse(t);
        r.ok = false;
        r.content.clear();
        r.errorKind = ChatErrorKind::Canceled;
        r.error = QStringLiteral("canceled before an answer arrived");
        out.push_back(std::move(r));
    }
    m_tasks.clear();
    m_ready.clear();
    m_delayed.clear();
    m_inFlight = 0;
    std::fill(m_managerLoad.begin(), m_managerLoad.end(), 0);
    m_wake->stop();
    // A pause the server asked for (Retry-After) stays in force for later submissions.
    emitAll(std::move(out));
}

void ChatClient::schedulePump()
{
    // Deferred so that finished() is never emitted from inside submit() and a burst of
    // submissions or completions costs one scheduling pass.
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &ChatClient::pump, Qt::QueuedConnection);
}

void ChatClient::pump()
{
    m_pumpScheduled = false;
    const qint64 now = nowMs();
    // Retries whose backoff is over go first: they are older than anything still queued.
    std::vector<quint64> due;
    while (!m_delayed.empty() && m_delayed.begin()->first <= now) {
        due.push_back(m_delayed.begin()->second);
        m_delayed.erase(m_delayed.begin());
    }
    m_ready.insert(m_ready.begin(), due.begin(), due.end());

    qint64 wakeIn = -1;
    auto wakeAfter = [&wakeIn](qint64 ms) { wakeIn = wakeIn < 0 ? ms : std::min(wakeIn, ms); };
    std::vector<quint64> unusable;
    while (!m_ready.empty() && m_inFlight < m_endpoint.maxInFlight) {
        if (now < m_pausedUntilMs) {
            wakeAfter(m_pausedUntilMs - now);
            break;
        }
        const qint64 nowNs = m_clock.nsecsElapsed();
        if (!m_limiter.tryAcquire(nowNs)) {
            wakeAfter(std::max<qint64>(1, (m_limiter.waitNs(nowNs) + 999999) / 1000000));
            break;
        }
        const quint64 serial = m_ready.front();
        m_ready.pop_front();
        auto it = m_tasks.find(serial);
        if (it == m_tasks.end())
            continue;
        if (!m_url.isValid()) {
            Task &t = *it->second;
            t.kind = ChatErrorKind::Network;
            t.error = QStringLiteral("the endpoint's base URL is not a valid http(s) URL");
            unusable.push_back(serial);
            continue;
        }
        if (m_transportError) {
            // Nothing is sent: no connection is opened, the key is not read.
            Task &t = *it->second;
            t.kind = ChatErrorKind::Network;
            t.error = m_transportError.detail;
            unusable.push_back(serial);
            continue;
        }
        startAttempt(*it->second);
    }
    if (!m_delayed.empty())
        wakeAfter(std::max<qint64>(0, m_delayed.begin()->first - now));
    if (wakeIn >= 0)
        m_wake->start(int(std::min<qint64>(wakeIn, 24 * 3600 * 1000)));
    else
        m_wake->stop();

    if (!unusable.empty()) {
        std::vector<ChatResponse> out;
        for (quint64 serial : unusable) {
            auto it = m_tasks.find(serial);
            out.push_back(makeResponse(*it->second));
            m_tasks.erase(it);
        }
        emitAll(std::move(out));
    }
}

int ChatClient::pickManager() const
{
    return int(std::min_element(m_managerLoad.begin(), m_managerLoad.end()) -
               m_managerLoad.begin());
}

void ChatClient::startAttempt(Task &t)
{
    const bool jsonMode = isJsonModeActive() && !t.fallbackUsed;
    if (t.payload.isEmpty() || t.payloadJsonMode != jsonMode) {
        t.payload = ChatProtocol::requestBody(
            m_endpoint, t.request, jsonMode ? ResponseFormat::JsonObject : ResponseFormat::Any);
        t.payloadJsonMode = jsonMode;
    }
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("NeuroOnco-Studio/") + version::string());
    if (!m_endpoint.apiKeyEnv.isEmpty()) {
        // Read now, not at construction: the key is never kept in this object.
        const QByteArray key =
            qEnvironmentVariable(m_endpoint.apiKeyEnv.toLocal8Bit().constData()).toUtf8();
        if (!key.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Authorization"),
                                 QByteArrayLiteral("Bearer ") + key);
    }

    t.manager = pickManager();
    ++m_managerLoad[size_t(t.manager)];
    ++m_inFlight;
    ++t.attempts;
    t.sentJsonMode = jsonMode;
    t.abort = Abort::None;
    t.body.clear();
    t.bodyBytes = 0;
    t.httpStatus = 0;
    t.kind = ChatErrorKind::None;
    t.error.clear();
    t.completion = ChatCompletion();
    t.attemptStartMs = nowMs();
    if (t.firstStartMs < 0)
        t.firstStartMs = t.attemptStartMs;

    QNetworkReply *reply = m_managers[size_t(t.manager)]->post(request, t.payload);
    t.reply = reply;
    const quint64 serial = t.serial;
    const int attempt = t.attempts;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, serial] { onMetaData(serial); });
    connect(reply, &QNetworkReply::readyRead, this, [this, serial] { onReadyRead(serial); });
    connect(reply, &QNetworkReply::finished, this,
            [this, serial, reply] { onFinished(serial, reply); });
    // The reply is the timer's context: once it is deleted, the timeout cannot fire.
    const int timeoutMs =
        int(std::clamp(std::llround(m_endpoint.timeoutSeconds * 1000.0), 1LL, 86400000LL));
    QTimer::singleShot(timeoutMs, reply, [this, serial, attempt] { onTimeout(serial, attempt); });
}

void ChatClient::onMetaData(quint64 serial)
{
    auto it = m_tasks.find(serial);
    if (it == m_tasks.end() || !it->second->reply)
        return;
    Task &t = *it->second;
    bool known = false;
    const qint64 length = t.reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (known && length > m_maxResponseBytes) {
        t.bodyBytes = length;
        t.abort = Abort::TooLarge;
        t.reply->abort(); // finishes synchronously: `t` may be gone after this line
    }
}

void ChatClient::onReadyRead(quint64 serial)
{
    auto it = m_tasks.find(serial);
    if (it == m_tasks.end() || !it->second->reply)
        return;
    Task &t = *it->second;
    const QByteArray chunk = t.reply->readAll();
    t.bodyBytes += chunk.size();
    if (t.body.size() + chunk.size() > m_maxResponseBytes) {
        t.body.append(chunk.constData(), qsizetype(m_maxResponseBytes - t.body.size()));
        t.abort = Abort::TooLarge;
        t.reply->abort(); // finishes synchronously: `t` may be gone after this line
        return;
    }
    t.body.append(chunk);
}

void ChatClient::onTimeout(quint64 serial, int attempt)
{
    auto it = m_tasks.find(serial);
    if (it == m_tasks.end() || !it->second->reply || it->second->attempts != attempt)
        return;
    it->second->abort = Abort::Timeout;
    it->second->reply->abort();
}

void ChatClient::onFinished(quint64 serial, QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_tasks.find(serial);
    if (it == m_tasks.end() || it->second->reply != reply)
        return;
    Task &t = *it->second;
    t.reply = nullptr;
    --m_inFlight;
    --m_managerLoad[size_t(t.manager)];
    t.latencyMs = nowMs() - t.attemptStartMs;
    schedulePump(); // a slot is free

    if (t.abort == Abort::None) {
        const QByteArray rest = reply->readAll();
        t.bodyBytes += rest.size();
        t.body.append(rest);
        if (t.body.size() > m_maxResponseBytes) {
            t.body.truncate(qsizetype(m_maxResponseBytes));
            t.abort = Abort::TooLarge;
        }
    }
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QNetworkReply::NetworkError netError = reply->error();
    t.httpStatus = status;

    bool retryable = false;
    bool fallback = false;
    std::optional<qint64> serverDelay;
    if (t.abort == Abort::Timeout) {
        t.kind = ChatErrorKind::Timeout;
        t.error = QStringLiteral("no complete response within %1 s").arg(m_endpoint.timeoutSeconds);
        retryable = true;
    } else if (t.abort == Abort::TooLarge) {
        t.kind = ChatErrorKind::TooLarge;
        t.error = QStringLiteral(
                      "response body is larger than %1 (%2 bytes announced or received); aborted")
                      .arg(megabytes(m_maxResponseBytes))
                      .arg(t.bodyBytes);
    } else if (netError != QNetworkReply::NoError && isTransportError(netError)) {
        // Includes a connection that broke after the headers: the body is incomplete.
        if (netError == QNetworkReply::ProtocolFailure) {
            t.kind = ChatErrorKind::BadResponse;
            t.error = QStringLiteral("the server's answer is not valid HTTP: %1")
                          .arg(reply->errorString());
        } else {
            t.kind = netError == QNetworkReply::TimeoutError ? ChatErrorKind::Timeout
                                                             : ChatErrorKind::Network;
            t.error = reply->errorString();
        }
        retryable = isRetryableTransportError(netError);
    } else if (status >= 200 && status < 300) {
        t.completion = ChatProtocol::parseCompletion(t.body);
        if (!t.completion.ok) {
            t.kind = ChatErrorKind::BadResponse;
            t.error = t.completion.error;
        }
    } else if (status != 0) {
        t.kind = ChatErrorKind::Http;
        t.error = QStringLiteral("HTTP %1: %2").arg(status).arg(ChatProtocol::errorSummary(t.body));
        if (status >= 300 && status < 400) {
            t.error = QStringLiteral("HTTP %1: redirect to \"%2\" not followed; check base_url")
                          .arg(status)
                          .arg(reply->header(QNetworkRequest::LocationHeader)
                                   .toUrl()
                                   .toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        }
        if (t.sentJsonMode && !t.fallbackUsed &&
            ChatProtocol::isResponseFormatRejection(status, t.body)) {
            fallback = true;
        } else if (isRetryableStatus(status)) {
            retryable = true;
            if (reply->hasRawHeader(QByteArrayLiteral("retry-after-ms")))
                serverDelay = RetryPolicy::parseRetryAfterMsHeader(
                    reply->rawHeader(QByteArrayLiteral("retry-after-ms")));
            if (!serverDelay && reply->hasRawHeader(QByteArrayLiteral("Retry-After")))
                serverDelay = RetryPolicy::parseRetryAfterMs(
                    reply->rawHeader(QByteArrayLiteral("Retry-After")),
                    QDateTime::currentDateTimeUtc());
        }
    } else {
        t.kind = netError == QNetworkReply::NoError ? ChatErrorKind::BadResponse
                                                    : ChatErrorKind::Network;
        t.error = netError == QNetworkReply::NoError
                      ? QStringLiteral("no HTTP status in the answer")
                      : reply->errorString();
    }

    if (fallback) {
        // The server does not know response_format: ask again without it, once for this
        // request, and leave it out of every later request to this endpoint.
        m_jsonModeRejected = true;
        t.fallbackUsed = true;
        m_ready.push_front(serial);
        return;
    }
    if (retryable && t.retries < m_endpoint.maxRetries) {
        ++t.retries;
        qint64 delay = m_retryPolicy.backoffMs(t.retries, jitter());
        if (serverDelay) {
            delay = m_retryPolicy.serverDelayMs(*serverDelay, jitter());
            // The server speaks for the endpoint, not for this one request: hold everything.
            m_pausedUntilMs = std::max(m_pausedUntilMs, nowMs() + delay);
        }
        retryLater(t, delay);
        return;
    }
    if (t.kind != ChatErrorKind::None && t.attempts > 1)
        t.error += QStringLiteral(" (after %1 attempts)").arg(t.attempts);
    complete(serial);
}

void ChatClient::retryLater(Task &task, qint64 delayMs)
{
    if (delayMs <= 0)
        m_ready.push_front(task.serial);
    else
        m_delayed.emplace(nowMs() + delayMs, task.serial);
    schedulePump();
}

double ChatClient::jitter()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
}

ChatResponse ChatClient::makeResponse(Task &t) const
{
    ChatResponse r;
    const qint64 now = nowMs();
    r.id = t.request.id;
    r.attempts = t.attempts;
    r.httpStatus = t.httpStatus;
    r.latencyMs = t.latencyMs;
    r.totalMs = t.firstStartMs >= 0 ? now - t.firstStartMs : 0;
    r.queuedMs = (t.firstStartMs >= 0 ? t.firstStartMs : now) - t.submittedMs;
    r.jsonMode = t.sentJsonMode;
    r.rawBodyBytes = t.bodyBytes;
    if (t.body.size() > m_rawBodyCap) {
        r.rawBody = t.body.left(qsizetype(m_rawBodyCap));
        r.rawBody += QStringLiteral("\n[cut by NeuroOnco Studio: first %1 of %2 bytes kept]")
                         .arg(m_rawBodyCap)
                         .arg(t.bodyBytes)
                         .toUtf8();
    } else {
        r.rawBody = t.body;
    }
    r.errorKind = t.kind;
    r.error = t.error;
    r.ok = t.kind == ChatErrorKind::None && t.completion.ok;
    if (r.ok) {
        r.content = t.completion.content;
        r.model = t.completion.model;
        r.finishReason = t.completion.finishReason;
        r.promptTokens = t.completion.promptTokens;
        r.completionTokens = t.completion.completionTokens;
    }
    if (!m_endpoint.apiKeyEnv.isEmpty()) {
        // A server or proxy may echo the Authorization header ("invalid key sk-…"), escaped,
        // encoded or cut short.
        const KeyScrubber scrubber(qEnvironmentVariable(m_endpoint.apiKeyEnv.toLocal8Bit().constData()));
        scrubber.scrub(r.content);
        scrubber.scrub(r.error);
        scrubber.scrub(r.model);
        scrubber.scrub(r.finishReason);
        scrubber.scrub(r.rawBody);
    }
    return r;
}

void ChatClient::complete(quint64 serial)
{
    auto it = m_tasks.find(serial);
    if (it == m_tasks.end())
        return;
    std::vector<ChatResponse> out;
    out.push_back(makeResponse(*it->second));
    m_tasks.erase(it);
    emitAll(std::move(out));
}

void ChatClient::emitAll(std::vector<ChatResponse> responses)
{
    // A receiver may submit, cancel or even delete this client from its slot.
    QPointer<ChatClient> self(this);
    for (const ChatResponse &r : responses) {
        Q_EMIT finished(r);
        if (!self)
            return;
    }
    if (m_tasks.empty() && !m_idleAnnounced && !responses.empty()) {
        m_idleAnnounced = true;
        Q_EMIT idle();
    }
}

} // namespace neuroonco
