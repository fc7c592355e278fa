// Leakage checks over a split.
#include "core/benchmark/LeakageReport.h"

#include "core/benchmark/BenchmarkRepository.h"
#include "core/store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace neuroonco {

namespace {

struct Sides
{
    int train = 0;
    int test = 0;
};

QJsonObject strataJson(const QMap<QString, Sides> &strata, double target, double *maxDeviation)
{
    QJsonObject out;
    for (auto it = strata.begin(); it != strata.end(); ++it) {
        const int total = it->train + it->test;
        const double share = total ? double(it->test) / total : 0;
        if (total > 0)
            *maxDeviation = std::max(*maxDeviation, std::fabs(share - target));
        out.insert(it.key(), QJsonObject{{QStringLiteral("total"), total},
                                         {QStringLiteral("test"), it->test},
                                         {QStringLiteral("train"), it->train},
                                         {QStringLiteral("test_share"), share}});
    }
    return out;
}

} // namespace

QJsonObject LeakageReport::check(const std::vector<SplitSample> &samples,
                                 const QHash<qint64, QString> &splitOf, double targetShare,
                                 const LeakageInputs &inputs)
{
    QMap<QString, QSet<QString>> sidesOf; // "patient:…" → sides
    QMap<QString, QStringList> membersOf;
    int test = 0, train = 0;
    QStringList unassigned;
    QMap<QString, Sides> byType, byQuestion;
    for (const SplitSample &s : samples) {
        const QString side = splitOf.value(s.sample);
        if (side != QLatin1String("train") && side != QLatin1String("test")) {
            unassigned << s.sampleId;
            continue;
        }
        (side == QLatin1String("test") ? test : train) += 1;
        QStringList keys;
        if (!s.patientKey.isEmpty())
            keys << QStringLiteral("patient:") + s.patientKey;
        if (!s.volumePath.isEmpty())
            keys << QStringLiteral("volume:") + s.volumePath;
        if (s.clusterId > 0)
            keys << QStringLiteral("cluster:%1").arg(s.clusterId);
        for (const QString &k : keys) {
            sidesOf[k].insert(side);
            membersOf[k] << s.sampleId;
        }
        if (s.duplicate)
            continue;
        Sides &t = byType[s.tumourType];
        (side == QLatin1String("test") ? t.test : t.train) += 1;
        for (const QString &q : s.questionTypes) {
            Sides &qs = byQuestion[q];
            (side == QLatin1String("test") ? qs.test : qs.train) += 1;
        }
    }
    QJsonObject crossing;
    QJsonObject crossingCounts;
    int crossingTotal = 0;
    for (const char *kind : {"patient", "volume", "cluster"}) {
        QJsonArray list;
        const QString prefix = QLatin1String(kind) + QLatin1Char(':');
        for (auto it = sidesOf.begin(); it != sidesOf.end(); ++it) {
            if (!it.key().startsWith(prefix) || it->size() < 2)
                continue;
            list.append(QJsonObject{{QStringLiteral("key"), it.key().mid(prefix.size())},
                                    {QStringLiteral("samples"),
                                     QJsonArray::fromStringList(membersOf.value(it.key()))}});
        }
        crossingTotal += int(list.size());
        crossingCounts.insert(QLatin1String(kind), list.size());
        crossing.insert(QLatin1String(kind), list);
    }
    double maxDeviation = 0;
    const QJsonObject types = strataJson(byType, targetShare, &maxDeviation);
    const QJsonObject questions = strataJson(byQuestion, targetShare, &maxDeviation);
    const bool ok = crossingTotal == 0 && unassigned.isEmpty() && inputs.itemsSplitMismatch == 0 &&
                    inputs.instructionsFromTest == 0;
    return {
        {QStringLiteral("ok"), ok},
        {QStringLiteral("samples"), qint64(samples.size())},
        {QStringLiteral("test"), test},
        {QStringLiteral("train"), train},
        {QStringLiteral("unassigned"), qint64(unassigned.size())},
        {QStringLiteral("unassigned_examples"), QJsonArray::fromStringList(unassigned.mid(0, 20))},
        {QStringLiteral("target_test_share"), targetShare},
        {QStringLiteral("test_share"), test + train ? double(test) / (test + train) : 0.0},
        {QStringLiteral("crossing_groups"), crossingCounts},
        {QStringLiteral("crossing"), crossing},
        {QStringLiteral("items_split_mismatch"), inputs.itemsSplitMismatch},
        {QStringLiteral("instructions_from_test"), inputs.instructionsFromTest},
        {QStringLiteral("strata"), QJsonObject{{QStringLiteral("tumour_type"), types},
                                               {QStringLiteral("question_type"), questions}}},
        {QStringLiteral("max_stratum_deviation"), maxDeviation}};
}

