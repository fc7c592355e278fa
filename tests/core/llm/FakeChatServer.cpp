// Fake chat server: thread management, the rule, and the statistics tests assert on.
#include "FakeChatServer.h"

#include "FakeServerWorker.h"

#include <QMutexLocker>
#include <QPointer>
#include <QThread>
#include <algorithm>

#ifdef Q_OS_LINUX
#include <time.h>
#endif

namespace neuroonco::test {

namespace {

const char *const kDefaultContent =
    R"({"meta_info": {"predicted_modality": "T1_Contrast", "predicted_location": "Upper-Left", "lesion_found": true}, )"
    R"("structured_signs": {"shape": "Irregular", "margins": "Ill-defined", "texture": "Heterogeneous", )"
    R"("enhancement": "Ring", "edema": "Extensive", "signal_intensity": "Mixed"}})";

} // namespace

FakeChatServer::FakeChatServer(QObject *parent)
    : QObject(parent)
{
    setRule([](const QJsonObject &, int) {
        return FakeReply::json(QString::fromUtf8(kDefaultContent));
    });
}

FakeChatServer::~FakeChatServer()
{
    stop();
}

bool FakeChatServer::start(quint16 port)
{
    if (m_thread)
        return true;
    m_clock.start();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("FakeChatServer"));
    m_worker = new FakeServerWorker(this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    quint16 bound = 0;
    FakeServerWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, port, &bound] { bound = worker->listen(port); },
        Qt::BlockingQueuedConnection);
    if (bound == 0) {
        stop();
        return false;
    }
    m_port = bound;
    return true;
}

void FakeChatServer::stop()
{
    if (!m_thread)
        return;
    QPointer<FakeServerWorker> worker(m_worker);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete worker.data(); // normally already gone through deleteLater when the thread finished
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    m_port = 0;
}

QUrl FakeChatServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port));
}

void FakeChatServer::setRule(Rule rule)
{
    setRequestRule(
        [rule = std::move(rule)](const RecordedRequest &r) { return rule(r.json, r.index); });
}

void FakeChatServer::setRequestRule(RequestRule rule)
{
    QMutexLocker lock(&m_mutex);
    m_rule = std::move(rule);
}

void FakeChatServer::setRecording(bool on)
{
    QMutexLocker lock(&m_mutex);
    m_recording = on;
}

int FakeChatServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requestCount;
}

QList<RecordedRequest> FakeChatServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

RecordedRequest FakeChatServer::request(int index) const
{
    QMutexLocker lock(&m_mutex);
    for (const RecordedRequest &r : m_requests)
        if (r.index == index)
            return r;
    return {};
}

int FakeChatServer::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int FakeChatServer::openConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_openConnections;
}

int FakeChatServer::maxConcurrentConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxOpenConnections;
}

int FakeChatServer::maxConcurrentRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxActiveRequests;
}

int FakeChatServer::activeRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_activeRequests;
}

void FakeChatServer::resetStats()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_requestCount = 0;
    m_connections = 0;
    m_maxOpenConnections = m_openConnections;
    m_maxActiveRequests = m_activeRequests;
}

double FakeChatServer::serverCpuSeconds() const
{
    double seconds = 0;
#ifdef Q_OS_LINUX
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker,
            [&seconds] {
                timespec ts{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
                seconds = double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
            },
            Qt::BlockingQueuedConnection);
#endif
    return seconds;
}

int FakeChatServer::recordRequest(RecordedRequest request)
{
    QMutexLocker lock(&m_mutex);
    request.index = m_requestCount++;
    if (m_recording)
        m_requests.append(std::move(request));
    return m_requestCount - 1;
}

FakeReply FakeChatServer::replyFor(const RecordedRequest &request)
{
    RequestRule rule;
    {
        QMutexLocker lock(&m_mutex);
        rule = m_rule;
    }
    return rule(request); // outside the lock: a rule may ask for the statistics
}

void FakeChatServer::connectionOpened(int delta)
{
    QMutexLocker lock(&m_mutex);
    m_openConnections += delta;
    if (delta > 0)
        ++m_connections;
    m_maxOpenConnections = std::max(m_maxOpenConnections, m_openConnections);
}

void FakeChatServer::requestActive(int delta)
{
    QMutexLocker lock(&m_mutex);
    m_activeRequests += delta;
    m_maxActiveRequests = std::max(m_maxActiveRequests, m_activeRequests);
}

} // namespace neuroonco::test
