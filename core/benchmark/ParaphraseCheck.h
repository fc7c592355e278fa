// Whether a model's rewording of an open item's reference answer may replace it: the rewrite
// must keep every number and every evaluation keyword of the original, add no number and no
// patient detail (age, sex, symptoms, history) the original does not have, and stay about as
// long. A rewrite that fails any rule is discarded and the rule-built answer stays.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"

#include <QStringList>

namespace neuroonco {

struct ParaphraseVerdict
{
    QString text;        // the rewrite, cleaned (quotes and whitespace)
    QStringList problems; // empty: accepted
    bool unchanged = false; // the rewrite is the original (nothing to store)
    bool ok() const { return problems.isEmpty() && !unchanged; }
};

class ParaphraseCheck
{
public:
    // `reply`: the model's content; a JSON object {"answer": …} or, failing that, plain text.
    static ParaphraseVerdict check(const OpenQuestion &original, const QString &reply);

    // The numbers written in a text ("12.5", "3", "40"), in order.
    static QStringList numbers(const QString &text);
};

} // namespace neuroonco
