// Line-by-line reading of the predictions JSONL; writing through QSaveFile.
#include "core/evaluate/PredictionFormat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace neuroonco {

namespace {

const char *const kKnown[] = {"id", "q_index", "type",    "is_mcq",    "is_trap",
                              "gt", "pred",    "correct", "image_path"};

bool isKnown(const QString &key)
{
    for (const char *k : kKnown)
        if (key == QLatin1String(k))
            return true;
    return false;
}

Error fieldError(const QString &where, const char *field, const QString &problem)
{
    return Error(ErrorCode::Parse, QStringLiteral("%1: %2").arg(where, QLatin1String(field)),
                 problem);
}

} // namespace

QString PredictionLine::idText() const
{
    if (id.isDouble()) {
        const double d = id.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    return id.toString();
}

QJsonObject PredictionLine::toJson() const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("q_index"), position + PredictionFormat::kFirstQIndex);
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("is_mcq"), isMcq ? QJsonValue(*isMcq) : QJsonValue());
    o.insert(QStringLiteral("is_trap"), isTrap);
    o.insert(QStringLiteral("gt"), gt);
    o.insert(QStringLiteral("pred"), pred);
    o.insert(QStringLiteral("correct"), correct ? QJsonValue(*correct) : QJsonValue());
    o.insert(QStringLiteral("image_path"), imagePath);
    return o;
}

Result<PredictionLine> PredictionFormat::parseLine(const QByteArray &text, const QString &where)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error(
            ErrorCode::Parse, where,
            QStringLiteral("not JSON: %1 at offset %2").arg(perr.errorString()).arg(perr.offset));
    if (!doc.isObject())
        return Error(ErrorCode::Parse, where, QStringLiteral("expected a JSON object"));
    const QJsonObject o = doc.object();
    PredictionLine p;
    p.id = o.value(QStringLiteral("id"));
    if (!(p.id.isDouble() || (p.id.isString() && !p.id.toString().isEmpty())))
        return fieldError(where, "id",
                          p.id.isUndefined() ? QStringLiteral("missing")
                                             : QStringLiteral("expected a number or a string"));
    const QJsonValue q = o.value(QStringLiteral("q_index"));
    if (!q.isDouble() || q.toDouble() < kFirstQIndex || q.toDouble() != double(qint64(q.toDouble())))
        return fieldError(where, "q_index",
                          q.isUndefined() ? QStringLiteral("missing")
                                          : QStringLiteral("expected a whole number ≥ 1 (a record's first question is "
                                                           "q_index 1, as in the published evaluation output)"));
    p.position = q.toInt() - kFirstQIndex;
    const QJsonValue type = o.value(QStringLiteral("type"));
    if (!type.isUndefined() && !type.isNull() && !type.isString())
        return fieldError(where, "type", QStringLiteral("expected a string"));
    p.type = type.toString();
    for (const char *key : {"is_mcq", "is_trap", "correct"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isBool())
            return fieldError(where, key, QStringLiteral("expected true or false"));
    }
    if (o.value(QStringLiteral("is_mcq")).isBool())
        p.isMcq = o.value(QStringLiteral("is_mcq")).toBool();
    p.isTrap = o.value(QStringLiteral("is_trap")).toBool(false);
    if (o.value(QStringLiteral("correct")).isBool())
        p.correct = o.value(QStringLiteral("correct")).toBool();
    const QJsonValue gt = o.value(QStringLiteral("gt"));
    if (!gt.isString())
        return fieldError(where, "gt",
                          gt.isUndefined() ? QStringLiteral("missing")
                                           : QStringLiteral("expected a string"));
    p.gt = gt.toString();
    const QJsonValue pred = o.value(QStringLiteral("pred"));
    if (!pred.isUndefined() && !pred.isNull() && !pred.isString())
        return fieldError(where, "pred", QStringLiteral("expected a string or null"));
    p.pred = pred.toString();
    const QJsonValue image = o.value(QStringLiteral("image_path"));
    if (!image.isUndefined() && !image.isNull() && !image.isString())
        return fieldError(where, "image_path", QStringLiteral("expected a string"));
    p.imagePath = image.toString();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!isKnown(it.key()))
            p.extra.insert(it.key(), it.value());
    return p;
}

Result<std::vector<PredictionLine>> PredictionFormat::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    std::vector<PredictionLine> out;
    int number = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        Result<PredictionLine> p =
            parseLine(line, QStringLiteral("%1: line %2").arg(path).arg(number));
        if (!p)
            return p.error();
        p->line = number;
        out.push_back(p.take());
    }
    return out;
}

Error PredictionFormat::write(const QString &path, const std::vector<PredictionLine> &lines)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    QByteArray buffer;
    for (const PredictionLine &p : lines) {
        buffer += QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact);
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            if (f.write(buffer) != buffer.size())
                return Error(ErrorCode::Io, path, f.errorString());
            buffer.clear();
        }
    }
    if (f.write(buffer) != buffer.size() || !f.commit())
        return Error(ErrorCode::Io, path, f.errorString());
    return {};
}

Error PredictionFormat::writeSummary(const QString &path, const QJsonObject &summary)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    const QByteArray bytes = QJsonDocument(summary).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error(ErrorCode::Io, path, f.errorString());
    return {};
}

QString PredictionFormat::summaryPathFor(const QString &predictionsPath)
{
    const QFileInfo info(predictionsPath);
    QString base = info.fileName();
    for (const char *suffix : {".jsonl", ".json", ".txt"}) {
        if (base.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) {
            base.chop(qsizetype(qstrlen(suffix)));
            break;
        }
    }
    return info.dir().filePath(base + QStringLiteral(".summary.json"));
}

} // namespace neuroonco
