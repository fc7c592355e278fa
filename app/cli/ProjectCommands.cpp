// Subcommands about the project itself: init, status, jobs.
#include "CliCommand.h"
#include "CliJob.h"

#include "jobs/JobRepository.h"
#include "jobs/StageRegistry.h"
#include "project/Project.h"
#include "project/ProjectStatus.h"
#include "store/Database.h"
#include "util/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace neuroonco {

namespace {

QString json(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

int cmdInit(const QStringList &args)
{
    CommandLine cl(QStringLiteral("init"), QStringLiteral("Create a new, empty project folder."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Folder to create (project.sqlite, slices/, exports/, logs/)."));
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    Result<Project> project = Project::create(cl.positional().at(0));
    if (!project) {
        printErr(QStringLiteral("neuroonco init: ") + errorMessage(project.error()));
        return ExitFailure;
    }
    printOut(QStringLiteral("Created project %1").arg(project->root()));
    return ExitOk;
}

int cmdStatus(const QStringList &args)
{
    CommandLine cl(QStringLiteral("status"), QStringLiteral("Show counts per pipeline stage and the latest job of each."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printErr(QStringLiteral("neuroonco status: ") + errorMessage(db.error()));
        return ExitFailure;
    }
    Result<ProjectStatus> status = ProjectStatus::collect(**db, project.root());
    if (!status) {
        printErr(QStringLiteral("neuroonco status: ") + errorMessage(status.error()));
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("json"))) {
        printOut(json(status->toJson()));
        return ExitOk;
    }
    printOut(QStringLiteral("Project   %1").arg(status->root));
    printOut(QStringLiteral("Schema    v%1").arg(status->schemaVersion));
    for (auto it = status->counts.begin(); it != status->counts.end(); ++it)
        printOut(QStringLiteral("%1 %2").arg(it.key().leftJustified(9)).arg(it.value()));
    printOut(QStringLiteral("Running   %1 job(s)").arg(status->runningJobs));
    if (status->stages.empty())
        return ExitOk;
    printOut(QString());
    printOut(QStringLiteral("%1 %2 %3 %4  %5").arg(QStringLiteral("stage").leftJustified(14),
                                                 QStringLiteral("ok").rightJustified(8),
                                                 QStringLiteral("errors").rightJustified(8),
                                                 QStringLiteral("skipped").rightJustified(8),
                                                 QStringLiteral("last job")));
    for (const StageStatus &s : status->stages) {
        const QString last = s.lastJob.id > 0
                                 ? QStringLiteral("#%1 %2").arg(s.lastJob.id).arg(jobOutcomeText(s.lastJob.state, s.lastJob.errors()))
                                 : QStringLiteral("never run");
        printOut(QStringLiteral("%1 %2 %3 %4  %5")
                     .arg(s.id.leftJustified(14))
                     .arg(QString::number(s.items.ok).rightJustified(8))
                     .arg(QString::number(s.items.error).rightJustified(8))
                     .arg(QString::number(s.items.skipped).rightJustified(8))
                     .arg(last));
    }
    return ExitOk;
}

QJsonObject jobToJson(const JobRecord &r)
{
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("stage"), r.stage},
                       {QStringLiteral("state"), jobStateName(r.state)},
                       {QStringLiteral("parameters"), r.parameters},
                       {QStringLiteral("started_at"), toIso(r.started)},
                       {QStringLiteral("finished_at"), r.finished.isValid() ? QJsonValue(toIso(r.finished)) : QJsonValue()},
                       {QStringLiteral("duration_s"), r.durationSeconds()},
                       {QStringLiteral("done"), r.progress.done},
                       {QStringLiteral("total"), r.progress.total},
                       {QStringLiteral("summary"), r.summary},
                       {QStringLiteral("errors"), r.errors()},
                       {QStringLiteral("items"), itemCountsJson(r.items)},
                       {QStringLiteral("failures"), QJsonArray::fromStringList(r.failures)},
                       {QStringLiteral("error"), r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error)},
                       {QStringLiteral("resumed_from"), r.resumedFrom > 0 ? QJsonValue(r.resumedFrom) : QJsonValue()}};
}

int cmdJobs(const QStringList &args)
{
    CommandLine cl(QStringLiteral("jobs"), QStringLiteral("List the project's jobs, newest first, or print one job's log."));
    cl.addPositional(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    cl.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    cl.addOption({QStringLiteral("limit"), QStringLiteral("Show at most N jobs (default 50)."), QStringLiteral("N"), QStringLiteral("50")});
    cl.addOption({QStringLiteral("log"), QStringLiteral("Print the log lines of job ID."), QStringLiteral("ID")});
    int code = ExitOk;
    if (!cl.parse(args, &code, 1, 1))
        return code;
    bool ok = false;
    const int limit = cl.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return cl.usageError(QStringLiteral("--limit needs a positive number"));
    Project project;
    if (!openProjectOrReport(cl.positional().at(0), &project))
        return ExitFailure;
    auto db = project.connect();
    if (!db) {
        printErr(QStringLiteral("neuroonco jobs: ") + errorMessage(db.error()));
        return ExitFailure;
    }
    JobRepository jobs(**db);
    // Jobs of processes that died show as interrupted; failing to mark them hides nothing here.
    if (Result<int> reaped = jobs.reapStale(); !reaped)
        printErr(QStringLiteral("neuroonco jobs: warning: ") + errorMessage(reaped.error()));

    if (cl.isSet(QStringLiteral("log"))) {
        const qint64 id = cl.value(QStringLiteral("log")).toLongLong(&ok);
        if (!ok)
            return cl.usageError(QStringLiteral("--log needs a job id"));
        Result<JobRecord> record = jobs.get(id);
        if (!record) {
            printErr(QStringLiteral("neuroonco jobs: ") + errorMessage(record.error()));
            return ExitFailure;
        }
        auto lines = jobs.logs(id);
        if (!lines) {
            printErr(QStringLiteral("neuroonco jobs: ") + errorMessage(lines.error()));
            return ExitFailure;
        }
        if (cl.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const JobLogLine &l : *lines)
                array.append(QJsonObject{{QStringLiteral("at"), toIso(l.time)},
                                         {QStringLiteral("level"), logLevelName(l.level)},
                                         {QStringLiteral("message"), l.message}});
            QJsonObject o = jobToJson(*record);
            o.insert(QStringLiteral("log"), array);
            printOut(json(o));
            return ExitOk;
        }
        for (const JobLogLine &l : *lines)
            printOut(QStringLiteral("%1 %2 %3").arg(toIso(l.time), logLevelName(l.level).leftJustified(7), l.message));
        return ExitOk;
    }

    auto list = jobs.list(limit);
    if (!list) {
        printErr(QStringLiteral("neuroonco jobs: ") + errorMessage(list.error()));
        return ExitFailure;
    }
    if (cl.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const JobRecord &r : *list)
            array.append(jobToJson(r));
        printOut(json(array));
        return ExitOk;
    }
    if (list->empty()) {
        printOut(QStringLiteral("No jobs yet."));
        return ExitOk;
    }
    bool withErrors = false;
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6  %7").arg(QStringLiteral("id").rightJustified(5), QStringLiteral("stage").leftJustified(12),
                                                       QStringLiteral("state").leftJustified(11), QStringLiteral("items").rightJustified(15),
                                                       QStringLiteral("errors").rightJustified(7),
                                                       QStringLiteral("time").rightJustified(8), QStringLiteral("summary")));
    for (const JobRecord &r : *list) {
        const QString items = r.progress.total > 0 ? QStringLiteral("%1/%2").arg(r.progress.done).arg(r.progress.total)
                                                   : QString::number(r.progress.done);
        // A job that succeeded with errors says so in its state; its errors column counts them.
        const QString state = r.state == JobState::Succeeded && r.errors() > 0 ? QStringLiteral("succeeded*")
                                                                                : jobStateName(r.state);
        printOut(QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
                     .arg(QString::number(r.id).rightJustified(5), r.stage.leftJustified(12),
                          state.leftJustified(11), items.rightJustified(15),
                          QString::number(r.errors()).rightJustified(7),
                          QStringLiteral("%1s").arg(r.durationSeconds(), 0, 'f', 1).rightJustified(8),
                          r.error.isEmpty() ? jobSummaryText(r.summary) : r.error));
        if (r.state == JobState::Succeeded && r.errors() > 0)
            withErrors = true;
    }
    if (withErrors)
        printOut(QStringLiteral("\n* succeeded with errors: the errors column counts the items that failed "
                                "(--log ID lists them)."));
    return ExitOk;
}

} // namespace

std::vector<CliCommand> projectCommands()
{
    return {
        {QStringLiteral("init"), QStringLiteral("Create a new project folder"), cmdInit},
        {QStringLiteral("status"), QStringLiteral("Counts per stage and the latest jobs"), cmdStatus},
        {QStringLiteral("jobs"), QStringLiteral("List jobs or print a job's log"), cmdJobs},
    };
}

} // namespace neuroonco
