// Gathering the dashboard's and report's numbers.
#include "core/report/ProjectFigures.h"

#include "core/evaluate/Leaderboard.h"
#include "core/review/AuditMetrics.h"
#include "core/review/ReviewRepository.h"
#include "core/signs/SignReport.h"
#include "core/signs/SignSet.h"
#include "core/store/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>

namespace neuroonco {

namespace {

Figure airFigure(const QJsonObject &air)
{
    Figure f;
    f.id = QStringLiteral("air");
    for (SignField field : kSignFields)
        f.categories << SignSet::fieldKey(field);
    f.categories << QStringLiteral("overall");
    for (const char *stage : {"run_a", "run_b", "fused", "gold"}) {
        const QJsonObject score = air.value(QLatin1String(stage)).toObject();
        const qint64 n = score.value(QStringLiteral("positives")).toInteger();
        if (n == 0)
            continue;
        FigureSeries s;
        s.name = QLatin1String(stage);
        const QJsonObject fields = score.value(QStringLiteral("fields")).toObject();
        for (SignField field : kSignFields)
            s.values.push_back(fields.value(SignSet::fieldKey(field)).toDouble());
        s.values.push_back(score.value(QStringLiteral("overall")).toDouble());
        s.counts.assign(s.values.size(), n);
        f.series.push_back(std::move(s));
    }
    return f;
}

void appendProportion(FigureSeries &s, const Proportion &p)
{
    const auto [lo, hi] = p.wilson();
    s.values.push_back(p.value());
    s.lower.push_back(p.total ? lo : 0.0);
    s.upper.push_back(p.total ? hi : 0.0);
    s.counts.push_back(p.total);
}

Figure auditFigure(const AuditReport &report)
{
    Figure f;
    f.id = QStringLiteral("audit");
    FigureSeries precision, omission;
    precision.name = QStringLiteral("precision");
    omission.name = QStringLiteral("omission");
    for (const FieldAudit &field : report.fields) {
        if (field.precision().total + field.omission().total == 0)
            continue;
        f.categories << field.field;
        appendProportion(precision, field.precision());
        appendProportion(omission, field.omission());
    }
    if (f.categories.isEmpty())
        return f;
    f.categories << QStringLiteral("overall");
    appendProportion(precision, report.overall.precision());
    appendProportion(omission, report.overall.omission());
    f.series = {precision, omission};
    return f;
}

Error benchmarkFigures(Database &db, ProjectFigures &out)
{
    out.benchmarkTypes.id = QStringLiteral("benchmark-types");
    out.benchmarkTypes.unit = Figure::Unit::Count;
    out.benchmarkLetters.id = QStringLiteral("benchmark-letters");
    out.benchmarkLetters.unit = Figure::Unit::Count;
    out.benchmarkTraps.id = QStringLiteral("benchmark-traps");
    Result<bool> hasItems = db.hasTable(QStringLiteral("benchmark_items"));
    if (!hasItems)
        return hasItems.error();
    if (!*hasItems)
        return {};
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("SELECT kind, question_type, is_trap, COALESCE(answer, ''), COUNT(*) FROM benchmark_items "
                               "WHERE status != 'rejected' GROUP BY kind, question_type, is_trap, answer")))
        return db.queryError(q, QStringLiteral("benchmark_items"));
    QMap<QString, qint64> closed, open, traps, letters;
    Error read = db.forEachRow(q, QStringLiteral("benchmark_items"), [&] {
        const QString kind = q.value(0).toString();
        const QString type = q.value(1).toString();
        const bool trap = q.value(2).toBool();
        const QString answer = q.value(3).toString();
        const qint64 n = q.value(4).toLongLong();
        if (kind == QLatin1String("open")) {
            open[type] += n;
            return;
        }
        closed[type] += n;
        if (trap)
            traps[type] += n;
        if (!answer.isEmpty())
            letters[answer] += n;
    });
    if (read)
        return read;
    QStringList types = closed.keys();
    for (const QString &t : open.keys())
        if (!types.contains(t))
            types << t;
    if (types.isEmpty())
        return {};
    out.benchmarkTypes.categories = types;
    FigureSeries closedSeries{QStringLiteral("closed"), {}, {}, {}, {}};
    FigureSeries openSeries{QStringLiteral("open"), {}, {}, {}, {}};
    for (const QString &t : types) {
        closedSeries.values.push_back(double(closed.value(t)));
        openSeries.values.push_back(double(open.value(t)));
    }
    out.benchmarkTypes.series = {closedSeries, openSeries};

    if (!closed.isEmpty()) {
        out.benchmarkLetters.categories = QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                                      QStringLiteral("D"), QStringLiteral("E")};
        FigureSeries answers{QStringLiteral("answers"), {}, {}, {}, {}};
        for (const QString &letter : out.benchmarkLetters.categories)
            answers.values.push_back(double(letters.value(letter)));
        out.benchmarkLetters.series = {answers};

