// Stored instruction lines (one JSONL line each, per sample and ordinal), their statistics and
// streaming export.
#pragma once

#include "core/benchmark/InstructionBuilder.h"
#include "core/util/Error.h"

#include <QJsonObject>

#include <functional>
#include <vector>

namespace neuroonco {

class Database;

class InstructionRepository
{
public:
    explicit InstructionRepository(Database &db);

    // Replaces the sample's lines (inside the caller's transaction).
    Error store(qint64 sample, const std::vector<InstructionRecord> &records, qint64 jobId);
    // Removes the lines of test-split samples; returns how many went.
    Result<qint64> removeTestSamples();
    // Calls `sink` with every line in (sample, ordinal) order; stops at its first error. Lines
    // of samples the current split puts in test are left out (counted in *leftOut) unless
    // `includeTest`: training data never holds a benchmark test image, whatever ran before.
    enum class TestSamples { LeaveOut, Include };
    Error forEachLine(const std::function<Error(const QString &line)> &sink,
                      TestSamples test = TestSamples::LeaveOut, qint64 *leftOut = nullptr);
    // Counts by variant, question type and tumour type, traps per question type, letters.
    Result<QJsonObject> statistics();

private:
    Database &m_db;
};

} // namespace neuroonco
