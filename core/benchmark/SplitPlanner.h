// Leakage-safe test/train split (issue 8): samples that share a patient, a volume or a
// near-duplicate cluster form one group and land on one side; groups are placed greedily so
// that every tumour type and every question type gets close to the test share.
#pragma once

#include "core/benchmark/BenchmarkRepository.h"
#include "core/util/Error.h"

#include <QHash>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace neuroonco {

class Database;

struct SplitSample
{
    qint64 sample = 0;
    QString sampleId;
    QString imagePath;
    QString tumourType;
    QString patientKey;
    QString volumePath;
    qint64 clusterId = 0;
    bool duplicate = false;    // flagged duplicate: follows its group, not counted in the strata
    QStringList questionTypes; // closed question types of its items (or the ones it supports)
};

struct SplitOptions
{
    double testShare = 0.2;
    std::uint64_t seed = 1;
};

class SplitPlanner
{
public:
    // Group key of every sample: the smallest of "patient:…", "volume:…", "cluster:…" over the
    // connected samples, or "sample:<sample_id>" for a sample that shares nothing.
    static QHash<qint64, QString> groups(const std::vector<SplitSample> &samples);
    static std::vector<SplitRow> plan(const std::vector<SplitSample> &samples,
                                      const SplitOptions &options);
    // Every sample of a project with its question types (from stored closed items, else from
    // what its gold label supports).
    static Result<std::vector<SplitSample>> load(Database &db);
};

} // namespace neuroonco
