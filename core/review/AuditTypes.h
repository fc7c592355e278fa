// Reviewer decisions (append-only) and the per-sample view of them.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace neuroonco {

enum class AuditAction { Accept, Reject, Correct, Add, Comment, Retract };

QString auditActionName(AuditAction a);              // accept | reject | correct | add | comment | retract
AuditAction auditActionFromName(const QString &name);

struct AuditDecision
{
    qint64 id = 0;
    qint64 sample = 0;
    QString field;          // a ReviewFields key, or "comment"
    AuditAction action = AuditAction::Accept;
    QString value;          // the reviewer's value (correct/add), the comment text, or empty
    QString silver;         // the silver value the decision was about (what the pipeline said)
    QString reviewer;
    qint64 retracts = 0;    // for Retract: the decision it takes back
    QDateTime at;
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::AuditDecision)