        FigureSeries share{QStringLiteral("trap_share"), {}, {}, {}, {}};
        qint64 allTraps = 0, allClosed = 0;
        for (auto it = closed.begin(); it != closed.end(); ++it) {
            out.benchmarkTraps.categories << it.key();
            share.values.push_back(double(traps.value(it.key())) / double(it.value()));
            share.counts.push_back(it.value());
            allTraps += traps.value(it.key());
            allClosed += it.value();
        }
        out.benchmarkTraps.categories << QStringLiteral("overall");
        share.values.push_back(double(allTraps) / double(allClosed));
        share.counts.push_back(allClosed);
        out.benchmarkTraps.series = {share};
    }
    return {};
}

} // namespace

bool Figure::isEmpty() const
{
    return categories.isEmpty() || series.empty();
}

QJsonObject Figure::toJson() const
{
    QJsonArray s;
    for (const FigureSeries &series : this->series) {
        QJsonObject o{{QStringLiteral("name"), series.name}};
        QJsonArray values, lower, upper, counts;
        for (double v : series.values)
            values.append(v);
        o.insert(QStringLiteral("values"), values);
        if (series.hasIntervals()) {
            for (size_t i = 0; i < series.values.size(); ++i) {
                lower.append(series.lower[i]);
                upper.append(series.upper[i]);
            }
            o.insert(QStringLiteral("lower"), lower);
            o.insert(QStringLiteral("upper"), upper);
        }
        if (!series.counts.empty()) {
            for (qint64 n : series.counts)
                counts.append(n);
            o.insert(QStringLiteral("n"), counts);
        }
        s.append(o);
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("unit"), unit == Unit::Share ? QStringLiteral("share") : QStringLiteral("count")},
            {QStringLiteral("categories"), QJsonArray::fromStringList(categories)},
            {QStringLiteral("series"), s}};
}

std::vector<const Figure *> ProjectFigures::all() const
{
    return {&air, &audit, &benchmarkTypes, &benchmarkLetters, &benchmarkTraps, &evalAccuracy};
}

QJsonObject ProjectFigures::toJson() const
{
    QJsonObject figures;
    for (const Figure *f : all())
        figures.insert(f->id, f->toJson());
    return {{QStringLiteral("project"), projectName},
            {QStringLiteral("generated_at"), generatedAt.toString(Qt::ISODate)},
            {QStringLiteral("status"), status.toJson()},
            {QStringLiteral("samples_audited"), samplesAudited},
            {QStringLiteral("figures"), figures}};
}

Result<ProjectFigures> ProjectFiguresBuilder::collect(Database &db, const QString &projectRoot)
{
    ProjectFigures out;
    out.projectName = QDir(projectRoot).dirName();
    out.generatedAt = QDateTime::currentDateTimeUtc();
    Result<ProjectStatus> status = ProjectStatus::collect(db, projectRoot);
    if (!status)
        return status.error();
    out.status = status.take();

    Result<QJsonObject> air = SignReport::air(db);
    if (!air)
        return air.error();
    out.air = airFigure(*air);

    Result<std::vector<ReviewSample>> samples = ReviewRepository(db).loadAll();
    if (!samples)
        return samples.error();
    const AuditReport audit = AuditMetrics::compute(*samples);
    out.audit = auditFigure(audit);
    out.samplesAudited = audit.samplesAudited;

    if (Error e = benchmarkFigures(db, out))
        return e;
    out.evalAccuracy.id = QStringLiteral("eval-accuracy");
    Result<bool> hasRuns = db.hasTable(QStringLiteral("eval_runs"));
    if (!hasRuns)
        return hasRuns.error();
    if (*hasRuns) {
        // Accuracy per closed run per question type, with percentile-bootstrap intervals.
        Result<TypeAccuracy> accuracy = Leaderboard::accuracyByType(db);
        if (!accuracy)
            return accuracy.error();
        if (!accuracy->rows.empty()) {
            out.evalAccuracy.categories = accuracy->categories;
            for (const TypeAccuracy::Row &row : accuracy->rows) {
                FigureSeries s;
                s.name = row.run;
                for (const Rate &r : row.rates) {
                    s.values.push_back(r.value());
                    s.lower.push_back(r.interval.hasInterval ? r.interval.lower : r.value());
                    s.upper.push_back(r.interval.hasInterval ? r.interval.upper : r.value());
                    s.counts.push_back(r.n);
                }
                out.evalAccuracy.series.push_back(std::move(s));
            }
        }
    }
    return out;
}

} // namespace neuroonco
