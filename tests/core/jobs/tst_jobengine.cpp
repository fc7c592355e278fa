// Job engine: progress signals, cancel, one job per stage, stale-job reaping, and resume after
// the process running a job is killed with SIGKILL (same result as an uninterrupted run).
#include "CounterStage.h"
#include "TestUtil.h"

#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/JobRepository.h"
#include "core/jobs/JobRunner.h"
#include "core/models/JobListModel.h"
#include "core/pipeline/ProjectStatus.h"
#include "core/project/Project.h"
#include "core/store/Database.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;
using neuroonco::test::CounterStage;

namespace {

QMap<QString, qint64> results(Database &db)
{
    QMap<QString, qint64> out;
    QSqlQuery q = db.query();
    q.exec(QStringLiteral("SELECT item, value FROM counter_results"));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

int countLog(Database &db, const QString &where = QStringLiteral("1=1"))
{
    return test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM counter_log WHERE ") + where).toInt();
}

int childRunJob(const QString &dir, int items, int delayMs)
{
    Result<Project> project = Project::open(dir);
    if (!project)
        return 3;
    CounterStage stage;
    std::atomic_bool cancel{false};
    JobOutcome o = JobExecutor::execute(*project, stage, CounterStage::parameters(items, delayMs, 4), nullptr, &cancel, 2);
    return o.state == JobState::Succeeded ? 0 : 5;
}

} // namespace

class TestJobEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runnerReportsProgressAndFinishes();
    void cancelStopsAndRerunCompletesWithoutRedoing();
    void secondJobOfSameStageIsRefused();
    void killedJobResumesWithSameResult();
    void singleThreadAndParallelAgree();
    void jobListModelPassesTester();
    void statusCountsCheckpoints();
    void outcomeFollowsItemCounts();
    void resourceLocksExcludeWritersAndReaders();

private:
    Project makeProject(QTemporaryDir &tmp, const QString &name = QStringLiteral("p"));
};

void TestJobEngine::initTestCase()
{
    CounterStage::registerInRegistry();
}

Project TestJobEngine::makeProject(QTemporaryDir &tmp, const QString &name)
{
    Result<Project> p = Project::create(tmp.filePath(name));
    if (!p)
        qFatal("cannot create project: %s", qPrintable(errorMessage(p.error())));
    return *p;
}

void TestJobEngine::runnerReportsProgressAndFinishes()
{
    QTemporaryDir tmp;
    Project project = makeProject(tmp);
    JobRunner runner;
    runner.setProject(project);
    QSignalSpy progress(&runner, &JobRunner::jobProgress);
    QSignalSpy finished(&runner, &JobRunner::jobFinished);
    Result<qint64> id = runner.start(std::make_unique<CounterStage>(), CounterStage::parameters(200, 1, 10), 2);
    QVERIFY2(id.ok(), qPrintable(errorMessage(id.error())));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toLongLong(), *id);
    QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Succeeded);
    QVERIFY(progress.count() >= 2);
    qint64 last = -1;
    for (const QList<QVariant> &args : progress) {
        const JobProgress p = args.at(1).value<JobProgress>();
        QVERIFY(p.done >= last); // monotonic
        QCOMPARE(p.total, qint64(200));
        last = p.done;
    }
    QCOMPARE(last, qint64(200));
    QVERIFY(progress.last().at(1).value<JobProgress>().ratePerSecond > 0);

    auto db = project.connect();
    QCOMPARE(results(**db).size(), 200);
    JobRepository jobs(**db);
    Result<JobRecord> r = jobs.get(*id);
    QCOMPARE(r->state, JobState::Succeeded);
    QCOMPARE(r->progress.done, qint64(200));
    QCOMPARE(r->summary.value(QStringLiteral("computed")).toInt(), 200);
    QVERIFY(r->finished.isValid());
    QVERIFY(r->durationSeconds() >= 0);
}

