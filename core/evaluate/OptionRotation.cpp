// Rotation arithmetic on the positions of the moving options.
#include "core/evaluate/OptionRotation.h"

#include <algorithm>

namespace neuroonco {

namespace {

// Indices (into question.options) of the options that rotate, in letter order.
std::vector<int> movingIndices(const ClosedQuestion &q)
{
    std::vector<int> out;
    for (size_t i = 0; i < q.options.size(); ++i)
        if (!OptionRotation::isFixed(q.options[i]))
            out.push_back(int(i));
    return out;
}

int modulo(int a, int n)
{
    return ((a % n) + n) % n;
}

} // namespace

bool OptionRotation::isFixed(const ChoiceOption &option)
{
    return option.letter == QLatin1String("E");
}

int OptionRotation::count(const ClosedQuestion &question)
{
    return std::max<int>(1, int(movingIndices(question).size()));
}

std::vector<ChoiceOption> OptionRotation::rotated(const ClosedQuestion &question, int r)
{
    const std::vector<int> moving = movingIndices(question);
    std::vector<ChoiceOption> out = question.options;
    const int k = int(moving.size());
    if (k == 0)
        return out;
    // Presented slot i shows the moving option (i + r) mod k; letters stay where they are.
    for (int i = 0; i < k; ++i)
        out[size_t(moving[size_t(i)])].text =
            question.options[size_t(moving[size_t(modulo(i + r, k))])].text;
    return out;
}

QString OptionRotation::toOriginal(const ClosedQuestion &question, int r, const QString &presented)
{
    const std::vector<int> moving = movingIndices(question);
    const int k = int(moving.size());
    for (int i = 0; i < k; ++i)
        if (question.options[size_t(moving[size_t(i)])].letter == presented)
            return question.options[size_t(moving[size_t(modulo(i + r, k))])].letter;
    return presented;
}

QString OptionRotation::toPresented(const ClosedQuestion &question, int r, const QString &original)
{
    const std::vector<int> moving = movingIndices(question);
    const int k = int(moving.size());
    for (int j = 0; j < k; ++j)
        if (question.options[size_t(moving[size_t(j)])].letter == original)
            return question.options[size_t(moving[size_t(modulo(j - r, k))])].letter;
    return original;
}

QJsonObject OptionRotation::toJson(const std::vector<ChoiceOption> &options)
{
    QJsonObject o;
    for (const ChoiceOption &c : options)
        o.insert(c.letter, c.text);
    return o;
}

} // namespace neuroonco
