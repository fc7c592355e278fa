// One request as the fake chat server received it (headers, raw body, parsed JSON), with
// helpers that pull out what a fake "model" keys its answer on: prompts and the image.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace neuroonco::test {

struct RecordedRequest
{
    int index = -1;        // arrival order at the server, from 0
    int connection = -1;   // which TCP connection carried it, from 0
    qint64 receivedMs = 0; // since FakeChatServer::start()
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QJsonObject json; // empty when the body is not a JSON object

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent

    QString systemPrompt() const { return systemPromptOf(json); }
    QString userText() const { return userTextOf(json); }
    QByteArray imageBytes() const { return imageBytesOf(json); }

    // The same helpers on a request JSON (what a FakeChatServer::Rule receives).
    static QString systemPromptOf(const QJsonObject &request);
    static QString userTextOf(const QJsonObject &request);
    // Decoded bytes of the first image_url data URL; empty when there is none.
    static QByteArray imageBytesOf(const QJsonObject &request);
    static QString imageMimeOf(const QJsonObject &request);
    // Hex SHA-1 of imageBytesOf(): a stable key for per-image answers.
    static QString imageHashOf(const QJsonObject &request);
};

} // namespace neuroonco::test
