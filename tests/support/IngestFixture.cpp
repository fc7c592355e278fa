// Synthetic sources for ingest tests. Images are simple phantoms: a bright ellipse "head" with a
// textured background pattern that differs per image, so distinct images are not near duplicates.
#include "IngestFixture.h"
#include "TestUtil.h"

#include "core/imaging/DicomIO.h"
#include "core/imaging/ImageIO.h"
#include "core/imaging/ImageOps.h"
#include "core/imaging/MatFile.h"
#include "core/imaging/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace neuroonco::test {

GrayImage IngestFixture::phantom(int w, int h, int seed, double lesionX, double lesionY, double lesionR)
{
    GrayImage img(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double cx = w * (0.5 + 0.05 * std::sin(seed * 1.7)), cy = h * (0.5 + 0.05 * std::cos(seed * 2.3));
            const double nx = (x - cx) / (w * (0.34 + 0.06 * std::sin(seed * 0.9))), ny = (y - cy) / (h * (0.40 + 0.05 * std::cos(seed * 1.1)));
            double v = 0;
            if (nx * nx + ny * ny < 1) {
                v = 90 + 40 * std::sin(x * (0.07 + 0.011 * (seed % 7)) + seed) * std::cos(y * (0.05 + 0.013 * (seed % 5)) - seed * 0.7);
                v += 30 * std::sin((x + y) * 0.02 * (1 + seed % 3) + seed * 1.3);
                const double lx = (x - lesionX * w) / (lesionR * w), ly = (y - lesionY * h) / (lesionR * h);
                if (lx * lx + ly * ly < 1)
                    v = 230;
            }
            img.at(x, y) = std::uint8_t(std::clamp(v, 0.0, 255.0));
        }
    return img;
}

GrayImage IngestFixture::lesionMask(int w, int h, double lesionX, double lesionY, double lesionR)
{
    GrayImage m(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double lx = (x - lesionX * w) / (lesionR * w), ly = (y - lesionY * h) / (lesionR * h);
            m.at(x, y) = lx * lx + ly * ly < 1 ? 255 : 0;
        }
    return m;
}

namespace {

void mk(const QString &path)
{
    QDir().mkpath(QFileInfo(path).path());
}

void writeText(const QString &path, const QByteArray &text)
{
    mk(path);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
}

void png(const QString &path, const GrayImage &img)
{
    mk(path);
    test::require(imageio::writePng(path, img));
}

void jpg(const QString &path, const GrayImage &img, int quality = 92)
{
    mk(path);
    test::require(imageio::writeJpeg(path, img, quality));
}

} // namespace

