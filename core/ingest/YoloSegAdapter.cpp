// YOLO segmentation datasets, as one images/labels pair or as Roboflow split trees.
#include "ingest/YoloSegAdapter.h"

#include "imaging/ImageIO.h"
#include "ingest/FileResolver.h"
#include "ingest/PolygonRaster.h"
#include "ingest/SourceWalker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <map>

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
        QFile f(item.maskPath);
        if (!f.open(QIODevice::ReadOnly)) {
            issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("bad-annotation"),
                              QStringLiteral("the label file cannot be read")});
            return;
        }
        int lineNo = 0;
        for (const QByteArray &raw : f.readAll().split('\n')) {
            ++lineNo;
            const QList<QByteArray> parts = raw.simplified().split(' ');
            if (raw.trimmed().isEmpty())
                continue;
            bool ok = true;
            const int cls = parts.at(0).toInt(&ok);
            if (!ok || parts.size() < 7 || (parts.size() - 1) % 2 != 0) {
                issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("bad-annotation"),
                                  QStringLiteral("label line %1 is not '<class> x1 y1 x2 y2 x3 y3 …'").arg(lineNo)});
                return;
            }
            std::vector<QPointF> points;
            for (int i = 1; i + 1 < parts.size(); i += 2) {
                const double x = parts.at(i).toDouble(&ok);
                const double y = ok ? parts.at(i + 1).toDouble(&ok) : 0;
                if (!ok || x < -1e-3 || x > 1.001 || y < -1e-3 || y > 1.001) {
                    issues.push_back({source.code, item.key, IssueSeverity::Error, QStringLiteral("polygon-out-of-range"),
                                      QStringLiteral("label line %1 has a coordinate outside [0, 1]; the annotation "
                                                     "is not trusted and the image is skipped").arg(lineNo)});
                    return;
                }
                points.emplace_back(x * slice.image.width, y * slice.image.height);
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
