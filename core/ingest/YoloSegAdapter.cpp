// YOLO segmentation datasets, as one images/labels pair or as Roboflow split trees.
#include "core/ingest/YoloSegAdapter.h"

#include "core/imaging/ImageIO.h"
#include "core/ingest/FileResolver.h"
#include "core/ingest/PolygonRaster.h"
#include "core/ingest/SourceWalker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <optional>

namespace neuroonco {

namespace {

// Class names from the manifest, else from a data.yaml next to the folders ("names: [a, b]"
// or a "names:" block of "- a" / "0: a" lines).
QStringList classNames(const SourceSpec &source)
{
    QStringList names;
    for (const QJsonValue &v : source.options.value(QStringLiteral("class_names")).toArray())
        names << v.toString();
    if (!names.isEmpty())
        return names;
    QFile yaml(QDir(source.root).filePath(QStringLiteral("data.yaml")));
    if (!yaml.open(QIODevice::ReadOnly))
        return names;
    const QStringList lines = QString::fromUtf8(yaml.readAll()).split(QLatin1Char('\n'));
    bool inBlock = false;
    static const QRegularExpression item(QStringLiteral("^\\s*(?:-|\\d+\\s*:)\\s*['\"]?([^'\"]+)['\"]?\\s*$"));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("names:"))) {
            const QString rest = line.mid(6).trimmed();
            if (rest.startsWith(QLatin1Char('['))) {
                for (QString n : rest.mid(1, rest.size() - 2).split(QLatin1Char(',')))
                    names << n.remove(QLatin1Char('\'')).remove(QLatin1Char('"')).trimmed();
                return names;
            }
            inBlock = true;
            continue;
        }
        if (inBlock) {
            const QRegularExpressionMatch m = item.match(line);
            if (!m.hasMatch())
                break;
            names << m.captured(1).trimmed();
        }
    }
    return names;
}

// Reads one label line "<class> x1 y1 x2 y2 x3 y3 …" into pixel coordinates. Every number is
// checked before use: a class outside class_names, fewer than three points, a coordinate that is
// not a finite number or lies outside [0, 1] (beyond a rounding tolerance, which is clipped) is
// the item's problem, so a stray line never becomes a silent lesion or a crash in the fill.
std::optional<IngestIssue> readPolygonLine(const SourceSpec &source, const QString &key, int lineNo,
                                           const QByteArray &raw, const QStringList &names, int width, int height,
                                           int &cls, std::vector<QPointF> &points)
{
    constexpr double tolerance = 1e-3;
    auto problem = [&](const char *kind, const QString &reason) {
        return std::optional<IngestIssue>(
            IngestIssue{source.code, key, IssueSeverity::Error, QLatin1String(kind), reason});
    };
    const QList<QByteArray> parts = raw.simplified().split(' ');
    bool ok = false;
    const qlonglong id = parts.at(0).toLongLong(&ok);
    if (!ok)
        return problem("bad-annotation", QStringLiteral("label line %1 starts with '%2', not a class number")
                                             .arg(lineNo)
                                             .arg(QString::fromUtf8(parts.at(0).left(40))));
    if (id < 0 || id > INT_MAX || (!names.isEmpty() && id >= names.size()))
        return problem("unknown-class",
                       names.isEmpty()
                           ? QStringLiteral("label line %1 names class %2, which no class number can be").arg(lineNo).arg(id)
                           : QStringLiteral("label line %1 names class %2, but the source's class_names hold %3 "
                                            "(0–%4: %5); the image is skipped")
                                 .arg(lineNo)
                                 .arg(id)
                                 .arg(names.size())
                                 .arg(names.size() - 1)
                                 .arg(names.join(QStringLiteral(", "))));
    const qsizetype numbers = parts.size() - 1;
    if (numbers % 2 != 0)
        return problem("bad-annotation", QStringLiteral("label line %1 is not '<class> x1 y1 x2 y2 x3 y3 …': it has "
                                                        "%2 coordinates, an x without its y")
                                             .arg(lineNo)
                                             .arg(numbers));
    if (numbers < 6)
        return problem("polygon-too-few-points", QStringLiteral("label line %1 has %2 point(s); a polygon needs at "
                                                                "least 3, so the image is skipped")
                                                     .arg(lineNo)
                                                     .arg(numbers / 2));
    cls = int(id);
    for (qsizetype i = 1; i + 1 < parts.size(); i += 2) {
        double xy[2] = {0, 0};
        for (int k = 0; k < 2; ++k) {
            const QByteArray &token = parts.at(i + k);
            xy[k] = token.toDouble(&ok);
            if (!ok || !std::isfinite(xy[k]))
                return problem(ok || token.toLower().contains("nan") || token.toLower().contains("inf")
                                   ? "non-finite-coordinate"
                                   : "bad-annotation",
                               QStringLiteral("label line %1 has the coordinate '%2', not a finite number; the "
                                              "annotation is not trusted and the image is skipped")
                                   .arg(lineNo)
                                   .arg(QString::fromUtf8(token.left(40))));
            if (xy[k] < -tolerance || xy[k] > 1 + tolerance)
                return problem("polygon-out-of-range", QStringLiteral("label line %1 has a coordinate outside [0, 1]; "
                                                                      "the annotation is not trusted and the image "
                                                                      "is skipped")
                                                           .arg(lineNo));
            xy[k] = std::clamp(xy[k], 0.0, 1.0);
        }
        points.emplace_back(xy[0] * width, xy[1] * height);
    }
    return std::nullopt;
}

} // namespace

