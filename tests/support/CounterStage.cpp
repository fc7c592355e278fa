// Test stage built on BatchProcessor, the same machinery real stages use.
#include "CounterStage.h"

#include "core/jobs/BatchProcessor.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/jobs/StageRegistry.h"
#include "core/store/Database.h"

#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace neuroonco::test {

QJsonObject CounterStage::parameters(int items, int delayMs, int batch, int failEvery)
{
    QJsonObject p{{QStringLiteral("items"), items}, {QStringLiteral("delay_ms"), delayMs}, {QStringLiteral("batch"), batch}};
    if (failEvery > 0)
        p.insert(QStringLiteral("fail_every"), failEvery);
    return p;
}

ResourceLocks CounterStage::resources(const QJsonObject &parameters) const
{
    ResourceLocks locks;
    if (parameters.contains(QStringLiteral("reads")))
        locks.reads << parameters.value(QStringLiteral("reads")).toString();
    if (parameters.contains(QStringLiteral("writes")))
        locks.writes << parameters.value(QStringLiteral("writes")).toString();
    return locks;
}

qint64 CounterStage::valueFor(const QString &item)
{
    qint64 v = 17;
    for (QChar c : item)
        v = (v * 131 + c.unicode()) % 1000000007;
    return v;
}

void CounterStage::registerInRegistry()
{
    StageInfo info;
    info.id = QStringLiteral("counter");
    info.title = "Counter (test)";
    info.order = 1000;
    info.checkpointScopes = {QStringLiteral("counter")};
    info.create = [] { return std::make_unique<CounterStage>(); };
    StageRegistry::instance().add(info);
}

StageResult CounterStage::run(JobContext &ctx)
{
    const int items = ctx.parameters().value(QStringLiteral("items")).toInt(100);
    const int delayMs = ctx.parameters().value(QStringLiteral("delay_ms")).toInt(0);
    const int batch = ctx.parameters().value(QStringLiteral("batch")).toInt(8);
    const int failEvery = ctx.parameters().value(QStringLiteral("fail_every")).toInt(0);
    Database &db = ctx.db();
    for (const char *sql : {"CREATE TABLE IF NOT EXISTS counter_results (item TEXT PRIMARY KEY, value INTEGER NOT NULL)",
                            "CREATE TABLE IF NOT EXISTS counter_log (item TEXT NOT NULL, job_id INTEGER NOT NULL)"}) {
        if (Error e = db.exec(QString::fromLatin1(sql)))
            return {e, {}};
    }
    CheckpointStore checkpoints(db);
    auto finished = checkpoints.finished(QStringLiteral("counter"), false);
    if (!finished)
        return {finished.error(), {}};
    auto failedBefore = checkpoints.withStatus(QStringLiteral("counter"), CheckpointStatus::Error);
    if (!failedBefore)
        return {failedBefore.error(), {}};
    std::vector<QString> pending;
    for (int i = 0; i < items; ++i) {
        const QString item = QStringLiteral("item-%1").arg(i, 5, 10, QLatin1Char('0'));
        if (!finished->contains(item))
            pending.push_back(item);
    }
    ctx.setTotal(items);
    ctx.setUpToDate(items - qint64(pending.size()));

    using Out = std::pair<QString, qint64>;
    const qint64 jobId = ctx.jobId();
    BatchProcessor<QString, Out> processor(
        [delayMs](const QString &item) {
            if (delayMs > 0)
                QThread::msleep(delayMs);
            return Out{item, valueFor(item)};
        },
        [&checkpoints, &ctx, &failedBefore, jobId, failEvery](Database &d, const std::vector<Out> &results) -> Error {
            QSqlQuery insert = d.query();
            insert.prepare(QStringLiteral("INSERT INTO counter_results(item, value) VALUES (?, ?)"));
            QSqlQuery log = d.query();
            log.prepare(QStringLiteral("INSERT INTO counter_log(item, job_id) VALUES (?, ?)"));
            for (const Out &r : results) {
                if (failEvery > 0 && r.first.mid(5).toInt() % failEvery == 0) {
                    ctx.itemFailed(r.first + QStringLiteral(": planted failure"),
                                   failedBefore->contains(r.first) ? JobContext::Attempt::Retry
                                                                   : JobContext::Attempt::First);
                    if (Error e = checkpoints.mark(QStringLiteral("counter"), r.first, jobId, CheckpointStatus::Error))
                        return e;
                    continue;
                }
                ctx.itemSucceeded();
                insert.addBindValue(r.first);
                insert.addBindValue(r.second);
                if (Error e = d.run(insert, QStringLiteral("counter_results")))
                    return e;
                log.addBindValue(r.first);
                log.addBindValue(jobId);
                if (Error e = d.run(log, QStringLiteral("counter_log")))
                    return e;
                if (Error e = checkpoints.mark(QStringLiteral("counter"), r.first, jobId, CheckpointStatus::Ok))
                    return e;
            }
            return {};
        },
        batch);
    if (Error e = processor.run(ctx, pending))
        return {e, {}};
    return {{}, QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("computed"), ctx.progress().done - (items - qint64(pending.size()))}}};
}

} // namespace neuroonco::test
