// Stored readings of the sign pipeline: extractions (run A/B), fused labels and model audits
// (whose result is the gold label).
#pragma once

#include "core/signs/Fusion.h"
#include "core/signs/QcAudit.h"
#include "core/signs/SignSet.h"
#include "core/util/Error.h"

#include <QHash>

#include <memory>
#include <optional>

class QSqlQuery;

namespace neuroonco {

class Database;

struct ExtractionRecord
{
    qint64 sample = 0;
    QString run;        // A | B
    QString extractor;  // classical | endpoint:<name> | import:<file>
    QString model;
    QString promptVersion;
    QString status;     // ok | error
    SignSet signs;
    QString raw;
    QStringList problems;
    QString error;
    double latencyMs = 0;
    int promptTokens = 0;
    int completionTokens = 0;
    int attempts = 0;
    QString createdAt;
};

struct FusedRecord
{
    qint64 sample = 0;
    FusionOutcome outcome;
    QString createdAt;
};

struct QcRecord
{
    qint64 sample = 0;
    QString auditor;
    QString model;
    QString promptVersion;
    QString status;     // ok | error
    QcDecision decision;
    SignSet gold;
    QList<FusionNote> notes;
    QStringList clues;  // the auditor's reasons, kept as "additional clues"
    QString raw;
    QString error;
    double latencyMs = 0;
    QString createdAt;
};

// Who made stored readings: the extractor or auditor ("classical", "endpoint:<name>",
// "import:<file>"), its model, and how many rows it made.
struct ReaderRows
{
    QString reader;
    QString model;
    qint64 rows = 0;
};

class LabelRepository
{
public:
    explicit LabelRepository(Database &db);
    ~LabelRepository();

    Error storeExtraction(const ExtractionRecord &r, qint64 jobId);
    Error storeFused(const FusedRecord &r, qint64 jobId);
    Error storeQc(const QcRecord &r, qint64 jobId);

    Result<QHash<qint64, ExtractionRecord>> extractions(const QString &run);
    Result<QHash<qint64, FusedRecord>> fused();
    // Current: the audits that still apply — of samples whose fused label is kept and not newer
    // than the audit (or that have no fused label at all, e.g. imported gold files). All: every
    // stored row, including audits of labels that were fused again or dropped since.
    enum class AuditSelection { Current, All };
    Result<QHash<qint64, QcRecord>> audits(AuditSelection which = AuditSelection::Current);
    // The readers behind the stored rows of run "A" or "B", or of the QC audit ("qc").
    Result<std::vector<ReaderRows>> readers(const QString &run);
    // Removes every stored row of that run (a run started over by another reader).
    Error removeReadings(const QString &run);
    // One sample's row of each table; nullopt when it has none, an Error when the read fails.
    Result<std::optional<ExtractionRecord>> extraction(qint64 sample, const QString &run);
    Result<std::optional<FusedRecord>> fusedFor(qint64 sample);
    Result<std::optional<QcRecord>> auditFor(qint64 sample);

    static QJsonArray notesToJson(const QList<FusionNote> &notes);
    static QList<FusionNote> notesFromJson(const QJsonArray &a);

private:
    Database &m_db;
    std::unique_ptr<QSqlQuery> m_extraction;
    std::unique_ptr<QSqlQuery> m_fused;
    std::unique_ptr<QSqlQuery> m_qc;
};

} // namespace neuroonco
