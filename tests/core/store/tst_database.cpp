// Project store: migrations on fresh and existing projects, refusal of newer schemas,
// concurrent writers, consistency after a process is killed inside a transaction, reads that
// meet a damaged page, and read-only opening.
#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRepository.h"
#include "core/pipeline/ProjectStatus.h"
#include "core/project/Project.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/util/ProcessIdentity.h"
#include "CounterStage.h"
#include "TestUtil.h"

#include <QCryptographicHash>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstdlib>

using namespace neuroonco;

namespace {

int childKilledInTransaction(const QString &projectDir)
{
    Result<Project> project = Project::open(projectDir);
    if (!project)
        return 3;
    auto db = project->connect();
    if (!db)
        return 4;
    if ((*db)->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")))
        return 5;
    {
        Transaction tx(**db);
        for (int i = 0; i < 100; ++i)
            if ((*db)->exec(QStringLiteral("INSERT INTO t(v) VALUES ('committed')")))
                return 6;
        if (tx.commit())
            return 7;
    }
    if ((*db)->begin())
        return 8;
    for (int i = 0; i < 5000; ++i)
        if ((*db)->exec(QStringLiteral("INSERT INTO t(v) VALUES ('uncommitted %1')").arg(i)))
            return 9;
    std::printf("ready\n");
    std::fflush(stdout);
    QThread::sleep(60); // the parent kills us here, mid-transaction
    return 0;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshProjectHasLatestSchema();
    void existingProjectIsMigrated();
    void newerSchemaIsRefused();
    void openMissingProjectFails();
    void createRefusesExistingProject();
    void twoThreadsWriteAtOnce();
    void killedMidTransactionLeavesConsistentDatabase();
    void pragmasAreSet();
    void readLoopMeetingDamageIsAnErrorNamingTheTable();
    void quickCheckFindsTheDamage();
    void readOnlyOpenWritesNothing();
};

void TestDatabase::freshProjectHasLatestSchema()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("proj")));
    QVERIFY2(p.ok(), qPrintable(errorMessage(p.error())));
    QVERIFY(QDir(p->slicesDir()).exists());
    QVERIFY(QDir(p->exportsDir()).exists());
    QVERIFY(QDir(p->logsDir()).exists());
    auto db = p->connect();
    QVERIFY(db.ok());
    Result<int> v = Migrations::currentVersion(**db);
    QVERIFY(v.ok());
    QCOMPARE(*v, Migrations::latestVersion());
    // Every migration is recorded once, in order.
    QSqlQuery q = (*db)->query();
    QVERIFY(q.exec(QStringLiteral("SELECT version FROM schema_version ORDER BY version")));
    int expected = 1;
    while (q.next())
        QCOMPARE(q.value(0).toInt(), expected++);
    QCOMPARE(expected - 1, Migrations::latestVersion());
    QVERIFY(!test::scalar(**db, QStringLiteral("SELECT value FROM project_info WHERE key='uuid'")).toString().isEmpty());
}

void TestDatabase::existingProjectIsMigrated()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("old"));
    QVERIFY(QDir().mkpath(dir));
    {
        // A project written by an older build: only the first migration, with some data.
        auto db = Database::openSqlite(QDir(dir).filePath(QStringLiteral("project.sqlite")));
        QVERIFY(db.ok());
        QVERIFY(!Migrations::migrate(**db, 1));
        QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO jobs(stage, lock_key, state, created_at) "
                                            "VALUES ('ingest', 'ingest', 'succeeded', '2026-01-01T00:00:00Z')")));
    }
    Result<Project> p = Project::open(dir);
    QVERIFY2(p.ok(), qPrintable(errorMessage(p.error())));
    auto db = p->connect();
    QCOMPARE(*Migrations::currentVersion(**db), Migrations::latestVersion());
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt(), 1);
    if (Migrations::latestVersion() > 1)
    {
        // The backup before the upgrade is an SQLite online backup in backups/, named after the
        // version it was taken from, holding that version.
        const QStringList backups = QDir(p->backupsDir()).entryList({QStringLiteral("project-*-before-upgrade-from-v1.sqlite")});
        QCOMPARE(backups.size(), 1);
        auto old = Database::openSqlite(QDir(p->backupsDir()).filePath(backups.front()), DatabaseAccess::ReadOnly);
        QVERIFY(old.ok());
        QCOMPARE(*Migrations::currentVersion(**old), 1);
        QCOMPARE(test::scalar(**old, QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt(), 1);
    }
    // Opening again is a no-op.
    QVERIFY(Project::open(dir).ok());
}

