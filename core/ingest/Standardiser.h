// Turns decoded slices into canonical samples (DESIGN.md §3.2): 8-bit greyscale PNG, mask 0/255
// at the image's size, canonical paths under slices/, hashes. Files are written under a
// temporary suffix; the ingest stage renames them when it commits the sample.
#pragma once

#include "core/ingest/IngestTypes.h"
#include "core/util/Error.h"

#include <QString>

namespace neuroonco {

class Standardiser
{
public:
    explicit Standardiser(QString slicesDir);

    // Checks the slice (empty images are refused), writes its files and fills the sample.
    // Returns false with an issue for slices that cannot become samples.
    bool standardise(const QString &sourceCode, LoadedSlice slice, CanonicalSample &sample,
                     std::vector<IngestIssue> &issues) const;

    // Folder below slices/ for a sample: <type>/<source>[_<modality>][_mask].
    static QString folderFor(const QString &sourceCode, const QString &tumourType, Modality modality, bool hasMask);
    static QString sampleIdFor(const QString &folder, const QString &name);

    // Moves the sample's pending files to their final paths (which the stage may have changed
    // to keep names unique).
    static Error commitFiles(const QString &slicesDir, CanonicalSample &sample);
    // Removes the pending files of a sample that will not be committed.
    static void discardFiles(const QString &slicesDir, const CanonicalSample &sample);
    // Gives the sample a unique name by appending `suffix` to its id and file names.
    static void rename(CanonicalSample &sample, const QString &suffix);

private:
    QString m_slicesDir;
};

} // namespace neuroonco
