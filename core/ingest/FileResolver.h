// Finds the file a source's annotation or naming rule points at, the way real downloads need
// (DESIGN.md §3.1): first by its path relative to a folder, then by its base name within the
// images folder; extensions compare without case (the JSON says ".jpg", the disk has ".JPG").
// A name that fits two files is reported as ambiguous with both, never guessed. One index is
// built per source from a single folder walk, so look-ups are cheap.
#pragma once

#include "core/ingest/IngestTypes.h"
#include "core/ingest/SourceWalker.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace neuroonco {

class FileResolver
{
public:
    struct Match
    {
        enum class Kind { Found, Missing, Ambiguous };
        Kind kind = Kind::Missing;
        QString relativePath; // to the source root
        QString absolutePath;
        QStringList candidates; // every file that fitted (for Ambiguous)

        bool found() const { return kind == Kind::Found; }
    };

    explicit FileResolver(std::vector<WalkedFile> files);

    // `name` as an annotation writes it ("50 mri brain tumor in jpg format/Y1.jpg", with '\' or
    // '/'): tried below each folder of `bases` (relative to the root, "" for the root), then by
    // its base name among the files below `searchFolder`.
    Match resolve(const QString &name, const QStringList &bases, const QString &searchFolder) const;
    // The file `<dir>/<stem>.<ext>` with `ext` one of `extensions` in any case (all when empty).
    Match sibling(const QString &dir, const QString &stem, const QStringList &extensions = {}) const;

    const std::vector<WalkedFile> &files() const { return m_files; }

    // The error of an ambiguous match: the reference `what` (e.g. "the annotation's file_name
    // 'Y3.jpg'") fits every candidate, all of them named.
    static IngestIssue ambiguity(const QString &sourceCode, const QString &path, const QString &what, const Match &match);

private:
    Match fromIndices(const QList<int> &indices) const;

    std::vector<WalkedFile> m_files;
    QHash<QString, int> m_exact;                // relative path -> file
    QHash<QString, QList<int>> m_byFoldedPath;  // dir/stem.<lower ext> -> files
    QHash<QString, QList<int>> m_byFoldedName;  // stem.<lower ext> -> files
    QHash<QString, QList<int>> m_byStem;        // dir/stem -> files
};

} // namespace neuroonco
