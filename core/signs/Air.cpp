// AIR computation.
#include "core/signs/Air.h"

namespace neuroonco {

double AirScore::field(SignField f) const
{
    if (positives == 0)
        return 0;
    for (size_t i = 0; i < kSignFields.size(); ++i)
        if (kSignFields[i] == f)
            return double(filled[i]) / double(positives);
    return 0;
}

double AirScore::overall() const
{
    double sum = 0;
    for (SignField f : kSignFields)
        sum += field(f);
    return sum / double(kSignFields.size());
}

QJsonObject AirScore::toJson() const
{
    QJsonObject fields;
    for (SignField f : kSignFields)
        fields.insert(SignSet::fieldKey(f), field(f));
    return {{QStringLiteral("positives"), positives}, {QStringLiteral("overall"), overall()}, {QStringLiteral("fields"), fields}};
}

AirScore Air::compute(const std::vector<SignSet> &readings, bool requireLesionFound)
{
    AirScore s;
    for (const SignSet &r : readings) {
        if (requireLesionFound && r.lesionFound != 1)
            continue;
        ++s.positives;
        for (size_t i = 0; i < kSignFields.size(); ++i)
            if (!r.sign(kSignFields[i]).isEmpty())
                ++s.filled[i];
    }
    return s;
}

} // namespace neuroonco
