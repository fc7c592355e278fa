// Reads and writes samples, sources and ingest issues.
#pragma once

#include "ingest/IngestTypes.h"
#include "ingest/Manifest.h"
#include "samples/SampleRecord.h"
#include "util/Error.h"

#include <QHash>

#include <memory>
#include <vector>

class QSqlQuery;

namespace neuroonco {

class Database;

struct SampleCounts
{
    qint64 samples = 0;
    qint64 withMask = 0;
    qint64 duplicates = 0;
    qint64 clusters = 0;
    qint64 sources = 0;
    qint64 issueErrors = 0;
    qint64 issueWarnings = 0;
};

class SampleRepository
{
public:
    explicit SampleRepository(Database &db);
    ~SampleRepository();

    Error upsertSource(const SourceSpec &source, const QString &manifestPath);
    std::vector<SourceSpec> sources();

    // Inserts or updates a sample by sample_id; returns its row id.
    Result<qint64> upsert(const CanonicalSample &sample, const QString &sourceCode, qint64 jobId);
    // The origin already stored under `sampleId`, or empty.
    QString originOf(const QString &sampleId);
    Error recordIssue(const IngestIssue &issue, qint64 jobId);

    Result<std::vector<SampleRecord>> all();
    Result<SampleRecord> byId(qint64 id);
    Result<SampleRecord> bySampleId(const QString &sampleId);
    Result<std::vector<SampleRecord>> cluster(qint64 clusterId);
    Result<std::vector<ClusterSummary>> clusters();
    Result<std::vector<IngestIssueRecord>> issues();
    Result<SampleCounts> counts();

    static SampleRecord read(const QSqlQuery &query); // columns in kSampleColumns order
    static const QString &columns();

private:
    Database &m_db;
    std::unique_ptr<QSqlQuery> m_upsert;
    std::unique_ptr<QSqlQuery> m_issue;
};

} // namespace neuroonco
