// Time stamps as stored in project databases: ISO 8601, UTC, milliseconds.
#pragma once

#include <QDateTime>
#include <QString>

namespace neuroonco {

QString nowIso();
QString toIso(const QDateTime &time);
QDateTime fromIso(const QString &text);

} // namespace neuroonco
