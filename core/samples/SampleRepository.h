// Reads and writes samples, sources and ingest issues.
#pragma once

#include "core/samples/SampleRecord.h"
#include "core/samples/SourceFile.h"
#include "core/util/Error.h"

#include <QHash>
#include <QSet>

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
    qint64 issueErrors = 0;   // files whose verdict is an error (they gave no sample)
    qint64 issueWarnings = 0; // files kept (or skipped on purpose) with a warning
};

// Ingest problems as everyone shows them (status, Overview, status bar, Ingest problems tab):
// one stored row per file, so files and rows are the same count.
struct IssueCounts
{
    qint64 errors = 0;
    qint64 warnings = 0;
    qint64 total() const { return errors + warnings; }
};

class SampleRepository
{
public:
    explicit SampleRepository(Database &db);
    ~SampleRepository();

    Error upsertSource(const SourceSpec &source, const QString &manifestPath);
    Result<std::vector<SourceSpec>> sources();

    // Inserts or updates a sample by sample_id; returns its row id.
    Result<qint64> upsert(const SampleRecord &sample, qint64 jobId);
    // The origin already stored under `sampleId`, or empty.
    Result<QString> originOf(const QString &sampleId);
    // Replaces the verdicts the reading of `item` left before (an empty item: the listing's own
    // verdicts of files that became no item) with `issues`, one per file (the caller reduces
    // them). When two items name one file, an error is kept over a warning.
    Error replaceIssues(const QString &sourceCode, const QString &item, const std::vector<IngestIssue> &issues,
                        qint64 jobId);
    // Forgets the listing's verdicts of a source and those of items it no longer lists (files
    // that were removed or renamed): what remains are the problems of files that still exist.
    Error clearStaleIssues(const QString &sourceCode, const QSet<QString> &listedItems);
    // "code\npath" of every file whose verdict is an error.
    Result<QSet<QString>> errorFiles();
    // The one query behind every count of ingest problems.
    Result<IssueCounts> issueCounts();

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
    std::unique_ptr<QSqlQuery> m_clearItem;
};

} // namespace neuroonco
