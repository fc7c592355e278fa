// Means of the per-answer metrics; an invalid (empty) answer scores 0 on every metric.
#include "core/evaluate/OpenScorer.h"

#include "core/evaluate/TextMetrics.h"

namespace neuroonco {

namespace {

struct Values
{
    std::vector<double> keywords, bleu, rouge, judge;
    qint64 n = 0;

    void add(const EvalAnswer &a)
    {
        ++n;
        if (a.keywordRecall)
            keywords.push_back(*a.keywordRecall);
        bleu.push_back(a.bleu.value_or(0.0));
        rouge.push_back(a.rougeL.value_or(0.0));
        if (a.judgeScore)
            judge.push_back(*a.judgeScore);
    }

    OpenMetrics metrics(const BootstrapOptions *bootstrap) const
    {
        auto interval = [bootstrap](const std::vector<double> &v) {
            BootstrapOptions none;
            none.resamples = 0;
            return Bootstrap::mean(v, bootstrap ? *bootstrap : none);
        };
        OpenMetrics m;
        m.n = n;
        m.keywordRecall = interval(keywords);
        m.bleu = interval(bleu);
        m.rougeL = interval(rouge);
        m.judge = interval(judge);
        return m;
    }
};

} // namespace

void OpenScorer::scoreAnswer(const OpenQuestion &question, EvalAnswer &answer)
{
    const QStringList candidate = TextMetrics::tokens(answer.pred);
    const QStringList reference = TextMetrics::tokens(question.referenceAnswer);
    answer.bleu = TextMetrics::bleu4(candidate, reference);
    answer.rougeL = TextMetrics::rougeL(candidate, reference).f;
    answer.keywordRecall = TextMetrics::keywordRecall(answer.pred, question.keywords);
}

OpenScores OpenScorer::score(const std::vector<EvalAnswer> &answers,
                             const BootstrapOptions *bootstrap)
{
    OpenScores s;
    Values all;
    QMap<QString, Values> byType;
    for (const EvalAnswer &a : answers) {
        if (!a.error.isEmpty()) {
            ++s.pending;
            continue;
        }
        ++s.questions;
        s.invalid.add(!a.valid);
        all.add(a);
        byType[a.questionType.isEmpty() ? QStringLiteral("unknown") : a.questionType].add(a);
    }
    s.invalid.computeInterval(bootstrap);
    s.overall = all.metrics(bootstrap);
    for (auto it = byType.begin(); it != byType.end(); ++it)
        s.byType.insert(it.key(), it.value().metrics(bootstrap));
    return s;
}

} // namespace neuroonco
