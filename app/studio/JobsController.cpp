// Job start/resume/cancel wiring and log display for the GUI.
#include "app/studio/JobsController.h"

#include "app/studio/ProjectSession.h"
#include "core/jobs/JobRunner.h"
#include "core/jobs/Stage.h"
#include "core/jobs/StageRegistry.h"
#include "core/models/JobListModel.h"
#include "core/settings/Settings.h"
#include "core/util/Time.h"
#include "widgets/jobs/JobsPanel.h"

#include <QLocale>
#include <QSet>

namespace neuroonco {

JobsController::JobsController(ProjectSession *session, JobsPanel *panel, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panel(panel)
    , m_runner(new JobRunner(this))
    , m_model(new JobListModel(this))
{
    m_panel->setModel(m_model);

    connect(m_session, &ProjectSession::opened, this, [this](const Project &project) {
        m_runner->setProject(project);
        reload();
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        m_runner->cancelAll();
        m_runner->waitForDone();
        m_model->setJobs({});
        m_panel->setDetails(QString());
    });

    connect(m_runner, &JobRunner::jobStarted, this, [this](qint64 id) {
        if (Result<JobRecord> r = m_session->job(id))
            m_model->upsert(*r);
        m_panel->selectJob(id);
    });
    connect(m_runner, &JobRunner::jobProgress, m_model, &JobListModel::updateProgress);
    connect(m_runner, &JobRunner::jobLogged, this, [this](qint64 id) {
        if (m_panel->selectedJobId() == id)
            showDetails(id);
    });
    connect(m_runner, &JobRunner::jobFinished, this,
            [this](qint64 id, JobState state, const QJsonObject &summary, const QString &error) {
                m_model->markFinished(id, state, summary, error);
                if (Result<JobRecord> r = m_session->job(id))
                    m_model->upsert(*r);
                if (m_panel->selectedJobId() == id)
                    showDetails(id);
                Q_EMIT jobFinished(id, state);
            });

    connect(m_panel, &JobsPanel::cancelRequested, m_runner, &JobRunner::cancel);
    connect(m_panel, &JobsPanel::resumeRequested, this, [this](qint64 id) {
        if (Result<qint64> r = resume(id); !r)
            Q_EMIT startFailed(errorMessage(r.error()));
    });
    connect(m_panel, &JobsPanel::selectedJobChanged, this, &JobsController::showDetails);
}

JobsController::~JobsController()
{
    m_runner->cancelAll();
    m_runner->waitForDone();
}

void JobsController::reload()
{
    m_model->setJobs(m_session->jobs());
}

Result<qint64> JobsController::start(const QString &stageId, const QJsonObject &parameters)
{
    std::unique_ptr<Stage> stage = StageRegistry::instance().create(stageId);
    if (!stage)
        return Error(ErrorCode::NotFound, QStringLiteral("stage %1").arg(stageId));
    return start(std::move(stage), parameters);
}

Result<qint64> JobsController::start(std::unique_ptr<Stage> stage, const QJsonObject &parameters)
{
    if (!m_session->isOpen())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("project"), QStringLiteral("no project is open"));
    return m_runner->start(std::move(stage), parameters, Settings::value(settings::WorkerThreads));
}

Result<qint64> JobsController::resume(qint64 jobId)
{
    Result<JobRecord> record = m_session->job(jobId);
    if (!record)
        return record.error();
    return start(record->stage, record->parameters);
}

int JobsController::resumeAllInterrupted(QStringList *errors)
{
    int started = 0;
    QSet<QString> seen;
    for (const JobRecord &r : m_session->jobs(1000)) { // newest first: the latest job per lock key decides
        if (seen.contains(r.lockKey))
            continue;
        seen.insert(r.lockKey);
        if (!isResumable(r.state))
            continue;
        Result<qint64> id = start(r.stage, r.parameters);
        if (id)
            ++started;
        else if (errors)
            errors->append(errorMessage(id.error()));
    }
    return started;
}

void JobsController::showDetails(qint64 jobId)
{
    if (jobId == 0) {
        m_panel->setDetails(QString());
        return;
    }
    Result<JobRecord> r = m_session->job(jobId);
    if (!r) {
        m_panel->setDetails(errorMessage(r.error()));
        return;
    }
    const QLocale locale;
    QStringList lines;
    lines << tr("Job %1 — %2").arg(r->id).arg(StageRegistry::instance().title(r->stage));
    if (r->started.isValid())
        lines << tr("Started: %1").arg(locale.toString(r->started.toLocalTime(), QLocale::LongFormat));
    if (r->finished.isValid())
        lines << tr("Finished: %1").arg(locale.toString(r->finished.toLocalTime(), QLocale::LongFormat));
    if (r->resumedFrom > 0)
        lines << tr("Resumes job %1").arg(r->resumedFrom);
    if (!r->parameters.isEmpty())
        lines << tr("Parameters: %1").arg(jobSummaryText(r->parameters));
    if (!r->summary.isEmpty())
        lines << tr("Summary: %1").arg(jobSummaryText(r->summary));
    if (isFinished(r->state))
        lines << tr("Items: %1 succeeded, %2 failed, %3 skipped, %4 already done")
                     .arg(locale.toString(r->items.succeeded), locale.toString(r->items.failed),
                          locale.toString(r->items.skipped), locale.toString(r->items.upToDate));
    if (!r->failures.isEmpty())
        lines << tr("First failures: %1").arg(r->failures.join(QStringLiteral("; ")));
    if (!r->error.isEmpty())
        lines << tr("Error: %1").arg(r->error);
    lines << QString();
    for (const JobLogLine &l : m_session->jobLog(jobId))
        lines << QStringLiteral("%1  %2  %3").arg(l.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                                 logLevelName(l.level).toUpper().leftJustified(7), l.message);
    m_panel->setDetails(lines.join(QLatin1Char('\n')));
}

} // namespace neuroonco
