// The fake chat server's network side: a QTcpServer and a small HTTP/1.1 implementation
// (keep-alive, Content-Length request bodies) living in the server thread.
#pragma once

#include "FakeReply.h"
#include "RecordedRequest.h"

#include <QHash>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace neuroonco::test {

class FakeChatServer;

class FakeServerWorker : public QObject
{
    Q_OBJECT
public:
    explicit FakeServerWorker(FakeChatServer *owner);
    ~FakeServerWorker() override;

    // Both run in the server thread.
    quint16 listen(quint16 port);
    void close();

private:
    struct Connection
    {
        int id = 0;
        QByteArray buffer;
        bool busy = false; // a request is being answered (possibly after a delay)
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const RecordedRequest &request, const FakeReply &reply);
    void finishRequest(QTcpSocket *socket, bool close);
    void dropConnection(QTcpSocket *socket);
    static QByteArray head(int status, const QList<QPair<QByteArray, QByteArray>> &headers);

    FakeChatServer *m_owner;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    int m_nextConnection = 0;
};

} // namespace neuroonco::test
