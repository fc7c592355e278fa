// Plain QtCore file operations; writers run on worker threads and only touch their own files.
#include "core/demo/DemoFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace neuroonco::demo {

QString DemoFiles::ensureParent(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create folder %1").arg(dir);
    return {};
}

QString DemoFiles::copy(const QString &from, const QString &to)
{
    if (QString e = ensureParent(to); !e.isEmpty())
        return e;
    QFile::remove(to);
    if (!QFile::copy(from, to))
        return QStringLiteral("cannot copy %1 to %2").arg(from, to);
    return {};
}

QString DemoFiles::writeBytes(const QString &path, const QByteArray &bytes)
{
    if (QString e = ensureParent(path); !e.isEmpty())
        return e;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

QString DemoFiles::text(const Error &error)
{
    return error ? errorMessage(error) : QString();
}

} // namespace neuroonco::demo
