// Systematic sampling over the candidates of one question type ordered by tumour type (random
// order within a type): m picks at (j + u)·n/m give exactly m traps, each tumour type receiving
// its proportional share to within one.
#include "core/benchmark/TrapPlanner.h"

#include "core/benchmark/SeededRng.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace neuroonco {

std::vector<bool> TrapPlanner::select(const std::vector<PlanCandidate> &candidates, double share,
                                      std::uint64_t seed)
{
    std::vector<bool> traps(candidates.size(), false);
    share = std::clamp(share, 0.0, 1.0);
    QHash<QString, std::vector<size_t>> byType;
    for (size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i].multipleChoice)
            byType[candidates[i].questionType].push_back(i);
    for (auto it = byType.begin(); it != byType.end(); ++it) {
        std::vector<size_t> &list = it.value();
        const size_t n = list.size();
        const size_t m = size_t(std::llround(share * double(n)));
        if (m == 0)
            continue;
        std::vector<std::uint64_t> key(candidates.size());
        for (size_t i : list)
            key[i] = SeededRng(seed, std::uint64_t(candidates[i].sample),
                               QStringLiteral("trap-order:") + it.key())
                         .next();
        std::sort(list.begin(), list.end(), [&](size_t a, size_t b) {
            if (candidates[a].stratum != candidates[b].stratum)
                return candidates[a].stratum < candidates[b].stratum;
            return key[a] != key[b] ? key[a] < key[b] : candidates[a].sample < candidates[b].sample;
        });
        SeededRng rng(seed, SeededRng::hash(it.key()), QStringLiteral("trap-start"));
        const double u = rng.unit();
        for (size_t j = 0; j < m; ++j) {
            const size_t pos = std::min(n - 1, size_t((double(j) + u) * double(n) / double(m)));
            traps[list[pos]] = true;
        }
    }
    return traps;
}

} // namespace neuroonco