IngestFixture IngestFixture::build(const QString &root)
{
    IngestFixture fx;
    fx.root = root;
    const QDir r(root);
    QJsonArray sources;

    // 01 class folders, with a modality subfolder, a note, an unknown class, broken files.
    const QString s1 = r.filePath(QStringLiteral("sources/01_classes"));
    jpg(s1 + QStringLiteral("/Training/glioma_tumor/T2/g1.jpg"), phantom(200, 220, 1));
    jpg(s1 + QStringLiteral("/Training/glioma_tumor/g2.jpg"), phantom(200, 220, 2));
    jpg(s1 + QStringLiteral("/Testing/glioma_tumor/g2.jpg"), phantom(200, 220, 3)); // same name, other split
    jpg(s1 + QStringLiteral("/Training/no_tumor/n1.jpg"), phantom(180, 180, 4, 0, 0, 0));
    jpg(s1 + QStringLiteral("/Training/Astrocitoma T1C+/a1.jpg"), phantom(200, 200, 5));
    writeText(s1 + QStringLiteral("/Training/glioma_tumor/notes.txt"), "not an image");
    jpg(s1 + QStringLiteral("/misc/u1.jpg"), phantom(100, 100, 6));
    {
        // Truncated JPEG: the first 60 % of a valid file.
        const QString good = s1 + QStringLiteral("/Training/glioma_tumor/trunc.jpg");
        jpg(good, phantom(200, 200, 7));
        QFile f(good);
        f.open(QIODevice::ReadWrite);
        f.resize(f.size() * 6 / 10);
    }
    writeText(s1 + QStringLiteral("/Training/glioma_tumor/empty.jpg"), QByteArray());
    writeText(s1 + QStringLiteral("/Training/glioma_tumor/text.png"), "this is text, not a PNG");
    // Planted duplicates: exact byte copy and a re-encoded, brightened copy of g1 (in another source).
    QFile::copy(s1 + QStringLiteral("/Training/glioma_tumor/T2/g1.jpg"), s1 + QStringLiteral("/Testing/glioma_tumor/g1copy.jpg"));
    // Symlinks: one escaping the root, one looping.
    writeText(r.filePath(QStringLiteral("outside.png")), "outside");
    QFile::link(QStringLiteral("../../../../outside.png"), s1 + QStringLiteral("/Training/glioma_tumor/escape.png"));
    QFile::link(QStringLiteral("."), s1 + QStringLiteral("/Training/loop"));
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("01")}, {QStringLiteral("name"), QStringLiteral("Classes")},
                               {QStringLiteral("layout"), QStringLiteral("class-folders")}, {QStringLiteral("root"), QStringLiteral("sources/01_classes")},
                               {QStringLiteral("priority"), 5},
                               {QStringLiteral("options"), QJsonObject{{QStringLiteral("class_synonyms"), QJsonObject{{QStringLiteral("astrocitoma"), QStringLiteral("glioma")}}}}}});

    // 02 image-mask pairs: grey, colour and 0/1 masks, and one mask of the wrong size.
    const QString s2 = r.filePath(QStringLiteral("sources/02_pairs"));
    png(s2 + QStringLiteral("/images/meningioma/m1_t1.png"), phantom(128, 128, 11, 0.3, 0.3, 0.1));
    png(s2 + QStringLiteral("/masks/meningioma/m1_t1_mask.png"), lesionMask(128, 128, 0.3, 0.3, 0.1));
    png(s2 + QStringLiteral("/images/meningioma/m2_flair.png"), phantom(128, 128, 12, 0.7, 0.7, 0.12));
    {
        RgbImage colour(128, 128);
        const GrayImage m = lesionMask(128, 128, 0.7, 0.7, 0.12);
        for (size_t i = 0; i < m.pixels.size(); ++i)
            colour.pixels[i * 3] = m.pixels[i] ? 200 : 0; // red lesion
        mk(s2 + QStringLiteral("/masks/meningioma/m2_flair_mask.png"));
        test::require(imageio::writePng(s2 + QStringLiteral("/masks/meningioma/m2_flair_mask.png"), colour));
    }
    png(s2 + QStringLiteral("/images/pituitary/p1_t1ce.png"), phantom(128, 128, 13, 0.5, 0.5, 0.06));
    {
        GrayImage m = lesionMask(128, 128, 0.5, 0.5, 0.06);
        for (auto &v : m.pixels)
            v = v ? 1 : 0;
        png(s2 + QStringLiteral("/masks/pituitary/p1_t1ce_mask.png"), m);
    }
    png(s2 + QStringLiteral("/images/pituitary/p2.png"), phantom(128, 128, 14));
    png(s2 + QStringLiteral("/masks/pituitary/p2_mask.png"), lesionMask(64, 64));
    png(s2 + QStringLiteral("/images/pituitary/black.png"), GrayImage(128, 128, 0));
    png(s2 + QStringLiteral("/images/pituitary/p3.png"), phantom(128, 128, 15));
    png(s2 + QStringLiteral("/masks/pituitary/p3_mask.png"), GrayImage(128, 128, 0)); // empty mask
    // Near duplicate of m1: brightened copy in this source.
    {
        GrayImage b = phantom(128, 128, 11, 0.3, 0.3, 0.1);
        for (auto &v : b.pixels)
            v = std::uint8_t(std::min(255, v + 18));
        png(s2 + QStringLiteral("/images/meningioma/m1b_t1.png"), b);
        png(s2 + QStringLiteral("/masks/meningioma/m1b_t1_mask.png"), lesionMask(128, 128, 0.3, 0.3, 0.1));
    }
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("02")}, {QStringLiteral("name"), QStringLiteral("Pairs")},
                               {QStringLiteral("layout"), QStringLiteral("image-mask-pairs")}, {QStringLiteral("root"), QStringLiteral("sources/02_pairs")},
                               {QStringLiteral("options"), QJsonObject{{QStringLiteral("images_dir"), QStringLiteral("images")},
                                                                      {QStringLiteral("masks_dir"), QStringLiteral("masks")},
                                                                      {QStringLiteral("mask_suffix"), QStringLiteral("_mask")}}}});

    // 03 YOLO segmentation.
    const QString s3 = r.filePath(QStringLiteral("sources/03_yolo"));
    jpg(s3 + QStringLiteral("/images/y1.jpg"), phantom(160, 160, 21, 0.25, 0.25, 0.1));
    writeText(s3 + QStringLiteral("/labels/y1.txt"), "1 0.15 0.15 0.35 0.15 0.35 0.35 0.15 0.35\n");
    jpg(s3 + QStringLiteral("/images/y2.jpg"), phantom(160, 160, 22));
    writeText(s3 + QStringLiteral("/labels/y2.txt"), "0 0.5 0.5 1.7 0.5 0.6 0.6\n");
    jpg(s3 + QStringLiteral("/images/y3.jpg"), phantom(160, 160, 23, 0, 0, 0));
    writeText(s3 + QStringLiteral("/labels/y3.txt"), "");
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("03")}, {QStringLiteral("name"), QStringLiteral("YOLO")},
                               {QStringLiteral("layout"), QStringLiteral("yolo-seg")}, {QStringLiteral("root"), QStringLiteral("sources/03_yolo")},
                               {QStringLiteral("options"), QJsonObject{{QStringLiteral("class_names"), QJsonArray{QStringLiteral("glioma"), QStringLiteral("meningioma"), QStringLiteral("pituitary")}}}}});

    // 04 BraTS-style volumes (small).
    const QString s4 = r.filePath(QStringLiteral("sources/04_brats/CASE_001"));
    QDir().mkpath(s4);
    {
        const int n = 40, nz = 24;
        Volume seg(n, n, nz);
        for (int z = 8; z < 16; ++z)
            for (int y = 0; y < n; ++y)
                for (int x = 0; x < n; ++x) {
                    const double d = std::hypot(x - 26, y - 14);
                    seg.at(x, y, z) = d < 3 ? 1 : d < 6 ? 4 : d < 9 ? 2 : 0;
                }
        test::require(volumeio::writeNifti(s4 + QStringLiteral("/CASE_001_seg.nii.gz"), seg, volumeio::VoxelType::UInt8));
        const char *mods[] = {"t1", "t1ce", "t2", "flair"};
        for (int m = 0; m < 4; ++m) {
            Volume v(n, n, nz);
            for (int z = 0; z < nz; ++z)
                for (int y = 0; y < n; ++y)
                    for (int x = 0; x < n; ++x)
                        v.at(x, y, z) = std::hypot(x - 20, y - 20) < 17 ? float(300 + 100 * m + 5 * ((x * 7 + y * 3 + z) % 11) + 400 * (seg.at(x, y, z) > 0)) : 0.f;
            test::require(volumeio::writeNifti(s4 + QStringLiteral("/CASE_001_%1.nii.gz").arg(QLatin1String(mods[m])), v, volumeio::VoxelType::Int16));
        }
    }
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("04")}, {QStringLiteral("name"), QStringLiteral("BraTS")},
                               {QStringLiteral("layout"), QStringLiteral("nifti-volumes")}, {QStringLiteral("root"), QStringLiteral("sources/04_brats")},
                               {QStringLiteral("options"), QJsonObject{{QStringLiteral("slices_per_volume"), 2}}}});

    // 05 COCO with one polygon and one RLE annotation.
    const QString s5 = r.filePath(QStringLiteral("sources/05_coco"));
    png(s5 + QStringLiteral("/images/c1.png"), phantom(100, 100, 31, 0.5, 0.5, 0.1));
    png(s5 + QStringLiteral("/images/c2.png"), phantom(100, 100, 32, 0.2, 0.2, 0.1));
    {
        // RLE: columns 10..19 (x), rows 20..29 (y) → column-major runs.
        QJsonArray counts;
        qint64 pos = 0;
        for (int x = 10; x < 20; ++x) {
            const qint64 start = qint64(x) * 100 + 20;
            counts.append(start - pos);
            counts.append(10);
            pos = start + 10;
        }
        counts.append(100 * 100 - pos);
        QJsonObject ann{{QStringLiteral("images"), QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("file_name"), QStringLiteral("c1.png")}, {QStringLiteral("width"), 100}, {QStringLiteral("height"), 100}},
                                                                QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("file_name"), QStringLiteral("c2.png")}, {QStringLiteral("width"), 100}, {QStringLiteral("height"), 100}},
                                                                QJsonObject{{QStringLiteral("id"), 3}, {QStringLiteral("file_name"), QStringLiteral("missing.png")}, {QStringLiteral("width"), 100}, {QStringLiteral("height"), 100}}}},
                        {QStringLiteral("categories"), QJsonArray{QJsonObject{{QStringLiteral("id"), 7}, {QStringLiteral("name"), QStringLiteral("Glioma")}}}},
                        {QStringLiteral("annotations"), QJsonArray{
                             QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("image_id"), 1}, {QStringLiteral("category_id"), 7},
                                         {QStringLiteral("segmentation"), QJsonArray{QJsonArray{40, 40, 60, 40, 60, 60, 40, 60}}}},
                             QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("image_id"), 2}, {QStringLiteral("category_id"), 7},
                                         {QStringLiteral("segmentation"), QJsonObject{{QStringLiteral("counts"), counts}, {QStringLiteral("size"), QJsonArray{100, 100}}}}}}}};
        writeText(s5 + QStringLiteral("/annotations.json"), QJsonDocument(ann).toJson());
    }
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("05")}, {QStringLiteral("name"), QStringLiteral("COCO")},
                               {QStringLiteral("layout"), QStringLiteral("coco")}, {QStringLiteral("root"), QStringLiteral("sources/05_coco")}});

    // 06 figshare .mat.
    const QString s6 = r.filePath(QStringLiteral("sources/06_figshare"));
    QDir().mkpath(s6);
    fx.figsharePid = QStringLiteral("PID-123456");
    {
        matfile::Cjdata d;
        const GrayImage img = phantom(96, 96, 41, 0.4, 0.6, 0.1);
        d.image.width = 96;
        d.image.height = 96;
        d.image.bitsPerSample = 16;
        for (auto v : img.pixels)
            d.image.samples.push_back(float(v) * 10.f);
        d.tumorMask = lesionMask(96, 96, 0.4, 0.6, 0.1);
        d.label = 3;
        d.pid = fx.figsharePid;
        test::require(matfile::writeCjdata(s6 + QStringLiteral("/1.mat"), d));
    }
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("06")}, {QStringLiteral("name"), QStringLiteral("Figshare")},
                               {QStringLiteral("layout"), QStringLiteral("figshare-mat")}, {QStringLiteral("root"), QStringLiteral("sources/06_figshare")}});

    // 07 DICOM with identifiers that must never reach the database.
    const QString s7 = r.filePath(QStringLiteral("sources/07_dicom/metastasis_PT01/series1"));
    QDir().mkpath(s7);
    fx.dicomPatientName = QStringLiteral("DOE^JOHN");
    fx.dicomPatientId = QStringLiteral("MRN-998877");
    {
        dicomio::DicomWriteTags tags;
        tags.patientName = fx.dicomPatientName;
        tags.patientId = fx.dicomPatientId;
        tags.seriesDescription = QStringLiteral("AX FLAIR");
        tags.studyUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.1.1");
        tags.seriesUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.1.2");
        const GrayImage img = phantom(64, 64, 51);
        FloatImage f{64, 64, {}};
        for (auto v : img.pixels)
            f.pixels.push_back(float(v) * 4.f);
        test::require(dicomio::writeSlice(s7 + QStringLiteral("/IM_0001.dcm"), f, tags));
    }
    sources.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("07")}, {QStringLiteral("name"), QStringLiteral("DICOM")},
                               {QStringLiteral("layout"), QStringLiteral("dicom")}, {QStringLiteral("root"), QStringLiteral("sources/07_dicom")}});

    fx.manifestPath = r.filePath(QStringLiteral("manifest.json"));
    writeText(fx.manifestPath, QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("fixture")},
                                                         {QStringLiteral("sources"), sources}}).toJson());
    return fx;
}

QString IngestFixture::buildManySmall(const QString &root, int count)
{
    const QDir r(root);
    for (int i = 0; i < count; ++i)
        png(r.filePath(QStringLiteral("sources/many/glioma/img%1.png").arg(i, 4, 10, QLatin1Char('0'))), phantom(96, 96, 100 + i));
    const QJsonArray sources{QJsonObject{{QStringLiteral("code"), QStringLiteral("M")}, {QStringLiteral("layout"), QStringLiteral("class-folders")},
                                         {QStringLiteral("root"), QStringLiteral("sources/many")}}};
    const QString manifest = r.filePath(QStringLiteral("manifest.json"));
    writeText(manifest, QJsonDocument(QJsonObject{{QStringLiteral("sources"), sources}}).toJson());
    return manifest;
}

} // namespace neuroonco::test
