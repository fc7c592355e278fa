// Adapter factory and the helpers adapters share.
#include "core/ingest/SourceAdapter.h"

#include "core/imaging/ImageHash.h"
#include "core/imaging/ImageIO.h"
#include "core/ingest/ClassFoldersAdapter.h"
#include "core/ingest/CocoAdapter.h"
#include "core/ingest/DicomAdapter.h"
#include "core/ingest/FigshareMatAdapter.h"
#include "core/ingest/ImageMaskPairsAdapter.h"
#include "core/ingest/NiftiVolumesAdapter.h"
#include "core/ingest/PublishedPath.h"
#include "core/ingest/YoloSegAdapter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace neuroonco {

SampleRecord sampleRecord(const CanonicalSample &s, const QString &sourceCode)
{
    const LoadedSlice &l = s.slice;
    SampleRecord r;
    r.sampleId = s.sampleId;
    r.sourceCode = sourceCode;
    r.origin = l.origin;
    r.tumourType = l.tumourType;
    r.tumourLabel = l.tumourLabel;
    r.modality = modalityName(l.modality);
    r.modalityEvidence = l.modalityEvidence;
    r.imagePath = s.imagePath;
    r.maskPath = s.maskPath;
    r.labelPath = s.labelPath;
    r.width = l.image.width;
    r.height = l.image.height;
    r.originalChannels = l.originalChannels;
    r.originalBits = l.originalBits;
    r.originalFormat = l.originalFormat;
    r.lesionPixels = s.lesionPixels;
    r.pixelHash = s.pixelHash;
    r.dHash = s.dHash;
    r.pHash = s.pHash;
    r.fineHash = imagehash::toHex(s.fineHash);
    r.patientKey = l.patientKey;
    r.volumePath = l.volumePath;
    r.volumeIndex = l.volumeIndex;
    r.publishedPath = l.publishedPath;
    return r;
}

std::unique_ptr<SourceAdapter> SourceAdapter::create(const QString &layout)
{
    if (layout == QLatin1String("class-folders"))
        return std::make_unique<ClassFoldersAdapter>();
    if (layout == QLatin1String("image-mask-pairs"))
        return std::make_unique<ImageMaskPairsAdapter>();
    if (layout == QLatin1String("yolo-seg"))
        return std::make_unique<YoloSegAdapter>();
    if (layout == QLatin1String("coco"))
        return std::make_unique<CocoAdapter>();
    if (layout == QLatin1String("nifti-volumes"))
        return std::make_unique<NiftiVolumesAdapter>();
    if (layout == QLatin1String("figshare-mat"))
        return std::make_unique<FigshareMatAdapter>();
    if (layout == QLatin1String("dicom"))
        return std::make_unique<DicomAdapter>();
    return nullptr;
}

void SourceAdapter::load(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                         std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    const size_t first = slices.size();
    loadItem(source, item, context, slices, issues);
    assignPublishedPaths(source, item, slices, first);
}

void SourceAdapter::assignPublishedPaths(const SourceSpec &source, const SourceItem &item, std::vector<LoadedSlice> &slices,
                                         size_t first)
{
    const QString pattern = source.options.value(QStringLiteral("published_path")).toString(PublishedPath::defaultTemplate());
    QHash<QString, size_t> holder; // path -> slice that keeps it
    auto lesion = [](const LoadedSlice &s) -> qint64 {
        return s.mask ? qint64(std::count(s.mask->pixels.begin(), s.mask->pixels.end(), std::uint8_t(255))) : -1;
    };
    for (size_t i = first; i < slices.size(); ++i) {
        LoadedSlice &s = slices[i];
        // The file the slice came from: the volume of a volume slice, else the item's file.
        const QString sourceFile = s.volumePath.isEmpty() ? item.key : s.volumePath;
        PublishedPath::Fields f;
        f.type = s.tumourType;
        f.code = source.code;
        f.sequence = s.modality == Modality::Unknown ? QString() : modalityName(s.modality).toLower();
        f.mask = s.mask.has_value();
        f.file = sourceFile.section(QLatin1Char('/'), -1);
        f.stem = PublishedPath::stemOf(f.file);
        f.caseName = s.volumePath.isEmpty() ? sourceFile.section(QLatin1Char('/'), -2, -2) : item.key.section(QLatin1Char('/'), -1);
        s.publishedPath = PublishedPath::format(pattern, f);
        auto it = holder.find(s.publishedPath);
        if (it == holder.end()) {
            holder.insert(s.publishedPath, i);
            continue;
        }
        LoadedSlice &other = slices[it.value()];
        if (lesion(s) > lesion(other)) {
            other.publishedPath.clear();
            it.value() = i;
        } else {
            s.publishedPath.clear();
        }
    }
}

