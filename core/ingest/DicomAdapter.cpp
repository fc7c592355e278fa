// DICOM slices.
#include "core/ingest/DicomAdapter.h"

#include "core/imaging/DicomIO.h"
#include "core/imaging/ImageIO.h"
#include "core/ingest/SourceWalker.h"

#include <QFileInfo>

namespace neuroonco {

QString DicomAdapter::layout() const
{
    return QStringLiteral("dicom");
}

std::vector<SourceItem> DicomAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    const QHash<QString, QString> synonyms = classSynonyms(source);
    const QString fixedType = source.options.value(QStringLiteral("tumour_type")).toString();
    SourceWalker walker(source.code, source.root);
    std::vector<SourceItem> items;
    for (const WalkedFile &f : walker.files(QString(), issues)) {
        if (isExcluded(source, f.relativePath))
            continue;
        if (imageio::sniff(f.absolutePath) != imageio::FileKind::Dicom) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                              QStringLiteral("not a DICOM file; skipped")});
            continue;
        }
        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        QString label;
        item.tumourType = typeFromFolders(f.relativePath, synonyms, &label);
        item.classLabel = label;
        if (item.tumourType.isEmpty()) {
            item.tumourType = fixedType.isEmpty() ? QStringLiteral("tumor") : fixedType;
            item.classLabel = QStringLiteral("(manifest)");
        }
        item.name = sanitiseName(QFileInfo(f.relativePath).path() + QLatin1Char('/') + QFileInfo(f.relativePath).completeBaseName());
        items.push_back(std::move(item));
    }
    return items;
}

void DicomAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                        std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    Result<dicomio::DicomSlice> dicom = dicomio::read(item.imagePath, context.patientSalt, readLimits(source));
    if (!dicom) {
        issues.push_back(issueFromError(source, item.key, dicom.error()));
        return;
    }
    LoadedSlice slice;
    slice.origin = item.key;
    slice.name = item.name;
    slice.tumourType = item.tumourType;
    slice.tumourLabel = item.classLabel;
    QString token;
    slice.modality = Vocabulary::instance().modalityFromText(dicom->seriesDescription + QLatin1Char(' ') + dicom->protocolName, &token);
    if (slice.modality != Modality::Unknown)
        slice.modalityEvidence = QStringLiteral("series description '%1'").arg(dicom->seriesDescription);
    else
        slice.modality = modalityFor(source, item.key, &slice.modalityEvidence);
    if (!dicom->patientKey.isEmpty())
        slice.patientKey = source.code + QLatin1Char(':') + dicom->patientKey;
    slice.image = imageio::toGray8(dicom->image);
    slice.originalChannels = dicom->image.channels;
    slice.originalBits = dicom->image.bitsPerSample;
    slice.originalFormat = QStringLiteral("dicom");
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
