// Image + mask pairs matched by stem.
#include "ingest/ImageMaskPairsAdapter.h"

#include "imaging/ImageIO.h"
#include "ingest/SourceWalker.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace neuroonco {

namespace {

QStringList maskSuffixes(const SourceSpec &source)
{
    const QJsonValue v = source.options.value(QStringLiteral("mask_suffix"));
    if (v.isString())
        return {v.toString()};
    return {QStringLiteral("_mask"), QStringLiteral("-mask"), QStringLiteral("_seg"), QStringLiteral("_label"), QString()};
}

QString existingDir(const SourceSpec &source, const char *option, const QString &fallback)
{
    const QString configured = source.options.value(QString::fromLatin1(option)).toString();
    if (!configured.isEmpty())
        return configured;
    return QFileInfo(QDir(source.root).filePath(fallback)).isDir() ? fallback : QString();
}

bool looksLikeMask(const QString &stem, const QStringList &suffixes)
{
    for (const QString &s : suffixes) {
        if (!s.isEmpty() && stem.endsWith(s, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QString ImageMaskPairsAdapter::layout() const
{
    return QStringLiteral("image-mask-pairs");
}

std::vector<SourceItem> ImageMaskPairsAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    const QHash<QString, QString> synonyms = classSynonyms(source);
    const QString imagesDir = existingDir(source, "images_dir", QStringLiteral("images"));
    const QString masksDir = existingDir(source, "masks_dir", QStringLiteral("masks"));
    const QStringList suffixes = maskSuffixes(source);
    const QString fixedType = source.options.value(QStringLiteral("tumour_type")).toString();
    const QStringList extensions{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                 QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff")};
    SourceWalker walker(source.code, source.root);
    const QDir root(source.root);

    std::vector<SourceItem> items;
    for (const WalkedFile &f : walker.files(imagesDir, issues)) {
        if (!masksDir.isEmpty() && masksDir != imagesDir && f.relativePath.startsWith(masksDir + QLatin1Char('/')))
            continue;
        if (!imageio::hasImageExtension(f.relativePath)) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                              QStringLiteral("not an image file; skipped")});
            continue;
        }
        const QFileInfo info(f.relativePath);
        const QString stem = info.completeBaseName();
        if ((masksDir.isEmpty() || masksDir == imagesDir) && looksLikeMask(stem, suffixes))
            continue; // a mask lying next to its image
        // Sub-folders below the images folder ("glioma/") are kept when looking for the mask.
        QString sub = QDir(imagesDir.isEmpty() ? source.root : root.filePath(imagesDir)).relativeFilePath(f.absolutePath);
        sub = QFileInfo(sub).path();
        if (sub == QLatin1String("."))
            sub.clear();

        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        QString label;
        item.tumourType = typeFromFolders(f.relativePath, synonyms, &label);
        item.classLabel = label;
        if (item.tumourType.isEmpty()) {
            item.tumourType = fixedType.isEmpty() ? QStringLiteral("tumor") : fixedType;
            item.classLabel = fixedType.isEmpty() ? QStringLiteral("(no class folder)") : QStringLiteral("(manifest)");
        }
        item.modality = modalityFor(source, f.relativePath, &item.modalityEvidence);
        item.name = sanitiseName((sub.isEmpty() ? QString() : sub + QLatin1Char('/')) + stem);
        item.name.remove(QRegularExpression(QStringLiteral("^(") + QRegularExpression::escape(label) + QStringLiteral(")_")));

        const QString maskBase = masksDir.isEmpty() ? imagesDir : masksDir;
        for (const QString &suffix : suffixes) {
            if (!item.maskPath.isEmpty())
                break;
            if (suffix.isEmpty() && maskBase == imagesDir)
                continue; // the image itself
            for (const QString &ext : extensions) {
                const QString candidates[] = {
                    QDir::cleanPath(maskBase + QLatin1Char('/') + sub + QLatin1Char('/') + stem + suffix + QLatin1Char('.') + ext),
                    QDir::cleanPath(maskBase + QLatin1Char('/') + stem + suffix + QLatin1Char('.') + ext),
                };
                for (const QString &rel : candidates) {
                    const QString abs = root.filePath(rel);
                    if (QFileInfo(abs).isFile()) {
                        std::vector<IngestIssue> escape;
                        if (!walker.resolveInside(rel, escape).isEmpty())
                            item.maskPath = abs;
                        break;
                    }
                }
                if (!item.maskPath.isEmpty())
                    break;
            }
        }
        if (item.maskPath.isEmpty() && item.tumourType != QLatin1String("healthy")) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("mask-missing"),
                              QStringLiteral("no mask found for this image; it is kept without one")});
        }
        items.push_back(std::move(item));
    }
    return items;
}

void ImageMaskPairsAdapter::load(const SourceSpec &source, const SourceItem &item, const IngestContext &,
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
