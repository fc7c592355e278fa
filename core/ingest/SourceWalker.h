// Walks a source folder safely: sorted and deterministic, hidden files skipped, symlinks that
// escape the source root or loop back are reported instead of followed.
#pragma once

#include "core/ingest/IngestTypes.h"

#include <QString>

#include <vector>

namespace neuroonco {

struct WalkedFile
{
    QString absolutePath;
    QString relativePath; // to the source root, '/'-separated
};

class SourceWalker
{
public:
    SourceWalker(QString sourceCode, QString root);

    // Files below `subdir` (relative to the root; empty for the root itself).
    std::vector<WalkedFile> files(const QString &subdir, std::vector<IngestIssue> &issues) const;
    // Immediate sub-folders of `subdir` (for layouts with one folder per case).
    std::vector<WalkedFile> folders(const QString &subdir, std::vector<IngestIssue> &issues) const;

    // Resolves `relative` against the root and refuses anything that leaves it ("../", links).
    // Returns an empty string and adds an issue when the path escapes.
    QString resolveInside(const QString &relative, std::vector<IngestIssue> &issues) const;
    const QString &root() const { return m_root; }

private:
    bool isInsideRoot(const QString &canonicalPath) const;

    QString m_code;
    QString m_root;
    QString m_canonicalRoot;
};

} // namespace neuroonco
