// Accessors for recorded requests and request JSON.
#include "RecordedRequest.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace neuroonco::test {

namespace {

QJsonArray messages(const QJsonObject &request)
{
    return request.value(QStringLiteral("messages")).toArray();
}

QString imageUrl(const QJsonObject &request)
{
    for (const QJsonValue &m : messages(request)) {
        const QJsonValue content = m.toObject().value(QStringLiteral("content"));
        for (const QJsonValue &part : content.toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(QStringLiteral("type")).toString() == QLatin1String("image_url"))
                return p.value(QStringLiteral("image_url"))
                    .toObject()
                    .value(QStringLiteral("url"))
                    .toString();
        }
    }
    return {};
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers)
        if (h.first == lower)
            return h.second;
    return {};
}

QString RecordedRequest::systemPromptOf(const QJsonObject &request)
{
    for (const QJsonValue &m : messages(request)) {
        const QJsonObject o = m.toObject();
        if (o.value(QStringLiteral("role")).toString() == QLatin1String("system"))
            return o.value(QStringLiteral("content")).toString();
    }
    return {};
}

QString RecordedRequest::userTextOf(const QJsonObject &request)
{
    for (const QJsonValue &m : messages(request)) {
        const QJsonObject o = m.toObject();
        if (o.value(QStringLiteral("role")).toString() != QLatin1String("user"))
            continue;
        const QJsonValue content = o.value(QStringLiteral("content"));
        if (content.isString())
            return content.toString();
        QString text;
        for (const QJsonValue &part : content.toArray())
            if (part.toObject().value(QStringLiteral("type")).toString() == QLatin1String("text"))
                text += part.toObject().value(QStringLiteral("text")).toString();
        return text;
    }
    return {};
}

QByteArray RecordedRequest::imageBytesOf(const QJsonObject &request)
{
    const QString url = imageUrl(request);
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (!url.startsWith(QLatin1String("data:")) || comma < 0 ||
        !url.left(comma).endsWith(QLatin1String(";base64")))
        return {};
    return QByteArray::fromBase64(url.mid(comma + 1).toLatin1());
}

QString RecordedRequest::imageMimeOf(const QJsonObject &request)
{
    const QString url = imageUrl(request);
    const qsizetype semicolon = url.indexOf(QLatin1Char(';'));
    if (!url.startsWith(QLatin1String("data:")) || semicolon < 0)
        return {};
    return url.mid(5, semicolon - 5);
}

QString RecordedRequest::imageHashOf(const QJsonObject &request)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(imageBytesOf(request), QCryptographicHash::Sha1).toHex());
}

} // namespace neuroonco::test
