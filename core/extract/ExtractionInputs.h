// Loads what extractors and auditors need for a sample (slice, mask, semantics, description)
// from the project, on worker threads (file reads only, no database).
#pragma once

#include "core/extract/SignExtractor.h"
#include "core/samples/SampleRecord.h"

#include <QHash>
#include <QString>

namespace neuroonco {

class Database;
struct SemanticsRecord;

class ExtractionInputs
{
public:
    // Reads semantics and descriptions of all samples once (in the job thread).
    ExtractionInputs(Database &db, QString slicesDir);

    // Thread-safe: decodes the files of one sample.
    ExtractionInput load(const SampleRecord &sample, QString *error) const;
    QString slicesDir() const { return m_slicesDir; }
    QString description(qint64 sample) const { return m_descriptions.value(sample); }

private:
    QString m_slicesDir;
    QHash<qint64, MaskSemantics> m_semantics;
    QHash<qint64, QString> m_descriptions;
};

} // namespace neuroonco
