// Field values of a review sample.
#include "core/review/ReviewSample.h"

#include "core/review/ReviewFields.h"

namespace neuroonco {

QString ReviewSample::signValue(const SignSet &s, const QString &field)
{
    if (field == QLatin1String("modality"))
        return s.modality;
    if (field == QLatin1String("location"))
        return s.location;
    if (field == QLatin1String("lesion_found"))
        return s.lesionFound < 0 ? QString() : s.lesionFound ? QStringLiteral("True") : QStringLiteral("False");
    for (SignField f : kSignFields)
        if (SignSet::fieldKey(f) == field)
            return s.sign(f);
    return {};
}

QString ReviewSample::maskValue(const QString &field) const
{
    if (!semantics)
        return {};
    if (field == QLatin1String("mask_size"))
        return semantics->size;
    if (field == QLatin1String("mask_shape"))
        return semantics->shape;
    if (field == QLatin1String("mask_spread"))
        return semantics->spread;
    if (field == QLatin1String("mask_location"))
        return semantics->location;
    return {};
}

QString ReviewSample::runValue(const std::optional<ExtractionRecord> &run, const QString &field) const
{
    if (!run || run->status != QLatin1String("ok"))
        return {};
    return signValue(run->signs, field);
}

QString ReviewSample::fusedValue(const QString &field) const
{
    if (!fused)
        return {};
    if (fused->outcome.status == FusionOutcome::Status::Healthy)
        return field == QLatin1String("lesion_found") ? QStringLiteral("False") : QString();
    if (fused->outcome.status != FusionOutcome::Status::Kept)
        return {};
    return signValue(fused->outcome.fused, field);
}

QString ReviewSample::qcValue(const QString &field) const
{
    if (!qc || qc->status != QLatin1String("ok"))
        return {};
    return signValue(qc->gold, field);
}

QString ReviewSample::silver(const QString &field) const
{
    const ReviewField *f = ReviewFields::find(field);
    if (f && f->fromMask)
        return maskValue(field);
    if (qc && qc->status == QLatin1String("ok"))
        return qcValue(field);
    return fusedValue(field);
}

QString ReviewSample::finalValue(const QString &field) const
{
    auto it = decisions.constFind(field);
    if (it == decisions.constEnd())
        return silver(field);
    switch (it->action) {
    case AuditAction::Accept: return silver(field);
    case AuditAction::Reject: return {};
    case AuditAction::Correct:
    case AuditAction::Add: return it->value;
    default: return silver(field);
    }
}

bool ReviewSample::runsDisagree(const QString &field) const
{
    const QString a = runValue(runA, field), b = runValue(runB, field);
    return !a.isEmpty() && !b.isEmpty() && a != b;
}

int ReviewSample::disagreements() const
{
    int n = 0;
    for (const ReviewField &f : ReviewFields::all())
        if (!f.fromMask && runsDisagree(f.key))
            ++n;
    return n;
}

bool ReviewSample::isAudited() const
{
    bool any = false;
    for (const ReviewField &f : ReviewFields::all()) {
        if (silver(f.key).isEmpty())
            continue;
        any = true;
        if (!decisions.contains(f.key))
            return false;
    }
    return any || !decisions.isEmpty();
}

} // namespace neuroonco
