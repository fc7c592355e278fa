// Field-by-field audit against an independent skeptical reading.
#include "core/extract/ClassicalAuditor.h"

#include <QJsonDocument>

namespace neuroonco {

QcDecision ClassicalAuditor::audit(const ExtractionInput &input, const SignSet &fused, QString *raw) const
{
    const ClassicalExtractor skeptic(ClassicalExtractor::Stance::Skeptic);
    const ExtractionOutput check = skeptic.extract(input);
    const SignSet &r = check.signs;
    QcDecision d;
    auto set = [&d](const QString &field, QcAction action, const QString &reason) {
        d.actions.insert(field, action);
        d.reasons.insert(field, reason);
    };
    if (!fused.modality.isEmpty()) {
        if (fused.modality == QLatin1String("T1CE") && r.modality == QLatin1String("T1"))
            set(QStringLiteral("modality"), QcAction::Downgrade, QStringLiteral("no enhancing tissue brighter than white matter"));
        else if (!r.modality.isEmpty() && r.modality != fused.modality
                 && !(fused.modality == QLatin1String("FLAIR") && r.modality == QLatin1String("T2")))
            set(QStringLiteral("modality"), QcAction::Erase, QStringLiteral("contrast pattern looks like %1").arg(r.modality));
        else
            set(QStringLiteral("modality"), QcAction::Keep, QStringLiteral("contrast pattern consistent"));
    }
    if (!fused.location.isEmpty()) {
        if (!r.location.isEmpty() && r.location != fused.location)
            set(QStringLiteral("location"), QcAction::Erase, QStringLiteral("lesion centre lies in %1").arg(r.location));
        else
            set(QStringLiteral("location"), QcAction::Keep, QStringLiteral("lesion centre in the stated cell"));
    }
    for (SignField f : kSignFields) {
        const QString value = fused.sign(f);
        if (value.isEmpty())
            continue;
        const QString key = SignSet::fieldKey(f);
        const QString seen = r.sign(f);
        const bool patterned = f == SignField::Enhancement || f == SignField::Edema;
        if (seen == value || (patterned && value == QLatin1String("Present") && !seen.isEmpty()))
            set(key, QcAction::Keep, QStringLiteral("re-read as %1").arg(seen));
        else if (seen.isEmpty())
            set(key, patterned ? QcAction::Downgrade : QcAction::Keep,
                patterned ? QStringLiteral("present but its pattern is not clear") : QStringLiteral("no evidence against it"));
        else
            set(key, patterned ? QcAction::Downgrade : QcAction::Erase, QStringLiteral("re-read as %1").arg(seen));
    }
    if (raw)
        *raw = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("reread"), r.toPublishedJson()},
                                                           {QStringLiteral("actions"), QcAudit::toJson(d)}})
                                     .toJson(QJsonDocument::Compact));
    return d;
}

} // namespace neuroonco
