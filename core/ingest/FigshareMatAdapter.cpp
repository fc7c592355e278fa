// The figshare brain-tumour collection (cjdata .mat files).
#include "core/ingest/FigshareMatAdapter.h"

#include "core/imaging/ImageIO.h"
#include "core/imaging/MatFile.h"
#include "core/ingest/SourceWalker.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonObject>

namespace neuroonco {

QString FigshareMatAdapter::layout() const
{
    return QStringLiteral("figshare-mat");
}

std::vector<SourceItem> FigshareMatAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    SourceWalker walker(source.code, source.root);
    std::vector<SourceItem> items;
    for (const WalkedFile &f : walker.files(QString(), issues)) {
        if (isExcluded(source, f.relativePath))
            continue;
        if (!f.relativePath.endsWith(QLatin1String(".mat"), Qt::CaseInsensitive)) {
            if (!f.relativePath.endsWith(QLatin1String(".txt")) && !f.relativePath.endsWith(QLatin1String(".md")))
                issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                                  QStringLiteral("not a .mat file; skipped")});
            continue;
        }
        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        item.name = sanitiseName(QFileInfo(f.relativePath).path() + QLatin1Char('/') + QFileInfo(f.relativePath).completeBaseName());
        items.push_back(std::move(item));
    }
    return items;
}

void FigshareMatAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                              std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    Result<matfile::Cjdata> data = matfile::readCjdata(item.imagePath, readLimits(source));
    if (!data) {
        issues.push_back(issueFromError(source, item.key, data.error()));
        return;
    }
    QJsonObject labels = source.options.value(QStringLiteral("label_map")).toObject();
    if (labels.isEmpty())
        labels = {{QStringLiteral("1"), QStringLiteral("meningioma")}, {QStringLiteral("2"), QStringLiteral("glioma")},
                  {QStringLiteral("3"), QStringLiteral("pituitary")}};
    const QString type = labels.value(QString::number(data->label)).toString();
    if (type.isEmpty()) {
        issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("unknown-class"),
                          QStringLiteral("label %1 is not in the source's label_map").arg(data->label)});
        return;
    }
    LoadedSlice slice;
    slice.origin = item.key;
    slice.name = item.name;
    slice.tumourType = type;
    slice.tumourLabel = QString::number(data->label);
    // The collection is contrast-enhanced T1 throughout; a manifest can say otherwise.
    slice.modality = modalityFromName(source.options.value(QStringLiteral("modality")).toString(QStringLiteral("T1CE")));
    slice.modalityEvidence = QStringLiteral("manifest");
    if (!data->pid.isEmpty()) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(context.patientSalt);
        h.addData(data->pid.toUtf8());
        slice.patientKey = source.code + QLatin1Char(':') + QString::fromLatin1(h.result().toHex().left(16));
    }
    slice.image = imageio::toGray8(data->image);
    slice.originalChannels = 1;
    slice.originalBits = 16;
    slice.originalFormat = QStringLiteral("mat");
    if (!data->tumorMask.isEmpty())
        slice.mask = data->tumorMask;
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
