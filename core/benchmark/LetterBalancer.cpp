// Balanced letter quotas (each letter ⌊n/k⌋ or ⌈n/k⌉ times), shuffled with the run seed.
#include "core/benchmark/LetterBalancer.h"

#include "core/benchmark/SeededRng.h"

#include <QHash>

namespace neuroonco {

QStringList LetterBalancer::assign(const std::vector<PlanCandidate> &candidates,
                                   const std::vector<bool> &traps, std::uint64_t seed)
{
    QStringList letters;
    letters.resize(qsizetype(candidates.size()));
    // Buckets: (question type, binary or multiple choice); traps are E and take no quota.
    QHash<QString, std::vector<size_t>> buckets;
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].multipleChoice && i < traps.size() && traps[i]) {
            letters[qsizetype(i)] = QStringLiteral("E");
            continue;
        }
        buckets[(candidates[i].multipleChoice ? QStringLiteral("mc:") : QStringLiteral("bin:")) +
                candidates[i].questionType]
            .push_back(i);
    }
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        const bool binary = it.key().startsWith(QLatin1String("bin:"));
        const QString alphabet = binary ? QStringLiteral("AB") : QStringLiteral("ABCD");
        std::vector<QChar> quota;
        quota.reserve(it->size());
        for (size_t j = 0; j < it->size(); ++j)
            quota.push_back(alphabet.at(qsizetype(j % size_t(alphabet.size()))));
        SeededRng rng(seed, SeededRng::hash(it.key()), QStringLiteral("letters"));
        rng.shuffle(quota);
        for (size_t j = 0; j < it->size(); ++j)
            letters[qsizetype((*it)[j])] = QString(quota[j]);
    }
    return letters;
}

std::vector<QuestionPlan> LetterBalancer::plan(const std::vector<PlanCandidate> &candidates,
                                               double trapShare, std::uint64_t seed)
{
    const std::vector<bool> traps = TrapPlanner::select(candidates, trapShare, seed);
    const QStringList letters = assign(candidates, traps, seed);
    std::vector<QuestionPlan> out(candidates.size());
    for (size_t i = 0; i < candidates.size(); ++i)
        out[i] = {bool(traps[i]), letters.at(qsizetype(i))};
    return out;
}

} // namespace neuroonco
