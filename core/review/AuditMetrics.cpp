// Precision, omission, Wilson intervals, κ and stratified draws.
#include "core/review/AuditMetrics.h"

#include "core/review/AuditRepository.h"
#include "core/review/ReviewFields.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace neuroonco {

std::pair<double, double> Proportion::wilson(double z) const
{
    if (total == 0)
        return {0.0, 1.0};
    const double n = double(total), p = value(), z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

QJsonObject Proportion::toJson() const
{
    const auto [lo, hi] = wilson();
    return {{QStringLiteral("value"), value()}, {QStringLiteral("successes"), successes}, {QStringLiteral("n"), total},
            {QStringLiteral("ci95"), QJsonArray{lo, hi}}};
}

QJsonObject AuditReport::toJson() const
{
    QJsonObject byField;
    for (const FieldAudit &f : fields)
        byField.insert(f.field, QJsonObject{{QStringLiteral("precision"), f.precision().toJson()},
                                            {QStringLiteral("omission"), f.omission().toJson()},
                                            {QStringLiteral("accepted"), f.accepted}, {QStringLiteral("rejected"), f.rejected},
                                            {QStringLiteral("corrected"), f.corrected}, {QStringLiteral("added"), f.added}});
    QJsonArray k;
    for (const KappaResult &r : kappa)
        k.append(QJsonObject{{QStringLiteral("field"), r.field}, {QStringLiteral("reviewers"), QJsonArray{r.reviewerA, r.reviewerB}},
                             {QStringLiteral("pairs"), r.pairs}, {QStringLiteral("agreement"), r.observed}, {QStringLiteral("kappa"), r.kappa}});
    return {{QStringLiteral("samples_audited"), samplesAudited},
            {QStringLiteral("samples_total"), samplesTotal},
            {QStringLiteral("overall"), QJsonObject{{QStringLiteral("precision"), overall.precision().toJson()},
                                                    {QStringLiteral("omission"), overall.omission().toJson()}}},
            {QStringLiteral("fields"), byField},
            {QStringLiteral("kappa"), k}};
}

double AuditMetrics::cohensKappa(const std::vector<std::pair<QString, QString>> &pairs, double *observed)
{
    if (pairs.empty())
        return 0;
    QMap<QString, double> a, b;
    double agree = 0;
    for (const auto &[x, y] : pairs) {
        a[x] += 1;
        b[y] += 1;
        agree += x == y ? 1 : 0;
    }
    const double n = double(pairs.size());
    const double po = agree / n;
    double pe = 0;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        pe += (it.value() / n) * (b.value(it.key()) / n);
    if (observed)
        *observed = po;
    return pe >= 1.0 ? 1.0 : (po - pe) / (1 - pe);
}

AuditReport AuditMetrics::compute(const std::vector<ReviewSample> &samples)
{
    AuditReport report;
    report.samplesTotal = qint64(samples.size());
    const auto &fields = ReviewFields::all();
    report.fields.resize(fields.size());
    for (size_t i = 0; i < fields.size(); ++i)
        report.fields[i].field = fields[i].key;
    report.overall.field = QStringLiteral("overall");
    // Per (reviewer pair, field): the final values each reviewer gave.
    std::map<std::pair<QString, QString>, std::map<QString, std::vector<std::pair<QString, QString>>>> pairsByReviewers;

    for (const ReviewSample &s : samples) {
        if (s.history.empty())
            continue;
        const QHash<QString, QMap<QString, AuditDecision>> byReviewer = AuditRepository::effectiveByReviewer(s.history).value(s.sample.id);
        bool audited = false;
        for (auto r = byReviewer.cbegin(); r != byReviewer.cend(); ++r) {
            for (size_t i = 0; i < fields.size(); ++i) {
                auto d = r.value().constFind(fields[i].key);
                if (d == r.value().constEnd())
                    continue;
                audited = true;
                FieldAudit &f = report.fields[i];
                switch (d->action) {
                case AuditAction::Accept: ++f.accepted; ++report.overall.accepted; break;
                case AuditAction::Reject: ++f.rejected; ++report.overall.rejected; break;
                case AuditAction::Correct: ++f.corrected; ++report.overall.corrected; break;
                case AuditAction::Add: ++f.added; ++report.overall.added; break;
                default: break;
                }
            }
        }
        report.samplesAudited += audited ? 1 : 0;
        // Inter-rater pairs: each pair of reviewers on this sample, fields both decided.
        QStringList reviewers = byReviewer.keys();
        std::sort(reviewers.begin(), reviewers.end());
        for (int x = 0; x < reviewers.size(); ++x)
            for (int y = x + 1; y < reviewers.size(); ++y)
                for (const ReviewField &f : fields) {
                    auto dx = byReviewer[reviewers[x]].constFind(f.key), dy = byReviewer[reviewers[y]].constFind(f.key);
                    if (dx == byReviewer[reviewers[x]].constEnd() || dy == byReviewer[reviewers[y]].constEnd())
                        continue;
                    auto finalOf = [&](const AuditDecision &d) {
                        return d.action == AuditAction::Accept ? d.silver : d.action == AuditAction::Reject ? QStringLiteral("(none)") : d.value;
                    };
                    pairsByReviewers[{reviewers[x], reviewers[y]}][f.key].emplace_back(finalOf(*dx), finalOf(*dy));
                }
    }
    for (const auto &[who, byField] : pairsByReviewers)
        for (const auto &[field, pairs] : byField) {
            KappaResult k;
            k.field = field;
            k.reviewerA = who.first;
            k.reviewerB = who.second;
            k.pairs = qint64(pairs.size());
            k.kappa = cohensKappa(pairs, &k.observed);
            report.kappa.push_back(k);
        }
    return report;
}

std::vector<std::pair<qint64, QString>> AuditMetrics::drawStratified(const std::vector<ReviewSample> &samples, int count, quint64 seed)
{
    std::map<QString, std::vector<qint64>> strata;
    qint64 total = 0;
    for (const ReviewSample &s : samples) {
        if (s.sample.isDuplicate())
            continue;
        strata[s.sample.tumourType + QLatin1Char('/') + s.sample.sourceCode].push_back(s.sample.id);
        ++total;
    }
    std::vector<std::pair<qint64, QString>> out;
    if (total == 0 || count <= 0)
        return out;
    count = int(std::min<qint64>(count, total));
    std::mt19937_64 rng(seed);
    // Largest-remainder proportional allocation, at least one per stratum while it fits.
    std::vector<std::pair<double, QString>> remainders;
    std::map<QString, int> quota;
    int allocated = 0;
    for (const auto &[name, ids] : strata) {
        const double exact = double(count) * double(ids.size()) / double(total);
        quota[name] = int(std::floor(exact));
        allocated += quota[name];
        remainders.emplace_back(exact - std::floor(exact), name);
    }
    std::sort(remainders.begin(), remainders.end(), [](auto &x, auto &y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });
    for (size_t i = 0; allocated < count && i < remainders.size(); ++i, ++allocated)
        ++quota[remainders[i].second];
    for (auto &[name, ids] : strata) {
        std::vector<qint64> shuffled = ids;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        for (int i = 0; i < quota[name] && i < int(shuffled.size()); ++i)
            out.emplace_back(shuffled[size_t(i)], name);
    }
    return out;
}

} // namespace neuroonco
