// The manifest describes the source collections to ingest (DESIGN.md §3.1): one entry per
// public dataset with its layout adapter, root folder and layout options. Loading refuses a
// manifest whose fields or options have the wrong type (naming the field and the file); keys
// and options nobody reads are kept as warnings; roots are checked against the disk by check().
#pragma once

#include "core/ingest/IngestTypes.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace neuroonco {

// A problem of a manifest that does not stop it from loading: an unknown key or option
// (warning), a source root that is not a folder (error of that source).
struct ManifestProblem
{
    int source = -1;   // index into Manifest::sources; -1 for the manifest as a whole
    QString field;     // "sources[2].options.mask_sufix", "sources[4].root"
    QString kind;      // unknown-key | unknown-option | root-missing
    IssueSeverity severity = IssueSeverity::Warning;
    QString message;   // begins with the field
};

struct Manifest
{
    QString path;
    QString name;
    std::vector<SourceSpec> sources;
    std::vector<ManifestProblem> warnings; // found while loading

    // The warnings plus one error per source whose root is not an existing folder.
    std::vector<ManifestProblem> check() const;
    // check()'s problems of source `index`, as ingest issues of that source.
    std::vector<IngestIssue> issuesOf(int index) const;

    // Parses and validates; errors name the file and the field ("sources[2].layout").
    static Result<Manifest> load(const QString &path);
    static Result<Manifest> fromJson(const QByteArray &json, const QString &path);
    static QStringList knownLayouts();
};

} // namespace neuroonco
