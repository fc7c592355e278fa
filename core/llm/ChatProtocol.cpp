// Chat-completions request building and response reading.
#include "core/llm/ChatProtocol.h"

#include "core/llm/ChatRequest.h"
#include "core/llm/EndpointConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace neuroonco {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("missing");
    }
    return QStringLiteral("unknown");
}

int tokenCount(const QJsonObject &usage, const QString &key)
{
    const QJsonValue v = usage.value(key);
    return v.isDouble() && v.toDouble() >= 0 ? int(v.toDouble()) : -1;
}

QString collapse(QString text, int maxChars)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    text.replace(space, QStringLiteral(" "));
    text = text.trimmed();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

} // namespace

QUrl ChatProtocol::completionsUrl(const QString &baseUrl)
{
    QUrl url(baseUrl.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return QUrl();
    QString path = url.path();
    if (path.endsWith(QLatin1String("/chat/completions")))
        return url;
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat/completions"));
    return url;
}

QByteArray ChatProtocol::requestBody(const EndpointConfig &endpoint, const ChatRequest &request,
                                     ResponseFormat format)
{
    // The image's data URL is spliced in after serialising: pushing ~50 KB of base64 through
    // QJsonDocument (conversion, escaping scan, copies) would cost more than everything else.
    // Base64 and the MIME type need no JSON escaping, and a marker inside the caller's text
    // cannot collide: there its quotes would be escaped.
    static const QString marker = QStringLiteral("neuroonco-image-data-url");
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.systemPrompt}});
    QJsonArray parts;
    parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                             {QStringLiteral("text"), request.userText}});
    if (!request.image.isEmpty())
        parts.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("image_url")},
            {QStringLiteral("image_url"), QJsonObject{{QStringLiteral("url"), marker}}}});
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), parts}});

    QJsonObject body;
    body.insert(QStringLiteral("model"), endpoint.model);
    body.insert(QStringLiteral("temperature"), request.temperature.value_or(endpoint.temperature));
    body.insert(QStringLiteral("max_tokens"), request.maxTokens.value_or(endpoint.maxTokens));
    body.insert(QStringLiteral("messages"), messages);
    if (format == ResponseFormat::JsonObject)
        body.insert(QStringLiteral("response_format"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("json_object")}});
    QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (request.image.isEmpty())
        return json;

    static const QByteArray quotedMarker = "\"url\":\"" + marker.toLatin1() + '"';
    const qsizetype at = json.indexOf(quotedMarker);
    if (at < 0)
        return json; // cannot happen: the marker was inserted above
    QByteArray mime =
        request.imageMime.isEmpty() ? QByteArrayLiteral("image/png") : request.imageMime.toLatin1();
    mime.replace('"', "").replace('\\',
                                  ""); // a MIME type has neither; keep the JSON valid regardless
    const QByteArray base64 = request.image.toBase64();
    QByteArray out;
    out.reserve(json.size() + base64.size() + mime.size() + 32);
    out.append(json.constData(), at);
    out.append("\"url\":\"data:");
    out.append(mime);
    out.append(";base64,");
    out.append(base64);
    out.append('"');
    out.append(json.constData() + at + quotedMarker.size(), json.size() - at - quotedMarker.size());
    return out;
}

