// Fault selection by hashing (seed, index).
#include "FaultPlan.h"

namespace neuroonco::test {

namespace {

// splitmix64: a good 64-bit mix, cheap enough to run per request.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

FaultPlan::FaultPlan(double rate, quint64 seed, int hangMs)
    : m_rate(rate)
    , m_seed(seed)
    , m_hangMs(hangMs)
{}

std::optional<FaultPlan::Fault> FaultPlan::faultAt(int index) const
{
    const quint64 h = mix(m_seed * 0x100000001b3ULL + quint64(index));
    const double u = double(h >> 11) * (1.0 / 9007199254740992.0);
    if (u >= m_rate)
        return std::nullopt;
    const int kinds = m_hangMs > 0 ? 10 : 9;
    return Fault(int(mix(h) % quint64(kinds)));
}

FakeReply FaultPlan::reply(Fault fault) const
{
    switch (fault) {
    case Fault::RateLimited:
        return FakeReply::rateLimited("0");
    case Fault::ServerError:
        return FakeReply::error(
            500, QStringLiteral("The server had an error while processing your request."));
    case Fault::Unavailable:
        return FakeReply::error(503, QStringLiteral("The engine is currently overloaded."));
    case Fault::GatewayHtml:
        return FakeReply::htmlPage(502);
    case Fault::Reset:
        return FakeReply::reset();
    case Fault::CutBody:
        return FakeReply::cutBody();
    case Fault::TruncatedJson:
        return FakeReply::truncatedJson();
    case Fault::NotJson:
        return FakeReply::raw(200, "Internal error, please try again", "text/plain");
    case Fault::WrongTypes:
        return FakeReply::raw(200, R"({"id":"x","choices":"none","usage":[]})");
    case Fault::Hang:
        return FakeReply::json(QStringLiteral("{}")).withDelay(m_hangMs);
    }
    return FakeReply();
}

std::optional<FakeReply> FaultPlan::replyAt(int index) const
{
    if (const auto f = faultAt(index))
        return reply(*f);
    return std::nullopt;
}

bool FaultPlan::isTransient(Fault fault)
{
    return fault != Fault::TruncatedJson && fault != Fault::NotJson && fault != Fault::WrongTypes;
}

QString FaultPlan::name(Fault fault)
{
    switch (fault) {
    case Fault::RateLimited:
        return QStringLiteral("429");
    case Fault::ServerError:
        return QStringLiteral("500");
    case Fault::Unavailable:
        return QStringLiteral("503");
    case Fault::GatewayHtml:
        return QStringLiteral("502-html");
    case Fault::Reset:
        return QStringLiteral("reset");
    case Fault::CutBody:
        return QStringLiteral("cut-body");
    case Fault::TruncatedJson:
        return QStringLiteral("truncated-json");
    case Fault::NotJson:
        return QStringLiteral("not-json");
    case Fault::WrongTypes:
        return QStringLiteral("wrong-types");
    case Fault::Hang:
        return QStringLiteral("hang");
    }
    return QStringLiteral("?");
}

} // namespace neuroonco::test
