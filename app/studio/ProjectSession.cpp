// Opening and closing projects for the GUI.
#include "app/studio/ProjectSession.h"

#include "core/jobs/JobRepository.h"
#include "core/samples/SampleRepository.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"

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

Error ProjectSession::open(const QString &directory, DatabaseAccess access)
{
    Result<Project> project = Project::open(directory, access);
    if (!project)
        return project.error();
    return attach(*project);
}

Error ProjectSession::attach(const Project &project)
{
    auto db = project.connect();
    if (!db)
        return db.error();
    // Jobs whose process died are marked interrupted (not on a read-only project: that would
    // be a write). A database that cannot even say which jobs run is not opened.
    if (Result<int> reaped = JobRepository(**db).reapStale(); !reaped)
        return reaped.error();
    close();
    m_project = project;
    m_db = db.take();
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

QString ProjectSession::readOnlyText() const
{
    switch (m_project.readOnlyReason()) {
    case Project::ReadOnlyReason::None: return {};
    case Project::ReadOnlyReason::Asked:
        return tr("The project was opened read-only: nothing in it can be changed. Open it again with File → Open "
                  "Project… to work on it.");
    case Project::ReadOnlyReason::NotWritable:
        return tr("You cannot write this project's folder or database, so it is open read-only: nothing in it can be "
                  "changed.");
    }
    return {};
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
    return valueOr(JobRepository(*m_db).list(limit));
}

std::vector<JobLogLine> ProjectSession::jobLog(qint64 jobId) const
{
    if (!m_db)
        return {};
    return valueOr(JobRepository(*m_db).logs(jobId, 2000));
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
    return valueOr(SampleRepository(*m_db).all());
}

std::vector<ClusterSummary> ProjectSession::clusters() const
{
    if (!m_db)
        return {};
    return valueOr(SampleRepository(*m_db).clusters());
}

std::vector<SampleRecord> ProjectSession::cluster(qint64 clusterId) const
{
    if (!m_db)
        return {};
    return valueOr(SampleRepository(*m_db).cluster(clusterId));
}

std::vector<IngestIssueRecord> ProjectSession::ingestIssues() const
{
    if (!m_db)
        return {};
    return valueOr(SampleRepository(*m_db).issues());
}

std::vector<SourceSpec> ProjectSession::sources() const
{
    if (!m_db)
        return {};
    return valueOr(SampleRepository(*m_db).sources());
}

std::optional<SemanticsRecord> ProjectSession::semantics(qint64 sample) const
{
    if (!m_db)
        return std::nullopt;
    return valueOr(SemanticsRepository(*m_db).semantics(sample));
}

QString ProjectSession::description(qint64 sample) const
{
    if (!m_db)
        return {};
    return valueOr(SemanticsRepository(*m_db).description(sample));
}

QJsonObject ProjectSession::lastParameters(const QString &stageId) const
{
    if (!m_db)
        return {};
    return valueOr(JobRepository(*m_db).latest(stageId)).parameters;
}

} // namespace neuroonco