void TestJobEngine::cancelStopsAndRerunCompletesWithoutRedoing()
{
    QTemporaryDir tmp;
    Project project = makeProject(tmp);
    JobRunner runner;
    runner.setProject(project);
    QSignalSpy finished(&runner, &JobRunner::jobFinished);
    Result<qint64> id = runner.start(std::make_unique<CounterStage>(), CounterStage::parameters(400, 5, 4), 2);
    QVERIFY(id.ok());
    auto db = project.connect();
    QTRY_VERIFY_WITH_TIMEOUT(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints")).toInt() >= 20, 30000);
    runner.cancel(*id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Canceled);
    const int afterCancel = int(results(**db).size());
    QVERIFY2(afterCancel < 400, "cancel stopped the job early");
    QCOMPARE(countLog(**db), afterCancel); // everything computed was stored, once

    Result<qint64> again = runner.start(std::make_unique<CounterStage>(), CounterStage::parameters(400, 0, 4), 2);
    QVERIFY(again.ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.at(1).at(1).value<JobState>(), JobState::Succeeded);
    QCOMPARE(results(**db).size(), 400);
    QCOMPARE(countLog(**db), 400);                                              // nothing computed twice
    QCOMPARE(countLog(**db, QStringLiteral("job_id = %1").arg(*again)), 400 - afterCancel);
    JobRepository jobs(**db);
    QCOMPARE(jobs.get(*again)->resumedFrom, *id);
}

void TestJobEngine::secondJobOfSameStageIsRefused()
{
    QTemporaryDir tmp;
    Project project = makeProject(tmp);
    JobRunner runner;
    runner.setProject(project);
    Result<qint64> first = runner.start(std::make_unique<CounterStage>(), CounterStage::parameters(100, 20, 2), 1);
    QVERIFY(first.ok());
    Result<qint64> second = runner.start(std::make_unique<CounterStage>(), CounterStage::parameters(100, 0, 2), 1);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::Locked);
    QVERIFY(errorMessage(second.error()).contains(QString::number(*first)));
    // A second process (a new connection) is refused as well.
    CounterStage stage;
    Result<qint64> other = JobExecutor::claim(project, stage, {});
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, ErrorCode::Locked);
    runner.cancelAll();
    QVERIFY(runner.waitForDone(30000));
}

