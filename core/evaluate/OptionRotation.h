// Circular evaluation: a closed question is asked once per rotation of its options. The options
// other than E ("None of the above") move round by one place per rotation; E stays E. The
// correct option therefore visits every letter, and a model that always says "A" is right in
// at most one rotation. Letters map back to the item's own order for scoring.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace neuroonco {

class OptionRotation
{
public:
    // How many distinct rotations the question has: its number of options besides E (≥ 1).
    static int count(const ClosedQuestion &question);
    // The options as presented in rotation `r` (0 = the item's own order).
    static std::vector<ChoiceOption> rotated(const ClosedQuestion &question, int r);
    // A letter the model saw in rotation `r` → the same option's letter in the item's order.
    // Letters the question does not have come back unchanged.
    static QString toOriginal(const ClosedQuestion &question, int r, const QString &presented);
    // The item's letter → the letter it carries in rotation `r`.
    static QString toPresented(const ClosedQuestion &question, int r, const QString &original);
    // True for the option that never moves: E (its text is "None of the above" in the published
    // set).
    static bool isFixed(const ChoiceOption &option);

    static QJsonObject toJson(const std::vector<ChoiceOption> &options);
};

} // namespace neuroonco
