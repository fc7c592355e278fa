// Project backups: a backup restores the project as it was; restore checks what it is given and
// keeps what it replaces; backups/ stays bounded.
#include "TestUtil.h"

#include "core/jobs/JobRepository.h"
#include "core/project/Project.h"
#include "core/project/ProjectBackup.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {

// A project with `jobs` jobs, each with a few log lines.
Project projectWithJobs(const QString &dir, int jobs)
{
    Result<Project> p = Project::create(dir);
    if (!p)
        qFatal("%s", qPrintable(errorMessage(p.error())));
    auto db = p->connect();
    JobRepository repo(**db);
    for (int i = 0; i < jobs; ++i) {
        Result<qint64> id = repo.claim(QStringLiteral("counter"), QStringLiteral("counter-%1").arg(i), {});
        if (!id)
            qFatal("%s", qPrintable(errorMessage(id.error())));
        for (int l = 0; l < 20; ++l)
            (void)repo.appendLog(*id, LogLevel::Info, QStringLiteral("job %1 line %2").arg(i).arg(l));
        (void)repo.finish(*id, JobState::Succeeded, {}, {}, {});
    }
    return *p;
}

int count(const Project &p, const QString &table)
{
    auto db = p.connect();
    return test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM ") + table).toInt();
}

QString makeBackup(const Project &p, const QString &target = {})
{
    auto db = p.connect();
    Result<QString> file = ProjectBackup::create(p, **db, ProjectBackup::Reason::OnDemand, target);
    if (!file)
        qFatal("%s", qPrintable(errorMessage(file.error())));
    return *file;
}

} // namespace

class TestProjectBackup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backupAndRestoreRoundTrip();
    void restoreOfADamagedProjectKeepsTheDamagedFile();
    void restoreRefusesGarbage();
    void restoreRefusesAnotherProjectsBackup();
    void backupsFolderStaysBounded();
};

void TestProjectBackup::backupAndRestoreRoundTrip()
{
    QTemporaryDir tmp;
    const Project p = projectWithJobs(tmp.filePath(QStringLiteral("p")), 5);
    const QString backup = makeBackup(p);
    QVERIFY(backup.startsWith(p.backupsDir() + QLatin1Char('/')));
    QVERIFY(!QFile::exists(backup + QStringLiteral("-wal"))); // one self-contained file
    QVERIFY(!QFile::exists(backup + QStringLiteral(".part")));
    Result<BackupContents> checked = ProjectBackup::check(backup);
    QVERIFY2(checked.ok(), qPrintable(errorMessage(checked.error())));
    QCOMPARE(checked->schemaVersion, Migrations::latestVersion());

    // Work after the backup is what a restore takes back.
    {
        auto db = p.connect();
        QVERIFY(!(*db)->exec(QStringLiteral("DELETE FROM job_logs")));
    }
    QCOMPARE(count(p, QStringLiteral("job_logs")), 0);

    Result<RestoreOutcome> restored = ProjectBackup::restore(p.root(), backup);
    QVERIFY2(restored.ok(), qPrintable(errorMessage(restored.error())));
    QCOMPARE(count(p, QStringLiteral("jobs")), 5);
    QCOMPARE(count(p, QStringLiteral("job_logs")), 100);
    // The database it replaced is kept, not deleted, and still holds what it held.
    QVERIFY(QFile::exists(restored->replacedBy));
    QVERIFY(restored->replacedBy.startsWith(p.backupsDir() + QLatin1Char('/')));
    auto replaced = Database::openSqlite(restored->replacedBy, DatabaseAccess::ReadOnly);
    QVERIFY(replaced.ok());
    QCOMPARE(test::scalar(**replaced, QStringLiteral("SELECT COUNT(*) FROM job_logs")).toInt(), 0);
    QVERIFY(Project::open(p.root()).ok());
}

void TestProjectBackup::restoreOfADamagedProjectKeepsTheDamagedFile()
{
    QTemporaryDir tmp;
    const Project p = projectWithJobs(tmp.filePath(QStringLiteral("p")), 40);
    const QString backup = makeBackup(p, tmp.filePath(QStringLiteral("elsewhere.sqlite")));
    QString why;
    if (test::damageTablePage(p.databasePath(), QStringLiteral("job_logs"), &why) == 0)
        QSKIP(qPrintable(why));
    QFile damaged(p.databasePath());
    QVERIFY(damaged.open(QIODevice::ReadOnly));
    const QByteArray damagedBytes = damaged.readAll();
    damaged.close();

    Result<RestoreOutcome> restored = ProjectBackup::restore(p.root(), backup);
    QVERIFY2(restored.ok(), qPrintable(errorMessage(restored.error())));
    QCOMPARE(count(p, QStringLiteral("job_logs")), 800);
    auto db = p.connect();
    QVERIFY((*db)->quickCheck()->isEmpty());
    QFile kept(restored->replacedBy);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), damagedBytes);
}

