// Near-duplicate search cost: building the multi-index and clustering 10k–100k fingerprints.
// Fingerprints are drawn around a few thousand "anatomy" centres (brain slices look alike, so
// real hashes are clustered, not uniform), with planted near copies.
#include "core/dedup/DedupEngine.h"
#include "core/dedup/HammingIndex.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace neuroonco;

namespace {

std::uint64_t perturb(std::uint64_t code, int bits, std::mt19937_64 &rng)
{
    for (int i = 0; i < bits; ++i)
        code ^= std::uint64_t(1) << (rng() % 64);
    return code;
}

std::vector<DedupEntry> entries(int n)
{
    std::mt19937_64 rng(1234);
    std::vector<std::uint64_t> centres(2000);
    for (auto &c : centres)
        c = rng();
    std::vector<DedupEntry> out;
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        DedupEntry e;
        e.id = i + 1;
        const bool copy = i > 0 && rng() % 12 == 0; // about 8 % planted near copies
        const DedupEntry *original = copy ? &out[size_t(rng() % out.size())] : nullptr;
        const std::uint64_t base = original ? original->pHash : perturb(centres[rng() % centres.size()], 14, rng);
        e.pHash = original ? perturb(base, 3, rng) : base;
        e.dHash = original ? perturb(original->dHash, 3, rng) : rng();
        for (size_t w = 0; w < 4; ++w)
            e.fine[w] = original ? perturb(original->fine[w], 5, rng) : rng();
        e.pixelHash = QString::number(i);
        e.pixels = 256 * 256;
        out.push_back(e);
    }
    return out;
}

void BM_IndexBuild(benchmark::State &state)
{
    const auto data = entries(int(state.range(0)));
    std::vector<std::uint64_t> codes;
    for (const auto &e : data)
        codes.push_back(e.pHash);
    for (auto _ : state) {
        HammingIndex index(codes);
        benchmark::DoNotOptimize(index.size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_DedupAll(benchmark::State &state)
{
    const auto data = entries(int(state.range(0)));
    qint64 clusters = 0, candidates = 0;
    for (auto _ : state) {
        const DedupResult r = DedupEngine::run(data, DedupOptions());
        clusters = qint64(r.clusters.size());
        candidates = r.candidatesChecked;
        benchmark::DoNotOptimize(clusters);
    }
    state.counters["clusters"] = double(clusters);
    state.counters["candidates"] = double(candidates);
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

} // namespace

BENCHMARK(BM_IndexBuild)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DedupAll)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
