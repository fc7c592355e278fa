// Pairwise comparison of planted and found duplicate groups.
#include "core/dedup/DedupTruth.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <functional>
#include <map>

namespace neuroonco {

namespace {
QString pairKey(qint64 a, qint64 b)
{
    return a < b ? QStringLiteral("%1-%2").arg(a).arg(b) : QStringLiteral("%1-%2").arg(b).arg(a);
}

// One spelling per file: symbolic links and "a/../b" resolve to the same path.
QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(path) : c;
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

    // Samples by the file they were read from (volume slices have no single file). Truth is about
    // samples: two sources that list the same folder read each file twice, and the two samples
    // of one file are duplicates of each other — and of whatever the file was planted as.
    QHash<QString, std::vector<const SampleRecord *>> byPath;
    for (const SampleRecord &s : samples) {
        if (!s.volumePath.isEmpty())
            continue;
        byPath[canonical(sourceRoots.value(s.sourceCode) + QLatin1Char('/') + s.origin)].push_back(&s);
    }

    // Groups of samples with one content (union-find over sample ids).
    QHash<qint64, qint64> parent;
    std::function<qint64(qint64)> root = [&](qint64 id) {
        qint64 r = parent.value(id, id);
        if (r == id)
            return id;
        r = root(r);
        parent.insert(id, r);
        return r;
    };
    auto unite = [&](qint64 a, qint64 b) {
        const qint64 ra = root(a), rb = root(b);
        if (ra != rb)
            parent.insert(std::max(ra, rb), std::min(ra, rb));
    };
    QHash<qint64, QString> kindOf; // the planted kind of a duplicate's file
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it)
        for (size_t i = 1; i < it->size(); ++i)
            unite((*it)[0]->id, (*it)[i]->id);
    for (const QJsonValue &v : truth.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString original = o.value(QStringLiteral("duplicate_of")).toString();
        if (original.isEmpty())
            continue;
        const auto dup = byPath.constFind(canonical(base.filePath(o.value(QStringLiteral("path")).toString())));
        const auto orig = byPath.constFind(canonical(base.filePath(original)));
        if (dup == byPath.cend() || orig == byPath.cend())
            continue; // one side never became a sample (a planted bad file, say)
        for (const SampleRecord *d : *dup) {
            kindOf.insert(d->id, o.value(QStringLiteral("duplicate_kind")).toString());
            unite(d->id, orig->front()->id);
        }
    }
    std::map<qint64, std::vector<const SampleRecord *>> groups;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it)
        for (const SampleRecord *s : *it)
            groups[root(s->id)].push_back(s);
    QSet<QString> truePairs;
    QHash<QString, QJsonObject> trueInfo;
    for (auto &[id, members] : groups) {
        std::sort(members.begin(), members.end(),
                  [](const SampleRecord *a, const SampleRecord *b) { return a->id < b->id; });
        for (size_t i = 0; i < members.size(); ++i)
            for (size_t j = i + 1; j < members.size(); ++j) {
                const SampleRecord *a = members[i], *b = members[j];
                const QString key = pairKey(a->id, b->id);
                QString kind = kindOf.value(b->id, kindOf.value(a->id));
                if (kind.isEmpty())
                    kind = QStringLiteral("same-file");
                truePairs.insert(key);
                trueInfo.insert(key, {{QStringLiteral("a"), a->sampleId},
                                      {QStringLiteral("b"), b->sampleId},
                                      {QStringLiteral("kind"), kind}});
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
