// A token bucket that paces requests to an endpoint (requests per second, small burst).
// Time is passed in by the caller so the arithmetic is testable without sleeping.
#pragma once

#include <QtGlobal>

namespace neuroonco {

class RateLimiter
{
public:
    // perSecond <= 0: unlimited. `burst` tokens may be spent at once after an idle period; the
    // default of 1 spaces requests evenly, which is what per-second limits of providers expect.
    explicit RateLimiter(double perSecond = 0, double burst = 1);

    bool isLimited() const { return m_rate > 0; }
    // Nanoseconds until a token is available at time `nowNs` (0: one is available now).
    qint64 waitNs(qint64 nowNs);
    // Takes a token if one is available; returns false (and takes nothing) otherwise.
    bool tryAcquire(qint64 nowNs);

private:
    void refill(qint64 nowNs);

    double m_rate = 0; // tokens per nanosecond
    double m_burst = 1;
    double m_tokens = 1;
    qint64 m_lastNs = -1;
};

} // namespace neuroonco
