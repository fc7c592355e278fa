// The append-only trail of reviewer decisions. Undo appends a retraction; nothing is ever
// updated or deleted (the database refuses it). The effective decision of a reviewer on a
// field is the newest one not retracted.
#pragma once

#include "core/review/AuditTypes.h"
#include "core/util/Error.h"

#include <QHash>
#include <QMap>

#include <vector>

namespace neuroonco {

class Database;

class AuditRepository
{
public:
    explicit AuditRepository(Database &db);

    // Stores a decision (its `at` is set now when empty); returns its id.
    Result<qint64> append(const AuditDecision &decision);
    Result<std::vector<AuditDecision>> history(qint64 sample);
    Result<std::vector<AuditDecision>> all();

    // Field → effective decision, over every reviewer (newest wins) or one reviewer.
    static QMap<QString, AuditDecision> effective(const std::vector<AuditDecision> &history, const QString &reviewer = {});
    // sample → (reviewer → (field → effective decision)), for metrics and κ.
    static QHash<qint64, QHash<QString, QMap<QString, AuditDecision>>> effectiveByReviewer(const std::vector<AuditDecision> &all);

private:
    Database &m_db;
};

} // namespace neuroonco
