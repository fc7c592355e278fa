// The checks, applied to run A, run B, the fused label and the gold label alike.
#include "review/ConsistencyChecks.h"

namespace neuroonco {

QStringList ConsistencyChecks::codes()
{
    return {QStringLiteral("lesion-vs-mask"), QStringLiteral("location-vs-mask"), QStringLiteral("enhancement-non-contrast"),
            QStringLiteral("oedema-on-t1"), QStringLiteral("modality-vs-path")};
}

std::vector<ConsistencyWarning> ConsistencyChecks::check(const ReviewSample &s)
{
    std::vector<ConsistencyWarning> out;
    struct Reading { QString name; std::optional<SignSet> signs; };
    std::vector<Reading> readings;
    if (s.runA && s.runA->status == QLatin1String("ok"))
        readings.push_back({QStringLiteral("run A"), s.runA->signs});
    if (s.runB && s.runB->status == QLatin1String("ok"))
        readings.push_back({QStringLiteral("run B"), s.runB->signs});
    if (s.fused && s.fused->outcome.status == FusionOutcome::Status::Kept)
        readings.push_back({QStringLiteral("fused"), s.fused->outcome.fused});
    if (s.qc && s.qc->status == QLatin1String("ok"))
        readings.push_back({QStringLiteral("gold"), s.qc->gold});

    const bool maskHasLesion = s.sample.hasMask() && s.sample.lesionPixels > 0;
    QString maskCell;
    if (s.semantics) {
        maskCell = s.semantics->location;
        maskCell = maskCell == QLatin1String("Center of the Image") ? QStringLiteral("Center") : maskCell.remove(QStringLiteral(" Region"));
    }
    const QString pathModality = s.sample.modality == QLatin1String("Unknown") ? QString() : s.sample.modality;
    for (const Reading &r : readings) {
        const SignSet &x = *r.signs;
        if (maskHasLesion && x.lesionFound == 0)
            out.push_back({QStringLiteral("lesion-vs-mask"), QStringLiteral("lesion_found"), r.name,
                           QStringLiteral("%1 says no lesion, but the mask marks %2 pixels").arg(r.name).arg(s.sample.lesionPixels)});
        if (!maskCell.isEmpty() && !x.location.isEmpty() && x.location != maskCell)
            out.push_back({QStringLiteral("location-vs-mask"), QStringLiteral("location"), r.name,
                           QStringLiteral("%1 puts the lesion in %2; the mask centroid is in %3").arg(r.name, x.location, maskCell)});
        const QString modality = x.modality.isEmpty() ? pathModality : x.modality;
        if (!x.enhancement.isEmpty() && !modality.isEmpty() && modality != QLatin1String("T1CE"))
            out.push_back({QStringLiteral("enhancement-non-contrast"), QStringLiteral("enhancement"), r.name,
                           QStringLiteral("%1 reports %2 enhancement on a %3 series").arg(r.name, x.enhancement, modality)});
        if (!x.edema.isEmpty() && (modality == QLatin1String("T1") || modality == QLatin1String("T1CE")))
            out.push_back({QStringLiteral("oedema-on-t1"), QStringLiteral("edema"), r.name,
                           QStringLiteral("%1 reports %2 oedema on a %3 series").arg(r.name, x.edema, modality)});
        if (!pathModality.isEmpty() && !x.modality.isEmpty() && x.modality != pathModality)
            out.push_back({QStringLiteral("modality-vs-path"), QStringLiteral("modality"), r.name,
                           QStringLiteral("%1 reads %2; the source says %3").arg(r.name, x.modality, pathModality)});
    }
    return out;
}

} // namespace neuroonco
