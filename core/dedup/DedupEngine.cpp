// Union-find over exact (pixel hash) and near (pHash + dHash radius) matches.
#include "core/dedup/DedupEngine.h"

#include "core/dedup/HammingIndex.h"
#include "core/imaging/ImageHash.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <numeric>
#include <thread>

namespace neuroonco {

namespace {

struct UnionFind
{
    std::vector<int> parent;
    explicit UnionFind(int n)
        : parent(size_t(n))
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int x)
    {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    }
    bool unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        parent[size_t(std::max(a, b))] = std::min(a, b);
        return true;
    }
};

bool knownModality(const QString &m)
{
    return !m.isEmpty() && m != QLatin1String("Unknown");
}

bool compatible(const DedupEntry &a, const DedupEntry &b)
{
    if (!a.volume.isEmpty() && a.volume == b.volume)
        return false;
    if (knownModality(a.modality) && knownModality(b.modality) && a.modality != b.modality)
        return false;
    return true;
}

} // namespace

bool DedupEngine::preferred(const DedupEntry &a, const DedupEntry &b)
{
    if (a.hasMask != b.hasMask)
        return a.hasMask;
    if (knownModality(a.modality) != knownModality(b.modality))
        return knownModality(a.modality);
    if (a.specificType != b.specificType)
        return a.specificType;
    if (a.pixels != b.pixels)
        return a.pixels > b.pixels;
    if (a.sourcePriority != b.sourcePriority)
        return a.sourcePriority < b.sourcePriority;
    return a.id < b.id;
}

DedupResult DedupEngine::run(const std::vector<DedupEntry> &entries, const DedupOptions &options)
{
    DedupResult result;
    const int n = int(entries.size());
    UnionFind uf(n);

    // Exact: identical decoded pixels.
    QHash<QString, int> firstWithHash;
    for (int i = 0; i < n; ++i) {
        auto it = firstWithHash.find(entries[size_t(i)].pixelHash);
        if (it == firstWithHash.end()) {
            firstWithHash.insert(entries[size_t(i)].pixelHash, i);
        } else if (uf.unite(it.value(), i)) {
            ++result.exactPairs;
        }
    }

    // Near: both perceptual hashes within their radius, found through the pHash index.
    std::vector<std::uint64_t> codes(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        codes[size_t(i)] = entries[size_t(i)].pHash;
    const HammingIndex index(codes);
    // Queries are independent: each thread takes an interleaved share of the samples and
    // collects confirmed pairs; the union happens afterwards, in order, so results do not
    // depend on the thread count.
    const int threads = std::max(1, options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()));
    std::vector<std::vector<std::pair<int, int>>> pairs(static_cast<size_t>(threads));
    std::vector<qint64> checked(static_cast<size_t>(threads), 0);
    std::vector<qint64> verified(static_cast<size_t>(threads), 0);
    std::vector<qint64> confirmed(static_cast<size_t>(threads), 0);
    auto work = [&](int t) {
        for (int i = t; i < n; i += threads) {
            const DedupEntry &a = entries[size_t(i)];
            for (int j : index.query(a.pHash, options.pHashRadius)) {
                if (j <= i)
                    continue;
                ++checked[size_t(t)];
                const DedupEntry &b = entries[size_t(j)];
                if (imagehash::hamming(a.dHash, b.dHash) > options.dHashRadius || !compatible(a, b))
                    continue;
                const int fine = imagehash::hamming(a.fine, b.fine);
                if (fine > options.fineRadius) {
                    if (fine > options.verifyRadius || !options.verify)
                        continue;
                    ++verified[size_t(t)];
                    if (!options.verify(i, j))
                        continue;
                    ++confirmed[size_t(t)];
                }
                pairs[size_t(t)].emplace_back(i, j);
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread &th : pool)
        th.join();
    std::vector<std::pair<int, int>> all;
    for (int t = 0; t < threads; ++t) {
        all.insert(all.end(), pairs[size_t(t)].begin(), pairs[size_t(t)].end());
        result.candidatesChecked += checked[size_t(t)];
        result.verified += verified[size_t(t)];
        result.confirmed += confirmed[size_t(t)];
    }
    std::sort(all.begin(), all.end());
    for (const auto &[i, j] : all) {
        if (uf.unite(i, j))
            ++result.nearPairs;
    }

    std::map<int, std::vector<int>> groups;
    for (int i = 0; i < n; ++i)
        groups[uf.find(i)].push_back(i);
    for (auto &[root, members] : groups) {
        if (members.size() < 2)
            continue;
        const int keeper = *std::min_element(members.begin(), members.end(), [&](int a, int b) {
            return preferred(entries[size_t(a)], entries[size_t(b)]);
        });
        const DedupEntry &k = entries[size_t(keeper)];
        DedupCluster cluster;
        cluster.kind = QStringLiteral("exact");
        cluster.members.push_back({k.id, true, QString(), 0});
        for (int m : members) {
            if (m == keeper)
                continue;
            const DedupEntry &e = entries[size_t(m)];
            const bool exact = e.pixelHash == k.pixelHash;
            if (!exact)
                cluster.kind = QStringLiteral("near");
            cluster.members.push_back({e.id, false, exact ? QStringLiteral("exact") : QStringLiteral("near"),
                                       imagehash::hamming(e.pHash, k.pHash)});
        }
        result.clusters.push_back(std::move(cluster));
    }
    return result;
}

} // namespace neuroonco
