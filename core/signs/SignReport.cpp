// AIR and ground-truth agreement.
#include "core/signs/SignReport.h"

#include "core/samples/SampleRepository.h"
#include "core/signs/LabelRepository.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace neuroonco {

Result<QJsonObject> SignReport::air(Database &db)
{
    LabelRepository labels(db);
    auto a = labels.extractions(QStringLiteral("A"));
    auto b = labels.extractions(QStringLiteral("B"));
    auto fused = labels.fused();
    auto audits = labels.audits();
    for (const Error *e : {&a.error(), &b.error(), &fused.error(), &audits.error()})
        if (e->isError())
            return *e;
    auto readings = [](const QHash<qint64, ExtractionRecord> &runs) {
        std::vector<SignSet> out;
        for (const ExtractionRecord &r : runs)
            if (r.status == QLatin1String("ok"))
                out.push_back(r.signs);
        return out;
    };
    std::vector<SignSet> kept, gold;
    qint64 healthy = 0, dropped = 0, downgraded = 0;
    for (const FusedRecord &f : *fused) {
        switch (f.outcome.status) {
        case FusionOutcome::Status::Kept: kept.push_back(f.outcome.fused); break;
        case FusionOutcome::Status::Healthy: ++healthy; break;
        case FusionOutcome::Status::Dropped: ++dropped; break;
        }
        downgraded += f.outcome.downgraded ? 1 : 0;
    }
    qint64 erased = 0, qcDowngraded = 0;
    for (const QcRecord &q : *audits) {
        if (q.status != QLatin1String("ok"))
            continue;
        gold.push_back(q.gold);
        for (QcAction action : q.decision.actions) {
            erased += action == QcAction::Erase;
            qcDowngraded += action == QcAction::Downgrade;
        }
    }
    return QJsonObject{{QStringLiteral("run_a"), Air::compute(readings(*a)).toJson()},
                       {QStringLiteral("run_b"), Air::compute(readings(*b)).toJson()},
                       {QStringLiteral("fused"), Air::compute(kept, false).toJson()},
                       {QStringLiteral("gold"), Air::compute(gold, false).toJson()},
                       {QStringLiteral("fusion"), QJsonObject{{QStringLiteral("kept"), qint64(kept.size())},
                                                              {QStringLiteral("healthy"), healthy},
                                                              {QStringLiteral("dropped"), dropped},
                                                              {QStringLiteral("downgraded_t1ce"), downgraded}}},
                       {QStringLiteral("qc"), QJsonObject{{QStringLiteral("audited"), qint64(gold.size())},
                                                          {QStringLiteral("erased_fields"), erased},
                                                          {QStringLiteral("downgraded_fields"), qcDowngraded}}}};
}