void TestProjectBackup::restoreRefusesGarbage()
{
    QTemporaryDir tmp;
    const Project p = projectWithJobs(tmp.filePath(QStringLiteral("p")), 2);
    QFile before(p.databasePath());
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();

    // Not a database at all.
    const QString garbage = tmp.filePath(QStringLiteral("garbage.sqlite"));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(QByteArray(64 * 1024, 'z'));
    g.close();
    Result<RestoreOutcome> r = ProjectBackup::restore(p.root(), garbage);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Damaged);
    QCOMPARE(r.error().subject, garbage);

    // A backup that is itself damaged.
    const Project other = projectWithJobs(tmp.filePath(QStringLiteral("q")), 40);
    const QString damagedBackup = makeBackup(other, tmp.filePath(QStringLiteral("b.sqlite")));
    QString why;
    if (test::damageTablePage(damagedBackup, QStringLiteral("job_logs"), &why) != 0) {
        r = ProjectBackup::restore(p.root(), damagedBackup);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Damaged);
    }
    // An SQLite file that is no project.
    const QString plain = tmp.filePath(QStringLiteral("plain.sqlite"));
    {
        auto db = Database::openSqlite(plain);
        QVERIFY(!(*db)->exec(QStringLiteral("CREATE TABLE t (x)")));
    }
    r = ProjectBackup::restore(p.root(), plain);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);

    // Nothing was touched.
    QFile after(p.databasePath());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), original);
    QVERIFY(QDir(p.backupsDir()).entryList({QStringLiteral("replaced-*")}).isEmpty());
}

void TestProjectBackup::restoreRefusesAnotherProjectsBackup()
{
    QTemporaryDir tmp;
    const Project mine = projectWithJobs(tmp.filePath(QStringLiteral("mine")), 1);
    const Project theirs = projectWithJobs(tmp.filePath(QStringLiteral("theirs")), 3);
    const QString backup = makeBackup(theirs);
    Result<RestoreOutcome> r = ProjectBackup::restore(mine.root(), backup);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Conflict);
    QVERIFY2(errorMessage(r.error()).contains(QStringLiteral("another project")), qPrintable(errorMessage(r.error())));
    QCOMPARE(count(mine, QStringLiteral("jobs")), 1);
    // Into a folder without a project it is a new copy of that project.
    r = ProjectBackup::restore(tmp.filePath(QStringLiteral("copy")), backup);
    QVERIFY2(r.ok(), qPrintable(errorMessage(r.error())));
    QVERIFY(r->replacedBy.isEmpty());
    Result<Project> copy = Project::open(tmp.filePath(QStringLiteral("copy")));
    QVERIFY(copy.ok());
    QCOMPARE(count(*copy, QStringLiteral("jobs")), 3);
}

void TestProjectBackup::backupsFolderStaysBounded()
{
    QTemporaryDir tmp;
    const Project p = projectWithJobs(tmp.filePath(QStringLiteral("p")), 1);
    QStringList made;
    for (int i = 0; i < ProjectBackup::kKeepPerReason + 3; ++i)
        made << makeBackup(p);
    QCOMPARE(QSet<QString>(made.begin(), made.end()).size(), made.size()); // same second: distinct names
    const std::vector<BackupFile> listed = ProjectBackup::list(p.root());
    QCOMPARE(int(listed.size()), ProjectBackup::kKeepPerReason);
    // The newest are kept, newest first.
    for (int i = 0; i < ProjectBackup::kKeepPerReason; ++i)
        QCOMPARE(listed[size_t(i)].path, made.at(made.size() - 1 - i));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!QFile::exists(made.at(i)));
    // A backup written elsewhere is the user's file: it never counts and is never removed.
    const QString own = makeBackup(p, tmp.filePath(QStringLiteral("mine.sqlite")));
    QVERIFY(QFile::exists(own));
    QCOMPARE(int(ProjectBackup::list(p.root()).size()), ProjectBackup::kKeepPerReason);
    // --out refuses to overwrite.
    auto db = p.connect();
    Result<QString> again = ProjectBackup::create(p, **db, ProjectBackup::Reason::OnDemand, own);
    QVERIFY(!again.ok());
}

QTEST_GUILESS_MAIN(TestProjectBackup)
#include "tst_projectbackup.moc"
