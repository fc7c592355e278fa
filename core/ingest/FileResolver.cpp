// Name resolution within a walked source.
#include "core/ingest/FileResolver.h"

#include <QDir>
#include <QFileInfo>

namespace neuroonco {

namespace {

// "dir/Stem.JPG" -> "dir/Stem.jpg": only the extension loses its case.
QString foldExtension(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot <= slash + 1)
        return path;
    return path.left(dot) + path.mid(dot).toLower();
}

QString stemKey(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    return dot <= slash + 1 ? path : path.left(dot);
}

QString joined(const QString &dir, const QString &name)
{
    const QString p = QDir::cleanPath(dir.isEmpty() ? name : dir + QLatin1Char('/') + name);
    return p == QLatin1String(".") ? QString() : p;
}

bool isBelow(const QString &relativePath, const QString &folder)
{
    return folder.isEmpty() || relativePath.startsWith(folder + QLatin1Char('/'));
}

} // namespace

FileResolver::FileResolver(std::vector<WalkedFile> files)
    : m_files(std::move(files))
{
    for (int i = 0; i < int(m_files.size()); ++i) {
        const QString &rel = m_files[size_t(i)].relativePath;
        m_exact.insert(rel, i);
        m_byFoldedPath[foldExtension(rel)].append(i);
        m_byFoldedName[foldExtension(rel.section(QLatin1Char('/'), -1))].append(i);
        m_byStem[stemKey(rel)].append(i);
    }
}

FileResolver::Match FileResolver::fromIndices(const QList<int> &indices) const
{
    Match m;
    if (indices.isEmpty())
        return m;
    for (int i : indices)
        m.candidates << m_files[size_t(i)].relativePath;
    m.candidates.sort();
    if (indices.size() > 1) {
        m.kind = Match::Kind::Ambiguous;
        return m;
    }
    m.kind = Match::Kind::Found;
    m.relativePath = m_files[size_t(indices.front())].relativePath;
    m.absolutePath = m_files[size_t(indices.front())].absolutePath;
    return m;
}

FileResolver::Match FileResolver::resolve(const QString &name, const QStringList &bases, const QString &searchFolder) const
{
    QString clean = name.trimmed();
    clean.replace(QLatin1Char('\\'), QLatin1Char('/'));
    while (clean.startsWith(QStringLiteral("./")))
        clean.remove(0, 2);
    // An absolute path or one that climbs out is matched by its base name only.
    const bool relative = !clean.startsWith(QLatin1Char('/')) && !clean.split(QLatin1Char('/')).contains(QStringLiteral(".."));
    if (relative) {
        for (const QString &base : bases) {
            const QString candidate = joined(base, clean);
            if (auto it = m_exact.find(candidate); it != m_exact.end())
                return fromIndices({it.value()});
            const QList<int> folded = m_byFoldedPath.value(foldExtension(candidate));
            if (!folded.isEmpty())
                return fromIndices(folded);
        }
    }
    const QString fileName = clean.section(QLatin1Char('/'), -1);
    QList<int> byName;
    for (int i : m_byFoldedName.value(foldExtension(fileName)))
        if (isBelow(m_files[size_t(i)].relativePath, searchFolder))
            byName.append(i);
    // Y1.jpg beside Y1.JPG: the spelling the annotation used wins over its case variant.
    if (byName.size() > 1) {
        QList<int> exact;
        for (int i : byName)
            if (m_files[size_t(i)].relativePath.section(QLatin1Char('/'), -1) == fileName)
                exact.append(i);
        if (exact.size() == 1)
            return fromIndices(exact);
    }
    return fromIndices(byName);
}

FileResolver::Match FileResolver::sibling(const QString &dir, const QString &stem, const QStringList &extensions) const
{
    QList<int> hits;
    for (int i : m_byStem.value(joined(dir, stem))) {
        const QString suffix = QFileInfo(m_files[size_t(i)].relativePath).suffix().toLower();
        if (extensions.isEmpty() || extensions.contains(suffix))
            hits.append(i);
    }
    return fromIndices(hits);
}

IngestIssue FileResolver::ambiguity(const QString &sourceCode, const QString &path, const QString &what, const Match &match)
{
    return {sourceCode, path, IssueSeverity::Error, QStringLiteral("ambiguous-name"),
            QStringLiteral("%1 fits %2 files: %3; which one is meant cannot be told, so none is used (rename or "
                           "remove the others, or give the full path)")
                .arg(what)
                .arg(match.candidates.size())
                .arg(match.candidates.join(QStringLiteral(", ")))};
}

} // namespace neuroonco
