// Stored mask semantics and coarse descriptions, per sample.
#pragma once

#include "core/semantics/MaskSemantics.h"
#include "core/util/Error.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <optional>

class QSqlQuery;

namespace neuroonco {

class Database;

struct SemanticsRecord
{
    qint64 sample = 0;
    QString status; // ok | empty | error
    QString reason;
    MaskSemantics semantics; // labels empty unless status is ok
    QString thresholds;      // JSON the labels were computed with
};

class SemanticsRepository
{
public:
    explicit SemanticsRepository(Database &db);
    ~SemanticsRepository();

    Error store(const SemanticsRecord &record, qint64 jobId);
    Error storeDescription(qint64 sample, const QString &text, const QString &templateName, qint64 jobId);

    // The sample's row; nullopt when it has none, an Error when the read fails.
    Result<std::optional<SemanticsRecord>> semantics(qint64 sample);
    Result<QHash<qint64, SemanticsRecord>> allSemantics();
    Result<QHash<qint64, QString>> allDescriptions();
    // The sample's description; empty when it has none.
    Result<QString> description(qint64 sample);
    // Descriptions to write again: made by another template, or older than their sample's
    // semantics (which were recomputed after the description was written).
    Result<QSet<qint64>> staleDescriptions(const QString &templateName);

private:
    Database &m_db;
    std::unique_ptr<QSqlQuery> m_store;
    std::unique_ptr<QSqlQuery> m_storeDescription;
};

} // namespace neuroonco
