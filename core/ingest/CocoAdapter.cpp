// COCO instance-segmentation datasets: one annotation file, or one per split (Roboflow exports).
#include "ingest/CocoAdapter.h"

#include "ingest/FileResolver.h"
#include "ingest/PolygonRaster.h"
#include "ingest/SourceWalker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <map>

namespace neuroonco {

QString CocoAdapter::layout() const
{
    return QStringLiteral("coco");
}

namespace {

// The annotation files of a source: as the manifest lists them, else the usual names at the
// root, else one per split folder (Roboflow: train/_annotations.coco.json, valid/…, test/…).
QStringList annotationFiles(const SourceSpec &source)
{
    const QJsonValue option = source.options.value(QStringLiteral("annotations"));
    if (option.isString())
        return {option.toString()};
    if (option.isArray()) {
        QStringList list;
        for (const QJsonValue &v : option.toArray())
            list << v.toString();
        return list;
    }
    const QDir root(source.root);
    for (const char *candidate : {"annotations.json", "_annotations.coco.json", "instances.json"}) {
        if (QFileInfo(root.filePath(QString::fromLatin1(candidate))).isFile())
            return {QString::fromLatin1(candidate)};
    }
    QStringList perSplit;
    for (const QString &dir : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFileInfo(root.filePath(dir + QStringLiteral("/_annotations.coco.json"))).isFile())
            perSplit << dir + QStringLiteral("/_annotations.coco.json");
    }
    return perSplit;
}

} // namespace

std::vector<SourceItem> CocoAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    std::vector<SourceItem> items;
    const QStringList annotationList = annotationFiles(source);
    if (annotationList.isEmpty()) {
        issues.push_back({source.code, QStringLiteral("annotations.json"), IssueSeverity::Error, QStringLiteral("missing-file"),
                          QStringLiteral("no COCO annotation file at the root (annotations.json, _annotations.coco.json, "
                                         "instances.json) nor in its split folders; set options.annotations")});
        return items;
    }
    SourceWalker walker(source.code, source.root);
    const FileResolver files(walker.files(QString(), issues));
    const QString imagesOption = source.options.value(QStringLiteral("images_dir")).toString();
    QSet<QString> seen;
    for (const QString &annotations : annotationList) {
        const QString annotationsPath = walker.resolveInside(annotations, issues);
        QFile f(annotationsPath);
        if (annotationsPath.isEmpty() || !f.open(QIODevice::ReadOnly)) {
            issues.push_back({source.code, annotations, IssueSeverity::Error, QStringLiteral("missing-file"),
                              QStringLiteral("the COCO annotation file cannot be opened; check options.annotations")});
            continue;
        }
        QJsonParseError perr;
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll(), &perr).object();
        if (perr.error != QJsonParseError::NoError) {
            issues.push_back({source.code, annotations, IssueSeverity::Error, QStringLiteral("bad-annotation"),
                              QStringLiteral("JSON error at offset %1: %2").arg(perr.offset).arg(perr.errorString())});
            continue;
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
        // Where the images are: the folder the manifest names, else the annotation file's folder
        // (or its images/ subfolder, the CVAT and Ultralytics way). file_name is tried below
        // those, then by its base name within them.
        QString annotationDir = QFileInfo(annotations).path();
        if (annotationDir == QLatin1String("."))
            annotationDir.clear();
        QString imagesDir = imagesOption;
        if (imagesDir.isEmpty()) {
            const QString beside = annotationDir.isEmpty() ? QStringLiteral("images") : annotationDir + QStringLiteral("/images");
            imagesDir = QFileInfo(QDir(source.root).filePath(beside)).isDir() ? beside : annotationDir;
        }
        const QString parentDir = annotationDir.section(QLatin1Char('/'), 0, -2);
        const QStringList bases{imagesDir, annotationDir, parentDir};
        for (const QJsonValue &v : doc.value(QStringLiteral("images")).toArray()) {
            const QJsonObject img = v.toObject();
            const QString file = img.value(QStringLiteral("file_name")).toString();
            const FileResolver::Match match = files.resolve(file, bases, imagesDir);
            const QString listed = annotations + QStringLiteral(" → ") + file;
            if (match.kind == FileResolver::Match::Kind::Ambiguous) {
                issues.push_back(FileResolver::ambiguity(source.code, file,
                                                         QStringLiteral("file_name '%1' in %2").arg(file, annotations), match));
                continue;
            }
            if (!match.found()) {
                issues.push_back({source.code, file, IssueSeverity::Error, QStringLiteral("missing-file"),
                                  QStringLiteral("listed in %1 but no file of that name is below %2")
                                      .arg(annotations, imagesDir.isEmpty() ? QStringLiteral("the source root") : imagesDir)});
                continue;
            }
            if (seen.contains(match.relativePath)) {
                issues.push_back({source.code, match.relativePath, IssueSeverity::Warning, QStringLiteral("listed-twice"),
                                  QStringLiteral("%1 names an image already listed; the first listing is used").arg(listed)});
                continue;
            }
            seen.insert(match.relativePath);
            SourceItem item;
            item.key = match.relativePath;
            item.imagePath = match.absolutePath;
            item.modality = modalityFor(source, match.relativePath, &item.modalityEvidence);
            // Named below the images folder; with one annotation file per split, the split
            // stays in the name (Roboflow reuses file names across splits).
            const QString named = annotationList.size() == 1 && !imagesDir.isEmpty()
                                          && match.relativePath.startsWith(imagesDir + QLatin1Char('/'))
                                      ? match.relativePath.mid(imagesDir.size() + 1)
                                      : match.relativePath;
            item.name = sanitiseName(QFileInfo(named).path() + QLatin1Char('/') + QFileInfo(named).completeBaseName());
            item.extra.insert(QStringLiteral("annotations"), byImage[img.value(QStringLiteral("id")).toInt()]);
            items.push_back(std::move(item));
        }
    }
    std::sort(items.begin(), items.end(), [](const SourceItem &a, const SourceItem &b) { return a.key < b.key; });
    return items;
}

void CocoAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &,
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
