// Pairwise comparison of planted and found duplicate groups.
#include "dedup/DedupTruth.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <map>

namespace neuroonco {

namespace {
QString pairKey(qint64 a, qint64 b)
{
    return a < b ? QStringLiteral("%1-%2").arg(a).arg(b) : QStringLiteral("%1-%2").arg(b).arg(a);
}
} // namespace

QJsonObject DedupTruthScore::toJson() const
{
    QJsonArray missedList, spuriousList;
    for (const QJsonObject &o : missed)
        missedList.append(o);
    for (const QJsonObject &o : spurious)
        spuriousList.append(o);
    return {{QStringLiteral("true_pairs"), truePairs},     {QStringLiteral("predicted_pairs"), predictedPairs},
            {QStringLiteral("matched_pairs"), matchedPairs}, {QStringLiteral("precision"), precision()},
            {QStringLiteral("recall"), recall()},            {QStringLiteral("missed"), missedList},
            {QStringLiteral("spurious"), spuriousList}};
}

Result<DedupTruthScore> DedupTruth::evaluate(const QString &truthFile, const std::vector<SampleRecord> &samples,
                                             const QHash<QString, QString> &sourceRoots)
{
    QFile f(truthFile);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, truthFile);
    QJsonParseError perr;
    const QJsonObject truth = QJsonDocument::fromJson(f.readAll(), &perr).object();
    if (perr.error != QJsonParseError::NoError)
        return Error(ErrorCode::Parse, truthFile, perr.errorString());
    const QDir base = QFileInfo(truthFile).absoluteDir();

    // Sample by absolute path of its original file (volume slices have no single file).
    QHash<QString, const SampleRecord *> byPath;
    for (const SampleRecord &s : samples) {
        if (!s.volumePath.isEmpty())
            continue;
        byPath.insert(QDir::cleanPath(sourceRoots.value(s.sourceCode) + QLatin1Char('/') + s.origin), &s);
    }

    // Planted groups: each original with its duplicates.
    std::map<QString, std::vector<std::pair<const SampleRecord *, QString>>> groups;
    for (const QJsonValue &v : truth.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString original = o.value(QStringLiteral("duplicate_of")).toString();
        if (original.isEmpty())
            continue;
        const SampleRecord *dup = byPath.value(QDir::cleanPath(base.filePath(o.value(QStringLiteral("path")).toString())));
        const SampleRecord *orig = byPath.value(QDir::cleanPath(base.filePath(original)));
        if (!dup || !orig)
            continue; // one side never became a sample (a planted bad file, say)
        auto &group = groups[original];
        if (group.empty())
            group.emplace_back(orig, QString());
        group.emplace_back(dup, o.value(QStringLiteral("duplicate_kind")).toString());
    }
    QSet<QString> truePairs;
    QHash<QString, QJsonObject> trueInfo;
    for (const auto &[original, members] : groups) {
        for (size_t i = 0; i < members.size(); ++i)
            for (size_t j = i + 1; j < members.size(); ++j) {
                const QString key = pairKey(members[i].first->id, members[j].first->id);
                truePairs.insert(key);
                trueInfo.insert(key, {{QStringLiteral("a"), members[i].first->sampleId},
                                      {QStringLiteral("b"), members[j].first->sampleId},
                                      {QStringLiteral("kind"), members[j].second}});
            }
    }

    std::map<qint64, std::vector<const SampleRecord *>> clusters;
    for (const SampleRecord &s : samples) {
        if (s.clusterId)
            clusters[s.clusterId].push_back(&s);
    }
    DedupTruthScore score;
    score.truePairs = truePairs.size();
    QSet<QString> predicted;
    for (const auto &[id, members] : clusters) {
        for (size_t i = 0; i < members.size(); ++i)
            for (size_t j = i + 1; j < members.size(); ++j) {
                const QString key = pairKey(members[i]->id, members[j]->id);
                predicted.insert(key);
                if (!truePairs.contains(key))
                    score.spurious.push_back({{QStringLiteral("a"), members[i]->sampleId},
                                              {QStringLiteral("b"), members[j]->sampleId},
                                              {QStringLiteral("cluster"), id}});
            }
    }
    score.predictedPairs = predicted.size();
    for (const QString &key : std::as_const(truePairs)) {
        if (predicted.contains(key))
            ++score.matchedPairs;
        else
            score.missed.push_back(trueInfo.value(key));
    }
    return score;
}

} // namespace neuroonco
