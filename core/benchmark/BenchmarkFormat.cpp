// Reading and writing the published benchmark shapes.
#include "core/benchmark/BenchmarkFormat.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace neuroonco {

namespace {

QString idText(const QJsonValue &id)
{
    if (id.isDouble()) {
        const double d = id.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    return id.toString();
}

template<typename Record, typename Question>
BenchmarkFile<Record> parse(const QJsonArray &records, const char *pairsKey)
{
    BenchmarkFile<Record> file;
    const QString pairsName = QLatin1String(pairsKey);
    for (int i = 0; i < records.size(); ++i) {
        auto problem = [&](const QString &recordId, const QString &field, const QString &message) {
            file.problems.push_back({i, recordId, field, message});
        };
        if (!records.at(i).isObject()) {
            problem({}, {}, QStringLiteral("expected an object"));
            continue;
        }
        const QJsonObject o = records.at(i).toObject();
        Record r;
        r.index = i;
        r.id = o.value(QStringLiteral("id"));
        const QString rid = idText(r.id);
        if (r.id.isUndefined() || r.id.isNull() || rid.isEmpty())
            problem(rid, QStringLiteral("id"), QStringLiteral("missing"));
        const QJsonValue image = o.value(QStringLiteral("image_path"));
        r.imagePath = image.toString();
        if (!image.isString() || r.imagePath.trimmed().isEmpty())
            problem(rid, QStringLiteral("image_path"),
                    image.isUndefined() ? QStringLiteral("missing")
                                        : QStringLiteral("expected a path"));
        const QJsonValue pairs = o.value(pairsName);
        if (!pairs.isArray()) {
            problem(rid, pairsName,
                    pairs.isUndefined() ? QStringLiteral("missing")
                                        : QStringLiteral("expected a list"));
        } else {
            const QJsonArray list = pairs.toArray();
            if (list.isEmpty())
                problem(rid, pairsName, QStringLiteral("empty"));
            for (int j = 0; j < list.size(); ++j) {
                const QString field = QStringLiteral("%1[%2]").arg(pairsName).arg(j);
                if (!list.at(j).isObject()) {
                    problem(rid, field, QStringLiteral("expected an object"));
                    continue;
                }
                QStringList issues;
                r.pairs.push_back(Question::fromJson(list.at(j).toObject(), &issues));
                for (const QString &issue : issues) {
                    const qsizetype colon = issue.indexOf(QStringLiteral(": "));
                    problem(rid, field + QLatin1Char('.') + issue.left(colon),
                            issue.mid(colon + 2));
                }
            }
        }
        file.records.push_back(std::move(r));
    }
    return file;
}

} // namespace

QString ClosedRecord::idText() const
{
    return neuroonco::idText(id);
}
QString OpenRecord::idText() const
{
    return neuroonco::idText(id);
}

QString FormatProblem::where() const
{
    QString w;
    if (record >= 0)
        w = recordId.isEmpty() ? QStringLiteral("record %1").arg(record + 1)
                               : QStringLiteral("record %1 (id %2)").arg(record + 1).arg(recordId);
    if (!field.isEmpty())
        w += (w.isEmpty() ? QString() : QStringLiteral(", ")) + field;
    return w;
}

Result<QJsonArray> BenchmarkFormat::readArray(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error(ErrorCode::NotFound, path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error(
            ErrorCode::Parse, path,
            QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    if (!doc.isArray())
        return Error(ErrorCode::Parse, path,
                     QStringLiteral("expected a JSON list of benchmark records"));
    return doc.array();
}

BenchmarkFileKind BenchmarkFormat::detect(const QJsonArray &records)
{
    for (const QJsonValue &v : records) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("vqa_pairs")))
            return BenchmarkFileKind::Closed;
        if (o.contains(QStringLiteral("qa_pairs")))
            return BenchmarkFileKind::Open;
    }
    return BenchmarkFileKind::Unknown;
}

ClosedFile BenchmarkFormat::parseClosed(const QJsonArray &records)
{
    return parse<ClosedRecord, ClosedQuestion>(records, "vqa_pairs");
}

OpenFile BenchmarkFormat::parseOpen(const QJsonArray &records)
{
    return parse<OpenRecord, OpenQuestion>(records, "qa_pairs");
}

QJsonObject BenchmarkFormat::closedRecordJson(const ClosedRecord &r)
{
    QJsonArray pairs;
    for (const ClosedQuestion &q : r.pairs)
        pairs.append(q.toJson());
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("image_path"), r.imagePath},
            {QStringLiteral("vqa_pairs"), pairs}};
}

QJsonObject BenchmarkFormat::openRecordJson(const OpenRecord &r)
{
    QJsonArray pairs;
    for (const OpenQuestion &q : r.pairs)
        pairs.append(q.toJson());
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("image_path"), r.imagePath},
            {QStringLiteral("qa_pairs"), pairs}};
}

Error BenchmarkFormat::problemError(const QString &path, const std::vector<FormatProblem> &problems)
{
    if (problems.empty())
        return {};
    const FormatProblem &p = problems.front();
    QString detail = p.message;
    if (problems.size() > 1)
        detail += QStringLiteral(" (and %1 more problems; `neuroonco lint` lists them all)")
                      .arg(problems.size() - 1);
    return Error(ErrorCode::Parse,
                 p.where().isEmpty() ? path : QStringLiteral("%1: %2").arg(path, p.where()),
                 detail);
}

} // namespace neuroonco
