// Manifest parsing and validation.
#include "core/ingest/Manifest.h"

#include "core/ingest/ManifestOptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace neuroonco {

namespace {

// Keys of a source entry: the ones ingest reads, and two that only document it (the template
// says per source what to download and where root points).
const QStringList &sourceKeys()
{
    static const QStringList keys{QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("url"),
                                  QStringLiteral("licence"), QStringLiteral("license"), QStringLiteral("layout"),
                                  QStringLiteral("root"), QStringLiteral("priority"), QStringLiteral("options"),
                                  QStringLiteral("download"), QStringLiteral("notes")};
    return keys;
}

const QStringList &topKeys()
{
    static const QStringList keys{QStringLiteral("format"), QStringLiteral("name"), QStringLiteral("description"),
                                  QStringLiteral("notes"), QStringLiteral("sources")};
    return keys;
}

} // namespace

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
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!topKeys().contains(it.key()))
            m.warnings.push_back({-1, it.key(), QStringLiteral("unknown-key"), IssueSeverity::Warning,
                                  QStringLiteral("%1: not a manifest key; it is ignored (keys: %2)")
                                      .arg(it.key(), topKeys().join(QStringLiteral(", ")))});
    }
    const QDir base = QFileInfo(path).absoluteDir();
    static const QRegularExpression codePattern(QStringLiteral("^[A-Za-z0-9_-]{1,16}$"));
    QSet<QString> codes;
    const QJsonArray list = sources.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString local = QStringLiteral("sources[%1]").arg(i);
        const QString field = path + QStringLiteral(": ") + local;
        if (!list.at(i).isObject())
            return Error(ErrorCode::InvalidArgument, field, QStringLiteral("must be an object"));
        const QJsonObject o = list.at(i).toObject();
        // Every documented key must hold text; a number or list there is a mistake to report.
        for (const char *key : {"code", "name", "url", "licence", "license", "layout", "root", "download", "notes"}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (!v.isUndefined() && !v.isString())
                return Error(ErrorCode::InvalidArgument, field + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a text"));
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!sourceKeys().contains(it.key()))
                m.warnings.push_back({i, local + QLatin1Char('.') + it.key(), QStringLiteral("unknown-key"), IssueSeverity::Warning,
                                      QStringLiteral("%1.%2: not a key of a source; it is ignored (keys: %3)")
                                          .arg(local, it.key(), sourceKeys().join(QStringLiteral(", ")))});
        }
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
        QStringList unknown, warnings;
        const QString problem = ManifestOptions::check(s.layout, s.options, local + QStringLiteral(".options"), &unknown, &warnings);
        if (!problem.isEmpty()) {
            const qsizetype colon = problem.indexOf(QStringLiteral(": "));
            return Error(ErrorCode::InvalidArgument, path + QStringLiteral(": ") + problem.left(colon), problem.mid(colon + 2));
        }
        for (int w = 0; w < unknown.size(); ++w)
            m.warnings.push_back({i, unknown.at(w), QStringLiteral("unknown-option"), IssueSeverity::Warning, warnings.at(w)});
        m.sources.push_back(std::move(s));
    }
    return m;
}

std::vector<ManifestProblem> Manifest::check() const
{
    std::vector<ManifestProblem> out = warnings;
    for (int i = 0; i < int(sources.size()); ++i) {
        const SourceSpec &s = sources[size_t(i)];
        const QFileInfo root(s.root);
        if (root.isDir())
            continue;
        const QString field = QStringLiteral("sources[%1].root").arg(i);
        out.push_back({i, field, QStringLiteral("root-missing"), IssueSeverity::Error,
                       root.exists() ? QStringLiteral("%1: %2 is a file, not the folder of source %3's download")
                                           .arg(field, s.root, s.code)
                                     : QStringLiteral("%1: the folder %2 of source %3 does not exist; unpack the "
                                                      "download there or correct the root in %4")
                                           .arg(field, s.root, s.code, QFileInfo(path).fileName())});
    }
    std::stable_sort(out.begin(), out.end(), [](const ManifestProblem &a, const ManifestProblem &b) { return a.source < b.source; });
    return out;
}

std::vector<IngestIssue> Manifest::issuesOf(int index) const
{
    std::vector<IngestIssue> out;
    if (index < 0 || index >= int(sources.size()))
        return out;
    const SourceSpec &s = sources[size_t(index)];
    for (const ManifestProblem &p : check()) {
        if (p.source != index)
            continue;
        // A missing root is recorded under the root itself (what the user sees in the problems
        // list); an option under its field.
        out.push_back({s.code, p.kind == QLatin1String("root-missing") ? s.root : p.field, p.severity, p.kind, p.message});
    }
    return out;
}

} // namespace neuroonco
