// The OpenAI chat-completions wire format: the request body the client sends and a tolerant
// reading of what comes back. Pure functions, so they are tested and benchmarked without a
// network.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace neuroonco {

struct ChatRequest;
struct EndpointConfig;

// Whether the request asks the server for a JSON object (response_format json_object).
enum class ResponseFormat
{
    Any,
    JsonObject
};

// What a 2xx body said, or why it cannot be used.
struct ChatCompletion
{
    bool ok = false;
    QString content;
    QString model;
    QString finishReason;
    int promptTokens = -1;
    int completionTokens = -1;
    QString error; // set when !ok: what is wrong with the body
};

class ChatProtocol
{
public:
    // {baseUrl}/chat/completions. A base URL that already ends in /chat/completions is used as
    // is (people paste the full URL). Invalid unless the base URL is a valid http(s) URL.
    static QUrl completionsUrl(const QString &baseUrl);
    // The JSON body: model, temperature, max_tokens, system + user messages (text part, then the
    // image as a base64 data URL) and, for ResponseFormat::JsonObject, response_format.
    static QByteArray requestBody(const EndpointConfig &endpoint, const ChatRequest &request,
                                  ResponseFormat format);
    // Reads choices[0].message.content (a string, or a list of text parts), usage, model and
    // finish_reason. Anything else (not JSON, not an object, no choices, wrong types, an
    // "error" object) gives ok = false with a message that quotes the start of the body.
    static ChatCompletion parseCompletion(const QByteArray &body);
    // One line for an error response: error.message / message / detail when the body is JSON,
    // else the start of the body with markup and runs of white space collapsed.
    static QString errorSummary(const QByteArray &body, int maxChars = 300);
    // True for a 400/422 whose body says the server does not accept response_format (the
    // JSON-mode fallback trigger).
    static bool isResponseFormatRejection(int httpStatus, const QByteArray &body);
    // The first `maxChars` characters of a body, printable, for messages.
    static QString snippet(const QByteArray &body, int maxChars = 120);
};

} // namespace neuroonco