bool SourceAdapter::isExcluded(const SourceSpec &source, const QString &relativePath)
{
    const QJsonArray names = source.options.value(QStringLiteral("exclude")).toArray();
    if (names.isEmpty())
        return false;
    QStringList folders = relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!folders.isEmpty())
        folders.removeLast();
    for (const QString &folder : folders) {
        const QString token = Vocabulary::normaliseToken(folder);
        for (const QJsonValue &v : names) {
            const QString name = Vocabulary::normaliseToken(v.toString());
            if (!name.isEmpty() && (token == name || token.startsWith(name + QLatin1Char('_'))))
                return true;
        }
    }
    return false;
}

QString SourceAdapter::typeFromNameTokens(const SourceSpec &source, const QString &fileName)
{
    const QJsonObject tokens = source.options.value(QStringLiteral("type_tokens")).toObject();
    if (tokens.isEmpty())
        return {};
    QHash<QString, QString> byToken;
    for (auto it = tokens.begin(); it != tokens.end(); ++it)
        byToken.insert(it.key().toLower(), it.value().toString());
    static const QRegularExpression separators(QStringLiteral("[_\\-\\s.]+"));
    for (const QString &part : PublishedPath::stemOf(fileName).toLower().split(separators, Qt::SkipEmptyParts)) {
        if (auto it = byToken.find(part); it != byToken.end())
            return it.value();
    }
    return {};
}

QHash<QString, QString> SourceAdapter::classSynonyms(const SourceSpec &source)
{
    QHash<QString, QString> out;
    const QJsonObject map = source.options.value(QStringLiteral("class_synonyms")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        out.insert(Vocabulary::normaliseToken(it.key()), it.value().toString());
    return out;
}

QString SourceAdapter::typeFromFolders(const QString &relativePath, const QHash<QString, QString> &synonyms, QString *label)
{
    QStringList parts = relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!parts.isEmpty())
        parts.removeLast(); // the file itself
    for (auto it = parts.crbegin(); it != parts.crend(); ++it) {
        const QString type = Vocabulary::instance().tumourTypeFor(*it, synonyms);
        if (!type.isEmpty()) {
            if (label)
                *label = *it;
            return type;
        }
    }
    return {};
}

Modality SourceAdapter::modalityFor(const SourceSpec &source, const QString &text, QString *evidence)
{
    QString token;
    const Modality m = Vocabulary::instance().modalityFromText(text, &token);
    if (m != Modality::Unknown) {
        if (evidence)
            *evidence = QStringLiteral("path token '%1'").arg(token);
        return m;
    }
    const QString fixed = source.options.value(QStringLiteral("modality")).toString();
    if (!fixed.isEmpty()) {
        if (evidence)
            *evidence = QStringLiteral("manifest");
        return modalityFromName(fixed);
    }
    return Modality::Unknown;
}

