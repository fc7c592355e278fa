// Real-download layouts for ingest tests. Folder and file names follow the public downloads
// (BRISC 2025 segmentation_task/{train,test}/{images,masks}, BraTS2021_<id>/<id>_<seq>.nii.gz,
// Roboflow <split>/_annotations.coco.json and <split>/{images,labels} with data.yaml); the
// pixels are phantoms.
#include "RealDownloadFixture.h"
#include "TestUtil.h"

#include "IngestFixture.h"

#include "core/imaging/ImageIO.h"
#include "core/imaging/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace neuroonco::test {

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

void jpg(const QString &path, const GrayImage &img)
{
    mk(path);
    test::require(imageio::writeJpeg(path, img, 92));
}

void png(const QString &path, const GrayImage &img)
{
    mk(path);
    test::require(imageio::writePng(path, img));
}

QJsonArray square(double x0, double y0, double x1, double y1)
{
    return QJsonArray{QJsonArray{x0, y0, x1, y0, x1, y1, x0, y1}};
}

QJsonObject cocoImage(int id, const QString &fileName, int w, int h)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("file_name"), fileName},
            {QStringLiteral("width"), w}, {QStringLiteral("height"), h}};
}

QJsonObject cocoAnnotation(int id, int image, int category, const QJsonArray &segmentation)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("image_id"), image}, {QStringLiteral("category_id"), category},
            {QStringLiteral("segmentation"), segmentation}, {QStringLiteral("iscrowd"), 0}};
}

QJsonObject source(const char *code, const char *name, const char *layout, const char *root, const QJsonObject &options = {})
{
    QJsonObject s{{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("name"), QLatin1String(name)},
                  {QStringLiteral("layout"), QLatin1String(layout)}, {QStringLiteral("root"), QLatin1String(root)}};
    if (!options.isEmpty())
        s.insert(QStringLiteral("options"), options);
    return s;
}

// A small BraTS 2021 case: four sequences and a seg volume whose tumour grows and shrinks
// along z, so one axial slice has clearly the largest tumour area.
void bratsCase(const QString &dir, const QString &caseId, int seed)
{
    const int n = 48, nz = 24;
    Volume seg(n, n, nz);
    for (int z = 6; z < 18; ++z) {
        const double r = 10.0 - std::abs(z - 11.0) * 1.2; // largest at z = 11
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                const double d = std::hypot(x - 28, y - 18);
                seg.at(x, y, z) = d < r * 0.3 ? 1 : d < r * 0.6 ? 4 : d < r ? 2 : 0;
            }
    }
    QDir().mkpath(dir + QLatin1Char('/') + caseId);
    test::require(volumeio::writeNifti(dir + QStringLiteral("/%1/%1_seg.nii.gz").arg(caseId), seg, volumeio::VoxelType::UInt8));
    const char *sequences[] = {"t1", "t1ce", "t2", "flair"};
    for (int m = 0; m < 4; ++m) {
        Volume v(n, n, nz);
        for (int z = 0; z < nz; ++z)
            for (int y = 0; y < n; ++y)
                for (int x = 0; x < n; ++x)
                    v.at(x, y, z) = std::hypot(x - 24, y - 24) < 21
                                        ? float(250 + 90 * m + 7 * ((x * 5 + y * 3 + z + seed) % 13) + 350 * (seg.at(x, y, z) > 0))
                                        : 0.f;
        test::require(volumeio::writeNifti(dir + QStringLiteral("/%1/%1_%2.nii.gz").arg(caseId, QLatin1String(sequences[m])),
                                           v, volumeio::VoxelType::Int16));
    }
}

} // namespace

