// Time stamp formatting shared by the store and the job engine.
#include "core/util/Time.h"

namespace neuroonco {

QString toIso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString nowIso()
{
    return toIso(QDateTime::currentDateTimeUtc());
}

QDateTime fromIso(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

} // namespace neuroonco
