// The outcome of one chat request after all its attempts: the assistant text or a classified
// error, plus what an audit trail needs (raw body, HTTP status, attempts, timings, token usage).
// A plain value; it crosses threads through queued signals.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace neuroonco {

enum class ChatErrorKind
{
    None,        // success
    Http,        // the server answered with a non-2xx status (after any retries)
    Timeout,     // no complete answer within the per-request timeout (after any retries)
    Network,     // connection refused/reset, DNS, TLS, or an unusable endpoint URL
    Canceled,    // cancelAll() (or the client was told to stop) before an answer arrived
    BadResponse, // 2xx, but the body is not a usable chat-completions object
    TooLarge,    // the body exceeded the client's size limit and was aborted
};

// Stable names for logs, JSON and the database: "none", "http", "timeout", "network",
// "canceled", "bad-response", "too-large".
QString chatErrorKindName(ChatErrorKind kind);
// Inverse of chatErrorKindName(); an unknown name gives None and sets *ok to false.
ChatErrorKind chatErrorKindFromName(const QString &name, bool *ok = nullptr);

struct ChatResponse
{
    QString id; // ChatRequest::id
    bool ok = false;
    QString content;         // the assistant's text (choices[0].message.content)
    QByteArray rawBody;      // body of the last attempt, capped (a note is appended when cut)
    qint64 rawBodyBytes = 0; // full size of that body as received (before capping)
    int httpStatus = 0;      // of the last attempt; 0 when no HTTP answer arrived
    int attempts = 0;     // HTTP requests sent for this ChatRequest (retries and fallback included)
    qint64 latencyMs = 0; // duration of the last attempt
    qint64 totalMs = 0;   // first attempt start → outcome (backoff waits included)
    qint64 queuedMs = 0;  // submit() → first attempt (waiting for a slot or the rate limit)
    int promptTokens = -1;     // usage.prompt_tokens; -1 when the server did not say
    int completionTokens = -1; // usage.completion_tokens; -1 when the server did not say
    QString model;             // "model" reported by the server, if any
    QString finishReason;      // choices[0].finish_reason ("stop", "length", ...), if any
    bool jsonMode = false;     // the successful/last attempt asked for response_format json_object
    ChatErrorKind errorKind = ChatErrorKind::None;
    QString error; // technical message, never contains the API key
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::ChatResponse)