RealDownloadFixture RealDownloadFixture::build(const QString &root)
{
    RealDownloadFixture fx;
    fx.root = root;
    const QDir r(root);
    QJsonArray sources;
    using F = IngestFixture;

    // A COCO export (CVAT style: annotations/ and images/): file_name keeps the folder the
    // annotator worked in, which is not on disk; Y1 is .JPG on disk while the JSON says .jpg;
    // Y3 exists twice below images/ (yes/ and no/), so its name cannot be resolved.
    const QString co = r.filePath(QStringLiteral("sources/coco_export"));
    jpg(co + QStringLiteral("/images/Y1.JPG"), F::phantom(100, 100, 61, 0.5, 0.5, 0.1));
    jpg(co + QStringLiteral("/images/Y2.jpg"), F::phantom(100, 100, 62, 0.2, 0.2, 0.1));
    // The same image under a second spelling: the JSON's own spelling wins, no ambiguity.
    QFile::copy(co + QStringLiteral("/images/Y2.jpg"), co + QStringLiteral("/images/Y2.JPG"));
    jpg(co + QStringLiteral("/images/yes/Y3.jpg"), F::phantom(100, 100, 63));
    jpg(co + QStringLiteral("/images/no/Y3.jpg"), F::phantom(100, 100, 64));
    {
        const QString folder = QStringLiteral("50 mri brain tumor in jpg format/");
        const QJsonObject doc{
            {QStringLiteral("images"), QJsonArray{cocoImage(1, folder + QStringLiteral("Y1.jpg"), 100, 100),
                                                  cocoImage(2, folder + QStringLiteral("Y2.jpg"), 100, 100),
                                                  cocoImage(3, folder + QStringLiteral("Y3.jpg"), 100, 100)}},
            {QStringLiteral("categories"), QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("tumor")}}}},
            {QStringLiteral("annotations"), QJsonArray{cocoAnnotation(1, 1, 1, square(40, 40, 60, 60)),
                                                       cocoAnnotation(2, 2, 1, square(10, 10, 30, 30)),
                                                       cocoAnnotation(3, 3, 1, square(10, 10, 20, 20))}}};
        writeText(co + QStringLiteral("/annotations/instances_default.json"), QJsonDocument(doc).toJson());
    }
    sources.append(source("CO", "COCO export as downloaded", "coco", "sources/coco_export",
                          {{QStringLiteral("annotations"), QStringLiteral("annotations/instances_default.json")},
                           {QStringLiteral("images_dir"), QStringLiteral("images")}}));

    // A Roboflow COCO export: one _annotations.coco.json per split, images beside it, the
    // Roboflow supercategory as category 0, and the same base name in two splits.
    const QString rc = r.filePath(QStringLiteral("sources/roboflow_coco"));
    writeText(rc + QStringLiteral("/README.roboflow.txt"), "Exported via roboflow.com\n");
    {
        const char *splits[] = {"train", "valid", "test"};
        const char *classes[] = {"glioma", "meningioma", "pituitary"};
        for (int s = 0; s < 3; ++s) {
            const QString split = rc + QLatin1Char('/') + QLatin1String(splits[s]);
            const QString a = QStringLiteral("%1_jpg.rf.%2.jpg").arg(10 + s).arg(QStringLiteral("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d%1").arg(s));
            jpg(split + QLatin1Char('/') + a, F::phantom(120, 120, 70 + s, 0.5, 0.5, 0.1));
            // The same Roboflow-style name in every split: never ambiguous within its own split.
            const QString shared = QStringLiteral("shared_jpg.rf.0000.jpg");
            jpg(split + QLatin1Char('/') + shared, F::phantom(120, 120, 80 + s, 0.3, 0.3, 0.1));
            QJsonArray categories{QJsonObject{{QStringLiteral("id"), 0}, {QStringLiteral("name"), QStringLiteral("brain-tumor")},
                                              {QStringLiteral("supercategory"), QStringLiteral("none")}}};
            for (int c = 0; c < 3; ++c)
                categories.append(QJsonObject{{QStringLiteral("id"), c + 1}, {QStringLiteral("name"), QLatin1String(classes[c])},
                                              {QStringLiteral("supercategory"), QStringLiteral("brain-tumor")}});
            const QJsonObject doc{
                {QStringLiteral("images"), QJsonArray{cocoImage(0, a, 120, 120), cocoImage(1, shared, 120, 120)}},
                {QStringLiteral("categories"), categories},
                {QStringLiteral("annotations"), QJsonArray{cocoAnnotation(0, 0, s + 1, square(50, 50, 70, 70)),
                                                           cocoAnnotation(1, 1, 1, square(30, 30, 40, 40))}}};
            writeText(split + QStringLiteral("/_annotations.coco.json"), QJsonDocument(doc).toJson());
        }
    }
    sources.append(source("RC", "Roboflow COCO export", "coco", "sources/roboflow_coco"));

    // The published source 19 (a Roboflow YOLOv8 export on Kaggle): train/valid/test, each with
    // images/ and labels/, and data.yaml at the top.
    const QString yo = r.filePath(QStringLiteral("sources/Brain Tumor Detection"));
    writeText(yo + QStringLiteral("/data.yaml"),
              "train: ../train/images\nval: ../valid/images\ntest: ../test/images\n\nnc: 3\n"
              "names: ['Glioma', 'Meningioma', 'Pituitary']\n\nroboflow:\n  workspace: brain\n  version: 1\n");
    {
        struct Item { const char *split; const char *name; int cls; int seed; };
        const Item items[] = {{"train", "923_jpg.rf.05662c1045a13ab327bac3f0e057df03", 1, 91},
                              {"valid", "1279_jpg.rf.2dc38958a05759fed17c9b86b48bcf1b", 2, 92},
                              {"test", "427_jpg.rf.023c6bb38ba53c56db922c1585e1e884", 0, 93}};
        for (const Item &i : items) {
            const QString base = yo + QLatin1Char('/') + QLatin1String(i.split);
            jpg(base + QStringLiteral("/images/%1.jpg").arg(QLatin1String(i.name)), F::phantom(160, 160, i.seed, 0.5, 0.5, 0.1));
            writeText(base + QStringLiteral("/labels/%1.txt").arg(QLatin1String(i.name)),
                      QByteArray::number(i.cls) + " 0.4 0.4 0.6 0.4 0.6 0.6 0.4 0.6\n");
        }
    }
    sources.append(source("19", "Medical Image DataSet: Brain Tumor Detection", "yolo-seg", "sources/Brain Tumor Detection",
                          {{QStringLiteral("class_names"), QJsonArray{QStringLiteral("glioma"), QStringLiteral("meningioma"), QStringLiteral("pituitary")}},
                           {QStringLiteral("published_path"), QStringLiteral("tumor/19_mask/images/{file}")}}));

    // BRISC 2025: segmentation_task/{train,test}/{images,masks}, image .jpg and mask .png of one
    // stem; masks 0/1 in one file and 0/255 in another. The classification task lies beside it.
    const QString brisc = r.filePath(QStringLiteral("sources/brisc2025"));
    {
        struct Item { const char *split; const char *name; double x; int seed; bool zeroOne; };
        const Item items[] = {{"test", "brisc2025_test_00957_pi_sa_t1", 0.5, 101, true},
                              {"train", "brisc2025_train_04787_pi_sa_t1", 0.4, 102, false},
                              {"train", "brisc2025_train_01303_me_ax_t1", 0.3, 103, false}};
        for (const Item &i : items) {
            const QString base = brisc + QStringLiteral("/segmentation_task/") + QLatin1String(i.split);
            jpg(base + QStringLiteral("/images/%1.jpg").arg(QLatin1String(i.name)), F::phantom(128, 128, i.seed, i.x, 0.5, 0.1));
            GrayImage m = F::lesionMask(128, 128, i.x, 0.5, 0.1);
            if (i.zeroOne)
                for (auto &v : m.pixels)
                    v = v ? 1 : 0;
            png(base + QStringLiteral("/masks/%1.png").arg(QLatin1String(i.name)), m);
        }
        jpg(brisc + QStringLiteral("/classification_task/test/pituitary/brisc2025_test_00957_pi_sa_t1.jpg"),
            F::phantom(128, 128, 101, 0.5, 0.5, 0.1));
    }
    sources.append(source("05", "BRISC Dataset (BRISC 2025)", "image-mask-pairs", "sources/brisc2025/segmentation_task",
                          {{QStringLiteral("images_dir"), QStringLiteral("images")},
                           {QStringLiteral("masks_dir"), QStringLiteral("masks")},
                           {QStringLiteral("type_tokens"), QJsonObject{{QStringLiteral("gl"), QStringLiteral("glioma")},
                                                                      {QStringLiteral("me"), QStringLiteral("meningioma")},
                                                                      {QStringLiteral("pi"), QStringLiteral("pituitary")},
                                                                      {QStringLiteral("no"), QStringLiteral("healthy")}}},
                           {QStringLiteral("published_path"), QStringLiteral("tumor/05_t1_mask/{file}")}}));

    // Source 14 as the published script reads it (metadata_tumor_14.py): images "<n>.png" and
    // masks "mask (<n>).png" (one or two spaces) in one folder.
    const QString s14 = r.filePath(QStringLiteral("sources/brain_tumor_dl"));
    png(s14 + QStringLiteral("/2280.png"), F::phantom(128, 128, 111, 0.6, 0.5, 0.1));
    png(s14 + QStringLiteral("/mask  (2280).png"), F::lesionMask(128, 128, 0.6, 0.5, 0.1));
    png(s14 + QStringLiteral("/1495.png"), F::phantom(128, 128, 112, 0.4, 0.5, 0.1));
    png(s14 + QStringLiteral("/mask (1495).png"), F::lesionMask(128, 128, 0.4, 0.5, 0.1));
    sources.append(source("14", "Brain Tumor MRI Dataset for Deep Learning", "image-mask-pairs", "sources/brain_tumor_dl",
                          {{QStringLiteral("mask_pattern"), QStringLiteral("^mask\\s*\\((\\d+)\\)$")},
                           {QStringLiteral("tumour_type"), QStringLiteral("tumor")},
                           {QStringLiteral("modality"), QStringLiteral("T1CE")},
                           {QStringLiteral("published_path"), QStringLiteral("tumor/14_t1ce_mask/{file}")}}));

    // BraTS 2021 training data: one folder per case.
    const QString brats = r.filePath(QStringLiteral("sources/BraTS2021_Training_Data"));
    bratsCase(brats, QStringLiteral("BraTS2021_01648"), 1);
    bratsCase(brats, QStringLiteral("BraTS2021_00645"), 2);
    sources.append(source("16", "BraTS 2021", "nifti-volumes", "sources/BraTS2021_Training_Data",
                          {{QStringLiteral("tumour_type"), QStringLiteral("glioma")},
                           {QStringLiteral("slices_per_volume"), 2},
                           {QStringLiteral("published_path"), QStringLiteral("glioma/16_t1_t2_t1ce_flair_mask/{case}/{stem}.png")}}));

    fx.manifestPath = r.filePath(QStringLiteral("manifest.json"));
    writeText(fx.manifestPath, QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("real downloads")},
                                                         {QStringLiteral("sources"), sources}}).toJson());
    return fx;
}

} // namespace neuroonco::test
