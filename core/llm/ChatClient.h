// Asynchronous client for one OpenAI-compatible chat-completions endpoint: a queue with a cap on
// requests in flight, a requests-per-second limit, retries with backoff, a JSON-mode fallback,
// per-attempt timeouts and a response size limit. Lives in the thread that creates it and needs
// that thread's event loop; call it only from that thread. Results come back as signals
// carrying value types. Delete it with deleteLater() when inside a slot connected to it.
#pragma once

#include "core/llm/ChatRequest.h"
#include "core/llm/ChatResponse.h"
#include "core/llm/EndpointConfig.h"
#include "core/llm/RateLimiter.h"
#include "core/llm/RetryPolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace neuroonco {

class ChatClient : public QObject
{
    Q_OBJECT
public:
    explicit ChatClient(const EndpointConfig &endpoint, QObject *parent = nullptr);
    // Aborts what is still running without emitting signals.
    ~ChatClient() override;

    const EndpointConfig &endpoint() const { return m_endpoint; }

    // Queues a request; finished() follows exactly once for it (never from inside submit()).
    void submit(ChatRequest request);
    // Aborts every running attempt and drops the queue: each pending request is reported once
    // through finished() with errorKind Canceled, then idle() is emitted.
    void cancelAll();

    int inFlight() const { return m_inFlight; } // attempts on the wire now
    int queued() const;                         // waiting for a slot, the rate limit or a backoff
    int pending() const { return int(m_tasks.size()); } // every request without an outcome yet
    bool isIdle() const { return m_tasks.empty(); }

    // False once the server rejected response_format: later requests are sent without it.
    // Callers may persist this and restore it with setJsonModeRejected() for the next run.
    bool isJsonModeActive() const { return m_endpoint.jsonMode && !m_jsonModeRejected; }
    void setJsonModeRejected(bool rejected) { m_jsonModeRejected = rejected; }

    // Tuning (tests use short delays). Defaults: 500 ms base, 30 s cap, Retry-After ≤ 5 min.
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    // Bodies above this are aborted (too-large). Default 8 MiB.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    // Stored rawBody is cut here (a note is appended). Default 1 MiB.
    void setRawBodyCap(qint64 bytes) { m_rawBodyCap = bytes; }
    // Seeds the jitter generator (reproducible retry timing in tests).
    void setJitterSeed(quint32 seed) { m_rng.seed(seed); }

Q_SIGNALS:
    void finished(const neuroonco::ChatResponse &response);
    // Nothing queued, waiting or running any more (after the last finished()).
    void idle();

private:
    struct Task;
    enum class Abort
    {
        None,
        Timeout,
        TooLarge
    };

    void schedulePump();
    void pump();
    void startAttempt(Task &task);
    void onMetaData(quint64 serial);
    void onReadyRead(quint64 serial);
    void onTimeout(quint64 serial, int attempt);
    void onFinished(quint64 serial, QNetworkReply *reply);
    void retryLater(Task &task, qint64 delayMs);
    void complete(quint64 serial);
    void emitAll(std::vector<ChatResponse> responses);
    ChatResponse makeResponse(Task &task) const;
    int pickManager() const;
    qint64 nowMs() const { return m_clock.elapsed(); }
    double jitter();

    EndpointConfig m_endpoint;
    QUrl m_url;
    Error m_transportError; // plain http to another machine without the opt-in: nothing is sent
    RetryPolicy m_retryPolicy;
    RateLimiter m_limiter;
    qint64 m_maxResponseBytes = 8 * 1024 * 1024;
    qint64 m_rawBodyCap = 1024 * 1024;

    // Qt opens at most 6 HTTP/1.1 connections per host and access manager, so larger
    // in-flight limits are spread over several managers (each has its own connection pool).
    std::vector<QNetworkAccessManager *> m_managers;
    std::vector<int> m_managerLoad;

    std::map<quint64, std::unique_ptr<Task>> m_tasks; // every request without an outcome
    std::deque<quint64> m_ready;                      // may start now (retries first, then FIFO)
    std::multimap<qint64, quint64> m_delayed;         // due time (ms) → backoff before a retry
    quint64 m_nextSerial = 1;
    int m_inFlight = 0;
    qint64 m_pausedUntilMs = 0; // a 429 with Retry-After holds back every request until then
    bool m_jsonModeRejected = false;
    bool m_pumpScheduled = false;
    bool m_idleAnnounced = true; // idle() already said for the current (empty) state
    QTimer *m_wake = nullptr;
    QElapsedTimer m_clock;
    std::mt19937 m_rng;
};

} // namespace neuroonco
