// Action names as stored.
#include "core/review/AuditTypes.h"

namespace neuroonco {

QString auditActionName(AuditAction a)
{
    switch (a) {
    case AuditAction::Accept: return QStringLiteral("accept");
    case AuditAction::Reject: return QStringLiteral("reject");
    case AuditAction::Correct: return QStringLiteral("correct");
    case AuditAction::Add: return QStringLiteral("add");
    case AuditAction::Comment: return QStringLiteral("comment");
    case AuditAction::Retract: return QStringLiteral("retract");
    }
    return {};
}

AuditAction auditActionFromName(const QString &name)
{
    for (AuditAction a : {AuditAction::Accept, AuditAction::Reject, AuditAction::Correct, AuditAction::Add,
                          AuditAction::Comment, AuditAction::Retract})
        if (auditActionName(a) == name)
            return a;
    return AuditAction::Comment;
}

} // namespace neuroonco
