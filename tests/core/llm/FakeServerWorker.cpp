// HTTP/1.1 request parsing and scripted answers for the fake chat server.
#include "FakeServerWorker.h"

#include "FakeChatServer.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace neuroonco::test {

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

FakeServerWorker::FakeServerWorker(FakeChatServer *owner)
    : m_owner(owner)
{}

FakeServerWorker::~FakeServerWorker()
{
    close();
}

quint16 FakeServerWorker::listen(quint16 port)
{
    m_server = new QTcpServer(this);
    // Many clients connect at once in the benchmarks; the default backlog of 50 would make
    // the kernel drop SYNs and the client would stall for a second.
    m_server->setListenBacklogSize(1024);
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QTcpServer::newConnection, this, &FakeServerWorker::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return 0;
    return m_server->serverPort();
}

void FakeServerWorker::close()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *s : sockets)
        dropConnection(s);
}

void FakeServerWorker::onNewConnection()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        Connection c;
        c.id = m_nextConnection++;
        m_connections.insert(s, c);
        m_owner->connectionOpened(+1);
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
        connect(s, &QTcpSocket::disconnected, this, [this, s] { onDisconnected(s); });
        if (s->bytesAvailable() > 0)
            onReadyRead(s);
    }
}

void FakeServerWorker::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
#ifdef TCP_QUICKACK
    if (m_owner->quickAck()) {
        // Qt's HTTP client writes the headers and the body separately and leaves Nagle on, so
        // the body's last segment waits for our ACK of the headers; Linux delays that ACK by
        // up to 40 ms unless quick-ACK mode is re-armed after every read.
        const int on = 1;
        ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    }
#endif
    processBuffer(socket);
}

void FakeServerWorker::onDisconnected(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->busy)
        m_owner->requestActive(-1);
    m_owner->connectionOpened(-1);
    m_connections.erase(it);
    socket->deleteLater();
}

void FakeServerWorker::dropConnection(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->busy)
        m_owner->requestActive(-1);
    m_owner->connectionOpened(-1);
    m_connections.erase(it);
    disconnect(socket, nullptr, this, nullptr);
#ifdef Q_OS_UNIX
    // Linger 0: close() sends RST, the "connection reset by peer" of a crashed server.
    const struct linger hard = {1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
    socket->abort();
    socket->deleteLater();
}

void FakeServerWorker::processBuffer(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->busy)
        return;
    QByteArray &buffer = it->buffer;
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > kMaxHeadBytes) {
            socket->write(head(431, {{"Connection", "close"}, {"Content-Length", "0"}}));
            socket->disconnectFromHost();
        }
        return;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    RecordedRequest r;
    qint64 length = 0;
    bool chunkedRequest = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        r.headers.append(qMakePair(name, value));
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunkedRequest = true;
    }
    if (requestLine.size() < 3 || chunkedRequest || length < 0) {
        // Not something this fake has to understand: say so and hang up.
        socket->write(head(requestLine.size() < 3 ? 400 : 411,
                           {{"Connection", "close"}, {"Content-Length", "0"}}));
        socket->disconnectFromHost();
        buffer.clear();
        return;
    }
    if (buffer.size() < headEnd + 4 + length)
        return; // body still arriving
    r.method = requestLine.at(0);
    r.path = requestLine.at(1);
    r.body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    r.connection = it->id;
    it->busy = true;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        r.json = doc.object();
    r.receivedMs = m_owner->elapsedMs();
    m_owner->requestActive(+1);
    r.index = m_owner->recordRequest(r);

    FakeReply reply;
    const QByteArray path =
        r.path.left(r.path.indexOf('?') < 0 ? r.path.size() : r.path.indexOf('?'));
    if (path != "/v1/chat/completions" && path != "/chat/completions")
        reply = FakeReply::error(
            404, QStringLiteral("no route for %1").arg(QString::fromLatin1(r.path)));
    else if (r.method != "POST")
        reply = FakeReply::error(405, QStringLiteral("use POST"));
    else if (!doc.isObject())
        reply = FakeReply::error(400, QStringLiteral("the request body is not a JSON object"));
    else
        reply = m_owner->replyFor(r);

    if (reply.delayMs > 0) {
        // The socket is the timer's context: a client that hangs up cancels the answer.
        QTimer::singleShot(reply.delayMs, socket,
                           [this, socket, r, reply] { answer(socket, r, reply); });
    } else {
        answer(socket, r, reply);
    }
}

QByteArray FakeServerWorker::head(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    return out;
}

void FakeServerWorker::answer(QTcpSocket *socket, const RecordedRequest &request,
                              const FakeReply &reply)
{
    if (!m_connections.contains(socket))
        return;
    if (reply.kind == FakeReply::Kind::Reset) {
        dropConnection(socket);
        return;
    }

    QByteArray body;
    int status = reply.status;
    QList<QPair<QByteArray, QByteArray>> headers;
    switch (reply.kind) {
    case FakeReply::Kind::Raw:
        body = reply.body;
        break;
    case FakeReply::Kind::TruncatedJson:
        body = reply.completionBody(request.json);
        body.truncate(body.size() / 2);
        status = 200;
        break;
    case FakeReply::Kind::Content:
    case FakeReply::Kind::Huge:
    case FakeReply::Kind::CutBody:
        body = reply.completionBody(request.json);
        status = 200;
        break;
    case FakeReply::Kind::Reset:
        break;
    }
    if (!hasHeader(reply.headers, "Content-Type"))
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    headers.append(reply.headers);
    const bool close = reply.closeAfter || reply.kind == FakeReply::Kind::CutBody;
    headers.append(qMakePair(QByteArray("Connection"), QByteArray(close ? "close" : "keep-alive")));

    if (reply.kind == FakeReply::Kind::CutBody) {
        headers.append(qMakePair(QByteArray("Content-Length"), QByteArray::number(body.size())));
        socket->write(head(status, headers));
        socket->write(body.left(body.size() / 2));
        finishRequest(socket, true);
        return;
    }
    if (reply.chunked) {
        headers.append(qMakePair(QByteArray("Transfer-Encoding"), QByteArray("chunked")));
        socket->write(head(status, headers));
        constexpr qsizetype chunk = 64 * 1024;
        for (qsizetype at = 0; at < body.size(); at += chunk) {
            const QByteArray piece = body.mid(at, chunk);
            socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        }
        socket->write("0\r\n\r\n");
    } else {
        headers.append(qMakePair(QByteArray("Content-Length"), QByteArray::number(body.size())));
        socket->write(head(status, headers) + body);
    }
    finishRequest(socket, close);
}

void FakeServerWorker::finishRequest(QTcpSocket *socket, bool close)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->busy) {
        it->busy = false;
        m_owner->requestActive(-1);
    }
    if (close) {
        socket->disconnectFromHost(); // after the written data has gone out
        return;
    }
    processBuffer(socket); // a request that arrived while this one was delayed
}

} // namespace neuroonco::test
