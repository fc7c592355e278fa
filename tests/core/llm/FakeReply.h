// What the fake chat server answers to one request: normal content wrapped in a
// chat-completions body, a raw body with any status and headers, or a scripted fault
// (connection reset, body cut mid-transfer, truncated JSON, a huge body, response_format
// rejection), optionally after a delay.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace neuroonco::test {

struct FakeReply
{
    enum class Kind
    {
        Content,       // 200 + chat-completions JSON around `content` (with usage)
        Raw,           // `status` + `headers` + `body` exactly as given
        Reset,         // close the connection without answering
        CutBody,       // announce the full length, send half the body, close
        TruncatedJson, // a complete HTTP answer whose JSON body is cut in half
        Huge,          // a valid chat-completions body of `hugeBytes` bytes
    };

    Kind kind = Kind::Content;
    int status = 200;
    QString content = QStringLiteral("{\"lesion_found\": true}");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra response headers
    int delayMs = 0;
    bool chunked = false;    // Transfer-Encoding: chunked instead of Content-Length
    bool closeAfter = false; // Connection: close
    qint64 hugeBytes = 10 * 1024 * 1024;
    int promptTokens = 812;
    int completionTokens = 64;
    QString finishReason = QStringLiteral("stop");

    static FakeReply json(const QString &content);
    static FakeReply raw(int status, const QByteArray &body,
                         const QByteArray &contentType = QByteArrayLiteral("application/json"));
    // An OpenAI-style {"error": {"message", "type", "code"}} body.
    static FakeReply error(int status, const QString &message);
    // 429 with Retry-After (seconds or an HTTP-date).
    static FakeReply rateLimited(const QByteArray &retryAfter);
    static FakeReply reset();
    static FakeReply cutBody();
    static FakeReply truncatedJson();
    static FakeReply huge(qint64 bytes = 10 * 1024 * 1024);
    // The 400 servers without JSON mode send for response_format.
    static FakeReply rejectResponseFormat();
    static FakeReply htmlPage(int status = 502);

    FakeReply &withDelay(int ms);
    FakeReply &withHeader(const QByteArray &name, const QByteArray &value);
    FakeReply &withChunked(bool on = true);

    // The complete chat-completions body for Content/TruncatedJson/Huge/CutBody (before any
    // cutting), echoing the request's model.
    QByteArray completionBody(const QJsonObject &request) const;
};

} // namespace neuroonco::test
