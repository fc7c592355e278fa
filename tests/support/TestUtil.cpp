// Implementation of shared test helpers.
#include "TestUtil.h"

#include "core/store/Database.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>

namespace neuroonco::test {

QVariant scalar(const Database &db, const QString &sql, const QVariant &fallback)
{
    Result<QVariant> value = db.scalar(sql, fallback);
    if (!value)
        qFatal("test::scalar: %s", qPrintable(errorMessage(value.error())));
    return *value;
}

int damageTablePage(const QString &databaseFile, const QString &table, QString *why)
{
    QList<int> leaves;
    int pageSize = 0;
    {
        auto db = Database::openSqlite(databaseFile);
        if (!db) {
            if (why)
                *why = errorMessage(db.error());
            return 0;
        }
        QSqlQuery q = (*db)->query();
        q.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path"));
        q.addBindValue(table);
        if (!q.exec()) {
            if (why)
                *why = QStringLiteral("no dbstat: ") + (*db)->queryError(q, QStringLiteral("dbstat")).detail;
            return 0;
        }
        while (q.next())
            leaves << q.value(0).toInt();
        pageSize = scalar(**db, QStringLiteral("PRAGMA page_size")).toInt();
        // The last connection to close folds the write-ahead log into the file: what is damaged
        // below is then what every reader sees.
        (void)(*db)->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    if (leaves.size() < 3 || pageSize <= 0) {
        if (why)
            *why = QStringLiteral("%1 has %2 leaf pages").arg(table).arg(leaves.size());
        return 0;
    }
    const int page = leaves.at(leaves.size() / 2);
    QFile f(databaseFile);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(qint64(page - 1) * pageSize)) {
        if (why)
            *why = f.errorString();
        return 0;
    }
    QByteArray garbage(pageSize, '\0');
    quint32 state = 0x2545F491u; // fixed: the same bytes every run
    for (char &c : garbage) {
        state = state * 1664525u + 1013904223u;
        c = char(state >> 24);
    }
    if (f.write(garbage) != garbage.size()) {
        if (why)
            *why = f.errorString();
        return 0;
    }
    return page;
}

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
