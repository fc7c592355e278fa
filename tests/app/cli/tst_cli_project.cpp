// The project commands on damaged and read-only projects, as users meet them: `status` checks
// the database and says how to recover, `backup`/`restore` get a sound database back, commands
// that meet damage stop with the same message, and a project the user cannot write opens for
// reading everywhere (checked as an unprivileged user: root ignores file modes).
#include "PipelineFixture.h"
#include "TestUtil.h"

#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace neuroonco;
using namespace neuroonco::test;

namespace {

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        if (it.fileInfo().isDir() ? !QDir().mkpath(target) : !QFile::copy(path, target))
            return false;
    }
    return true;
}

// chmod -R a-w (or back): folders r-x, files r--.
void setWritable(const QString &root, bool writable)
{
    const QFileDevice::Permissions read = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const QFileDevice::Permissions exec = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    const QFileDevice::Permissions write = writable ? QFileDevice::WriteOwner : QFileDevice::Permissions();
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile::setPermissions(path, read | write | (it.fileInfo().isDir() ? exec : QFileDevice::Permissions()));
    }
    QFile::setPermissions(root, read | exec | write);
}

} // namespace

class TestCliProject : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void damagedProjectIsReportedAndRestored();
    void readOnlyOptionReadsAndRefusesStages();
    void statusAsAUserWhoCannotWriteTheFolder();
    void uncheckpointedLogInAReadOnlyFolder();

private:
    int cli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return runProgram(m_exe, args, out, err);
    }
    // Runs the CLI as `nobody` (setpriv); false when this machine cannot (not root, no setpriv).
    bool canDropPrivileges(QString *why) const;
    int cliAsNobody(const QStringList &args, QString *out = nullptr, QString *err = nullptr);
    QString freshCopy(const QString &name);

    QTemporaryDir m_tmp;
    QString m_exe;
    QString m_project;
    QString m_shared; // a folder everyone may enter (for the unprivileged runs)
};