void TestJobEngine::killedJobResumesWithSameResult()
{
    QTemporaryDir tmp;
    Project killed = makeProject(tmp, QStringLiteral("killed"));
    Project reference = makeProject(tmp, QStringLiteral("reference"));
    const int items = 600;

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NEUROONCO_TEST_CHILD"), QStringLiteral("run-job"));
    env.insert(QStringLiteral("NEUROONCO_TEST_PROJECT"), killed.root());
    env.insert(QStringLiteral("NEUROONCO_TEST_ITEMS"), QString::number(items));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    auto db = killed.connect();
    QTRY_VERIFY_WITH_TIMEOUT(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints"), 0).toInt() >= 50, 60000);
    child.kill(); // SIGKILL: no chance to clean up
    QVERIFY(child.waitForFinished());
    const int committed = test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints")).toInt();
    QVERIFY2(committed < items, "the child was killed before finishing");
    QCOMPARE(countLog(**db), committed);

    // The dead job still says "running" until someone looks; then it is interrupted.
    JobRepository jobs(**db);
    QCOMPARE(*jobs.reapStale(), 1);
    auto list = jobs.list();
    QCOMPARE(list->size(), size_t(1));
    QCOMPARE(list->front().state, JobState::Interrupted);

    CounterStage stage;
    std::atomic_bool cancel{false};
    JobOutcome resumed = JobExecutor::execute(killed, stage, CounterStage::parameters(items, 0, 4), nullptr, &cancel, 2);
    QCOMPARE(resumed.state, JobState::Succeeded);
    QCOMPARE(jobs.get(resumed.jobId)->resumedFrom, list->front().id);

    JobOutcome full = JobExecutor::execute(reference, stage, CounterStage::parameters(items, 0, 4), nullptr, &cancel, 2);
    QCOMPARE(full.state, JobState::Succeeded);
    auto refDb = reference.connect();
    QCOMPARE(results(**db), results(**refDb)); // same final result as an uninterrupted run
    QCOMPARE(countLog(**db), items);            // no item computed twice
    QCOMPARE(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM checkpoints")).toInt(), items);
}

void TestJobEngine::singleThreadAndParallelAgree()
{
    QTemporaryDir tmp;
    Project a = makeProject(tmp, QStringLiteral("a"));
    Project b = makeProject(tmp, QStringLiteral("b"));
    CounterStage stage;
    std::atomic_bool cancel{false};
    QCOMPARE(JobExecutor::execute(a, stage, CounterStage::parameters(97, 0, 7), nullptr, &cancel, 1).state, JobState::Succeeded);
    QCOMPARE(JobExecutor::execute(b, stage, CounterStage::parameters(97, 0, 7), nullptr, &cancel, 2).state, JobState::Succeeded);
    auto da = a.connect();
    auto dbb = b.connect();
    QCOMPARE(results(**da), results(**dbb));
    QCOMPARE(results(**da).size(), 97);
}

void TestJobEngine::jobListModelPassesTester()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobRecord a;
    a.id = 1;
    a.stage = QStringLiteral("counter");
    a.state = JobState::Succeeded;
    JobRecord b = a;
    b.id = 3;
    b.state = JobState::Running;
    b.started = QDateTime::currentDateTimeUtc();
    model.setJobs({b, a});
    JobRecord c = a;
    c.id = 2;
    model.upsert(c);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, 0).data(JobListModel::JobIdRole).toLongLong(), qint64(2)); // newest first
    JobProgress p;
    p.done = 5;
    p.total = 10;
    p.ratePerSecond = 2.5;
    p.etaSeconds = 2;
    model.updateProgress(3, p);
    QCOMPARE(model.index(0, JobListModel::ProgressColumn).data(JobListModel::FractionRole).toDouble(), 0.5);
    QVERIFY(model.index(0, JobListModel::ProgressColumn).data().toString().contains(QStringLiteral("10")));
    QVERIFY(!model.index(0, JobListModel::RateColumn).data().toString().isEmpty());
    model.markFinished(3, JobState::Failed, {}, QStringLiteral("boom"));
    QCOMPARE(model.index(0, JobListModel::SummaryColumn).data().toString(), QStringLiteral("boom"));
    QCOMPARE(model.index(0, JobListModel::RateColumn).data().toString(), QString());
    model.setJobs({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJobEngine::statusCountsCheckpoints()
{
    QTemporaryDir tmp;
    Project project = makeProject(tmp);
    CounterStage stage;
    std::atomic_bool cancel{false};
    JobExecutor::execute(project, stage, CounterStage::parameters(33, 0, 5), nullptr, &cancel, 1);
    auto db = project.connect();
    Result<ProjectStatus> status = ProjectStatus::collect(**db, project.root());
    QVERIFY(status.ok());
    const QJsonObject json = status->toJson();
    const QJsonObject counter = json.value(QStringLiteral("stages")).toObject().value(QStringLiteral("counter")).toObject();
    QCOMPARE(counter.value(QStringLiteral("ok")).toInt(), 33);
    QCOMPARE(counter.value(QStringLiteral("last_job")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("succeeded"));
}

void TestJobEngine::outcomeFollowsItemCounts()
{
    QTemporaryDir tmp;
    CounterStage stage;
    std::atomic_bool cancel{false};

    // Every item fails: the job failed, with the first reasons as its error.
    Project broken = makeProject(tmp, QStringLiteral("broken"));
    JobOutcome all = JobExecutor::execute(broken, stage, CounterStage::parameters(12, 0, 4, 1), nullptr, &cancel, 1);
    QCOMPARE(all.state, JobState::Failed);
    QCOMPARE(all.error.code, ErrorCode::ItemsFailed);
    QCOMPARE(all.errors(), qint64(12));
    QCOMPARE(all.items.succeeded, qint64(0));
    QCOMPARE(all.failures.size(), JobContext::kKeptFailures);
    QCOMPARE(all.failures.front(), QStringLiteral("item-00000: planted failure"));
    QVERIFY(errorMessage(all.error).contains(QStringLiteral("item-00000: planted failure")));
    auto bdb = broken.connect();
    JobRecord stored = *JobRepository(**bdb).get(all.jobId);
    QCOMPARE(stored.state, JobState::Failed);
    QCOMPARE(stored.items.failed, qint64(12));
    QCOMPARE(stored.failures, all.failures);
    QVERIFY(stored.error.contains(QStringLiteral("planted failure")));
    // Retrying changes nothing: still nothing worked, still failed.
    QCOMPARE(JobExecutor::execute(broken, stage, CounterStage::parameters(12, 0, 4, 1), nullptr, &cancel, 1).state,
             JobState::Failed);

    // Some items fail: succeeded with 3 errors, stored and shown as such.
    Project some = makeProject(tmp, QStringLiteral("some"));
    JobOutcome partly = JobExecutor::execute(some, stage, CounterStage::parameters(12, 0, 4, 4), nullptr, &cancel, 1);
    QCOMPARE(partly.state, JobState::Succeeded);
    QCOMPARE(partly.errors(), qint64(3)); // items 0, 4 and 8
    QCOMPARE(partly.items.succeeded, qint64(9));
    QCOMPARE(jobOutcomeText(partly.state, partly.errors()), QStringLiteral("succeeded with 3 errors"));
    auto sdb = some.connect();
    stored = *JobRepository(**sdb).get(partly.jobId);
    QCOMPARE(stored.state, JobState::Succeeded);
    QCOMPARE(stored.errors(), qint64(3));
    QCOMPARE(int(results(**sdb).size()), 9);
    JobListModel model;
    model.setJobs({stored});
    const QString state = model.index(0, JobListModel::StateColumn).data().toString();
    QVERIFY2(state.contains(QStringLiteral("3")) && state.contains(QStringLiteral("error")), qPrintable(state));
    Result<ProjectStatus> status = ProjectStatus::collect(**sdb, some.root());
    QCOMPARE(status->toJson()[QStringLiteral("stages")][QStringLiteral("counter")][QStringLiteral("last_job")]
                 [QStringLiteral("errors")].toInt(),
             3);

    // A rerun retries the three, which fail again; the nine finished ones stand: the job is
    // what the run before it was, not a failure.
    JobOutcome rerun = JobExecutor::execute(some, stage, CounterStage::parameters(12, 0, 4, 4), nullptr, &cancel, 1);
    QCOMPARE(rerun.state, JobState::Succeeded);
    QCOMPARE(rerun.errors(), qint64(3));
    QCOMPARE(rerun.items.repeatedFailures, qint64(3));
    QCOMPARE(rerun.items.upToDate, qint64(9));
}

void TestJobEngine::resourceLocksExcludeWritersAndReaders()
{
    QTemporaryDir tmp;
    Project project = makeProject(tmp);
    auto db = project.connect();
    JobRepository jobs(**db);
    const ResourceLocks reader{{QStringLiteral("splits")}, {}};
    const ResourceLocks writer{{}, {QStringLiteral("splits")}};
    Result<qint64> r1 = jobs.claim(QStringLiteral("instructions"), QStringLiteral("instructions"), {}, reader);
    Result<qint64> r2 = jobs.claim(QStringLiteral("evaluate"), QStringLiteral("evaluate:x"), {}, reader);
    QVERIFY(r1.ok() && r2.ok()); // readers do not block each other
    Result<qint64> w = jobs.claim(QStringLiteral("split"), QStringLiteral("split"), {}, writer);
    QVERIFY(!w.ok());
    QCOMPARE(w.error().code, ErrorCode::Locked);
    QVERIFY2(errorMessage(w.error()).contains(QStringLiteral("splits")), qPrintable(errorMessage(w.error())));
    QVERIFY(!jobs.finish(*r1, JobState::Succeeded, {}, {}, {}));
    QVERIFY(!jobs.claim(QStringLiteral("split"), QStringLiteral("split"), {}, writer).ok());
    QVERIFY(!jobs.finish(*r2, JobState::Succeeded, {}, {}, {}));
    Result<qint64> w2 = jobs.claim(QStringLiteral("split"), QStringLiteral("split"), {}, writer);
    QVERIFY(w2.ok());
    // While the split runs, a reader waits.
    Result<qint64> r3 = jobs.claim(QStringLiteral("instructions"), QStringLiteral("instructions"), {}, reader);
    QVERIFY(!r3.ok());
    QCOMPARE(r3.error().code, ErrorCode::Locked);
    QVERIFY(!jobs.finish(*w2, JobState::Succeeded, {}, {}, {}));
    QVERIFY(jobs.claim(QStringLiteral("instructions"), QStringLiteral("instructions"), {}, reader).ok());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qgetenv("NEUROONCO_TEST_CHILD") == "run-job") {
        return childRunJob(QString::fromLocal8Bit(qgetenv("NEUROONCO_TEST_PROJECT")),
                           qEnvironmentVariableIntValue("NEUROONCO_TEST_ITEMS"), 10);
    }
    TestJobEngine test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_jobengine.moc"
