// The attribute values benchmark items and instructions are built from: the effective label of
// the review layer (ReviewSample) — mask-rule semantics for size/shape/spread/location, the
// model-audited gold label (else the fused one) for the signs, the dataset's own tumour type and
// modality, and a reviewer's decision over any of them. Each value remembers where it came from,
// so an item can record its lineage and be flagged stale when a later decision changes it.
#pragma once

#include "core/semantics/MaskSemantics.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco {

class Database;
struct ReviewSample;

struct GoldValue
{
    QString value;
    QString source;      // sample | mask | gold | fused | reviewer | reviewer-accepted (mask value
                         // confirmed)
    qint64 decision = 0; // the reviewer decision (audit_decisions.id) behind it
};

struct GoldRecord
{
    qint64 sample = 0;
    QString sampleId;
    QString imagePath;
    QString tumourType;
    QString patientKey;
    QString volumePath;
    qint64 clusterId = 0;
    bool duplicate = false;
    int width = 0;
    int height = 0;
    // diagnosis, modality, size, shape, spread, location (mask rules), shape_sign, margins,
    // texture, signal_intensity, enhancement, edema. Absent keys have no value.
    QMap<QString, GoldValue> values;
    bool hasNumbers = false; // mask numbers of an accepted measurement
    MaskNumbers numbers;
    HeadLocation head;
    SemanticsThresholds thresholds;

    QString value(const QString &key) const { return values.value(key).value; }
    bool has(const QString &key) const { return !values.value(key).value.isEmpty(); }
    // The label of a mask attribute still is what the measurement says (no reviewer changed it),
    // so its numbers may be cited.
    bool numbersBack(const QString &key) const;
    // Printed numbers as items cite them: area_pct, circularity, elongation, centroid_x,
    // centroid_y, components, core_pct (strings at citation precision).
    QJsonObject citedNumbers() const;
    QString number(const QString &key) const { return citedNumbers().value(key).toString(); }
};

class GoldAttributes
{
public:
    static QStringList keys();
    static GoldRecord fromReview(const ReviewSample &review);
    // Every sample of the project (duplicates flagged), built through ReviewRepository.
    static Result<std::vector<GoldRecord>> load(Database &db);
    // One sample (for curation actions on a single item).
    static Result<GoldRecord> loadOne(Database &db, qint64 sample);

    // Lineage of an item built from `keys` (and citing `numberKeys`).
    static QJsonObject lineage(const GoldRecord &gold, const QStringList &keys,
                               const QStringList &numberKeys = {});
    // Keys (and "numbers.<key>") whose current value differs from the lineage.
    static QStringList changedKeys(const QJsonObject &lineage, const GoldRecord &current);
};

} // namespace neuroonco