void TestCliProject::initTestCase()
{
    m_exe = binaryDir() + QStringLiteral("/neuroonco");
    QVERIFY2(QFileInfo::exists(m_exe), qPrintable(m_exe));
    QVERIFY(m_tmp.isValid());
    m_project = m_tmp.filePath(QStringLiteral("project"));
    buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_project);
    QString err;
    QCOMPARE(cli({QStringLiteral("benchmark"), m_project, QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--quiet")}, nullptr, &err), 0);
    // QTemporaryDir is private to its owner; the unprivileged runs need to reach the copies.
    m_shared = m_tmp.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(m_shared));
    QFile::setPermissions(m_tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                            | QFileDevice::ReadOther | QFileDevice::ExeOther);
    QFile::setPermissions(m_shared, QFileDevice::Permissions(0x7777)); // rwx for all
}

void TestCliProject::cleanupTestCase()
{
    setWritable(m_shared, true); // so that the temporary folder can be removed
}

QString TestCliProject::freshCopy(const QString &name)
{
    const QString dir = QDir(m_shared).filePath(name);
    if (!copyTree(m_project, dir))
        qFatal("cannot copy the project to %s", qPrintable(dir));
    return dir;
}

bool TestCliProject::canDropPrivileges(QString *why) const
{
    if (geteuid() != 0) {
        *why = QStringLiteral("needs root to run the CLI as another user (setpriv)");
        return false;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
        *why = QStringLiteral("setpriv (util-linux) is not installed");
        return false;
    }
    return true;
}

int TestCliProject::cliAsNobody(const QStringList &args, QString *out, QString *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_shared);
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_shared);
    p.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                                   QStringLiteral("--clear-groups"), m_exe} + args);
    if (!p.waitForFinished(120000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestCliProject::damagedProjectIsReportedAndRestored()
{
    const QString dir = freshCopy(QStringLiteral("damaged"));
    QString out, err;
    QCOMPARE(cli({QStringLiteral("status"), dir}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("Database  sound")), qPrintable(out));
    QVERIFY(cli({QStringLiteral("lint"), dir, QStringLiteral("--no-images"), QStringLiteral("--json")}, &out) != 2);
    const int questions = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("questions")).toInt();
    QVERIFY(questions > 0);
    QCOMPARE(cli({QStringLiteral("backup"), dir}, &out, &err), 0);
    QVERIFY2(out.startsWith(QStringLiteral("Backed up")), qPrintable(out + err));

    QString why;
    const int page = damageTablePage(Project::databasePathIn(dir), QStringLiteral("benchmark_items"), &why);
    if (page == 0)
        QSKIP(qPrintable(why));

    // status: damaged, what SQLite said, and how to recover; exit code 1.
    QCOMPARE(cli({QStringLiteral("status"), dir}, &out, &err), 1);
    QVERIFY2(out.contains(QStringLiteral("DAMAGED")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Page %1").arg(page)) || out.contains(QStringLiteral("malformed")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("neuroonco restore %1 --from %2/backups/project-").arg(dir, dir)), qPrintable(out));
    QCOMPARE(cli({QStringLiteral("status"), dir, QStringLiteral("--json")}, &out), 1);
    const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("damaged")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("backups")).toArray().size(), 1);

    // Commands that read the damaged table stop with the same message, never a short answer.
    QCOMPARE(cli({QStringLiteral("lint"), dir, QStringLiteral("--no-images")}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("damaged (benchmark_items)")), qPrintable(out + err));
    QVERIFY2(err.contains(QStringLiteral("neuroonco status")), qPrintable(err));
    QVERIFY2(!out.contains(QStringLiteral("questions")), qPrintable(out));
    QCOMPARE(cli({QStringLiteral("export"), dir, QStringLiteral("--what"), QStringLiteral("benchmark-closed"), QStringLiteral("--all"),
                  QStringLiteral("--out"), QDir(m_shared).filePath(QStringLiteral("closed.json"))},
                 &out, &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("damaged")), qPrintable(err));
    // A backup of a damaged database would be damaged too.
    QCOMPARE(cli({QStringLiteral("backup"), dir}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("damaged")), qPrintable(err));

    // restore: refuses garbage, then takes the good backup and keeps the damaged file.
    const QString garbage = QDir(m_shared).filePath(QStringLiteral("garbage.sqlite"));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(QByteArray(8192, 'g'));
    g.close();
    QCOMPARE(cli({QStringLiteral("restore"), dir, QStringLiteral("--from"), garbage}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("damaged")), qPrintable(err));
    const QString backup = report.value(QStringLiteral("backups")).toArray().at(0).toObject().value(QStringLiteral("file")).toString();
    QCOMPARE(cli({QStringLiteral("restore"), dir, QStringLiteral("--from"), backup}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("The database it replaced is kept as %1/backups/replaced-").arg(dir)), qPrintable(out));
    QCOMPARE(cli({QStringLiteral("status"), dir}, &out, &err), 0);
    QVERIFY(cli({QStringLiteral("lint"), dir, QStringLiteral("--no-images"), QStringLiteral("--json")}, &out) != 2);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("questions")).toInt(), questions);
}

void TestCliProject::readOnlyOptionReadsAndRefusesStages()
{
    const QString dir = freshCopy(QStringLiteral("asked"));
    QFile db(Project::databasePathIn(dir));
    QVERIFY(db.open(QIODevice::ReadOnly));
    const QByteArray before = db.readAll();
    db.close();
    QString out, err;
    QCOMPARE(cli({QStringLiteral("status"), dir, QStringLiteral("--read-only")}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("Access    read-only (--read-only)")), qPrintable(out + err));
    QCOMPARE(cli({QStringLiteral("dedup"), dir, QStringLiteral("--read-only")}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("The project is read-only")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("dedup cannot run")), qPrintable(err));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QCOMPARE(db.readAll(), before);
}

