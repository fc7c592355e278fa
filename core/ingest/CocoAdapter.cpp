// COCO instance-segmentation datasets.
#include "ingest/CocoAdapter.h"

#include "ingest/PolygonRaster.h"
#include "ingest/SourceWalker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace neuroonco {

QString CocoAdapter::layout() const
{
    return QStringLiteral("coco");
}

std::vector<SourceItem> CocoAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    std::vector<SourceItem> items;
    QString annotations = source.options.value(QStringLiteral("annotations")).toString();
    if (annotations.isEmpty()) {
        for (const char *candidate : {"annotations.json", "_annotations.coco.json", "instances.json"}) {
            if (QFileInfo::exists(QDir(source.root).filePath(QString::fromLatin1(candidate)))) {
                annotations = QString::fromLatin1(candidate);
                break;
            }
        }
    }
    SourceWalker walker(source.code, source.root);
    const QString annotationsPath = walker.resolveInside(annotations, issues);
    QFile f(annotationsPath);
    if (annotations.isEmpty() || annotationsPath.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        issues.push_back({source.code, annotations.isEmpty() ? QStringLiteral("annotations.json") : annotations,
                          IssueSeverity::Error, QStringLiteral("missing-file"),
                          QStringLiteral("the COCO annotation file cannot be opened; set options.annotations")});
        return items;
    }
    QJsonParseError perr;
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll(), &perr).object();
    if (perr.error != QJsonParseError::NoError) {
        issues.push_back({source.code, annotations, IssueSeverity::Error, QStringLiteral("bad-annotation"),
                          QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString())});
        return items;
    }
    QHash<int, QString> categories;
    for (const QJsonValue &c : doc.value(QStringLiteral("categories")).toArray())
        categories.insert(c[QStringLiteral("id")].toInt(), c[QStringLiteral("name")].toString());
    std::map<int, QJsonArray> byImage;
    for (const QJsonValue &a : doc.value(QStringLiteral("annotations")).toArray()) {
        QJsonObject o = a.toObject();
        o.insert(QStringLiteral("category_name"), categories.value(o.value(QStringLiteral("category_id")).toInt()));
        byImage[o.value(QStringLiteral("image_id")).toInt()].append(o);
    }
    const QString imagesDir = source.options.value(QStringLiteral("images_dir")).toString(
        QFileInfo(QDir(source.root).filePath(QStringLiteral("images"))).isDir() ? QStringLiteral("images") : QString());
    for (const QJsonValue &v : doc.value(QStringLiteral("images")).toArray()) {
        const QJsonObject img = v.toObject();
        const QString file = img.value(QStringLiteral("file_name")).toString();
        const QString rel = QDir::cleanPath(imagesDir.isEmpty() ? file : imagesDir + QLatin1Char('/') + file);
        const QString abs = walker.resolveInside(rel, issues);
        if (abs.isEmpty())
            continue;
        if (!QFileInfo(abs).isFile()) {
            issues.push_back({source.code, rel, IssueSeverity::Error, QStringLiteral("missing-file"),
                              QStringLiteral("listed in the annotation file but not on disk")});
            continue;
        }
        SourceItem item;
        item.key = rel;
        item.imagePath = abs;
        item.modality = modalityFor(source, rel, &item.modalityEvidence);
        item.name = sanitiseName(QFileInfo(file).path() + QLatin1Char('/') + QFileInfo(file).completeBaseName());
        item.extra.insert(QStringLiteral("annotations"), byImage[img.value(QStringLiteral("id")).toInt()]);
        items.push_back(std::move(item));
    }
    std::sort(items.begin(), items.end(), [](const SourceItem &a, const SourceItem &b) { return a.key < b.key; });
    return items;
}

void CocoAdapter::load(const SourceSpec &source, const SourceItem &item, const IngestContext &,
                       std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    LoadedSlice slice;
    if (!loadImageFile(source, item.imagePath, item.key, slice, issues))
        return;
    slice.origin = item.key;
    slice.name = item.name;
    slice.modality = item.modality;
    slice.modalityEvidence = item.modalityEvidence;
    slice.patientKey = patientFromName(source, item.key);
    const QJsonArray annotations = item.extra.value(QStringLiteral("annotations")).toArray();
    if (annotations.isEmpty()) {
        if (!source.options.value(QStringLiteral("empty_means_healthy")).toBool(true)) {
            issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("mask-missing"),
                              QStringLiteral("no annotation for this image")});
            return;
        }
        slice.tumourType = QStringLiteral("healthy");
        slice.tumourLabel = QStringLiteral("(no annotations)");
        slices.push_back(std::move(slice));
        return;
    }
    GrayImage mask(slice.image.width, slice.image.height);
    std::map<QString, int> votes;
    for (const QJsonValue &a : annotations) {
        const QJsonValue seg = a[QStringLiteral("segmentation")];
        if (seg.isObject()) {
            if (Error e = raster::fillRle(mask, seg)) {
                issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("bad-annotation"),
                                  errorMessage(e)});
                return;
            }
        } else {
            for (const QJsonValue &poly : seg.toArray()) {
                const QJsonArray xy = poly.toArray();
                std::vector<QPointF> points;
                for (int i = 0; i + 1 < xy.size(); i += 2) {
                    const double x = xy.at(i).toDouble(), y = xy.at(i + 1).toDouble();
                    if (x < -0.5 || y < -0.5 || x > slice.image.width + 0.5 || y > slice.image.height + 0.5) {
                        issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("polygon-out-of-range"),
                                          QStringLiteral("a polygon vertex (%1, %2) lies outside the %3×%4 image")
                                              .arg(x).arg(y).arg(slice.image.width).arg(slice.image.height)});
                        return;
                    }
                    points.emplace_back(x, y);
                }
                raster::fillPolygon(mask, points);
            }
        }
        ++votes[a[QStringLiteral("category_name")].toString()];
    }
    auto best = votes.begin();
    for (auto it = votes.begin(); it != votes.end(); ++it) {
        if (it->second > best->second)
            best = it;
    }
    slice.tumourLabel = best->first;
    slice.tumourType = Vocabulary::instance().tumourTypeFor(best->first, classSynonyms(source));
    if (slice.tumourType.isEmpty())
        slice.tumourType = QStringLiteral("tumor");
    slice.mask = mask;
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