void TestDatabase::newerSchemaIsRefused()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("newer"));
    QVERIFY(Project::create(dir).ok());
    const int future = Migrations::latestVersion() + 5;
    {
        auto db = Database::openSqlite(QDir(dir).filePath(QStringLiteral("project.sqlite")));
        QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO schema_version VALUES (%1, 'from the future', 'x')").arg(future)));
    }
    Result<Project> p = Project::open(dir);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, ErrorCode::SchemaTooNew);
    const QString message = errorMessage(p.error());
    QVERIFY2(message.contains(QStringLiteral("newer")), qPrintable(message));
    QVERIFY2(message.contains(QString::number(future)), qPrintable(message));
    // The database is left as it was.
    auto db = Database::openSqlite(QDir(dir).filePath(QStringLiteral("project.sqlite")));
    QCOMPARE(*Migrations::currentVersion(**db), future);
}

void TestDatabase::openMissingProjectFails()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::open(tmp.filePath(QStringLiteral("nothing")));
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, ErrorCode::NotFound);
    QVERIFY(errorMessage(p.error()).contains(QStringLiteral("project.sqlite")));
}

void TestDatabase::createRefusesExistingProject()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QVERIFY(Project::create(dir).ok());
    Result<Project> again = Project::create(dir);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
}

void TestDatabase::twoThreadsWriteAtOnce()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("p")));
    QVERIFY(p.ok());
    {
        auto db = p->connect();
        QVERIFY(!(*db)->exec(QStringLiteral("CREATE TABLE w (thread INTEGER, n INTEGER)")));
    }
    std::atomic_int failures{0};
    auto writer = [&](int thread) {
        auto db = p->connect(); // one connection per thread
        if (!db) {
            ++failures;
            return;
        }
        for (int i = 0; i < 200; ++i) {
            Transaction tx(**db);
            if (tx.beginError()) {
                ++failures;
                continue;
            }
            QSqlQuery q = (*db)->query();
            q.prepare(QStringLiteral("INSERT INTO w VALUES (?, ?)"));
            q.addBindValue(thread);
            q.addBindValue(i);
            if ((*db)->run(q, QStringLiteral("w")) || tx.commit())
                ++failures;
        }
    };
    QThread *a = QThread::create(writer, 1);
    QThread *b = QThread::create(writer, 2);
    a->start();
    b->start();
    QVERIFY(a->wait(60000));
    QVERIFY(b->wait(60000));
    delete a;
    delete b;
    QCOMPARE(failures.load(), 0);
    auto db = p->connect();
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM w")).toInt(), 400);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(DISTINCT thread || '-' || n) FROM w")).toInt(), 400);
}

void TestDatabase::killedMidTransactionLeavesConsistentDatabase()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QVERIFY(Project::create(dir).ok());
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEUROONCO_TEST_CHILD"), QStringLiteral("kill-in-transaction"));
    env.insert(QStringLiteral("NEUROONCO_TEST_PROJECT"), dir);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("ready") || child.state() == QProcess::NotRunning, 30000);
    QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished());

    Result<Project> p = Project::open(dir);
    QVERIFY2(p.ok(), qPrintable(errorMessage(p.error())));
    auto db = p->connect();
    QCOMPARE(test::scalar(**db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM t WHERE v = 'committed'")).toInt(), 100);
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM t WHERE v <> 'committed'")).toInt(), 0);
    // And the database is writable again (no stale lock).
    QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO t(v) VALUES ('after')")));
}

void TestDatabase::pragmasAreSet()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("p")));
    auto db = p->connect();
    QCOMPARE(test::scalar(**db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(test::scalar(**db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(test::scalar(**db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
}

void TestDatabase::readLoopMeetingDamageIsAnErrorNamingTheTable()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("p")));
    QVERIFY(p.ok());
    qint64 job = 0;
    const int lines = 3000;
    {
        auto db = p->connect();
        Result<qint64> id = JobRepository(**db).claim(QStringLiteral("counter"), QStringLiteral("counter"), {});
        QVERIFY(id.ok());
        job = *id;
        Transaction tx(**db);
        for (int i = 0; i < lines; ++i)
            QVERIFY(!JobRepository(**db).appendLog(job, LogLevel::Info, QStringLiteral("line %1 ").arg(i).repeated(12)));
        QVERIFY(!tx.commit());
        QCOMPARE(int(JobRepository(**db).logs(job)->size()), lines);
    }
    QString why;
    const int page = test::damageTablePage(p->databasePath(), QStringLiteral("job_logs"), &why);
    if (page == 0)
        QSKIP(qPrintable(why));

    auto db = p->connect();
    QVERIFY(db.ok());
    // Before: the loop stopped at the damaged page and the lines before it came back as the
    // whole log. Now the read is an error naming the table.
    Result<std::vector<JobLogLine>> log = JobRepository(**db).logs(job);
    QVERIFY2(!log.ok(), qPrintable(QStringLiteral("%1 of %2 lines came back, no error").arg(log ? log->size() : 0).arg(lines)));
    QCOMPARE(log.error().code, ErrorCode::Damaged);
    QCOMPARE(log.error().subject, QStringLiteral("job_logs"));
    QVERIFY2(errorMessage(log.error()).contains(QStringLiteral("damaged")), qPrintable(errorMessage(log.error())));
}

void TestDatabase::quickCheckFindsTheDamage()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("p")));
    QVERIFY(p.ok());
    {
        auto db = p->connect();
        QVERIFY(!(*db)->exec(QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT)")));
        Transaction tx(**db);
        for (int i = 0; i < 2000; ++i)
            QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO big(v) VALUES ('%1')").arg(QString(300, QLatin1Char('x')))));
        QVERIFY(!tx.commit());
        Result<QStringList> sound = (*db)->quickCheck();
        QVERIFY(sound.ok());
        QVERIFY2(sound->isEmpty(), qPrintable(sound->join(QLatin1Char('\n'))));
    }
    QString why;
    if (test::damageTablePage(p->databasePath(), QStringLiteral("big"), &why) == 0)
        QSKIP(qPrintable(why));
    auto db = p->connect();
    QVERIFY(db.ok());
    Result<QStringList> problems = (*db)->quickCheck();
    QVERIFY(problems.ok());
    QVERIFY(!problems->isEmpty());
    // A count over the damaged table is an error too, not a smaller number.
    Result<QVariant> count = (*db)->scalar(QStringLiteral("SELECT COUNT(v) FROM big"));
    QVERIFY(!count.ok());
    QCOMPARE(count.error().code, ErrorCode::Damaged);
}