Result<QJsonObject> LeakageReport::checkProject(Database &db, double targetShare)
{
    Result<std::vector<SplitSample>> samples = SplitPlanner::load(db);
    if (!samples)
        return samples.error();
    Result<QHash<qint64, SplitRow>> rows = BenchmarkRepository(db).splits();
    if (!rows)
        return rows.error();
    QHash<qint64, QString> splitOf;
    for (const SplitRow &r : *rows)
        splitOf.insert(r.sample, r.split);
    LeakageInputs inputs;
    const Result<QVariant> mismatched = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM benchmark_items i LEFT JOIN sample_splits s ON s.sample = i.sample "
                       "WHERE i.sample IS NOT NULL AND COALESCE(i.split, '') <> COALESCE(s.split, '')"),
        0);
    if (!mismatched)
        return mismatched.error();
    inputs.itemsSplitMismatch = mismatched->toLongLong();
    const Result<QVariant> fromTest = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM instructions i JOIN sample_splits s ON s.sample = i.sample "
                       "WHERE s.split = 'test'"),
        0);
    if (!fromTest)
        return fromTest.error();
    inputs.instructionsFromTest = fromTest->toLongLong();
    return check(*samples, splitOf, targetShare, inputs);
}

Result<QHash<qint64, QString>> LeakageReport::readSplitFile(const QString &path,
                                                            const std::vector<SplitSample> &samples)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(f.exists() ? ErrorCode::Io : ErrorCode::NotFound, path, f.errorString());
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error(
            ErrorCode::Parse, path,
            QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    QHash<QString, qint64> byKey;
    for (const SplitSample &s : samples) {
        byKey.insert(s.sampleId, s.sample);
        byKey.insert(s.imagePath, s.sample);
    }
    QHash<qint64, QString> out;
    auto take = [&](const QString &key, const QString &split, const QString &where) -> Error {
        if (split != QLatin1String("train") && split != QLatin1String("test"))
            return Error(ErrorCode::Parse, QStringLiteral("%1: %2").arg(path, where),
                         QStringLiteral("split must be train or test, not '%1'").arg(split));
        auto it = byKey.constFind(key);
        if (it == byKey.constEnd())
            return Error(
                ErrorCode::Parse, QStringLiteral("%1: %2").arg(path, where),
                QStringLiteral("'%1' is no sample_id or image_path of the project").arg(key));
        out.insert(*it, split);
        return {};
    };
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (Error e = take(it.key(), it.value().toString(), it.key()))
                return e;
    } else if (doc.isArray()) {
        const QJsonArray a = doc.array();
        for (int i = 0; i < a.size(); ++i) {
            const QJsonObject o = a.at(i).toObject();
            const QString key = o.contains(QStringLiteral("sample_id"))
                                    ? o.value(QStringLiteral("sample_id")).toString()
                                    : o.value(QStringLiteral("image_path")).toString();
            if (Error e = take(key, o.value(QStringLiteral("split")).toString(),
                               QStringLiteral("entry %1").arg(i + 1)))
                return e;
        }
    } else {
        return Error(ErrorCode::Parse, path,
                     QStringLiteral(
                         "expected an object {sample_id: split} or a list of {sample_id, split}"));
    }
    return out;
}

} // namespace neuroonco
