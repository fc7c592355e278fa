// Canonical form of samples.
#include "core/ingest/Standardiser.h"

#include "core/imaging/ImageHash.h"
#include "core/imaging/ImageIO.h"
#include "core/ingest/SourceAdapter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace neuroonco {

Standardiser::Standardiser(QString slicesDir)
    : m_slicesDir(std::move(slicesDir))
{}

QString Standardiser::folderFor(const QString &sourceCode, const QString &tumourType, Modality modality, bool hasMask)
{
    QString folder = sourceCode;
    if (modality != Modality::Unknown)
        folder += QLatin1Char('_') + modalityName(modality).toLower();
    if (hasMask)
        folder += QStringLiteral("_mask");
    return tumourType + QLatin1Char('/') + folder;
}

QString Standardiser::sampleIdFor(const QString &folder, const QString &name)
{
    return SourceAdapter::sanitiseName(folder + QLatin1Char('_') + name);
}

bool Standardiser::standardise(const QString &sourceCode, LoadedSlice slice, CanonicalSample &sample,
                               std::vector<IngestIssue> &issues) const
{
    const GrayImage &image = slice.image;
    if (image.isEmpty() || std::all_of(image.pixels.begin(), image.pixels.end(),
                                       [&](std::uint8_t v) { return v == image.pixels.front(); })) {
        issues.push_back({sourceCode, slice.origin, IssueSeverity::Error, QStringLiteral("empty-image"),
                          QStringLiteral("the image has a single grey value everywhere; skipped")});
        return false;
    }
    if (slice.mask) {
        const qint64 lesion = std::count(slice.mask->pixels.begin(), slice.mask->pixels.end(), std::uint8_t(255));
        sample.lesionPixels = lesion;
        if (lesion == 0)
            issues.push_back({sourceCode, slice.origin, IssueSeverity::Warning, QStringLiteral("empty-mask"),
                              QStringLiteral("the mask marks no lesion; mask semantics will be empty")});
        else if (lesion == qint64(slice.mask->pixels.size()))
            issues.push_back({sourceCode, slice.origin, IssueSeverity::Warning, QStringLiteral("all-lesion-mask"),
                              QStringLiteral("the mask marks the whole image as lesion")});
    }

    const QString folder = folderFor(sourceCode, slice.tumourType, slice.modality, slice.mask.has_value());
    sample.sampleId = sampleIdFor(folder, slice.name);
    sample.imagePath = folder + QLatin1Char('/') + slice.name + QStringLiteral(".png");
    if (slice.mask)
        sample.maskPath = folder + QStringLiteral("/masks/") + slice.name + QStringLiteral(".png");
    if (slice.subregions)
        sample.labelPath = folder + QStringLiteral("/labels/") + slice.name + QStringLiteral(".png");
    // Unique per origin, so two items that would share a name never overwrite each other's file.
    sample.pendingSuffix = QStringLiteral(".part-") + QString::fromLatin1(
        QCryptographicHash::hash(slice.origin.toUtf8(), QCryptographicHash::Sha1).toHex().left(10));

    const QDir root(m_slicesDir);
    struct Out { QString rel; const GrayImage *image; };
    const Out outs[] = {{sample.imagePath, &slice.image},
                        {sample.maskPath, slice.mask ? &*slice.mask : nullptr},
                        {sample.labelPath, slice.subregions ? &*slice.subregions : nullptr}};
    for (const Out &o : outs) {
        if (o.rel.isEmpty() || !o.image)
            continue;
        const QString path = root.filePath(o.rel) + sample.pendingSuffix;
        if (!QDir().mkpath(QFileInfo(path).path())) {
            issues.push_back({sourceCode, slice.origin, IssueSeverity::Error, QStringLiteral("write-failed"),
                              QStringLiteral("cannot create %1").arg(QFileInfo(path).path())});
            return false;
        }
        if (Error e = imageio::writePng(path, *o.image, 3)) {
            issues.push_back({sourceCode, slice.origin, IssueSeverity::Error, QStringLiteral("write-failed"), errorMessage(e)});
            return false;
        }
    }
    sample.writtenPaths = {sample.imagePath, sample.maskPath, sample.labelPath};
    const imagehash::Fingerprint fp = imagehash::fingerprint(image);
    sample.pixelHash = fp.pixelHash;
    sample.dHash = fp.dHash;
    sample.pHash = fp.pHash;
    sample.fineHash = fp.fine;
    sample.slice = std::move(slice);
    return true;
}

void Standardiser::rename(CanonicalSample &sample, const QString &suffix)
{
    sample.sampleId += suffix;
    for (QString *rel : {&sample.imagePath, &sample.maskPath, &sample.labelPath}) {
        if (!rel->isEmpty())
            rel->insert(rel->size() - 4, suffix); // before ".png"
    }
}

void Standardiser::discardFiles(const QString &slicesDir, const CanonicalSample &sample)
{
    if (sample.pendingSuffix.isEmpty())
        return;
    const QDir root(slicesDir);
    for (const QString &written : sample.writtenPaths)
        if (!written.isEmpty())
            QFile::remove(root.filePath(written) + sample.pendingSuffix);
}

Error Standardiser::commitFiles(const QString &slicesDir, CanonicalSample &sample)
{
    const QDir root(slicesDir);
    const QString *finals[] = {&sample.imagePath, &sample.maskPath, &sample.labelPath};
    for (size_t i = 0; i < 3; ++i) {
        if (finals[i]->isEmpty())
            continue;
        const QString target = root.filePath(*finals[i]);
        const QString pending = root.filePath(sample.writtenPaths[i]) + sample.pendingSuffix;
        if (!QFile::exists(pending))
            continue; // already moved by an earlier, interrupted attempt
        QFile::remove(target);
        if (!QFile::rename(pending, target))
            return Error(ErrorCode::Io, target, QStringLiteral("cannot move the written file into place"));
    }
    sample.pendingSuffix.clear();
    return {};
}

} // namespace neuroonco
