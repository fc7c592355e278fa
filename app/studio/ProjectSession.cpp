// Opening and closing projects for the GUI.
#include "ProjectSession.h"

#include "jobs/JobRepository.h"
#include "samples/SampleRepository.h"
#include "settings/Settings.h"
#include "store/Database.h"

namespace neuroonco {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
{}

ProjectSession::~ProjectSession() = default;

Error ProjectSession::create(const QString &directory)
{
    Result<Project> project = Project::create(directory);
    if (!project)
        return project.error();
    return attach(*project);
}

Error ProjectSession::open(const QString &directory)
{
    Result<Project> project = Project::open(directory);
    if (!project)
        return project.error();
    return attach(*project);
}

Error ProjectSession::attach(const Project &project)
{
    auto db = project.connect();
    if (!db)
        return db.error();
    close();
    m_project = project;
    m_db = db.take();
    // Jobs of processes that died show as interrupted; failing to mark them must not keep the
    // project closed.
    if (Result<int> reaped = JobRepository(*m_db).reapStale(); !reaped)
        qWarning("%s", qPrintable(errorMessage(reaped.error())));
    Settings::addRecentProject(project.root());
    Q_EMIT opened(m_project);
    return {};
}

void ProjectSession::close()
{
    if (!m_db)
        return;
    m_db.reset();
    m_project = Project();
    Q_EMIT closed();
}

Result<ProjectStatus> ProjectSession::status() const
{
    if (!m_db)
        return Error(ErrorCode::Internal, QStringLiteral("project"), QStringLiteral("no project is open"));
    return ProjectStatus::collect(*m_db, m_project.root());
}

std::vector<JobRecord> ProjectSession::jobs(int limit) const
{
    if (!m_db)
        return {};
    auto list = JobRepository(*m_db).list(limit);
    return list ? list.take() : std::vector<JobRecord>{};
}

std::vector<JobLogLine> ProjectSession::jobLog(qint64 jobId) const
{
    if (!m_db)
        return {};
    auto lines = JobRepository(*m_db).logs(jobId, 2000);
    return lines ? lines.take() : std::vector<JobLogLine>{};
}

Result<JobRecord> ProjectSession::job(qint64 jobId) const
{
    if (!m_db)
        return Error(ErrorCode::Internal, QStringLiteral("project"), QStringLiteral("no project is open"));
    return JobRepository(*m_db).get(jobId);
}

std::vector<SampleRecord> ProjectSession::samples() const
{
    if (!m_db)
        return {};
    auto list = SampleRepository(*m_db).all();
    return list ? list.take() : std::vector<SampleRecord>{};
}

std::vector<ClusterSummary> ProjectSession::clusters() const
{
    if (!m_db)
        return {};
    auto list = SampleRepository(*m_db).clusters();
    return list ? list.take() : std::vector<ClusterSummary>{};
}

std::vector<SampleRecord> ProjectSession::cluster(qint64 clusterId) const
{
    if (!m_db)
        return {};
    auto list = SampleRepository(*m_db).cluster(clusterId);
    return list ? list.take() : std::vector<SampleRecord>{};
}

std::vector<IngestIssueRecord> ProjectSession::ingestIssues() const
{
    if (!m_db)
        return {};
    auto list = SampleRepository(*m_db).issues();
    return list ? list.take() : std::vector<IngestIssueRecord>{};
}

std::vector<SourceSpec> ProjectSession::sources() const
{
    if (!m_db)
        return {};
    return SampleRepository(*m_db).sources();
}

std::optional<SemanticsRecord> ProjectSession::semantics(qint64 sample) const
{
    return m_db ? SemanticsRepository(*m_db).semantics(sample) : std::nullopt;
}

QString ProjectSession::description(qint64 sample) const
{
    return m_db ? SemanticsRepository(*m_db).description(sample) : QString();
}

QJsonObject ProjectSession::lastParameters(const QString &stageId) const
{
    if (!m_db)
        return {};
    Result<JobRecord> last = JobRepository(*m_db).latest(stageId);
    return last ? last->parameters : QJsonObject();
}

} // namespace neuroonco
