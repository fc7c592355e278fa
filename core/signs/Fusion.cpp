// Fusion rules, exactly as DESIGN.md §3.8 states them.
#include "core/signs/Fusion.h"

#include <QSet>

namespace neuroonco {

QString fusionStatusName(FusionOutcome::Status s)
{
    switch (s) {
    case FusionOutcome::Status::Kept: return QStringLiteral("kept");
    case FusionOutcome::Status::Healthy: return QStringLiteral("healthy");
    case FusionOutcome::Status::Dropped: return QStringLiteral("dropped");
    }
    return {};
}

QString Fusion::fuseSign(SignField field, const QString &a, const QString &b, QString *rule)
{
    auto set = [rule](const char *r) {
        if (rule)
            *rule = QLatin1String(r);
    };
    if (a.isEmpty() || b.isEmpty()) {
        set("either run null → null");
        return {};
    }
    if (a == b) {
        set("equal → kept");
        return a;
    }
    if (field == SignField::SignalIntensity) {
        const QSet<QString> pair{a, b};
        const QString iso = QStringLiteral("Isointense");
        if (pair.contains(iso) && (pair.contains(QStringLiteral("Hyperintense")) || pair.contains(QStringLiteral("Hypointense")))) {
            set("hyper/hypo + iso → Isointense");
            return iso;
        }
        if (pair.contains(QStringLiteral("Hyperintense")) && pair.contains(QStringLiteral("Hypointense"))) {
            set("hyper + hypo → null");
            return {};
        }
    }
    if (field == SignField::Enhancement || field == SignField::Edema) {
        set("disagreeing enhancement/oedema → Present");
        return QStringLiteral("Present");
    }
    set("disagreement → null");
    return {};
}

QString Fusion::fuseModality(const QString &a, const QString &b, bool *conflict, QString *rule)
{
    *conflict = false;
    auto set = [rule](const char *r) {
        if (rule)
            *rule = QLatin1String(r);
    };
    if (a == b) {
        set("equal → kept");
        return a;
    }
    if (a.isEmpty() || b.isEmpty()) {
        set("one unknown → the other");
        return a.isEmpty() ? b : a;
    }
    const QSet<QString> pair{a, b};
    if (pair == QSet<QString>{QStringLiteral("T2"), QStringLiteral("FLAIR")}) {
        set("{T2, FLAIR} → FLAIR");
        return QStringLiteral("FLAIR");
    }
    if (pair == QSet<QString>{QStringLiteral("T1"), QStringLiteral("T1CE")}) {
        set("{T1, T1CE} → T1CE");
        return QStringLiteral("T1CE");
    }
    set("modality conflict → dropped");
    *conflict = true;
    return {};
}

FusionOutcome Fusion::fuse(const SignSet &a, const SignSet &b)
{
    FusionOutcome out;
    const bool positiveA = a.lesionFound == 1, positiveB = b.lesionFound == 1;
    if (!positiveA && !positiveB) {
        out.status = FusionOutcome::Status::Healthy;
        out.reason = QStringLiteral("neither run found a lesion");
        return out;
    }
    if (positiveA != positiveB) {
        out.status = FusionOutcome::Status::Dropped;
        out.reason = QStringLiteral("only run %1 found a lesion").arg(positiveA ? QStringLiteral("A") : QStringLiteral("B"));
        out.notes.append({QStringLiteral("lesion_found"), positiveA ? QStringLiteral("true") : QStringLiteral("false"),
                          positiveB ? QStringLiteral("true") : QStringLiteral("false"), QString(), QStringLiteral("runs disagree → dropped")});
        return out;
    }

    QString rule;
    bool conflict = false;
    out.fused.modality = fuseModality(a.modality, b.modality, &conflict, &rule);
    if (a.modality != b.modality)
        out.notes.append({QStringLiteral("modality"), a.modality, b.modality, out.fused.modality, rule});
    if (conflict) {
        out.status = FusionOutcome::Status::Dropped;
        out.reason = QStringLiteral("modality conflict: run A says %1, run B says %2").arg(a.modality, b.modality);
        out.fused = SignSet();
        return out;
    }
    out.fused.lesionFound = 1;
    out.fused.location = !a.location.isEmpty() ? a.location : b.location;
    if (a.location != b.location)
        out.notes.append({QStringLiteral("location"), a.location, b.location, out.fused.location,
                          a.location.isEmpty() ? QStringLiteral("run A has none → run B's") : QStringLiteral("run A's location")});
    for (SignField f : kSignFields) {
        const QString value = fuseSign(f, a.sign(f), b.sign(f), &rule);
        out.fused.setSign(f, value);
        if (a.sign(f) != b.sign(f))
            out.notes.append({SignSet::fieldKey(f), a.sign(f), b.sign(f), value, rule});
    }
    if (out.fused.modality == QLatin1String("T1CE") && out.fused.enhancement.isEmpty()) {
        out.fused.modality = QStringLiteral("T1");
        out.downgraded = true;
        out.notes.append({QStringLiteral("modality"), a.modality, b.modality, QStringLiteral("T1"),
                          QStringLiteral("T1CE without enhancement → downgraded to T1")});
    }
    return out;
}

} // namespace neuroonco