void TestDatabase::readOnlyOpenWritesNothing()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("p"));
    QVERIFY(Project::create(dir).ok());
    {
        // A job whose process is gone: a read-write open marks it interrupted.
        auto db = Project::open(dir)->connect();
        QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO jobs(stage, lock_key, state, created_at, host, pid, process_token) "
                                            "VALUES ('ingest', 'ingest', 'running', '2026-01-01T00:00:00Z', '%1', 2147483000, 'gone')")
                                 .arg(ProcessIdentity::current().host)));
    }
    auto fileHash = [&] {
        QFile f(Project::databasePathIn(dir));
        f.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    };
    const QByteArray before = fileHash();

    Result<Project> p = Project::open(dir, DatabaseAccess::ReadOnly);
    QVERIFY2(p.ok(), qPrintable(errorMessage(p.error())));
    QVERIFY(p->isReadOnly());
    QCOMPARE(p->readOnlyReason(), Project::ReadOnlyReason::Asked);
    {
        auto db = p->connect();
        QVERIFY(db.ok());
        QVERIFY((*db)->isReadOnly());
        QCOMPARE(test::scalar(**db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        Result<ProjectStatus> status = ProjectStatus::collect(**db, p->root());
        QVERIFY2(status.ok(), qPrintable(errorMessage(status.error())));
        QVERIFY(status->readOnly);
        QCOMPARE(status->runningJobs, 0); // the dead job does not count as running …
        // … and stays as it is stored: showing a project does not change it.
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT state FROM jobs")).toString(), QStringLiteral("running"));
        const Error write = (*db)->exec(QStringLiteral("INSERT INTO project_info(key, value) VALUES ('x', 'y')"));
        QCOMPARE(write.code, ErrorCode::ReadOnly);
    }
    // Stages refuse before touching anything.
    test::CounterStage stage;
    Result<qint64> claimed = JobExecutor::claim(*p, stage, test::CounterStage::parameters(10, 1, 1));
    QVERIFY(!claimed.ok());
    QCOMPARE(claimed.error().code, ErrorCode::ReadOnly);
    QVERIFY2(errorMessage(claimed.error()).contains(QStringLiteral("read-only")), qPrintable(errorMessage(claimed.error())));
    QCOMPARE(fileHash(), before);
}

int main(int argc, char **argv)
{
    const QByteArray child = qgetenv("NEUROONCO_TEST_CHILD");
    if (child == "kill-in-transaction") {
        QCoreApplication app(argc, argv);
        return childKilledInTransaction(QString::fromLocal8Bit(qgetenv("NEUROONCO_TEST_PROJECT")));
    }
    QCoreApplication app(argc, argv);
    TestDatabase test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_database.moc"