QString SourceAdapter::sanitiseName(const QString &text)
{
    static const QRegularExpression bad(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString s = text;
    s.replace(QLatin1Char('/'), QLatin1Char('_'));
    s.replace(bad, QStringLiteral("_"));
    while (s.contains(QStringLiteral("__")))
        s.replace(QStringLiteral("__"), QStringLiteral("_"));
    while (s.startsWith(QLatin1Char('_')) || s.startsWith(QLatin1Char('.')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('_')))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("unnamed") : s;
}

QString SourceAdapter::patientFromName(const SourceSpec &source, const QString &text)
{
    const QString pattern = source.options.value(QStringLiteral("patient_pattern")).toString();
    if (pattern.isEmpty())
        return {};
    const QRegularExpression re(pattern);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    return source.code + QLatin1Char(':') + (m.lastCapturedIndex() >= 1 ? m.captured(1) : m.captured(0));
}

ReadLimits SourceAdapter::readLimits(const SourceSpec &source)
{
    ReadLimits limits;
    auto cap = [&](const QString &option, qint64 fallback) {
        const QJsonValue v = source.options.value(option);
        if (!v.isDouble())
            return fallback;
        // The manifest check admits any whole number >= 0; one past qint64 is no cap at all.
        const double d = v.toDouble();
        return d >= 9.0e18 ? std::numeric_limits<qint64>::max() : qint64(d);
    };
    limits.maxImagePixels = cap(ReadLimits::imagePixelsOption(), limits.maxImagePixels);
    limits.maxVolumeVoxels = cap(ReadLimits::volumeVoxelsOption(), limits.maxVolumeVoxels);
    limits.maxFileBytes = cap(ReadLimits::fileBytesOption(), limits.maxFileBytes);
    return limits;
}

IngestIssue SourceAdapter::issueFromError(const SourceSpec &source, const QString &relative, const Error &error)
{
    QString kind = QStringLiteral("unreadable");
    if (error.code == ErrorCode::TooLarge)
        kind = QStringLiteral("too-large");
    else if (error.detail.contains(QLatin1String("truncated")))
        kind = QStringLiteral("truncated");
    else if (error.detail.contains(QLatin1String("empty file")))
        kind = QStringLiteral("empty-file");
    else if (error.code == ErrorCode::Unsupported && error.detail.contains(QLatin1String("not an image")))
        kind = QStringLiteral("not-an-image");
    else if (error.detail.contains(QLatin1String("not a recognised image")))
        kind = QStringLiteral("not-an-image");
    else if (error.code == ErrorCode::NotFound)
        kind = QStringLiteral("missing-file");
    return {source.code, relative, IssueSeverity::Error, kind, error.detail.isEmpty() ? errorMessage(error) : error.detail};
}

bool SourceAdapter::loadImageFile(const SourceSpec &source, const QString &path, const QString &relative,
                                  LoadedSlice &slice, std::vector<IngestIssue> &issues)
{
    Result<DecodedImage> decoded = imageio::read(path, readLimits(source));
    if (!decoded) {
        issues.push_back(issueFromError(source, relative, decoded.error()));
        return false;
    }
    slice.image = imageio::toGray8(*decoded);
    slice.originalChannels = decoded->channels;
    slice.originalBits = decoded->bitsPerSample;
    slice.originalFormat = QFileInfo(path).suffix().toLower();
    return true;
}

void SourceAdapter::loadMaskFile(const SourceSpec &source, const QString &path, const QString &relative,
                                 LoadedSlice &slice, std::vector<IngestIssue> &issues)
{
    Result<DecodedImage> decoded = imageio::read(path, readLimits(source));
    if (!decoded) {
        IngestIssue issue = issueFromError(source, relative, decoded.error());
        issue.severity = IssueSeverity::Warning;
        if (decoded.error().code != ErrorCode::TooLarge)
            issue.kind = QStringLiteral("mask-unreadable");
        issue.reason = QStringLiteral("the mask cannot be read (%1); the image is kept without a mask").arg(issue.reason);
        issues.push_back(issue);
        return;
    }
    if (decoded->width != slice.image.width || decoded->height != slice.image.height) {
        issues.push_back({source.code, relative, IssueSeverity::Warning, QStringLiteral("mask-size-mismatch"),
                          QStringLiteral("the mask is %1×%2 but the image is %3×%4; the image is kept without a mask")
                              .arg(decoded->width)
                              .arg(decoded->height)
                              .arg(slice.image.width)
                              .arg(slice.image.height)});
        return;
    }
    slice.mask = imageio::binarizeMask(*decoded);
}

} // namespace neuroonco