void TestCliProject::statusAsAUserWhoCannotWriteTheFolder()
{
    QString why;
    if (!canDropPrivileges(&why))
        QSKIP(qPrintable(why));
    const QString dir = freshCopy(QStringLiteral("archived"));
    setWritable(dir, false);
    QString out, err;
    // Before: every command failed on "PRAGMA journal_mode=WAL: attempt to write a readonly database".
    QCOMPARE(cliAsNobody({QStringLiteral("status"), dir}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("Access    read-only (this user cannot write")), qPrintable(out + err));
    QVERIFY2(out.contains(QStringLiteral("Database  sound")), qPrintable(out));
    QVERIFY2(!err.contains(QStringLiteral("journal_mode")), qPrintable(err));
    QCOMPARE(cliAsNobody({QStringLiteral("jobs"), dir}, &out, &err), 0);
    QVERIFY(cliAsNobody({QStringLiteral("lint"), dir, QStringLiteral("--no-images")}, &out, &err) != 2);
    QVERIFY2(out.contains(QStringLiteral("questions")) && err.isEmpty(), qPrintable(out + err));
    QCOMPARE(cliAsNobody({QStringLiteral("report"), dir, QStringLiteral("--air")}, &out, &err), 0);
    QCOMPARE(cliAsNobody({QStringLiteral("export"), dir, QStringLiteral("--what"), QStringLiteral("benchmark-closed"), QStringLiteral("--all"),
                          QStringLiteral("--out"), QDir(m_shared).filePath(QStringLiteral("archived-closed.json"))},
                         &out, &err),
             0);
    // A stage says the project is read-only, and exits 1.
    QCOMPARE(cliAsNobody({QStringLiteral("dedup"), dir}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("The project is read-only")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("journal_mode")), qPrintable(err));
    QCOMPARE(QDir(dir).entryList({QStringLiteral("project.sqlite*")}), QStringList{QStringLiteral("project.sqlite")});
}

void TestCliProject::uncheckpointedLogInAReadOnlyFolder()
{
    QString why;
    if (!canDropPrivileges(&why))
        QSKIP(qPrintable(why));
    // A copy taken while a writer had the project open: its latest commit lives only in the
    // write-ahead log beside the database.
    const QString live = freshCopy(QStringLiteral("live"));
    const QString withIndex = QDir(m_shared).filePath(QStringLiteral("copied-open"));
    const QString withoutIndex = QDir(m_shared).filePath(QStringLiteral("copied-open-no-shm"));
    int jobs = 0;
    {
        auto db = Database::openSqlite(Project::databasePathIn(live));
        QVERIFY(db.ok());
        QVERIFY(!(*db)->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO jobs(stage, lock_key, state, created_at) "
                                            "VALUES ('ingest', 'x', 'succeeded', '2026-01-01T00:00:00Z')")));
        jobs = scalar(**db, QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt();
        QVERIFY(QFileInfo(Project::databasePathIn(live) + QStringLiteral("-wal")).size() > 0);
        QVERIFY(copyTree(live, withIndex));
        QVERIFY(copyTree(live, withoutIndex));
    }
    QVERIFY(QFile::remove(Project::databasePathIn(withoutIndex) + QStringLiteral("-shm")));
    setWritable(withIndex, false);
    setWritable(withoutIndex, false);

    QString out, err;
    QCOMPARE(cliAsNobody({QStringLiteral("status"), withIndex, QStringLiteral("--json")}, &out, &err), 0);
    const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(status.value(QStringLiteral("read_only")).toBool(), true);
    QCOMPARE(status.value(QStringLiteral("counts")).toObject().value(QStringLiteral("jobs")).toInt(), jobs); // the log was read

    // Without its index SQLite cannot read the log there; opening the file alone would silently
    // miss the commit, so the project is refused, naming the log and what to do.
    QCOMPARE(cliAsNobody({QStringLiteral("status"), withoutIndex}, &out, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("project.sqlite-wal")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("with write access")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"
