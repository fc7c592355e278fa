// Names of the evaluation enums and the question key.
#include "core/evaluate/EvalTypes.h"

namespace neuroonco {

QString evalBenchmarkName(EvalBenchmark benchmark)
{
    return benchmark == EvalBenchmark::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

QString evalOriginName(EvalOrigin origin)
{
    return origin == EvalOrigin::Imported ? QStringLiteral("imported")
                                          : QStringLiteral("evaluated");
}

bool evalBenchmarkFromName(const QString &name, EvalBenchmark *benchmark)
{
    if (name == QLatin1String("closed"))
        *benchmark = EvalBenchmark::Closed;
    else if (name == QLatin1String("open"))
        *benchmark = EvalBenchmark::Open;
    else
        return false;
    return true;
}

bool evalOriginFromName(const QString &name, EvalOrigin *origin)
{
    if (name == QLatin1String("evaluated"))
        *origin = EvalOrigin::Evaluated;
    else if (name == QLatin1String("imported"))
        *origin = EvalOrigin::Imported;
    else
        return false;
    return true;
}

QString EvalAnswer::questionKeyFor(qint64 item, const QString &externalId, int qIndex)
{
    if (item > 0)
        return QStringLiteral("item:%1").arg(item);
    return QStringLiteral("ext:%1#%2").arg(externalId).arg(qIndex);
}

QString EvalAnswer::questionKey() const
{
    return questionKeyFor(item, externalId, qIndex);
}

} // namespace neuroonco
