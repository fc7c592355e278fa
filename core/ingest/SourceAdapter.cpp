// Adapter factory and the helpers adapters share.
#include "ingest/SourceAdapter.h"

#include "imaging/ImageIO.h"
#include "ingest/ClassFoldersAdapter.h"
#include "ingest/CocoAdapter.h"
#include "ingest/DicomAdapter.h"
#include "ingest/FigshareMatAdapter.h"
#include "ingest/ImageMaskPairsAdapter.h"
#include "ingest/NiftiVolumesAdapter.h"
#include "ingest/YoloSegAdapter.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>

namespace neuroonco {

QString issueSeverityName(IssueSeverity s)
{
    return s == IssueSeverity::Error ? QStringLiteral("error") : QStringLiteral("warning");
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

IngestIssue SourceAdapter::issueFromError(const SourceSpec &source, const QString &relative, const Error &error)
{
    QString kind = QStringLiteral("unreadable");
    if (error.detail.contains(QLatin1String("truncated")))
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
    Result<DecodedImage> decoded = imageio::read(path);
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
    Result<DecodedImage> decoded = imageio::read(path);
    if (!decoded) {
        IngestIssue issue = issueFromError(source, relative, decoded.error());
        issue.severity = IssueSeverity::Warning;
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
