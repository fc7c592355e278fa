// Reduction of review samples to the attribute values items are built from.
#include "core/benchmark/GoldRecord.h"

#include "core/review/ReviewRepository.h"
#include "core/review/ReviewSample.h"
#include "core/semantics/SemanticsRepository.h"

#include <QJsonDocument>

#include <cmath>

namespace neuroonco {

namespace {

const char *const kMaskKeys[][2] = {{"size", "mask_size"},
                                    {"shape", "mask_shape"},
                                    {"spread", "mask_spread"},
                                    {"location", "mask_location"}};
const char *const kSignKeys[][2] = {
    {"shape_sign", "shape"},        {"margins", "margins"},
    {"texture", "texture"},         {"signal_intensity", "signal_intensity"},
    {"enhancement", "enhancement"}, {"edema", "edema"}};

GoldValue reviewed(const ReviewSample &r, const QString &field, const QString &silverSource)
{
    GoldValue v;
    auto it = r.decisions.constFind(field);
    if (it != r.decisions.constEnd()) {
        v.value = r.finalValue(field);
        v.source = QStringLiteral("reviewer");
        v.decision = it->id;
    } else {
        v.value = r.silver(field);
        v.source = silverSource;
    }
    return v;
}

} // namespace

QStringList GoldAttributes::keys()
{
    QStringList k{QStringLiteral("diagnosis"), QStringLiteral("modality")};
    for (const auto &m : kMaskKeys)
        k << QLatin1String(m[0]);
    for (const auto &s : kSignKeys)
        k << QLatin1String(s[0]);
    return k;
}

bool GoldRecord::numbersBack(const QString &key) const
{
    if (!hasNumbers)
        return false;
    auto it = values.constFind(key);
    return it != values.constEnd() && !it->value.isEmpty() &&
           (it->source == QLatin1String("mask") ||
            it->source == QLatin1String("reviewer-accepted"));
}

QJsonObject GoldRecord::citedNumbers() const
{
    if (!hasNumbers)
        return {};
    const MaskNumbers &n = numbers;
    return {
        {QStringLiteral("area_pct"), QString::number(100 * n.areaRatio, 'f', 2)},
        {QStringLiteral("circularity"), QString::number(n.circularity, 'f', 2)},
        {QStringLiteral("elongation"), QString::number(n.elongation, 'f', 2)},
        {QStringLiteral("centroid_x"), QString::number(qRound(n.centroidX))},
        {QStringLiteral("centroid_y"), QString::number(qRound(n.centroidY))},
        {QStringLiteral("components"), QString::number(n.components)},
        // Truncated, not rounded: "the largest holds 100.0%" next to two components reads wrong.
        {QStringLiteral("core_pct"),
         QString::number(n.components > 1 ? std::floor(1000 * n.coreFraction) / 10
                                          : 100 * n.coreFraction,
                         'f', 1)}};
}

GoldRecord GoldAttributes::fromReview(const ReviewSample &r)
{
    GoldRecord g;
    const SampleRecord &s = r.sample;
    g.sample = s.id;
    g.sampleId = s.sampleId;
    g.imagePath = s.imagePath;
    g.tumourType = s.tumourType;
    g.patientKey = s.patientKey;
    g.volumePath = s.volumePath;
    g.clusterId = s.clusterId;
    g.duplicate = s.isDuplicate();
    g.width = s.width;
    g.height = s.height;
    g.values.insert(QStringLiteral("diagnosis"), {s.tumourType, QStringLiteral("sample"), 0});

    // Modality: a reviewer's word first, then the dataset's own (path tokens, series
    // description), then what the readers saw.
    const QString silverSource = r.qc && r.qc->status == QLatin1String("ok")
                                     ? QStringLiteral("gold")
                                     : QStringLiteral("fused");
    GoldValue modality;
    if (r.decisions.contains(QStringLiteral("modality")))
        modality = reviewed(r, QStringLiteral("modality"), silverSource);
    else if (!s.modality.isEmpty() && s.modality != QLatin1String("Unknown"))
        modality = {s.modality, QStringLiteral("sample"), 0};
    else
        modality = reviewed(r, QStringLiteral("modality"), silverSource);
    if (!modality.value.isEmpty())
        g.values.insert(QStringLiteral("modality"), modality);

    if (r.semantics && s.tumourPresent()) {
        g.hasNumbers = true;
        g.numbers = r.semantics->numbers;
        g.head = r.semantics->head;
        for (const auto &m : kMaskKeys) {
            GoldValue v = reviewed(r, QLatin1String(m[1]), QStringLiteral("mask"));
            // An accepted mask value is still backed by the measurement.
            if (v.source == QLatin1String("reviewer") &&
                v.value == r.maskValue(QLatin1String(m[1])))
                v.source = QStringLiteral("reviewer-accepted");
            if (!v.value.isEmpty())
                g.values.insert(QLatin1String(m[0]), v);
        }
    }
    if (s.tumourPresent()) {
        for (const auto &k : kSignKeys) {
            GoldValue v = reviewed(r, QLatin1String(k[1]), silverSource);
            if (!v.value.isEmpty())
                g.values.insert(QLatin1String(k[0]), v);
        }
    }
    return g;
}

Result<std::vector<GoldRecord>> GoldAttributes::load(Database &db)
{
    Result<std::vector<ReviewSample>> all = ReviewRepository(db).loadAll();
    if (!all)
        return all.error();
    // The thresholds each measurement was made with (open answers cite them).
    Result<QHash<qint64, SemanticsRecord>> semantics = SemanticsRepository(db).allSemantics();
    if (!semantics)
        return semantics.error();
    std::vector<GoldRecord> out;
    out.reserve(all->size());
    for (const ReviewSample &r : *all) {
        out.push_back(fromReview(r));
        auto it = semantics->constFind(r.sample.id);
        if (it != semantics->constEnd() && !it->thresholds.isEmpty())
            out.back().thresholds = SemanticsThresholds::fromJson(
                QJsonDocument::fromJson(it->thresholds.toUtf8()).object());
    }
    return out;
}

Result<GoldRecord> GoldAttributes::loadOne(Database &db, qint64 sample)
{
    Result<ReviewSample> review = ReviewRepository(db).load(sample);
    if (!review)
        return review.error();
    GoldRecord g = fromReview(*review);
    Result<std::optional<SemanticsRecord>> s = SemanticsRepository(db).semantics(sample);
    if (!s)
        return s.error();
    if (*s && !(*s)->thresholds.isEmpty())
        g.thresholds =
            SemanticsThresholds::fromJson(QJsonDocument::fromJson((*s)->thresholds.toUtf8()).object());
    return g;
}

QJsonObject GoldAttributes::lineage(const GoldRecord &gold, const QStringList &keys,
                                    const QStringList &numberKeys)
{
    QJsonObject values;
    for (const QString &k : keys) {
        const GoldValue v = gold.values.value(k);
        QJsonObject o{
            {QStringLiteral("value"), v.value.isEmpty() ? QJsonValue() : QJsonValue(v.value)},
            {QStringLiteral("source"), v.source}};
        if (v.decision > 0)
            o.insert(QStringLiteral("decision"), v.decision);
        values.insert(k, o);
    }
    QJsonObject out{{QStringLiteral("sample_id"), gold.sampleId},
                    {QStringLiteral("values"), values}};
    if (!numberKeys.isEmpty()) {
        const QJsonObject all = gold.citedNumbers();
        QJsonObject cited;
        for (const QString &k : numberKeys)
            cited.insert(k, all.value(k));
        out.insert(QStringLiteral("numbers"), cited);
    }
    return out;
}

QStringList GoldAttributes::changedKeys(const QJsonObject &lineage, const GoldRecord &current)
{
    QStringList changed;
    const QJsonObject values = lineage.value(QStringLiteral("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString was = it.value().toObject().value(QStringLiteral("value")).toString();
        if (was != current.value(it.key()))
            changed << it.key();
    }
    const QJsonObject numbers = lineage.value(QStringLiteral("numbers")).toObject();
    const QJsonObject now = current.citedNumbers();
    for (auto it = numbers.begin(); it != numbers.end(); ++it)
        if (it.value() != now.value(it.key()))
            changed << QStringLiteral("numbers.") + it.key();
    return changed;
}

} // namespace neuroonco
