// COCO instance-segmentation datasets: one annotation file, or one per split (Roboflow exports).
#include "core/ingest/CocoAdapter.h"

#include "core/ingest/FileResolver.h"
#include "core/ingest/PolygonRaster.h"
#include "core/ingest/SourceWalker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

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

// Python's json module writes NaN, Infinity and -Infinity (not JSON) for non-finite floats; a
// bbox of NaN would otherwise make the whole annotation file unreadable and lose every image it
// lists. Outside strings those tokens become null, which the item's check then reports for the
// annotation that holds it.
QByteArray nonFiniteAsNull(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json.at(++i);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        bool replaced = false;
        for (const char *token : {"-Infinity", "Infinity", "NaN"}) {
            if (c != token[0])
                continue;
            const qsizetype n = qsizetype(qstrlen(token));
            if (json.mid(i, n) == token) {
                out += "null";
                i += n - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += c;
    }
    return out;
}

// Why one polygon of an annotation cannot be drawn, or nothing: at least three points, every
// coordinate a finite number inside the image (half a pixel of slack).
std::optional<IngestIssue> polygonProblem(const SourceSpec &source, const QString &key, const QJsonValue &poly,
                                          int annotation, int width, int height, std::vector<QPointF> &points)
{
    auto problem = [&](const char *kind, const QString &reason) {
        return std::optional<IngestIssue>(IngestIssue{source.code, key, IssueSeverity::Error, QLatin1String(kind),
                                                      QStringLiteral("annotation %1: ").arg(annotation) + reason});
    };
    if (!poly.isArray())
        return problem("bad-annotation", QStringLiteral("a polygon of its segmentation is not a list of numbers"));
    const QJsonArray xy = poly.toArray();
    if (xy.size() % 2 != 0)
        return problem("bad-annotation", QStringLiteral("a polygon has %1 coordinates, an x without its y").arg(xy.size()));
    if (xy.size() < 6)
        return problem("polygon-too-few-points",
                       QStringLiteral("a polygon has %1 point(s); at least 3 are needed, so the image is skipped").arg(xy.size() / 2));
    for (qsizetype i = 0; i + 1 < xy.size(); i += 2) {
        const QJsonValue xv = xy.at(i), yv = xy.at(i + 1);
        if (!xv.isDouble() || !yv.isDouble() || !std::isfinite(xv.toDouble()) || !std::isfinite(yv.toDouble()))
            return problem(xv.isNull() || yv.isNull() || xv.isDouble() ? "non-finite-coordinate" : "bad-annotation",
                           QStringLiteral("polygon vertex %1 is not a pair of finite numbers (NaN and Infinity are "
                                          "read as null)").arg(i / 2 + 1));
        const double x = xv.toDouble(), y = yv.toDouble();
        if (x < -0.5 || y < -0.5 || x > width + 0.5 || y > height + 0.5)
            return problem("polygon-out-of-range", QStringLiteral("a polygon vertex (%1, %2) lies outside the %3×%4 image")
                                                       .arg(x).arg(y).arg(width).arg(height));
        points.emplace_back(x, y);
    }
    return std::nullopt;
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
        if (Error e = readLimits(source).checkFileSize(annotationsPath, f.size())) {
            issues.push_back(issueFromError(source, annotations, e));
            continue;
        }
        QJsonParseError perr;
        const QByteArray text = f.readAll();
        QJsonObject doc = QJsonDocument::fromJson(text, &perr).object();
        if (perr.error != QJsonParseError::NoError) {
            QJsonParseError again;
            const QJsonObject lenient = QJsonDocument::fromJson(nonFiniteAsNull(text), &again).object();
            if (again.error == QJsonParseError::NoError) {
                doc = lenient;
                perr = again;
            }
        }
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
    int outlined = 0;
    for (qsizetype n = 0; n < annotations.size(); ++n) {
        const QJsonValue a = annotations.at(n);
        const QJsonValue idValue = a[QStringLiteral("id")];
        const int annotation = idValue.isDouble() ? idValue.toInt() : idValue.toString().toInt();
        const QJsonValue seg = a[QStringLiteral("segmentation")];
        if (seg.isObject()) {
            if (Error e = raster::fillRle(mask, seg)) {
                const bool size = e.subject == QLatin1String("segmentation.size");
                issues.push_back({source.code, item.key, IssueSeverity::Error,
                                  size ? QStringLiteral("mask-size-mismatch") : QStringLiteral("bad-rle"),
                                  QStringLiteral("annotation %1: %2").arg(annotation).arg(errorMessage(e))});
                return;
            }
        } else if (seg.isArray() && !seg.toArray().isEmpty()) {
            for (const QJsonValue &poly : seg.toArray()) {
                std::vector<QPointF> points;
                if (std::optional<IngestIssue> problem = polygonProblem(source, item.key, poly, annotation, slice.image.width,
                                                                        slice.image.height, points)) {
                    issues.push_back(*problem);
                    return;
                }
                raster::fillPolygon(mask, points);
            }
        }
        // A box without an outline (a detection export) names the class but marks no pixel.
        outlined += seg.isObject() || (seg.isArray() && !seg.toArray().isEmpty()) ? 1 : 0;
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
    if (outlined == 0) {
        // An all-background mask would say "no lesion here"; without an outline there is no mask.
        issues.push_back({source.code, item.key, IssueSeverity::Warning, QStringLiteral("mask-missing"),
                          QStringLiteral("the annotations of this image have no segmentation (boxes only); the image "
                                         "is kept without a mask")});
    } else {
        slice.mask = mask;
    }
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
