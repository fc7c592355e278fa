// The project open in the GUI: its paths, the GUI thread's own database connection, and the
// status snapshot the window shows. Jobs never use this connection; they open their own.
// Reads that fail (a damaged database) are reported through readFailed and give empty results.
#pragma once

#include "core/ingest/Manifest.h"
#include "core/jobs/JobTypes.h"
#include "core/pipeline/ProjectStatus.h"
#include "core/project/Project.h"
#include "core/samples/SampleRecord.h"
#include "core/semantics/SemanticsRepository.h"
#include "core/util/Error.h"

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
    // A project this user cannot write opens read-only, as any does when `access` is ReadOnly.
    Error open(const QString &directory, DatabaseAccess access = DatabaseAccess::ReadWrite);
    void close();

    bool isOpen() const { return m_db != nullptr; }
    bool isReadOnly() const { return m_project.isReadOnly(); }
    // Why nothing can be changed, for tooltips and the status bar; empty when the project is
    // open for writing.
    QString readOnlyText() const;
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
    // A read of the open project failed; the call that made it returned an empty result.
    void readFailed(const neuroonco::Error &error) const;

private:
    Error attach(const Project &project);
    // The value of `result`, or `fallback` after reporting its error through readFailed.
    template<typename T>
    T valueOr(Result<T> result, T fallback = T()) const
    {
        if (result)
            return result.take();
        Q_EMIT readFailed(result.error());
        return fallback;
    }

    Project m_project;
    std::unique_ptr<Database> m_db;
};

} // namespace neuroonco
