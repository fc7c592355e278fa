// Token bucket arithmetic.
#include "core/llm/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace neuroonco {

RateLimiter::RateLimiter(double perSecond, double burst)
    : m_rate(perSecond > 0 ? perSecond / 1e9 : 0)
    , m_burst(std::max(1.0, burst))
    , m_tokens(std::max(1.0, burst))
{}

void RateLimiter::refill(qint64 nowNs)
{
    if (m_lastNs >= 0 && nowNs > m_lastNs)
        m_tokens = std::min(m_burst, m_tokens + double(nowNs - m_lastNs) * m_rate);
    if (m_lastNs < 0 || nowNs > m_lastNs)
        m_lastNs = nowNs;
}

qint64 RateLimiter::waitNs(qint64 nowNs)
{
    if (m_rate <= 0)
        return 0;
    refill(nowNs);
    if (m_tokens >= 1.0)
        return 0;
    return qint64(std::ceil((1.0 - m_tokens) / m_rate));
}

bool RateLimiter::tryAcquire(qint64 nowNs)
{
    if (m_rate <= 0)
        return true;
    refill(nowNs);
    // A hair of tolerance: the timer that woke us rounds to milliseconds.
    if (m_tokens < 1.0 - 1e-9)
        return false;
    m_tokens -= 1.0;
    return true;
}

} // namespace neuroonco