Result<QJsonObject> SignReport::agreement(Database &db, const QString &truthFile)
{
    QFile f(truthFile);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, truthFile);
    const QJsonObject truth = QJsonDocument::fromJson(f.readAll()).object();
    const QDir base = QFileInfo(truthFile).absoluteDir();
    SampleRepository repo(db);
    Result<std::vector<SampleRecord>> samples = repo.all();
    if (!samples)
        return samples.error();
    Result<std::vector<SourceSpec>> sources = repo.sources();
    if (!sources)
        return sources.error();
    QHash<QString, QString> roots;
    for (const SourceSpec &s : *sources)
        roots.insert(s.code, s.root);
    QHash<QString, qint64> byPath;
    for (const SampleRecord &s : *samples)
        byPath.insert(QDir::cleanPath(roots.value(s.sourceCode) + QLatin1Char('/') + s.origin), s.id);
    QHash<qint64, QJsonObject> planted; // sample → truth file entry
    for (const QJsonValue &v : truth.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        const qint64 id = byPath.value(QDir::cleanPath(base.filePath(o.value(QStringLiteral("path")).toString())));
        if (id)
            planted.insert(id, o);
    }

    LabelRepository labels(db);
    auto a = labels.extractions(QStringLiteral("A"));
    auto b = labels.extractions(QStringLiteral("B"));
    auto fused = labels.fused();
    auto audits = labels.audits();
    struct Tally { qint64 answered = 0, correct = 0, expected = 0; };
    const QStringList fields{QStringLiteral("lesion_found"), QStringLiteral("modality"), QStringLiteral("location"),
                             QStringLiteral("shape"), QStringLiteral("margins"), QStringLiteral("texture"),
                             QStringLiteral("enhancement"), QStringLiteral("edema"), QStringLiteral("signal_intensity")};
    auto compare = [&](const SignSet &s, const QJsonObject &t, QHash<QString, Tally> &tally) {
        const QJsonValue lesion = t.value(QStringLiteral("lesion"));
        const bool positive = lesion.isObject();
        const QJsonObject signs = lesion.toObject().value(QStringLiteral("signs")).toObject();
        // The sequence the slice really is (the path may not say it).
        QString modality = t.value(QStringLiteral("true_modality")).toString(t.value(QStringLiteral("modality")).toString());
        if (modality == QLatin1String("Unknown"))
            modality.clear();
        QString cell = lesion.toObject().value(QStringLiteral("grid_cell")).toString();
        cell = cell == QLatin1String("Center of the Image") ? QStringLiteral("Center") : cell.remove(QStringLiteral(" Region"));
        for (const QString &field : fields) {
            QString expected, got;
            if (field == QLatin1String("lesion_found")) {
                expected = positive ? QStringLiteral("true") : QStringLiteral("false");
                got = s.lesionFound < 0 ? QString() : s.lesionFound ? QStringLiteral("true") : QStringLiteral("false");
            } else if (field == QLatin1String("modality")) {
                expected = modality;
                got = s.modality;
            } else if (field == QLatin1String("location")) {
                expected = positive ? cell : QString();
                got = s.location;
            } else {
                QString e = signs.value(field).toString();
                expected = SignVocabulary::isNull(e) ? QString() : e;
                for (SignField sf : kSignFields)
                    if (SignSet::fieldKey(sf) == field)
                        got = s.sign(sf);
            }
            Tally &t2 = tally[field];
            if (!expected.isEmpty())
                ++t2.expected;
            if (got.isEmpty())
                continue;
            ++t2.answered;
            t2.correct += got == expected ? 1 : 0;
        }
    };
    auto score = [&](const std::function<std::optional<SignSet>(qint64)> &reading) {
        QHash<QString, Tally> tally;
        for (auto it = planted.cbegin(); it != planted.cend(); ++it)
            if (std::optional<SignSet> s = reading(it.key()))
                compare(*s, it.value(), tally);
        QJsonObject out;
        for (const QString &field : fields) {
            const Tally &t = tally.value(field);
            out.insert(field, QJsonObject{{QStringLiteral("answered"), t.answered},
                                          {QStringLiteral("precision"), t.answered ? double(t.correct) / double(t.answered) : 0.0},
                                          {QStringLiteral("recall"), t.expected ? double(t.correct) / double(t.expected) : 0.0}});
        }
        return out;
    };
    auto fromRuns = [](const Result<QHash<qint64, ExtractionRecord>> &runs) {
        return [&runs](qint64 id) -> std::optional<SignSet> {
            if (!runs)
                return std::nullopt;
            auto it = runs->constFind(id);
            if (it == runs->constEnd() || it->status != QLatin1String("ok"))
                return std::nullopt;
            return it->signs;
        };
    };
    QJsonObject out{{QStringLiteral("samples_with_truth"), qint64(planted.size())},
                    {QStringLiteral("run_a"), score(fromRuns(a))},
                    {QStringLiteral("run_b"), score(fromRuns(b))}};
    out.insert(QStringLiteral("fused"), score([&](qint64 id) -> std::optional<SignSet> {
        if (!fused)
            return std::nullopt;
        auto it = fused->constFind(id);
        if (it == fused->constEnd() || it->outcome.status != FusionOutcome::Status::Kept)
            return std::nullopt;
        return it->outcome.fused;
    }));
    out.insert(QStringLiteral("gold"), score([&](qint64 id) -> std::optional<SignSet> {
        if (!audits)
            return std::nullopt;
        auto it = audits->constFind(id);
        if (it == audits->constEnd() || it->status != QLatin1String("ok"))
            return std::nullopt;
        return it->gold;
    }));
    return out;
}

} // namespace neuroonco
