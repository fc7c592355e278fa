// FakeReply constructors and the chat-completions body the fake server sends.
#include "FakeReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace neuroonco::test {

FakeReply FakeReply::json(const QString &text)
{
    FakeReply r;
    r.content = text;
    return r;
}

FakeReply FakeReply::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    FakeReply r;
    r.kind = Kind::Raw;
    r.status = status;
    r.body = body;
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), contentType));
    return r;
}

FakeReply FakeReply::error(int status, const QString &message)
{
    const QJsonObject err{{QStringLiteral("message"), message},
                          {QStringLiteral("type"), status == 429
                                                       ? QStringLiteral("rate_limit_exceeded")
                                                       : QStringLiteral("server_error")},
                          {QStringLiteral("code"), status}};
    return raw(
        status,
        QJsonDocument(QJsonObject{{QStringLiteral("error"), err}}).toJson(QJsonDocument::Compact));
}

FakeReply FakeReply::rateLimited(const QByteArray &retryAfter)
{
    FakeReply r = error(429, QStringLiteral("Rate limit reached for requests"));
    if (!retryAfter.isEmpty())
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), retryAfter));
    return r;
}

FakeReply FakeReply::reset()
{
    FakeReply r;
    r.kind = Kind::Reset;
    return r;
}

FakeReply FakeReply::cutBody()
{
    FakeReply r;
    r.kind = Kind::CutBody;
    return r;
}

FakeReply FakeReply::truncatedJson()
{
    FakeReply r;
    r.kind = Kind::TruncatedJson;
    return r;
}

FakeReply FakeReply::huge(qint64 bytes)
{
    FakeReply r;
    r.kind = Kind::Huge;
    r.hugeBytes = bytes;
    return r;
}

FakeReply FakeReply::rejectResponseFormat()
{
    const QJsonObject err{{QStringLiteral("message"),
                           QStringLiteral("Invalid parameter: 'response_format' of type "
                                          "'json_object' is not supported with this model.")},
                          {QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                          {QStringLiteral("param"), QStringLiteral("response_format")},
                          {QStringLiteral("code"), QJsonValue::Null}};
    return raw(
        400,
        QJsonDocument(QJsonObject{{QStringLiteral("error"), err}}).toJson(QJsonDocument::Compact));
}

FakeReply FakeReply::htmlPage(int status)
{
    return raw(status,
               QByteArrayLiteral(
                   "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
                   "Gateway</h1></center><hr><center>nginx</center></body></html>"),
               QByteArrayLiteral("text/html"));
}

FakeReply &FakeReply::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

FakeReply &FakeReply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append(qMakePair(name, value));
    return *this;
}

FakeReply &FakeReply::withChunked(bool on)
{
    chunked = on;
    return *this;
}

QByteArray FakeReply::completionBody(const QJsonObject &request) const
{
    const QString model =
        request.value(QStringLiteral("model")).toString(QStringLiteral("fake-model"));
    if (kind == Kind::Huge) {
        // Built by hand: a 10 MB QJsonDocument round trip would dominate the test's run time.
        QByteArray head =
            QByteArrayLiteral(
                "{\"id\":\"chatcmpl-huge\",\"object\":\"chat.completion\",\"model\":\"") +
            model.toUtf8() +
            QByteArrayLiteral(
                "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"");
        const QByteArray tail = QByteArrayLiteral("\"},\"finish_reason\":\"stop\"}]}");
        const qint64 fill = std::max<qint64>(0, hugeBytes - head.size() - tail.size());
        head.append(QByteArray(qsizetype(fill), 'x'));
        head.append(tail);
        return head;
    }
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), content}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("finish_reason"), finishReason}};
    const QJsonObject usage{{QStringLiteral("prompt_tokens"), promptTokens},
                            {QStringLiteral("completion_tokens"), completionTokens},
                            {QStringLiteral("total_tokens"), promptTokens + completionTokens}};
    const QJsonObject root{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
                           {QStringLiteral("object"), QStringLiteral("chat.completion")},
                           {QStringLiteral("created"), 1700000000},
                           {QStringLiteral("model"), model},
                           {QStringLiteral("choices"), QJsonArray{choice}},
                           {QStringLiteral("usage"), usage}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace neuroonco::test
