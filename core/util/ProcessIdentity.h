// Who owns a running job: host, pid and a token that survives pid reuse and reboots.
// Used to tell a live job from one whose process was killed (SIGKILL leaves no trace otherwise).
#pragma once

#include <QString>

namespace neuroonco {

struct ProcessIdentity
{
    QString host;
    qint64 pid = 0;
    QString token; // boot id + process start time when /proc is available

    static ProcessIdentity current();
    // True when the process described by (host, pid, token) is still running. Processes on
    // other hosts cannot be checked and count as alive.
    static bool isAlive(const QString &host, qint64 pid, const QString &token);
};

} // namespace neuroonco
