// Backoff arithmetic and Retry-After parsing.
#include "core/llm/RetryPolicy.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace neuroonco {

qint64 RetryPolicy::backoffMs(int retry, double unit) const
{
    const int exponent = std::clamp(retry - 1, 0, 30);
    const double full = std::min(double(maxDelayMs), double(baseDelayMs) * std::pow(2.0, exponent));
    const double u = std::clamp(unit, 0.0, 1.0);
    return qint64(full / 2 + u * full / 2);
}

qint64 RetryPolicy::serverDelayMs(qint64 askedMs, double unit) const
{
    const qint64 asked = std::clamp<qint64>(askedMs, 0, maxRetryAfterMs);
    const qint64 spread = std::min<qint64>(1000, asked / 10);
    return asked + qint64(std::clamp(unit, 0.0, 1.0) * double(spread));
}

std::optional<qint64> RetryPolicy::parseRetryAfterMs(const QByteArray &value,
                                                     const QDateTime &nowUtc)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return qint64(std::min(seconds, 1e9) * 1000.0);
    }
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), obsolete RFC 850 ("Sunday, 06-Nov-94
    // 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994"); always GMT. The weekday is
    // dropped before parsing: QLocale rejects a weekday that disagrees with its guess of a
    // two-digit year's century.
    QString rest = text.simplified();
    const qsizetype comma = rest.indexOf(QLatin1Char(','));
    if (comma >= 0)
        rest = rest.mid(comma + 1).trimmed();
    else
        rest = rest.mid(rest.indexOf(QLatin1Char(' ')) + 1);
    static const char *const formats[] = {"dd MMM yyyy HH:mm:ss 'GMT'", "dd-MMM-yy HH:mm:ss 'GMT'",
                                          "MMM d HH:mm:ss yyyy"};
    const QLocale c = QLocale::c();
    for (const char *format : formats) {
        QDateTime when = c.toDateTime(rest, QLatin1String(format));
        if (!when.isValid())
            continue;
        // Two-digit years of the RFC 850 form: QLocale reads them as 19xx.
        if (when.date().year() < 1970)
            when = when.addYears(100);
        when = QDateTime(when.date(), when.time(), QTimeZone::utc());
        return std::max<qint64>(0, nowUtc.toUTC().msecsTo(when));
    }
    return std::nullopt;
}

std::optional<qint64> RetryPolicy::parseRetryAfterMsHeader(const QByteArray &value)
{
    bool ok = false;
    const double ms = QString::fromLatin1(value).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(ms) || ms < 0)
        return std::nullopt;
    return qint64(std::min(ms, 1e12));
}

} // namespace neuroonco
