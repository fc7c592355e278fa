// The project open in the GUI: its paths, the GUI thread's own database connection, and the
// status snapshot the window shows. Jobs never use this connection; they open their own.
#pragma once

#include "ingest/Manifest.h"
#include "jobs/JobTypes.h"
#include "project/Project.h"
#include "project/ProjectStatus.h"
#include "samples/SampleRecord.h"
#include "semantics/SemanticsRepository.h"
#include "util/Error.h"

#include <QObject>

#include <memory>
#include <vector>

namespace neuroonco {

class Database;

class ProjectSession : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    Error create(const QString &directory);
    Error open(const QString &directory);
    void close();

    bool isOpen() const { return m_db != nullptr; }
    const Project &project() const { return m_project; }
    Database *database() const { return m_db.get(); }

    Result<ProjectStatus> status() const;
    std::vector<JobRecord> jobs(int limit = 200) const;
    std::vector<JobLogLine> jobLog(qint64 jobId) const;
    Result<JobRecord> job(qint64 jobId) const;

    std::vector<SampleRecord> samples() const;
    std::vector<ClusterSummary> clusters() const;
    std::vector<SampleRecord> cluster(qint64 clusterId) const;
    std::vector<IngestIssueRecord> ingestIssues() const;
    std::vector<SourceSpec> sources() const;
    std::optional<SemanticsRecord> semantics(qint64 sample) const;
    QString description(qint64 sample) const;
    // Parameters of the stage's most recent job (to rerun it the same way).
    QJsonObject lastParameters(const QString &stageId) const;

Q_SIGNALS:
    void opened(const neuroonco::Project &project);
    void closed();

private:
    Error attach(const Project &project);

    Project m_project;
    std::unique_ptr<Database> m_db;
};

} // namespace neuroonco
