// The model audit (DESIGN.md §3.9, the paper's Step 3): per-field KEEP / ERASE / DOWNGRADE
// actions applied to a fused label give the gold label; every change is recorded.
#pragma once

#include "core/signs/Fusion.h"

#include <QJsonObject>
#include <QMap>

namespace neuroonco {

enum class QcAction { Keep, Erase, Downgrade };

struct QcDecision
{
    QMap<QString, QcAction> actions; // field key → action; fields not named are kept
    QMap<QString, QString> reasons;  // optional explanation per field from the auditor
    QString status = QStringLiteral("ok"); // ok | error
};

struct QcOutcome
{
    SignSet gold;
    QList<FusionNote> notes; // field, before, (unused), after, rule
};

class QcAudit
{
public:
    // Reads {"modality": "KEEP", "enhancement": {"action": "DOWNGRADE", "reason": "…"}, …} in
    // any case and several nestings ("actions", "audit", "fields").
    static QcDecision parse(const QJsonObject &reply, QStringList *problems = nullptr);
    static QcOutcome apply(const SignSet &fused, const QcDecision &decision);
    static QString actionName(QcAction a);
    static QJsonObject toJson(const QcDecision &d);
    // Fields the auditor may act on: modality, location, and the six signs.
    static QStringList fields();
};

} // namespace neuroonco