ChatCompletion ChatProtocol::parseCompletion(const QByteArray &body)
{
    ChatCompletion c;
    if (body.trimmed().isEmpty()) {
        c.error = QStringLiteral("empty response body");
        return c;
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error != QJsonParseError::NoError) {
        c.error =
            QStringLiteral("response is not valid JSON (%1 at offset %2); it starts with \"%3\"")
                .arg(perr.errorString())
                .arg(perr.offset)
                .arg(snippet(body));
        return c;
    }
    if (!doc.isObject()) {
        c.error = QStringLiteral("response is JSON but not an object; it starts with \"%1\"")
                      .arg(snippet(body));
        return c;
    }
    const QJsonObject root = doc.object();
    const QJsonValue choices = root.value(QStringLiteral("choices"));
    if (!choices.isArray() || choices.toArray().isEmpty()) {
        if (root.contains(QStringLiteral("error")))
            c.error = QStringLiteral("server reported an error: %1").arg(errorSummary(body));
        else
            c.error =
                choices.isArray()
                    ? QStringLiteral("\"choices\" is empty")
                    : QStringLiteral("\"choices\" is %1, expected a list").arg(typeName(choices));
        return c;
    }
    const QJsonValue first = choices.toArray().at(0);
    const QJsonValue message = first.toObject().value(QStringLiteral("message"));
    if (!first.isObject() || !message.isObject()) {
        c.error = QStringLiteral("choices[0].message is %1, expected an object")
                      .arg(first.isObject() ? typeName(message) : typeName(first));
        return c;
    }
    const QJsonObject msg = message.toObject();
    const QJsonValue content = msg.value(QStringLiteral("content"));
    if (content.isString()) {
        c.content = content.toString();
    } else if (content.isArray()) {
        // Some servers return content as a list of parts; keep the text parts in order.
        for (const QJsonValue &part : content.toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(QStringLiteral("type")).toString() == QLatin1String("text") &&
                p.value(QStringLiteral("text")).isString())
                c.content += p.value(QStringLiteral("text")).toString();
        }
        if (c.content.isEmpty()) {
            c.error = QStringLiteral("choices[0].message.content has no text part");
            return c;
        }
    } else if (msg.value(QStringLiteral("refusal")).isString()) {
        c.error = QStringLiteral("the model refused: %1")
                      .arg(collapse(msg.value(QStringLiteral("refusal")).toString(), 200));
        return c;
    } else {
        c.error = QStringLiteral("choices[0].message.content is %1, expected a string")
                      .arg(typeName(content));
        return c;
    }
    const QJsonValue finish = first.toObject().value(QStringLiteral("finish_reason"));
    if (finish.isString())
        c.finishReason = finish.toString();
    if (root.value(QStringLiteral("model")).isString())
        c.model = root.value(QStringLiteral("model")).toString();
    const QJsonObject usage = root.value(QStringLiteral("usage")).toObject();
    c.promptTokens = tokenCount(usage, QStringLiteral("prompt_tokens"));
    c.completionTokens = tokenCount(usage, QStringLiteral("completion_tokens"));
    c.ok = true;
    return c;
}

QString ChatProtocol::errorSummary(const QByteArray &body, int maxChars)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonValue error = root.value(QStringLiteral("error"));
        QString text;
        if (error.isObject())
            text = error.toObject().value(QStringLiteral("message")).toString();
        else if (error.isString())
            text = error.toString();
        if (text.isEmpty())
            text = root.value(QStringLiteral("message")).toString();
        if (text.isEmpty() && root.value(QStringLiteral("detail")).isString())
            text = root.value(QStringLiteral("detail")).toString();
        if (text.isEmpty() && !root.value(QStringLiteral("detail")).isUndefined())
            text =
                QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("detail"),
                                                             root.value(QStringLiteral("detail"))}})
                                      .toJson(QJsonDocument::Compact));
        if (!text.isEmpty())
            return collapse(text, maxChars);
    }
    // HTML error pages of proxies: keep the words, drop the markup.
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = QString::fromUtf8(body.left(64 * 1024));
    text.replace(tags, QStringLiteral(" "));
    text = collapse(text, maxChars);
    return text.isEmpty() ? QStringLiteral("(empty body)") : text;
}

bool ChatProtocol::isResponseFormatRejection(int httpStatus, const QByteArray &body)
{
    if (httpStatus != 400 && httpStatus != 422)
        return false;
    const QByteArray lower = body.left(64 * 1024).toLower();
    return lower.contains("response_format") || lower.contains("json_object") ||
           lower.contains("not supported");
}

QString ChatProtocol::snippet(const QByteArray &body, int maxChars)
{
    QString text = QString::fromUtf8(body.left(maxChars * 4)).left(maxChars);
    for (QChar &ch : text)
        if (ch.category() == QChar::Other_Control)
            ch = QLatin1Char(' ');
    if (body.size() > text.toUtf8().size())
        text += QStringLiteral("…");
    return text;
}

} // namespace neuroonco
