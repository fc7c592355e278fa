// Image + mask pairs matched by stem, in one folder pair or in split folders (train/images + train/masks).
#include "core/ingest/ImageMaskPairsAdapter.h"

#include "core/imaging/ImageIO.h"
#include "core/ingest/FileResolver.h"
#include "core/ingest/SourceWalker.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace neuroonco {

namespace {

const QStringList &maskExtensions()
{
    static const QStringList e{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("bmp"),
                               QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("gif")};
    return e;
}

QStringList maskSuffixes(const SourceSpec &source)
{
    const QJsonValue v = source.options.value(QStringLiteral("mask_suffix"));
    if (v.isString())
        return {v.toString()};
    if (v.isArray()) {
        QStringList list;
        for (const QJsonValue &e : v.toArray())
            list << e.toString();
        return list;
    }
    return {QStringLiteral("_mask"), QStringLiteral("-mask"), QStringLiteral("_seg"), QStringLiteral("_label"), QString()};
}

bool looksLikeMask(const QString &stem, const QStringList &suffixes)
{
    for (const QString &s : suffixes) {
        if (!s.isEmpty() && stem.endsWith(s, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString join(const QStringList &parts)
{
    QStringList nonEmpty;
    for (const QString &p : parts)
        if (!p.isEmpty())
            nonEmpty << p;
    return nonEmpty.join(QLatin1Char('/'));
}

// Where a source keeps images and masks. Either two folders below the root, or two folder names
// that occur inside split folders (BRISC: train/images + train/masks, test/images + test/masks).
struct Folders
{
    QString images;      // below the root ("" = the root), or a folder name when byName
    QString masks;       // likewise; "" = next to the images
    bool byName = false;
};

Folders foldersFor(const SourceSpec &source, const std::vector<WalkedFile> &files)
{
    const QDir root(source.root);
    const QString imagesOption = source.options.value(QStringLiteral("images_dir")).toString();
    const QString masksOption = source.options.value(QStringLiteral("masks_dir")).toString();
    auto anyFolderNamed = [&](const QString &name) {
        for (const WalkedFile &f : files)
            if (f.relativePath.split(QLatin1Char('/')).mid(0, f.relativePath.count(QLatin1Char('/'))).contains(name, Qt::CaseInsensitive))
                return true;
        return false;
    };
    Folders out;
    if (!imagesOption.isEmpty()) {
        out.images = QDir::cleanPath(imagesOption);
        out.byName = !QFileInfo(root.filePath(out.images)).isDir() && !out.images.contains(QLatin1Char('/'));
    } else if (QFileInfo(root.filePath(QStringLiteral("images"))).isDir()) {
        out.images = QStringLiteral("images");
    } else if (anyFolderNamed(QStringLiteral("images"))) {
        out.images = QStringLiteral("images");
        out.byName = true;
    }
    if (!masksOption.isEmpty())
        out.masks = QDir::cleanPath(masksOption);
    else if (out.byName || QFileInfo(root.filePath(QStringLiteral("masks"))).isDir())
        out.masks = QStringLiteral("masks");
    return out;
}

} // namespace

QString ImageMaskPairsAdapter::layout() const
{
    return QStringLiteral("image-mask-pairs");
}

std::vector<SourceItem> ImageMaskPairsAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    const QHash<QString, QString> synonyms = classSynonyms(source);
    const QStringList suffixes = maskSuffixes(source);
    const QString fixedType = source.options.value(QStringLiteral("tumour_type")).toString();
    const QString patternText = source.options.value(QStringLiteral("mask_pattern")).toString();
    const QRegularExpression maskPattern(patternText);
    SourceWalker walker(source.code, source.root);
    const FileResolver files(walker.files(QString(), issues));
    const Folders folders = foldersFor(source, files.files());
    if (!folders.byName && !folders.images.isEmpty() && !QFileInfo(QDir(source.root).filePath(folders.images)).isDir()) {
        issues.push_back({source.code, folders.images, IssueSeverity::Error, QStringLiteral("folder-missing"),
                          QStringLiteral("options.images_dir '%1' is not a folder below the source root %2; no image "
                                         "can be read").arg(folders.images, source.root)});
        return {};
    }

    // Masks named by a pattern ("mask (12).png" for "12.png"): folder/image stem -> mask files.
    QHash<QString, QList<int>> patternMasks;
    if (!patternText.isEmpty()) {
        for (int i = 0; i < int(files.files().size()); ++i) {
            const QString &rel = files.files()[size_t(i)].relativePath;
            const QRegularExpressionMatch m = maskPattern.match(QFileInfo(rel).completeBaseName());
            if (m.hasMatch())
                patternMasks[join({QFileInfo(rel).path() == QLatin1String(".") ? QString() : QFileInfo(rel).path(), m.captured(1)})].append(i);
        }
    }

    std::vector<SourceItem> items;
    for (const WalkedFile &f : files.files()) {
        if (isExcluded(source, f.relativePath))
            continue;
        QStringList dirs = f.relativePath.split(QLatin1Char('/'));
        const QString fileName = dirs.takeLast();
        const QString ownFolder = dirs.join(QLatin1Char('/'));
        // Which images folder holds the file, what lies between it and the file, and where
        // the mask would be.
        QString prefix, sub;
        QStringList maskDirs;
        if (folders.byName) {
            qsizetype at = -1;
            for (qsizetype k = dirs.size() - 1; k >= 0 && at < 0; --k)
                if (dirs.at(k).compare(folders.images, Qt::CaseInsensitive) == 0)
                    at = k;
            if (at < 0 || dirs.contains(folders.masks, Qt::CaseInsensitive))
                continue; // outside every images folder, or a mask
            prefix = QStringList(dirs.mid(0, at)).join(QLatin1Char('/'));
            sub = QStringList(dirs.mid(at + 1)).join(QLatin1Char('/'));
            maskDirs << join({prefix, folders.masks, sub}) << join({prefix, folders.masks});
        } else {
            if (!folders.images.isEmpty() && !f.relativePath.startsWith(folders.images + QLatin1Char('/')))
                continue;
            if (!folders.masks.isEmpty() && folders.masks != folders.images
                && f.relativePath.startsWith(folders.masks + QLatin1Char('/')))
                continue;
            sub = folders.images.isEmpty() ? ownFolder : ownFolder.mid(folders.images.size() + 1);
            if (!folders.masks.isEmpty() && folders.masks != folders.images)
                maskDirs << join({folders.masks, sub}) << folders.masks;
        }
        if (!imageio::hasImageExtension(f.relativePath)) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                              QStringLiteral("not an image file; skipped")});
            continue;
        }
        const QString stem = QFileInfo(fileName).completeBaseName();
        if (!patternText.isEmpty() && maskPattern.match(stem).hasMatch())
            continue; // a mask named by the pattern
        if (maskDirs.isEmpty() && looksLikeMask(stem, suffixes))
            continue; // a mask lying next to its image
        maskDirs << ownFolder;
        maskDirs.removeDuplicates();

        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        QString label;
        item.tumourType = typeFromFolders(f.relativePath, synonyms, &label);
        item.classLabel = label;
        if (item.tumourType.isEmpty()) {
            item.tumourType = typeFromNameTokens(source, fileName);
            item.classLabel = QStringLiteral("(file name)");
        }
        if (item.tumourType.isEmpty()) {
            item.tumourType = fixedType.isEmpty() ? QStringLiteral("tumor") : fixedType;
            item.classLabel = fixedType.isEmpty() ? QStringLiteral("(no class folder)") : QStringLiteral("(manifest)");
        }
        item.modality = modalityFor(source, f.relativePath, &item.modalityEvidence);
        item.name = sanitiseName(join({prefix, sub, stem}));
        if (!label.isEmpty())
            item.name.remove(QRegularExpression(QStringLiteral("^(") + QRegularExpression::escape(label) + QStringLiteral(")_")));

        // The mask: by the pattern, else by name + suffix, in the mask folders then beside.
        FileResolver::Match mask;
        if (!patternText.isEmpty()) {
            for (const QString &dir : std::as_const(maskDirs)) {
                const QList<int> hits = patternMasks.value(join({dir, stem}));
                if (hits.isEmpty())
                    continue;
                mask.kind = hits.size() == 1 ? FileResolver::Match::Kind::Found : FileResolver::Match::Kind::Ambiguous;
                for (int i : hits)
                    mask.candidates << files.files()[size_t(i)].relativePath;
                mask.absolutePath = files.files()[size_t(hits.front())].absolutePath;
                break;
            }
        } else {
            for (const QString &suffix : suffixes) {
                for (const QString &dir : std::as_const(maskDirs)) {
                    if (suffix.isEmpty() && dir == ownFolder)
                        continue; // the image itself
                    mask = files.sibling(dir, stem + suffix, maskExtensions());
                    if (mask.kind != FileResolver::Match::Kind::Missing)
                        break;
                }
                if (mask.kind != FileResolver::Match::Kind::Missing)
                    break;
            }
        }
        if (mask.kind == FileResolver::Match::Kind::Ambiguous) {
            issues.push_back(FileResolver::ambiguity(source.code, f.relativePath,
                                                     QStringLiteral("the mask name for %1").arg(fileName), mask));
            continue;
        }
        item.maskPath = mask.absolutePath;
        if (item.maskPath.isEmpty() && item.tumourType != QLatin1String("healthy")) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("mask-missing"),
                              QStringLiteral("no mask found for this image; it is kept without one")});
        }
        items.push_back(std::move(item));
    }
    return items;
}

void ImageMaskPairsAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &,
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
    if (!item.maskPath.isEmpty())
        loadMaskFile(source, item.maskPath, item.key, slice, issues);
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
