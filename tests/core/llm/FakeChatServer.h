// A local OpenAI-compatible chat-completions server for tests and benchmarks. It runs in its
// own thread, so it keeps answering while the test's thread blocks in QTRY loops and while
// clients run in other threads. Every request is recorded; a rule scripts each answer.
#pragma once

#include "FakeReply.h"
#include "RecordedRequest.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QUrl>
#include <atomic>
#include <functional>

class QThread;

namespace neuroonco::test {

class FakeServerWorker;

class FakeChatServer : public QObject
{
    Q_OBJECT
public:
    // Called in the server thread for each request, in arrival order.
    using Rule = std::function<FakeReply(const QJsonObject &request, int index)>;
    using RequestRule = std::function<FakeReply(const RecordedRequest &request)>;

    explicit FakeChatServer(QObject *parent = nullptr);
    ~FakeChatServer() override;

    // Listens on 127.0.0.1:`port` (0: any free port). Returns false when it cannot.
    bool start(quint16 port = 0);
    void stop();
    bool isRunning() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // "http://127.0.0.1:PORT/v1": the base URL for an EndpointConfig.
    QUrl url() const;

    // The default rule answers FakeReply::json(a fixed valid JSON object).
    void setRule(Rule rule);
    void setRequestRule(RequestRule rule);
    // Off: requests are counted but not stored (benchmarks with many large requests).
    void setRecording(bool on);
    // On (default): ACK every read at once (Linux TCP_QUICKACK), as a latency-tuned server
    // would. Off: the kernel's delayed ACKs, which cost a Qt client up to 40 ms per request.
    void setQuickAck(bool on) { m_quickAck = on; }
    bool quickAck() const { return m_quickAck; }

    int requestCount() const;
    QList<RecordedRequest> requests() const;
    RecordedRequest request(int index) const;
    int connectionCount() const;          // TCP connections accepted
    int openConnections() const;          // open now
    int maxConcurrentConnections() const; // open at the same time
    int maxConcurrentRequests() const;    // received and not yet answered at the same time
    int activeRequests() const;
    void resetStats();
    // CPU seconds the server thread has used (Linux; 0 elsewhere): lets a benchmark subtract
    // the server's share from the process's CPU time.
    double serverCpuSeconds() const;

private:
    friend class FakeServerWorker;
    // Called by the worker (server thread).
    int recordRequest(RecordedRequest request);
    FakeReply replyFor(const RecordedRequest &request);
    void connectionOpened(int delta);
    void requestActive(int delta);
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    mutable QMutex m_mutex;
    RequestRule m_rule;
    bool m_recording = true;
    std::atomic_bool m_quickAck{true};
    QList<RecordedRequest> m_requests;
    int m_requestCount = 0;
    int m_connections = 0;
    int m_openConnections = 0;
    int m_maxOpenConnections = 0;
    int m_activeRequests = 0;
    int m_maxActiveRequests = 0;

    QThread *m_thread = nullptr;
    FakeServerWorker *m_worker = nullptr;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
};

} // namespace neuroonco::test
