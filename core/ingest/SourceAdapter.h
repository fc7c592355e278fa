// A source adapter knows one layout of public dataset (DESIGN.md §3.1): it lists the items of a
// source and decodes each into slices. Adapters are stateless and thread-safe: load() runs in
// parallel on worker threads. Names that annotation files or naming rules point at are found
// with FileResolver (relative path, then base name, extensions in any case).
#pragma once

#include "core/imaging/ReadLimits.h"
#include "core/ingest/IngestTypes.h"
#include "core/ingest/Manifest.h"

#include <QHash>

#include <memory>
#include <vector>

namespace neuroonco {

struct IngestContext
{
    QByteArray patientSalt; // project-specific salt for pseudonymous patient keys
};

class SourceAdapter
{
public:
    virtual ~SourceAdapter() = default;
    virtual QString layout() const = 0;
    // Items of the source in a stable order; files that cannot become items are issues.
    virtual std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const = 0;
    // Decodes one item (loadItem() of the layout) and gives each new slice its published-style
    // path. Problems go to `issues`; a failed item simply adds no slice.
    void load(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
              std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const;

    static std::unique_ptr<SourceAdapter> create(const QString &layout);

    // Shared helpers for adapters.
    static QHash<QString, QString> classSynonyms(const SourceSpec &source);
    // Canonical type from the nearest folder of `relativePath` that names a class.
    static QString typeFromFolders(const QString &relativePath, const QHash<QString, QString> &synonyms,
                                   QString *label = nullptr);
    // Modality from the relative path, else the source's "modality" option.
    static Modality modalityFor(const SourceSpec &source, const QString &text, QString *evidence);
    // A file name made of letters, digits, '-', '_' and '.' only.
    static QString sanitiseName(const QString &text);
    // The read caps of a source: its max_image_pixels, max_volume_voxels and max_file_bytes
    // options, else ReadLimits' defaults.
    static ReadLimits readLimits(const SourceSpec &source);
    // Decodes an image file into a slice (image only); false and an issue when it fails.
    static bool loadImageFile(const SourceSpec &source, const QString &path, const QString &relative,
                              LoadedSlice &slice, std::vector<IngestIssue> &issues);
    // Decodes and binarises a mask file; a missing, unreadable or differently sized mask is a
    // warning and leaves the slice without a mask.
    static void loadMaskFile(const SourceSpec &source, const QString &path, const QString &relative,
                             LoadedSlice &slice, std::vector<IngestIssue> &issues);
    static QString patientFromName(const SourceSpec &source, const QString &text);
    static IngestIssue issueFromError(const SourceSpec &source, const QString &relative, const Error &error);
    // True when a folder on `relativePath` is one of the source's `exclude` names.
    static bool isExcluded(const SourceSpec &source, const QString &relativePath);
    // Canonical type from the tokens of a file name ("brisc2025_test_00957_pi_sa_t1" -> "pi"),
    // through the source's `type_tokens`; empty when none is listed there.
    static QString typeFromNameTokens(const SourceSpec &source, const QString &fileName);
    // Published-style paths for slices[first…] of `item` (PublishedPath); when several slices of
    // the item would share one path, the one with the largest lesion keeps it.
    static void assignPublishedPaths(const SourceSpec &source, const SourceItem &item, std::vector<LoadedSlice> &slices,
                                     size_t first);

protected:
    virtual void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                          std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const = 0;
};

} // namespace neuroonco
