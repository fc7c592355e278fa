// Cross-validation of two readings (DESIGN.md §3.8, the paper's Step 2). Pure rules; every
// drop, downgrade and per-field decision is returned with its reason so the GUI can show why.
#pragma once

#include "core/signs/SignSet.h"

#include <QString>
#include <QStringList>

namespace neuroonco {

struct FusionNote
{
    QString field;   // modality, location, lesion_found, shape, …
    QString a;       // run A's value
    QString b;       // run B's value
    QString result;  // fused value (empty for null)
    QString rule;    // which rule decided it
};

struct FusionOutcome
{
    enum class Status { Kept, Healthy, Dropped };
    Status status = Status::Kept;
    QString reason;            // why a sample was dropped or sent to the healthy list
    SignSet fused;             // valid when Kept
    bool downgraded = false;   // T1CE without enhancement became T1
    QList<FusionNote> notes;   // one per field that needed a rule beyond "equal"
};

QString fusionStatusName(FusionOutcome::Status s); // kept | healthy | dropped

class Fusion
{
public:
    static FusionOutcome fuse(const SignSet &a, const SignSet &b);
    // The per-sign rule on its own (used by tests and by the GUI's explanation).
    static QString fuseSign(SignField field, const QString &a, const QString &b, QString *rule);
    // Modality rule; `conflict` set when the pair cannot be reconciled.
    static QString fuseModality(const QString &a, const QString &b, bool *conflict, QString *rule);
};

} // namespace neuroonco
