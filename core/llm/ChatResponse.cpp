// Names of chat error kinds (stored with extraction results, so they must stay stable).
#include "core/llm/ChatResponse.h"

namespace neuroonco {

QString chatErrorKindName(ChatErrorKind kind)
{
    switch (kind) {
    case ChatErrorKind::None:
        return QStringLiteral("none");
    case ChatErrorKind::Http:
        return QStringLiteral("http");
    case ChatErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ChatErrorKind::Network:
        return QStringLiteral("network");
    case ChatErrorKind::Canceled:
        return QStringLiteral("canceled");
    case ChatErrorKind::BadResponse:
        return QStringLiteral("bad-response");
    case ChatErrorKind::TooLarge:
        return QStringLiteral("too-large");
    }
    return QStringLiteral("none");
}

ChatErrorKind chatErrorKindFromName(const QString &name, bool *ok)
{
    static const ChatErrorKind all[] = {ChatErrorKind::None,     ChatErrorKind::Http,
                                        ChatErrorKind::Timeout,  ChatErrorKind::Network,
                                        ChatErrorKind::Canceled, ChatErrorKind::BadResponse,
                                        ChatErrorKind::TooLarge};
    for (ChatErrorKind k : all) {
        if (chatErrorKindName(k) == name) {
            if (ok)
                *ok = true;
            return k;
        }
    }
    if (ok)
        *ok = false;
    return ChatErrorKind::None;
}

} // namespace neuroonco
