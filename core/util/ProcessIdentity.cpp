// Process liveness through /proc (Linux), falling back to kill(pid, 0) elsewhere.
#include "core/util/ProcessIdentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace neuroonco {

namespace {

QString readFirstLine(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readLine()).trimmed();
}

// Field 22 of /proc/<pid>/stat: start time in clock ticks since boot.
QString startTimeOf(qint64 pid)
{
    const QString stat = readFirstLine(QStringLiteral("/proc/%1/stat").arg(pid));
    const int close = stat.lastIndexOf(QLatin1Char(')'));
    if (close < 0)
        return {};
    const QStringList fields = stat.mid(close + 2).split(QLatin1Char(' '));
    // After "pid (comm) " the fields start at field 3 (state); field 22 is index 19.
    // A zombie has exited already even though its /proc entry is still there.
    if (fields.size() <= 19 || fields.at(0) == QLatin1String("Z") || fields.at(0) == QLatin1String("X"))
        return {};
    return fields.at(19);
}

QString tokenFor(qint64 pid)
{
    const QString boot = readFirstLine(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    const QString start = startTimeOf(pid);
    if (boot.isEmpty() || start.isEmpty())
        return {};
    return boot + QLatin1Char(':') + start;
}

} // namespace

ProcessIdentity ProcessIdentity::current()
{
    ProcessIdentity id;
    id.host = QSysInfo::machineHostName();
    id.pid = QCoreApplication::applicationPid();
    id.token = tokenFor(id.pid);
    return id;
}

bool ProcessIdentity::isAlive(const QString &host, qint64 pid, const QString &token)
{
    if (host != QSysInfo::machineHostName())
        return true;
    if (pid <= 0)
        return false;
    if (!token.isEmpty()) {
        const QString now = tokenFor(pid);
        if (!now.isEmpty() || QFile::exists(QStringLiteral("/proc/self/stat")))
            return now == token;
    }
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace neuroonco
