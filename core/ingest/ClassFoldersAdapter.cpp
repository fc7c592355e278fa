// Kaggle-style classification folders.
#include "core/ingest/ClassFoldersAdapter.h"

#include "core/imaging/ImageIO.h"
#include "core/ingest/SourceWalker.h"

#include <QFileInfo>

namespace neuroonco {

QString ClassFoldersAdapter::layout() const
{
    return QStringLiteral("class-folders");
}

std::vector<SourceItem> ClassFoldersAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    const QHash<QString, QString> synonyms = classSynonyms(source);
    SourceWalker walker(source.code, source.root);
    std::vector<SourceItem> items;
    for (const WalkedFile &f : walker.files(QString(), issues)) {
        if (isExcluded(source, f.relativePath))
            continue; // a folder the manifest says not to read ("pred", CT images, …)
        if (!imageio::hasImageExtension(f.relativePath)) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                              QStringLiteral("not an image file; skipped")});
            continue;
        }
        QString label;
        const QString type = typeFromFolders(f.relativePath, synonyms, &label);
        if (type.isEmpty()) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Error, QStringLiteral("unknown-class"),
                              QStringLiteral("no folder on its path names a known tumour class; add one to "
                                             "class_synonyms in the manifest")});
            continue;
        }
        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        item.classLabel = label;
        item.tumourType = type;
        item.modality = modalityFor(source, f.relativePath, &item.modalityEvidence);
        // The name keeps every folder but the class one (Training/Testing splits reuse names).
        QStringList parts = f.relativePath.split(QLatin1Char('/'));
        parts.removeOne(label);
        item.name = sanitiseName(QFileInfo(parts.join(QLatin1Char('/'))).path() + QLatin1Char('/')
                                 + QFileInfo(f.relativePath).completeBaseName());
        items.push_back(std::move(item));
    }
    return items;
}

void ClassFoldersAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &,
                               std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    LoadedSlice slice;
    if (!loadImageFile(source, item.imagePath, item.key, slice, issues))
        return;
    slice.origin = item.key;
    slice.name = item.name;
    slice.tumourType = item.tumourType;
    slice.tumourLabel = item.classLabel;
    slice.modality = item.modality;
    slice.modalityEvidence = item.modalityEvidence;
    slice.patientKey = patientFromName(source, item.key);
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
