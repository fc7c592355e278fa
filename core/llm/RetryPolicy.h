// How long to wait before retrying a chat request: exponential backoff with jitter, and the
// server's own Retry-After (seconds or an HTTP-date) when it sends one.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace neuroonco {

struct RetryPolicy
{
    int baseDelayMs = 500;        // first retry waits between base/2 and base
    int maxDelayMs = 30000;       // cap of the exponential part
    int maxRetryAfterMs = 300000; // a server asking for longer is obeyed only up to this

    // Delay before retry number `retry` (1 = the first retry). `unit` in [0, 1) is the jitter
    // draw; "equal jitter" (half fixed, half random) keeps a minimum gap yet spreads out a
    // crowd of clients that failed at the same moment.
    qint64 backoffMs(int retry, double unit) const;
    // The delay a server asked for, clamped to maxRetryAfterMs, with up to 10 % (≤ 1 s) added
    // so that many waiting requests do not all return in the same millisecond.
    qint64 serverDelayMs(qint64 askedMs, double unit) const;

    // Parses a Retry-After value: delta-seconds ("3", "1.5" tolerated) or an HTTP-date in any
    // of the three RFC 9110 forms; a date in the past gives 0. std::nullopt when unparseable.
    static std::optional<qint64> parseRetryAfterMs(const QByteArray &value,
                                                   const QDateTime &nowUtc);
    // Parses a "retry-after-ms" value (sent by some OpenAI-compatible gateways).
    static std::optional<qint64> parseRetryAfterMsHeader(const QByteArray &value);
};

} // namespace neuroonco
