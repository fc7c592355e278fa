// YOLO segmentation datasets.
#include "ingest/YoloSegAdapter.h"

#include "imaging/ImageIO.h"
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
    const QString imagesDir = source.options.value(QStringLiteral("images_dir")).toString(QStringLiteral("images"));
    const QString labelsDir = source.options.value(QStringLiteral("labels_dir")).toString(QStringLiteral("labels"));
    SourceWalker walker(source.code, source.root);
    const QDir root(source.root);
    std::vector<SourceItem> items;
    for (const WalkedFile &f : walker.files(imagesDir, issues)) {
        if (!imageio::hasImageExtension(f.relativePath)) {
            issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("not-an-image"),
                              QStringLiteral("not an image file; skipped")});
            continue;
        }
        QString sub = QDir(root.filePath(imagesDir)).relativeFilePath(f.absolutePath);
        const QString stemPath = QDir::cleanPath(QFileInfo(sub).path() + QLatin1Char('/') + QFileInfo(sub).completeBaseName());
        SourceItem item;
        item.key = f.relativePath;
        item.imagePath = f.absolutePath;
        const QString labelRel = QDir::cleanPath(labelsDir + QLatin1Char('/') + stemPath + QStringLiteral(".txt"));
        if (QFileInfo(root.filePath(labelRel)).isFile())
            item.maskPath = root.filePath(labelRel); // the label file; rasterised in load()
        item.modality = modalityFor(source, f.relativePath, &item.modalityEvidence);
        item.name = sanitiseName(stemPath);
        items.push_back(std::move(item));
    }
    return items;
}

void YoloSegAdapter::load(const SourceSpec &source, const SourceItem &item, const IngestContext &,
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
