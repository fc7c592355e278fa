// Union-find over shared keys, then a greedy placement of whole groups (largest first, ties in
// seeded random order) that minimises the squared deviation of each stratum's test count from
// its target, refined by single-group moves while they still lower that cost.
#include "core/benchmark/SplitPlanner.h"

#include "core/benchmark/ClosedItemBuilder.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/SeededRng.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace neuroonco {

namespace {

struct UnionFind
{
    std::vector<size_t> parent;
    explicit UnionFind(size_t n)
        : parent(n)
    {
        std::iota(parent.begin(), parent.end(), size_t(0));
    }
    size_t find(size_t x)
    {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void unite(size_t a, size_t b) { parent[find(a)] = find(b); }
};

// A duplicate cluster is named by its first member's sample_id, not by its row id: row ids
// follow the order ingest stored the samples in (which threads race for), and group names
// order the split's tie-breaks, so the same data and seed must give the same names.
QHash<qint64, QString> clusterNames(const std::vector<SplitSample> &samples)
{
    QHash<qint64, QString> names;
    for (const SplitSample &s : samples) {
        if (s.clusterId <= 0)
            continue;
        auto it = names.find(s.clusterId);
        if (it == names.end())
            names.insert(s.clusterId, s.sampleId);
        else if (s.sampleId < *it)
            *it = s.sampleId;
    }
    return names;
}

QStringList keysOf(const SplitSample &s, const QHash<qint64, QString> &clusters)
{
    QStringList keys;
    if (!s.patientKey.isEmpty())
        keys << QStringLiteral("patient:") + s.patientKey;
    if (!s.volumePath.isEmpty())
        keys << QStringLiteral("volume:") + s.volumePath;
    if (s.clusterId > 0)
        keys << QStringLiteral("cluster:") + clusters.value(s.clusterId);
    return keys;
}

} // namespace

QHash<qint64, QString> SplitPlanner::groups(const std::vector<SplitSample> &samples)
{
    UnionFind uf(samples.size());
    const QHash<qint64, QString> clusters = clusterNames(samples);
    QHash<QString, size_t> firstWithKey;
    for (size_t i = 0; i < samples.size(); ++i) {
        for (const QString &k : keysOf(samples[i], clusters)) {
            auto it = firstWithKey.constFind(k);
            if (it == firstWithKey.constEnd())
                firstWithKey.insert(k, i);
            else
                uf.unite(i, *it);
        }
    }
    QHash<size_t, QString> nameOfRoot;
    for (size_t i = 0; i < samples.size(); ++i) {
        const size_t root = uf.find(i);
        QStringList keys = keysOf(samples[i], clusters);
        if (keys.isEmpty())
            keys << QStringLiteral("sample:") + samples[i].sampleId;
        for (const QString &k : keys) {
            auto it = nameOfRoot.find(root);
            if (it == nameOfRoot.end())
                nameOfRoot.insert(root, k);
            else if (k < *it)
                *it = k;
        }
    }
    QHash<qint64, QString> out;
    for (size_t i = 0; i < samples.size(); ++i)
        out.insert(samples[i].sample, nameOfRoot.value(uf.find(i)));
    return out;
}

std::vector<SplitRow> SplitPlanner::plan(const std::vector<SplitSample> &unordered,
                                         const SplitOptions &options)
{
    // In sample_id order (and question types sorted), so that nothing — strata numbering, the
    // order of floating-point sums — depends on the order the database returned rows in.
    std::vector<SplitSample> samples = unordered;
    std::sort(samples.begin(), samples.end(),
              [](const SplitSample &a, const SplitSample &b) { return a.sampleId < b.sampleId; });
    for (SplitSample &s : samples) {
        s.questionTypes.sort();
        s.questionTypes.removeDuplicates();
    }
    const double share = std::clamp(options.testShare, 0.0, 1.0);
    const QHash<qint64, QString> groupOf = groups(samples);

    // Strata: tumour type and question type; a group's vector is the sum of its members'.
    QHash<QString, int> stratumIndex;
    auto stratum = [&](const QString &name) {
        auto it = stratumIndex.constFind(name);
        if (it != stratumIndex.constEnd())
            return *it;
        const int i = int(stratumIndex.size());
        stratumIndex.insert(name, i);
        return i;
    };
    struct Group
    {
        QString key;
        std::vector<qint64> members;
        QMap<int, double> counts;
        int weight = 0; // counted (non-duplicate) samples
        std::uint64_t tie = 0;
    };
    QHash<QString, size_t> groupAt;
    std::vector<Group> list;
    for (const SplitSample &s : samples) {
        const QString key = groupOf.value(s.sample);
        auto it = groupAt.constFind(key);
        if (it == groupAt.constEnd()) {
            groupAt.insert(key, list.size());
            Group g;
            g.key = key;
            // Samples come in sample_id order: the first member names the group for the
            // tie-break. Not the key: patient keys are salted per project, so the same data in
            // two projects would be split differently.
            g.tie = SeededRng(options.seed, SeededRng::hash(s.sampleId), QStringLiteral("split-order")).next();
            list.push_back(g);
            it = groupAt.constFind(key);
        }
        Group &g = list[*it];
        g.members.push_back(s.sample);
        if (s.duplicate)
            continue;
        g.weight += 1;
        g.counts[stratum(QStringLiteral("type:") + s.tumourType)] += 1;
        for (const QString &q : s.questionTypes)
            g.counts[stratum(QStringLiteral("question:") + q)] += 1;
    }
    const int strata = int(stratumIndex.size());
    std::vector<double> total(size_t(strata), 0), current(size_t(strata), 0),
        weight(size_t(strata), 1);
    // Tumour types are the primary strata: a sample counts once there but in several question
    // types, so their deviations weigh more.
    for (auto it = stratumIndex.begin(); it != stratumIndex.end(); ++it)
        if (it.key().startsWith(QLatin1String("type:")))
            weight[size_t(it.value())] = 3;
    double totalWeight = 0;
    for (const Group &g : list) {
        totalWeight += g.weight;
        for (auto it = g.counts.begin(); it != g.counts.end(); ++it)
            total[size_t(it.key())] += it.value();
    }
    std::sort(list.begin(), list.end(), [](const Group &a, const Group &b) {
        if (a.weight != b.weight)
            return a.weight > b.weight;
        return a.tie != b.tie ? a.tie < b.tie : a.key < b.key;
    });
    double currentWeight = 0;
    const double targetWeight = share * totalWeight;
    // Change of the cost (normalised squared deviation of every stratum's test count from its
    // target, plus the overall size) when the group enters (sign +1) or leaves (−1) the test side.
    auto delta = [&](const Group &g, double sign) {
        double d = 0;
        for (auto it = g.counts.begin(); it != g.counts.end(); ++it) {
            const size_t s = size_t(it.key());
            const double target = share * total[s];
            const double before = current[s] - target,
                         after = current[s] + sign * it.value() - target;
            d += weight[s] * (after * after - before * before) / std::max(1.0, total[s]);
        }
        const double wb = currentWeight - targetWeight,
                     wa = currentWeight + sign * g.weight - targetWeight;
        return d + 2 * (wa * wa - wb * wb) / std::max(1.0, totalWeight);
    };
    auto move = [&](const Group &g, double sign) {
        for (auto it = g.counts.begin(); it != g.counts.end(); ++it)
            current[size_t(it.key())] += sign * it.value();
        currentWeight += sign * g.weight;
    };
    std::vector<char> inTest(list.size(), 0);
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i].weight > 0 && delta(list[i], +1) < 0) {
            move(list[i], +1);
            inTest[i] = 1;
        }
    }
    // Then single moves while any of them still lowers the cost (bounded: each pass is linear).
    for (int pass = 0; pass < 50; ++pass) {
        bool improved = false;
        for (size_t i = 0; i < list.size(); ++i) {
            if (list[i].weight == 0)
                continue;
            const double sign = inTest[i] ? -1 : +1;
            if (delta(list[i], sign) < -1e-9) {
                move(list[i], sign);
                inTest[i] = !inTest[i];
                improved = true;
            }
        }
        if (!improved)
            break;
    }
    // Then swaps: a large test group out, the train group that fits best in. Single moves
    // cannot undo a lumpy early choice (one big patient too many); the budget bounds the work on
    // very large projects.
    qint64 budget = 20'000'000;
    for (size_t a = 0; a < list.size() && budget > 0; ++a) {
        if (!inTest[a] || list[a].weight < 4)
            continue;
        const double out = delta(list[a], -1);
        move(list[a], -1);
        double best = 0;
        size_t bestB = list.size();
        for (size_t b = 0; b < list.size(); ++b) {
            if (inTest[b] || b == a || list[b].weight == 0)
                continue;
            budget -= qint64(list[b].counts.size()) + 1;
            const double d = out + delta(list[b], +1);
            if (d < best - 1e-9) {
                best = d;
                bestB = b;
            }
        }
        if (bestB < list.size()) {
            move(list[bestB], +1);
            inTest[a] = 0;
            inTest[bestB] = 1;
        } else {
            move(list[a], +1);
        }
    }
    std::vector<SplitRow> out;
    out.reserve(samples.size());
    for (size_t i = 0; i < list.size(); ++i)
        for (qint64 m : list[i].members)
            out.push_back(
                {m, inTest[i] ? QStringLiteral("test") : QStringLiteral("train"), list[i].key});
    std::sort(out.begin(), out.end(),
              [](const SplitRow &a, const SplitRow &b) { return a.sample < b.sample; });
    return out;
}

