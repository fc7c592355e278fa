// Deterministic fault injection for the fake chat server: whether request number `index`
// fails, and how, depends only on (seed, index), so a run is reproducible however the
// requests interleave.
#pragma once

#include "FakeReply.h"

#include <QStringList>
#include <optional>

namespace neuroonco::test {

class FaultPlan
{
public:
    enum class Fault
    {
        RateLimited,   // 429, Retry-After: 0
        ServerError,   // 500 JSON error
        Unavailable,   // 503 without Retry-After
        GatewayHtml,   // 502 with an HTML page
        Reset,         // connection closed without an answer
        CutBody,       // connection closed mid-body
        TruncatedJson, // 200, JSON cut in half
        NotJson,       // 200, plain text
        WrongTypes,    // 200, JSON with "choices" of the wrong type
        Hang,          // no answer within hangMs (only when hangMs > 0)
    };

    // rate in [0, 1]; hangMs > 0 adds Hang to the mix (use more than the client's timeout).
    explicit FaultPlan(double rate = 0, quint64 seed = 42, int hangMs = 0);

    std::optional<Fault> faultAt(int index) const;
    // The reply for a fault.
    FakeReply reply(Fault fault) const;
    // faultAt + reply in one step; std::nullopt for a normal answer.
    std::optional<FakeReply> replyAt(int index) const;

    // Faults the client should retry (all but the bad-body ones).
    static bool isTransient(Fault fault);
    static QString name(Fault fault);

private:
    double m_rate;
    quint64 m_seed;
    int m_hangMs;
};

} // namespace neuroonco::test
