// Implementation of shared test helpers.
#include "TestUtil.h"

#include <QProcess>

namespace neuroonco::test {

QString binaryDir()
{
    return QStringLiteral(NEUROONCO_BINARY_DIR);
}

int runProgram(const QString &program, const QStringList &arguments, QString *out, QString *err,
               int timeoutMs, const QString &workingDir)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void require(const Error &error)
{
    if (error)
        qFatal("fixture: %s", qPrintable(errorMessage(error)));
}

} // namespace neuroonco::test
