// Layout encodings: class folders are JPEG only; pairs mix three mask encodings; YOLO labels
// hold one traced polygon per component; COCO keeps polygons except for a few RLE masks.
#include "core/demo/SampleWriter.h"

#include "core/demo/DemoFiles.h"
#include "core/demo/DemoRng.h"
#include "core/demo/DeterministicOutput.h"
#include "core/demo/SampleFactory.h"
#include "core/imaging/ImageIO.h"
#include "core/imaging/ImageOps.h"
#include "core/imaging/MatFile.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

QString ensureParent(const QString &path)
{
    return DemoFiles::ensureParent(path);
}

QString copyFile(const QString &from, const QString &to)
{
    return DemoFiles::copy(from, to);
}

QString errorText(const Error &e)
{
    return DemoFiles::text(e);
}

int yoloClass(TumourType t)
{
    switch (t) {
    case TumourType::Glioma: return 0;
    case TumourType::Meningioma: return 1;
    case TumourType::Pituitary: return 2;
    default: return -1;
    }
}

int cocoCategory(TumourType t)
{
    return int(t); // glioma 1 … ependymoma 6, matching GroundTruthWriter's category list
}

GrayImage transformDuplicate(DuplicateKind kind, const GrayImage &image, bool isMask, const double *param)
{
    switch (kind) {
    case DuplicateKind::Resized: {
        const double f = *param;
        const int w = std::max(16, int(std::lround(image.width * f)));
        const int h = std::max(16, int(std::lround(image.height * f)));
        if (isMask)
            return imageops::resizeNearest(image, w, h);
        return f < 1 ? imageops::resizeArea(image, w, h) : imageops::resizeBilinear(image, w, h);
    }
    case DuplicateKind::Cropped: {
        const double *c = param; // left, top, right, bottom fractions
        const int x0 = int(std::lround(c[0] * image.width)), y0 = int(std::lround(c[1] * image.height));
        const int x1 = image.width - int(std::lround(c[2] * image.width));
        const int y1 = image.height - int(std::lround(c[3] * image.height));
        return imageops::crop(image, x0, y0, x1 - x0, y1 - y0);
    }
    case DuplicateKind::Brightened: {
        if (isMask)
            return image;
        GrayImage out = image;
        const bool additive = param[0] > 0;
        for (std::uint8_t &v : out.pixels) {
            const double x = additive ? v + param[0] : 255.0 * std::pow(v / 255.0, param[1]);
            v = std::uint8_t(std::clamp(std::lround(x), 0L, 255L));
        }
        return out;
    }
    default: return image;
    }
}

} // namespace

FileRecord SampleWriter::record(const ItemPlan &item, const RenderedSample &sample) const
{
    FileRecord r;
    r.source = item.source;
    r.path = item.imagePath;
    r.patient = item.patient;
    r.type = item.type;
    r.sequence = item.sequence;
    r.plane = item.plane;
    r.modality = item.modalityInPath ? sequenceName(item.sequence) : QStringLiteral("Unknown");
    r.hasLesion = sample.hasLesion();
    r.stats = sample.stats;
    r.signs = sample.lesion.signs();
    r.corruption = item.corruption;
    r.width = item.width;
    r.height = item.height;
    r.whiteMatter = sample.slice.whiteMatter;
    r.greyMatter = sample.slice.greyMatter;
    r.csf = sample.slice.csf;
    switch (item.source) {
    case SourceId::Pairs: r.maskFormat = QStringLiteral("png"); r.maskPath = item.maskPath; break;
    case SourceId::Yolo: r.maskFormat = QStringLiteral("yolo"); r.maskPath = item.maskPath; break;
    case SourceId::Coco: r.maskFormat = QStringLiteral("coco"); r.maskPath = item.maskPath; break;
    case SourceId::Figshare:
        r.maskFormat = QStringLiteral("mat");
        r.maskPath = item.maskPath;
        r.label = item.figshareLabel;
        r.modality = sequenceName(Sequence::T1ce); // the collection is documented as T1CE only
        break;
    default: break;
    }
    return r;
}

