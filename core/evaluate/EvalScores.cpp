// JSON shapes of the scores (stored as a run's summary and printed by `report --eval --json`).
#include "core/evaluate/EvalScores.h"

namespace neuroonco {

void Rate::computeInterval(const BootstrapOptions *options)
{
    if (options) {
        interval = Bootstrap::proportion(hits, n, *options);
    } else {
        interval = Interval();
        interval.estimate = value();
        interval.n = n;
    }
}

QJsonObject Rate::toJson() const
{
    QJsonObject o{{QStringLiteral("value"), value()},
                  {QStringLiteral("hits"), hits},
                  {QStringLiteral("n"), n}};
    if (interval.hasInterval) {
        o.insert(QStringLiteral("lower"), interval.lower);
        o.insert(QStringLiteral("upper"), interval.upper);
    }
    return o;
}

QJsonObject ClosedScores::toJson() const
{
    QJsonObject types;
    for (auto it = byType.begin(); it != byType.end(); ++it)
        types.insert(it.key(), it.value().toJson());
    return {{QStringLiteral("benchmark"), QStringLiteral("closed")},
            {QStringLiteral("circular"), circular},
            {QStringLiteral("questions"), questions},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("accuracy"), accuracy.toJson()},
            {QStringLiteral("accuracy_valid"), validAccuracy.toJson()},
            {QStringLiteral("binary"), binary.toJson()},
            {QStringLiteral("multiple_choice"), multipleChoice.toJson()},
            {QStringLiteral("trap"), trap.toJson()},
            {QStringLiteral("non_trap"), nonTrap.toJson()},
            {QStringLiteral("invalid_rate"), invalid.toJson()},
            {QStringLiteral("correct_rejection_rate"), correctRejection.toJson()},
            {QStringLiteral("false_rejection_rate"), falseRejection.toJson()},
            {QStringLiteral("by_type"), types}};
}

QJsonObject OpenMetrics::toJson() const
{
    QJsonObject o{{QStringLiteral("n"), n},
                  {QStringLiteral("keyword_recall"), keywordRecall.toJson()},
                  {QStringLiteral("bleu4"), bleu.toJson()},
                  {QStringLiteral("rouge_l"), rougeL.toJson()}};
    if (judge.n > 0)
        o.insert(QStringLiteral("judge"), judge.toJson());
    return o;
}

QJsonObject OpenScores::toJson() const
{
    QJsonObject types;
    for (auto it = byType.begin(); it != byType.end(); ++it)
        types.insert(it.key(), it.value().toJson());
    QJsonObject o = overall.toJson();
    o.insert(QStringLiteral("benchmark"), QStringLiteral("open"));
    o.insert(QStringLiteral("questions"), questions);
    o.insert(QStringLiteral("pending"), pending);
    o.insert(QStringLiteral("invalid_rate"), invalid.toJson());
    o.insert(QStringLiteral("by_type"), types);
    return o;
}

} // namespace neuroonco
