// One line of the review queue: what the filters and the sort need, and nothing heavy.
#pragma once

#include <QMetaType>
#include <QString>

namespace neuroonco {

struct QueueRow
{
    enum AuditState { NotAudited = 0, Partial = 1, Audited = 2 };

    qint64 id = 0;
    QString sampleId;
    QString source;
    QString tumourType;
    QString modality;
    bool hasMask = false;
    bool isDuplicate = false;
    qint64 clusterId = 0;
    int disagreements = 0;   // fields where run A and run B disagree
    int warnings = 0;        // consistency warnings
    quint32 warningCodes = 0; // bit i set: ConsistencyChecks::codes()[i]
    int decided = 0;         // fields with a reviewer decision
    int silverFields = 0;    // fields the pipeline filled
    AuditState state = NotAudited;
    int certificationDraw = 0; // newest draw the sample belongs to (0: none)
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::QueueRow)