QString YoloSegAdapter::layout() const
{
    return QStringLiteral("yolo-seg");
}

std::vector<SourceItem> YoloSegAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    const QString imagesOption = QDir::cleanPath(source.options.value(QStringLiteral("images_dir")).toString());
    const QString labelsOption = source.options.value(QStringLiteral("labels_dir")).toString();
    SourceWalker walker(source.code, source.root);
    const FileResolver files(walker.files(QString(), issues));
    const QDir root(source.root);
    // Either one images folder below the root, or every folder named "images" (Roboflow and
    // Ultralytics exports: train/images, valid/images, test/images), labels beside each.
    const bool fixed = !source.options.value(QStringLiteral("images_dir")).toString().isEmpty();
    if (fixed && !QFileInfo(root.filePath(imagesOption)).isDir()) {
        issues.push_back({source.code, imagesOption, IssueSeverity::Error, QStringLiteral("folder-missing"),
                          QStringLiteral("options.images_dir '%1' is not a folder below the source root %2; no image "
                                         "can be read").arg(imagesOption, source.root)});
        return {};
    }
    bool anyImagesFolder = false;
    for (const WalkedFile &f : files.files())
        anyImagesFolder = anyImagesFolder || f.relativePath.section(QLatin1Char('/'), 0, -2).split(QLatin1Char('/')).contains(QStringLiteral("images"), Qt::CaseInsensitive);

    std::vector<SourceItem> items;
    for (const WalkedFile &f : files.files()) {
        if (isExcluded(source, f.relativePath))
            continue;
        QStringList dirs = f.relativePath.split(QLatin1Char('/'));
        const QString fileName = dirs.takeLast();
        QString prefix, sub;
        QStringList labelDirs;
        if (fixed) {
            if (imagesOption != QLatin1String(".") && !f.relativePath.startsWith(imagesOption + QLatin1Char('/')))
                continue;
            sub = imagesOption == QLatin1String(".") ? dirs.join(QLatin1Char('/')) : dirs.join(QLatin1Char('/')).mid(imagesOption.size() + 1);
            QString labels = labelsOption;
            if (labels.isEmpty())
                labels = imagesOption.section(QLatin1Char('/'), -1) == QLatin1String("images")
                             ? QDir::cleanPath(imagesOption + QStringLiteral("/../labels"))
                             : QStringLiteral("labels");
            labelDirs << QDir::cleanPath(labels + QLatin1Char('/') + sub);
        } else {
            qsizetype at = -1;
            for (qsizetype k = dirs.size() - 1; k >= 0 && at < 0; --k)
                if (dirs.at(k).compare(QLatin1String("images"), Qt::CaseInsensitive) == 0)
                    at = k;
            if (dirs.contains(labelsOption.isEmpty() ? QStringLiteral("labels") : labelsOption, Qt::CaseInsensitive))
                continue; // label files and anything kept beside them
            if (anyImagesFolder && at < 0)
                continue; // README, data.yaml, files outside the images folders
            if (at >= 0) {
                prefix = QStringList(dirs.mid(0, at)).join(QLatin1Char('/'));
                sub = QStringList(dirs.mid(at + 1)).join(QLatin1Char('/'));
            } else {
                sub = dirs.join(QLatin1Char('/'));
            }
            const QString labels = labelsOption.isEmpty() ? QStringLiteral("labels") : labelsOption;
            labelDirs << QDir::cleanPath((prefix.isEmpty() ? QString() : prefix + QLatin1Char('/')) + labels
                                         + (sub.isEmpty() ? QString() : QLatin1Char('/') + sub));
        }
        labelDirs << dirs.join(QLatin1Char('/')); // a label beside its image
        if (!imageio::hasImageExtension(f.relativePath)) {
            if (!f.relativePath.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive))
                issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                                  QStringLiteral("not an image file; skipped")});
            continue;
        }
        const QString stem = QFileInfo(fileName).completeBaseName();
        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        FileResolver::Match label;
        for (const QString &dir : std::as_const(labelDirs)) {
            label = files.sibling(dir == QLatin1String(".") ? QString() : dir, stem, {QStringLiteral("txt")});
            if (label.kind != FileResolver::Match::Kind::Missing)
                break;
        }
        if (label.kind == FileResolver::Match::Kind::Ambiguous) {
            issues.push_back(FileResolver::ambiguity(source.code, f.relativePath,
                                                     QStringLiteral("the label name for %1").arg(fileName), label));
            continue;
        }
        item.maskPath = label.absolutePath; // the label file; rasterised in load()
        item.modality = modalityFor(source, f.relativePath, &item.modalityEvidence);
        item.name = sanitiseName((prefix.isEmpty() ? QString() : prefix + QLatin1Char('/')) + (sub.isEmpty() ? QString() : sub + QLatin1Char('/')) + stem);
        items.push_back(std::move(item));
    }
    return items;
}

void YoloSegAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &,
                          std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    LoadedSlice slice;
    if (!loadImageFile(source, item.imagePath, item.key, slice, issues))
        return;
    const QStringList names = classNames(source);
    const bool emptyMeansHealthy = source.options.value(QStringLiteral("empty_means_healthy")).toBool(true);
    GrayImage mask(slice.image.width, slice.image.height);
    std::map<int, int> classVotes;
    int polygons = 0;
    if (!item.maskPath.isEmpty()) {
        if (Error e = readLimits(source).checkFileSize(item.maskPath, QFileInfo(item.maskPath).size())) {
            issues.push_back(issueFromError(source, item.key, e));
            return;
        }
        QFile f(item.maskPath);
        if (!f.open(QIODevice::ReadOnly)) {
            issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("bad-annotation"),
                              QStringLiteral("the label file cannot be read")});
            return;
        }
        int lineNo = 0;
        for (const QByteArray &raw : f.readAll().split('\n')) {
            ++lineNo;
            if (raw.trimmed().isEmpty())
                continue;
            std::vector<QPointF> points;
            int cls = -1;
            if (std::optional<IngestIssue> problem = readPolygonLine(source, item.key, lineNo, raw, names,
                                                                     slice.image.width, slice.image.height, cls, points)) {
                issues.push_back(*problem);
                return;
            }
            raster::fillPolygon(mask, points);
            ++classVotes[cls];
            ++polygons;
        }
    }
    slice.origin = item.key;
    slice.name = item.name;
    slice.modality = item.modality;
    slice.modalityEvidence = item.modalityEvidence;
    slice.patientKey = patientFromName(source, item.key);
    if (polygons == 0) {
        if (!emptyMeansHealthy) {
            issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("mask-missing"),
                              QStringLiteral("no annotation for this image")});
            return;
        }
        slice.tumourType = QStringLiteral("healthy");
        slice.tumourLabel = QStringLiteral("(no objects)");
        slices.push_back(std::move(slice));
        return;
    }
    int best = classVotes.begin()->first;
    for (const auto &[cls, votes] : classVotes) {
        if (votes > classVotes[best])
            best = cls;
    }
    if (classVotes.size() > 1) {
        issues.push_back({source.code, item.key, IssueSeverity::Warning, QStringLiteral("mixed-classes"),
                          QStringLiteral("polygons of several classes; the most frequent one is used")});
    }
    slice.tumourLabel = best >= 0 && best < names.size() ? names.at(best) : QString::number(best);
    slice.tumourType = Vocabulary::instance().tumourTypeFor(slice.tumourLabel, classSynonyms(source));
    if (slice.tumourType.isEmpty())
        slice.tumourType = QStringLiteral("tumor");
    slice.mask = mask;
    slices.push_back(std::move(slice));
}

} // namespace neuroonco
