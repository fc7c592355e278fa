// Project store: migrations on fresh and existing projects, refusal of newer schemas,
// concurrent writers, and consistency after a process is killed inside a transaction.
#include "project/Project.h"
#include "store/Database.h"
#include "store/Migrations.h"

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
    QVERIFY(!(*db)->scalar(QStringLiteral("SELECT value FROM project_info WHERE key='uuid'")).toString().isEmpty());
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
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt(), 1);
    if (Migrations::latestVersion() > 1)
        QVERIFY2(QFile::exists(p->databasePath() + QStringLiteral(".v1.bak")), "a backup is kept before migrating");
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
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM w")).toInt(), 400);
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT COUNT(DISTINCT thread || '-' || n) FROM w")).toInt(), 400);
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
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM t WHERE v = 'committed'")).toInt(), 100);
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM t WHERE v <> 'committed'")).toInt(), 0);
    // And the database is writable again (no stale lock).
    QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO t(v) VALUES ('after')")));
}

void TestDatabase::pragmasAreSet()
{
    QTemporaryDir tmp;
    Result<Project> p = Project::create(tmp.filePath(QStringLiteral("p")));
    auto db = p->connect();
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY((*db)->scalar(QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
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
