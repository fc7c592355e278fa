// File helpers shared by the demo-data writers: parent folders, copies, small text files and
// turning core Errors into the one-line messages the generator reports.
#pragma once

#include "core/util/Error.h"

#include <QByteArray>
#include <QString>

namespace neuroonco::demo {

class DemoFiles
{
public:
    // Each returns an empty string on success, else what went wrong.
    static QString ensureParent(const QString &path);
    static QString copy(const QString &from, const QString &to);
    static QString writeBytes(const QString &path, const QByteArray &bytes);
    static QString text(const Error &error);
};

} // namespace neuroonco::demo