QString SampleWriter::writeLayout(SourceId source, const QString &imagePath, const QString &maskPath,
                                  MaskEncoding encoding, const GrayImage &image, const GrayImage &mask,
                                  TumourType type, int jpegQuality, int cocoImageId, std::uint64_t colourSeed,
                                  ItemResult *result) const
{
    const QString file = absolute(imagePath);
    if (QString e = ensureParent(file); !e.isEmpty())
        return e;
    switch (source) {
    case SourceId::Classes:
        if (imagePath.endsWith(QLatin1String(".png")))
            return errorText(imageio::writePng(file, image, 1));
        return errorText(imageio::writeJpeg(file, image, jpegQuality));
    case SourceId::Pairs: {
        if (Error e = imageio::writePng(file, image, 1))
            return errorText(e);
        const QString maskFile = absolute(maskPath);
        if (QString e = ensureParent(maskFile); !e.isEmpty())
            return e;
        if (encoding == MaskEncoding::Colour) {
            static const std::uint8_t palette[][3] = {{255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {0, 200, 255}, {255, 0, 255}};
            const std::uint8_t *c = palette[colourSeed % 5];
            RgbImage rgb(mask.width, mask.height);
            for (size_t i = 0; i < mask.pixels.size(); ++i)
                if (mask.pixels[i])
                    std::copy(c, c + 3, &rgb.pixels[i * 3]);
            return errorText(imageio::writePng(maskFile, rgb, 3));
        }
        GrayImage m = mask;
        if (encoding == MaskEncoding::Binary01)
            for (std::uint8_t &v : m.pixels)
                v = v ? 1 : 0;
        return errorText(imageio::writePng(maskFile, m, 3));
    }
    case SourceId::Yolo: {
        if (Error e = imageio::writeJpeg(file, image, jpegQuality))
            return errorText(e);
        const QString labelFile = absolute(maskPath);
        if (QString e = ensureParent(labelFile); !e.isEmpty())
            return e;
        QByteArray text;
        const int cls = yoloClass(type);
        if (cls >= 0) {
            for (const auto &poly : MaskGeometry::polygons(mask, 0.8)) {
                text += QByteArray::number(cls);
                for (const QPointF &p : poly)
                    text += ' ' + QByteArray::number(p.x() / mask.width, 'f', 6) + ' ' + QByteArray::number(p.y() / mask.height, 'f', 6);
                text += '\n';
            }
        }
        QFile f(labelFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
            return QStringLiteral("cannot write %1").arg(labelFile);
        return {};
    }
    case SourceId::Coco: {
        if (Error e = imageio::writePng(file, image, 1))
            return errorText(e);
        CocoImage ci;
        ci.id = cocoImageId;
        ci.fileName = QFileInfo(imagePath).fileName();
        ci.width = image.width;
        ci.height = image.height;
        if (encoding == MaskEncoding::Binary01) {
            CocoAnnotation a;
            a.category = cocoCategory(type);
            a.rle = MaskGeometry::cocoRle(mask);
            const MaskStats st = MaskGeometry::stats(mask);
            a.area = double(st.pixels);
            int x0 = mask.width, y0 = mask.height, x1 = -1, y1 = -1;
            for (int y = 0; y < mask.height; ++y)
                for (int x = 0; x < mask.width; ++x)
                    if (mask.at(x, y)) {
                        x0 = std::min(x0, x);
                        y0 = std::min(y0, y);
                        x1 = std::max(x1, x);
                        y1 = std::max(y1, y);
                    }
            if (x1 >= 0) {
                a.bbox[0] = x0;
                a.bbox[1] = y0;
                a.bbox[2] = x1 - x0 + 1;
                a.bbox[3] = y1 - y0 + 1;
                ci.annotations.push_back(a);
            }
        } else {
            for (const auto &poly : MaskGeometry::polygons(mask, 0.75)) {
                CocoAnnotation a;
                a.category = cocoCategory(type);
                std::vector<double> flat;
                double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9, area2 = 0;
                for (size_t k = 0; k < poly.size(); ++k) {
                    const QPointF &p = poly[k], &q = poly[(k + 1) % poly.size()];
                    flat.push_back(p.x());
                    flat.push_back(p.y());
                    minX = std::min(minX, p.x());
                    minY = std::min(minY, p.y());
                    maxX = std::max(maxX, p.x());
                    maxY = std::max(maxY, p.y());
                    area2 += p.x() * q.y() - q.x() * p.y();
                }
                a.polygons.push_back(flat);
                a.area = std::fabs(area2) / 2;
                a.bbox[0] = minX;
                a.bbox[1] = minY;
                a.bbox[2] = maxX - minX;
                a.bbox[3] = maxY - minY;
                ci.annotations.push_back(a);
            }
        }
        result->coco.push_back(ci);
        return {};
    }
    default: return QStringLiteral("layout not handled by SampleWriter");
    }
}

QString SampleWriter::writeFigshare(const ItemPlan &item, const RenderedSample &sample) const
{
    DemoRng rng(m_seed, StreamItem, quint64(item.id) | (1ull << 40)); // its own stream: scaling only
    matfile::Cjdata cj;
    cj.image.width = sample.slice.signal.width;
    cj.image.height = sample.slice.signal.height;
    cj.image.channels = 1;
    cj.image.bitsPerSample = 16;
    // The collection stores raw scanner values (up to a few thousand) as int16.
    const double scale = rng.uniform(1100, 1900);
    cj.image.samples.resize(sample.slice.signal.pixels.size());
    for (size_t i = 0; i < cj.image.samples.size(); ++i)
        cj.image.samples[i] = float(std::min(32000.0, std::round(sample.slice.signal.pixels[i] * scale)));
    cj.tumorMask = sample.slice.mask;
    cj.label = item.figshareLabel;
    cj.pid = item.figsharePid;
    const QString file = absolute(item.imagePath);
    if (QString e = ensureParent(file); !e.isEmpty())
        return e;
    if (Error e = matfile::writeCjdata(file, cj))
        return errorText(e);
    return errorText(DeterministicOutput::normaliseMat(file));
}

QString SampleWriter::writeDuplicate(const ItemPlan &item, const DuplicatePlan &dup, const RenderedSample &sample,
                                     const GrayImage &stored, ItemResult *result) const
{
    DemoRng rng(m_seed, StreamDuplicate, quint64(dup.id));
    FileRecord rec = record(item, sample);
    rec.source = dup.target;
    rec.path = dup.imagePath;
    rec.duplicateOf = item.imagePath;
    rec.duplicateKind = dup.kind;
    rec.corruption = Corruption::None;
    rec.modality = dup.modalityInPath ? sequenceName(item.sequence) : QStringLiteral("Unknown");
    rec.maskPath.clear();
    rec.maskFormat.clear();
    rec.label = 0;
    if (dup.target == SourceId::Pairs) {
        rec.maskPath = dup.maskPath;
        rec.maskFormat = QStringLiteral("png");
    } else if (dup.target == SourceId::Yolo) {
        rec.maskPath = dup.maskPath;
        rec.maskFormat = QStringLiteral("yolo");
    } else if (dup.target == SourceId::Coco) {
        rec.maskPath = dup.maskPath;
        rec.maskFormat = QStringLiteral("coco");
    }

    GrayImage image = stored, mask = sample.slice.mask;
    double params[4] = {0, 0, 0, 0};
    switch (dup.kind) {
    case DuplicateKind::Resized: {
        double f = rng.uniform(0.75, 1.5);
        if (std::fabs(f - 1) < 0.08)
            f = f < 1 ? 0.9 : 1.1;
        params[0] = f;
        break;
    }
    case DuplicateKind::Cropped:
        for (double &p : params)
            p = rng.uniform(0.02, 0.06);
        break;
    case DuplicateKind::Brightened:
        if (rng.chance(0.5)) {
            params[0] = rng.uniform(10, 25);
        } else {
            params[0] = -1;
            params[1] = rng.uniform(0.8, 0.9);
        }
        break;
    default: break;
    }
    image = transformDuplicate(dup.kind, image, false, params);
    if (dup.kind == DuplicateKind::Brightened) {
        // The normal-tissue references move with the pixels.
        for (double *ref : {&rec.whiteMatter, &rec.greyMatter, &rec.csf})
            if (*ref >= 0)
                *ref = params[0] > 0 ? std::min(255.0, *ref + params[0]) : 255.0 * std::pow(*ref / 255.0, params[1]);
    }
    mask = transformDuplicate(dup.kind, mask, true, params);
    rec.width = image.width;
    rec.height = image.height;
    rec.stats = MaskGeometry::stats(mask);
    rec.hasLesion = rec.stats.pixels > 0;

    if (dup.kind == DuplicateKind::Exact) {
        // A byte copy; masks and labels travel along when the target layout has them.
        if (QString e = copyFile(absolute(item.imagePath), absolute(dup.imagePath)); !e.isEmpty())
            return e;
        if (dup.target == SourceId::Pairs && item.source == SourceId::Pairs) {
            if (QString e = copyFile(absolute(item.maskPath), absolute(dup.maskPath)); !e.isEmpty())
                return e;
        } else if (dup.target == SourceId::Yolo) {
            if (QString e = copyFile(absolute(item.maskPath), absolute(dup.maskPath)); !e.isEmpty())
                return e;
        } else if (dup.target == SourceId::Coco) {
            ItemResult tmp;
            // Annotation from the same mask; the PNG itself is the copied file.
            const QString probe = writeLayout(SourceId::Coco, dup.imagePath, {}, dup.maskEncoding, image, mask,
                                              item.type, 90, dup.cocoImageId, 0, &tmp);
            if (!probe.isEmpty())
                return probe;
            QFile::remove(absolute(dup.imagePath));
            if (QString e = copyFile(absolute(item.imagePath), absolute(dup.imagePath)); !e.isEmpty())
                return e;
            result->coco.insert(result->coco.end(), tmp.coco.begin(), tmp.coco.end());
        }
        result->files.push_back(rec);
        return {};
    }
    const int quality = dup.kind == DuplicateKind::Jpeg ? dup.jpegQuality : 92;
    if (QString e = writeLayout(dup.target, dup.imagePath, dup.maskPath, dup.maskEncoding, image, mask, item.type,
                                quality, dup.cocoImageId, quint64(dup.id), result);
        !e.isEmpty())
        return e;
    result->files.push_back(rec);
    return {};
}

ItemResult SampleWriter::write(const ItemPlan &item) const
{
    ItemResult result;
    const QString file = absolute(item.imagePath);
    if (item.corruption == Corruption::EmptyImage || item.corruption == Corruption::TextAsPng) {
        FileRecord r;
        r.source = item.source;
        r.path = item.imagePath;
        r.patient = item.patient;
        r.type = item.type;
        r.sequence = item.sequence;
        r.modality = item.modalityInPath ? sequenceName(item.sequence) : QStringLiteral("Unknown");
        r.corruption = item.corruption;
        r.width = item.width;
        r.height = item.height;
        if (QString e = ensureParent(file); !e.isEmpty()) {
            result.error = e;
            return result;
        }
        if (item.corruption == Corruption::EmptyImage) {
            result.error = errorText(imageio::writeJpeg(file, GrayImage(item.width, item.height, 0), 90));
        } else {
            r.width = r.height = 0;
            QFile f(file);
            const QByteArray text("This is not an image.\nExported notes: scan reviewed, see report.\n");
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
                result.error = QStringLiteral("cannot write %1").arg(file);
        }
        result.files.push_back(r);
        return result;
    }

    DemoRng rng(m_seed, StreamItem, quint64(item.id));
    // Collections assembled from several hospitals are often cropped to the head; scanner
    // formats (figshare, DICOM) keep the full field of view.
    const bool crop = item.source != SourceId::Figshare && rng.chance(0.35);
    const RenderedSample sample = m_factory.make(item.type, item.sequence, item.width, item.height, rng,
                                                 crop ? SampleFactory::Framing::CroppedToHead : SampleFactory::Framing::Scanner,
                                                 item.plane);
    FileRecord rec = record(item, sample);

    if (item.source == SourceId::Figshare) {
        result.error = writeFigshare(item, sample);
        result.files.push_back(rec);
        return result;
    }

    GrayImage mask = sample.slice.mask;
    switch (item.corruption) {
    case Corruption::MaskSizeMismatch: mask = imageops::resizeNearest(mask, mask.width * 3 / 4, mask.height * 3 / 4); break;
    case Corruption::EmptyMask: std::fill(mask.pixels.begin(), mask.pixels.end(), 0); break;
    case Corruption::AllLesionMask: std::fill(mask.pixels.begin(), mask.pixels.end(), 255); break;
    default: break;
    }
    result.error = writeLayout(item.source, item.imagePath, item.maskPath, item.maskEncoding, sample.slice.image, mask,
                               item.type, item.jpegQuality, item.cocoImageId, quint64(item.id), &result);
    if (!result.error.isEmpty())
        return result;
    if (item.corruption == Corruption::Truncated) {
        QFile f(file);
        if (!f.open(QIODevice::ReadWrite) || !f.resize(f.size() * 6 / 10))
            result.error = QStringLiteral("cannot truncate %1").arg(file);
    } else if (item.corruption == Corruption::PolygonOutOfRange) {
        // Push the first polygon's first vertices past the borders, as a sloppy exporter would.
        QFile f(absolute(item.maskPath));
        if (f.open(QIODevice::ReadOnly)) {
            QByteArray out;
            const QList<QByteArray> lines = f.readAll().split('\n');
            f.close();
            for (const QByteArray &line : lines) {
                QList<QByteArray> parts = line.simplified().split(' ');
                if (parts.size() < 7)
                    continue;
                if (out.isEmpty()) {
                    parts[1] = "1.070000";
                    parts[4] = "-0.040000";
                }
                out += parts.join(' ') + '\n';
            }
            if (out.isEmpty())
                out = "0 -0.050000 0.100000 1.080000 0.100000 1.080000 0.700000 -0.050000 0.700000\n";
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(out) != out.size())
                result.error = QStringLiteral("cannot write %1").arg(f.fileName());
        }
    }
    result.files.push_back(rec);

    // Duplicates start from the pixels as stored: decode lossy originals.
    if (!item.duplicates.empty()) {
        GrayImage stored = sample.slice.image;
        if (item.imagePath.endsWith(QLatin1String(".jpg"))) {
            Result<GrayImage> decoded = imageio::readGray8(file);
            if (decoded)
                stored = *decoded;
        }
        for (const DuplicatePlan &dup : item.duplicates) {
            if (QString e = writeDuplicate(item, dup, sample, stored, &result); !e.isEmpty()) {
                result.error = e;
                return result;
            }
        }
    }
    return result;
}

} // namespace neuroonco::demo
