// Grouping answers by question key; a question is scored once all its rotations are in.
#include "core/evaluate/ClosedScorer.h"

#include "core/evaluate/OptionRotation.h"

#include <QHash>
#include <algorithm>

namespace neuroonco {

namespace {

// Rotations a question needs: its options besides E as presented (1 when not circular or
// when the options are unknown, as for imported predictions).
int expectedRotations(const EvalAnswer &a, bool circular)
{
    if (!circular || a.presented.isEmpty())
        return 1;
    int moving = 0;
    for (auto it = a.presented.begin(); it != a.presented.end(); ++it)
        moving += it.key() != QLatin1String("E") ? 1 : 0;
    return std::max(1, moving);
}

} // namespace

std::vector<ClosedOutcome> ClosedScorer::outcomes(const std::vector<EvalAnswer> &answers,
                                                  bool circular, qint64 *pending)
{
    struct Group
    {
        ClosedOutcome outcome;
        int answered = 0;
        int expected = 1;
        bool failed = false;
    };
    std::vector<Group> groups;
    // Item answers are keyed by item id (cheap); external ones by their record id and q_index.
    QHash<qint64, size_t> byItem;
    QHash<QString, size_t> byExternal;
    groups.reserve(answers.size());
    byItem.reserve(qsizetype(answers.size()));
    for (const EvalAnswer &a : answers) {
        const bool external = a.item <= 0;
        const QString externalKey = external ? a.questionKey() : QString();
        size_t at = groups.size();
        if (external)
            at = *byExternal.insert(externalKey, byExternal.value(externalKey, at));
        else
            at = *byItem.insert(a.item, byItem.value(a.item, at));
        if (at == groups.size()) {
            Group g;
            g.outcome.questionKey = external ? externalKey : a.questionKey();
            g.outcome.questionType = a.questionType;
            g.outcome.isMcq = a.isMcq;
            g.outcome.isTrap = a.isTrap;
            g.outcome.offersNone =
                a.presented.isEmpty() || a.presented.contains(QStringLiteral("E"));
            g.outcome.valid = true;
            g.outcome.correct = true;
            g.outcome.choseNone = true;
            g.outcome.rotations = 0;
            g.expected = expectedRotations(a, circular);
            groups.push_back(std::move(g));
        }
        Group &g = groups[at];
        if (!a.error.isEmpty()) {
            g.failed = true;
            continue;
        }
        ++g.answered;
        ++g.outcome.rotations;
        g.outcome.valid = g.outcome.valid && a.valid;
        g.outcome.correct = g.outcome.correct && a.valid && a.correct.value_or(false);
        g.outcome.choseNone = g.outcome.choseNone && a.valid && a.pred == QLatin1String("E");
    }
    std::vector<ClosedOutcome> out;
    out.reserve(groups.size());
    qint64 waiting = 0;
    for (Group &g : groups) {
        if (g.failed || g.answered < g.expected) {
            ++waiting;
            continue;
        }
        out.push_back(std::move(g.outcome));
    }
    if (pending)
        *pending = waiting;
    return out;
}

ClosedScores ClosedScorer::score(const std::vector<ClosedOutcome> &outcomes, bool circular,
                                 const BootstrapOptions *bootstrap)
{
    ClosedScores s;
    s.circular = circular;
    s.questions = qint64(outcomes.size());
    for (const ClosedOutcome &o : outcomes) {
        s.accuracy.add(o.correct);
        if (o.valid)
            s.validAccuracy.add(o.correct);
        (o.isMcq ? s.multipleChoice : s.binary).add(o.correct);
        (o.isTrap ? s.trap : s.nonTrap).add(o.correct);
        s.invalid.add(!o.valid);
        if (o.isTrap)
            s.correctRejection.add(o.choseNone);
        else if (o.offersNone)
            s.falseRejection.add(o.choseNone);
        s.byType[o.questionType.isEmpty() ? QStringLiteral("unknown") : o.questionType].add(
            o.correct);
    }
    for (Rate *r : {&s.accuracy, &s.validAccuracy, &s.binary, &s.multipleChoice, &s.trap,
                    &s.nonTrap, &s.invalid, &s.correctRejection, &s.falseRejection})
        r->computeInterval(bootstrap);
    for (Rate &r : s.byType)
        r.computeInterval(bootstrap);
    return s;
}

ClosedScores ClosedScorer::score(const std::vector<EvalAnswer> &answers, bool circular,
                                 const BootstrapOptions *bootstrap)
{
    qint64 pending = 0;
    ClosedScores s = score(outcomes(answers, circular, &pending), circular, bootstrap);
    s.pending = pending;
    return s;
}

} // namespace neuroonco
