// Recursive folder walk with loop and escape detection.
#include "core/ingest/SourceWalker.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace neuroonco {

SourceWalker::SourceWalker(QString sourceCode, QString root)
    : m_code(std::move(sourceCode))
    , m_root(QDir::cleanPath(root))
    , m_canonicalRoot(QFileInfo(m_root).canonicalFilePath())
{}

bool SourceWalker::isInsideRoot(const QString &canonicalPath) const
{
    return !m_canonicalRoot.isEmpty()
           && (canonicalPath == m_canonicalRoot || canonicalPath.startsWith(m_canonicalRoot + QLatin1Char('/')));
}

QString SourceWalker::resolveInside(const QString &relative, std::vector<IngestIssue> &issues) const
{
    const QString joined = QDir::cleanPath(m_root + QLatin1Char('/') + relative);
    const QFileInfo info(joined);
    const QString canonical = info.exists() ? info.canonicalFilePath() : joined;
    if (!(joined == m_root || joined.startsWith(m_root + QLatin1Char('/'))) || (info.exists() && !isInsideRoot(canonical))) {
        issues.push_back({m_code, relative, IssueSeverity::Error, QStringLiteral("path-escape"),
                          QStringLiteral("the path leads outside the source folder; it is not followed")});
        return {};
    }
    return joined;
}

std::vector<WalkedFile> SourceWalker::folders(const QString &subdir, std::vector<IngestIssue> &issues) const
{
    std::vector<WalkedFile> out;
    const QString base = resolveInside(subdir, issues);
    if (base.isEmpty())
        return out;
    const QFileInfoList entries = QDir(base).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &e : entries) {
        const QString rel = QDir(m_root).relativeFilePath(e.absoluteFilePath());
        if (e.isSymLink() && !isInsideRoot(e.canonicalFilePath())) {
            issues.push_back({m_code, rel, IssueSeverity::Error, QStringLiteral("path-escape"),
                              QStringLiteral("a link pointing outside the source folder; it is not followed")});
            continue;
        }
        out.push_back({e.absoluteFilePath(), rel});
    }
    return out;
}

std::vector<WalkedFile> SourceWalker::files(const QString &subdir, std::vector<IngestIssue> &issues) const
{
    std::vector<WalkedFile> out;
    const QString start = resolveInside(subdir, issues);
    if (start.isEmpty())
        return out;
    QSet<QString> visited;
    std::vector<QString> stack{start};
    while (!stack.empty()) {
        const QString dir = stack.back();
        stack.pop_back();
        const QString canonicalDir = QFileInfo(dir).canonicalFilePath();
        if (visited.contains(canonicalDir))
            continue;
        visited.insert(canonicalDir);
        const QFileInfoList entries = QDir(dir).entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name | QDir::DirsLast);
        std::vector<QString> subdirs;
        for (const QFileInfo &e : entries) {
            if (e.fileName().startsWith(QLatin1Char('.')))
                continue;
            const QString rel = QDir(m_root).relativeFilePath(e.absoluteFilePath());
            if (e.isSymLink()) {
                const QString target = e.canonicalFilePath();
                if (target.isEmpty()) {
                    issues.push_back({m_code, rel, IssueSeverity::Error, QStringLiteral("broken-link"),
                                      QStringLiteral("a link whose target does not exist")});
                    continue;
                }
                if (!isInsideRoot(target)) {
                    issues.push_back({m_code, rel, IssueSeverity::Error, QStringLiteral("path-escape"),
                                      QStringLiteral("a link pointing outside the source folder; it is not followed")});
                    continue;
                }
                if (e.isDir() && (visited.contains(target) || canonicalDir.startsWith(target + QLatin1Char('/'))
                                  || canonicalDir == target)) {
                    issues.push_back({m_code, rel, IssueSeverity::Warning, QStringLiteral("symlink-loop"),
                                      QStringLiteral("a link back to a folder already walked; it is not followed")});
                    continue;
                }
            }
            if (e.isDir())
                subdirs.push_back(e.absoluteFilePath());
            else if (e.isFile())
                out.push_back({e.absoluteFilePath(), rel});
        }
        // Depth-first in name order: push in reverse so the first name is walked first.
        for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it)
            stack.push_back(*it);
    }
    std::sort(out.begin(), out.end(), [](const WalkedFile &a, const WalkedFile &b) { return a.relativePath < b.relativePath; });
    return out;
}

} // namespace neuroonco
