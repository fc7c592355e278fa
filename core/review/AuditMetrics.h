// Audit metrics (DESIGN.md §3.10): attribute-level precision (correct non-null silver values /
// audited non-null silver values) and omission rate (values the reviewer had to add / all
// values that should be present), per field and overall, with Wilson 95 % intervals; Cohen's κ
// per field between two reviewers; a stratified random draw for certifying the error rate.
#pragma once

#include "core/review/ReviewSample.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace neuroonco {

struct Proportion
{
    qint64 successes = 0;
    qint64 total = 0;
    double value() const { return total ? double(successes) / double(total) : 0.0; }
    // Wilson score interval at 95 %.
    std::pair<double, double> wilson(double z = 1.959964) const;
    QJsonObject toJson() const;
};

struct FieldAudit
{
    QString field;
    qint64 accepted = 0, rejected = 0, corrected = 0, added = 0;
    Proportion precision() const { return {accepted, accepted + rejected + corrected}; }
    Proportion omission() const { return {added, accepted + corrected + added}; }
};

struct KappaResult
{
    QString field;
    QString reviewerA, reviewerB;
    qint64 pairs = 0;
    double observed = 0; // agreement
    double kappa = 0;
};

struct AuditReport
{
    std::vector<FieldAudit> fields;   // in ReviewFields order
    FieldAudit overall;
    qint64 samplesAudited = 0;
    qint64 samplesTotal = 0;
    std::vector<KappaResult> kappa;
    QJsonObject toJson() const;
};

class AuditMetrics
{
public:
    static AuditReport compute(const std::vector<ReviewSample> &samples);
    // κ = (po − pe) / (1 − pe) over paired categorical ratings.
    static double cohensKappa(const std::vector<std::pair<QString, QString>> &pairs, double *observed = nullptr);
    // Proportional stratified draw (strata = tumour type × source) of `count` kept samples,
    // deterministic for a seed. Returns (sample id, stratum).
    static std::vector<std::pair<qint64, QString>> drawStratified(const std::vector<ReviewSample> &samples, int count,
                                                                  quint64 seed);
};

} // namespace neuroonco
