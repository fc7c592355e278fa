// The checks, applied to run A, run B, the fused label and the gold label alike.
#include "core/review/ConsistencyChecks.h"

#include <QCoreApplication>

namespace neuroonco {

namespace {

// Message formats by code: %1 is the reading, %2… the warning's args. Marked for lupdate in the
// "ConsistencyChecks" context; check() fills them in English, text() in the installed language.
struct Format
{
    const char *code;
    const char *text;
};
const Format kFormats[] = {
    {"lesion-vs-mask", QT_TRANSLATE_NOOP("ConsistencyChecks", "%1 says no lesion, but the mask marks %2 pixels")},
    {"location-vs-mask", QT_TRANSLATE_NOOP("ConsistencyChecks", "%1 puts the lesion in %2; the mask centroid is in %3")},
    {"enhancement-non-contrast", QT_TRANSLATE_NOOP("ConsistencyChecks", "%1 reports %2 enhancement on a %3 series")},
    {"oedema-on-t1", QT_TRANSLATE_NOOP("ConsistencyChecks", "%1 reports %2 oedema on a %3 series")},
    {"modality-vs-path", QT_TRANSLATE_NOOP("ConsistencyChecks", "%1 reads %2; the source says %3")},
};
// The readings' names, as ConsistencyWarning::source holds them.
const char *const kReadings[] = {QT_TRANSLATE_NOOP("ConsistencyChecks", "run A"), QT_TRANSLATE_NOOP("ConsistencyChecks", "run B"),
                                 QT_TRANSLATE_NOOP("ConsistencyChecks", "fused"), QT_TRANSLATE_NOOP("ConsistencyChecks", "gold")};

QString format(const ConsistencyWarning &w, bool translate)
{
    auto text = [translate](const char *source) {
        return translate ? QCoreApplication::translate("ConsistencyChecks", source) : QString::fromUtf8(source);
    };
    QString reading = w.source;
    for (const char *r : kReadings)
        if (w.source == QLatin1String(r))
            reading = text(r);
    for (const Format &f : kFormats) {
        if (w.code == QLatin1String(f.code)) {
            QString out = text(f.text).arg(reading);
            for (const QString &a : w.args)
                out = out.arg(a);
            return out;
        }
    }
    return w.message;
}

ConsistencyWarning warning(const QString &code, const QString &field, const QString &reading, const QStringList &args)
{
    ConsistencyWarning w{code, field, reading, QString(), args};
    w.message = format(w, false);
    return w;
}

} // namespace

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
            out.push_back(warning(QStringLiteral("lesion-vs-mask"), QStringLiteral("lesion_found"), r.name,
                                  {QString::number(s.sample.lesionPixels)}));
        if (!maskCell.isEmpty() && !x.location.isEmpty() && x.location != maskCell)
            out.push_back(warning(QStringLiteral("location-vs-mask"), QStringLiteral("location"), r.name, {x.location, maskCell}));
        const QString modality = x.modality.isEmpty() ? pathModality : x.modality;
        if (!x.enhancement.isEmpty() && !modality.isEmpty() && modality != QLatin1String("T1CE"))
            out.push_back(warning(QStringLiteral("enhancement-non-contrast"), QStringLiteral("enhancement"), r.name,
                                  {x.enhancement, modality}));
        if (!x.edema.isEmpty() && (modality == QLatin1String("T1") || modality == QLatin1String("T1CE")))
            out.push_back(warning(QStringLiteral("oedema-on-t1"), QStringLiteral("edema"), r.name, {x.edema, modality}));
        if (!pathModality.isEmpty() && !x.modality.isEmpty() && x.modality != pathModality)
            out.push_back(warning(QStringLiteral("modality-vs-path"), QStringLiteral("modality"), r.name,
                                  {x.modality, pathModality}));
    }
    return out;
}

QString ConsistencyChecks::text(const ConsistencyWarning &w)
{
    return format(w, true);
}

} // namespace neuroonco
