// Manifest parsing and validation.
#include "ingest/Manifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace neuroonco {

QStringList Manifest::knownLayouts()
{
    return {QStringLiteral("class-folders"), QStringLiteral("image-mask-pairs"), QStringLiteral("yolo-seg"),
            QStringLiteral("coco"), QStringLiteral("nifti-volumes"), QStringLiteral("figshare-mat"),
            QStringLiteral("dicom")};
}

Result<Manifest> Manifest::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error(ErrorCode::NotFound, path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    return fromJson(f.readAll(), QFileInfo(path).absoluteFilePath());
}

Result<Manifest> Manifest::fromJson(const QByteArray &json, const QString &path)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError)
        return Error(ErrorCode::Parse, path, QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    if (!doc.isObject())
        return Error(ErrorCode::Parse, path, QStringLiteral("the top level must be an object with a \"sources\" list"));
    const QJsonObject root = doc.object();
    const QJsonValue sources = root.value(QStringLiteral("sources"));
    if (!sources.isArray())
        return Error(ErrorCode::InvalidArgument, path + QStringLiteral(": sources"), QStringLiteral("must be a list"));

    Manifest m;
    m.path = path;
    m.name = root.value(QStringLiteral("name")).toString();
    const QDir base = QFileInfo(path).absoluteDir();
    static const QRegularExpression codePattern(QStringLiteral("^[A-Za-z0-9_-]{1,16}$"));
    QSet<QString> codes;
    const QJsonArray list = sources.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString field = QStringLiteral("%1: sources[%2]").arg(path).arg(i);
        if (!list.at(i).isObject())
            return Error(ErrorCode::InvalidArgument, field, QStringLiteral("must be an object"));
        const QJsonObject o = list.at(i).toObject();
        SourceSpec s;
        s.code = o.value(QStringLiteral("code")).toString();
        if (!codePattern.match(s.code).hasMatch())
            return Error(ErrorCode::InvalidArgument, field + QStringLiteral(".code"),
                         QStringLiteral("a short token of letters, digits, '-' or '_' is required"));
        if (codes.contains(s.code))
            return Error(ErrorCode::InvalidArgument, field + QStringLiteral(".code"),
                         QStringLiteral("'%1' is used twice").arg(s.code));
        codes.insert(s.code);
        s.name = o.value(QStringLiteral("name")).toString(s.code);
        s.url = o.value(QStringLiteral("url")).toString();
        s.licence = o.value(QStringLiteral("licence")).toString(o.value(QStringLiteral("license")).toString());
        s.layout = o.value(QStringLiteral("layout")).toString();
        if (!knownLayouts().contains(s.layout))
            return Error(ErrorCode::InvalidArgument, field + QStringLiteral(".layout"),
                         QStringLiteral("unknown layout '%1' (known: %2)").arg(s.layout, knownLayouts().join(QStringLiteral(", "))));
        const QString sourceRoot = o.value(QStringLiteral("root")).toString();
        if (sourceRoot.isEmpty())
            return Error(ErrorCode::InvalidArgument, field + QStringLiteral(".root"),
                         QStringLiteral("the folder holding this source's download is required"));
        s.root = QDir::cleanPath(base.absoluteFilePath(sourceRoot));
        const QJsonValue priority = o.value(QStringLiteral("priority"));
        if (!priority.isUndefined() && !priority.isDouble())
            return Error(ErrorCode::InvalidArgument, field + QStringLiteral(".priority"), QStringLiteral("must be a number"));
        s.priority = priority.toInt(100);
        const QJsonValue options = o.value(QStringLiteral("options"));
        if (!options.isUndefined() && !options.isObject())
            return Error(ErrorCode::InvalidArgument, field + QStringLiteral(".options"), QStringLiteral("must be an object"));
        s.options = options.toObject();
        m.sources.push_back(std::move(s));
    }
    return m;
}

} // namespace neuroonco