Result<std::vector<SplitSample>> SplitPlanner::load(Database &db)
{
    Result<std::vector<GoldRecord>> golds = GoldAttributes::load(db);
    if (!golds)
        return golds.error();
    ItemFilter filter;
    filter.kind = ItemKind::Closed;
    filter.statuses = {ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Stale};
    Result<std::vector<BenchmarkItem>> items = BenchmarkRepository(db).items(filter);
    if (!items)
        return items.error();
    QHash<qint64, QStringList> typesOf;
    for (const BenchmarkItem &i : *items)
        if (i.sample > 0 && !typesOf[i.sample].contains(i.questionType))
            typesOf[i.sample] << i.questionType;
    std::vector<SplitSample> out;
    out.reserve(golds->size());
    for (const GoldRecord &g : *golds) {
        SplitSample s;
        s.sample = g.sample;
        s.sampleId = g.sampleId;
        s.imagePath = g.imagePath;
        s.tumourType = g.tumourType;
        s.patientKey = g.patientKey;
        s.volumePath = g.volumePath;
        s.clusterId = g.clusterId;
        s.duplicate = g.duplicate;
        if (typesOf.contains(g.sample)) {
            s.questionTypes = typesOf.value(g.sample);
        } else {
            for (const ClosedSlot &slot : ClosedItemBuilder::slots(g))
                s.questionTypes << slot.questionType;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace neuroonco
