// Sources laid out the way their public downloads are, not the way our demo generator writes
// them: a COCO export whose file_name keeps the annotator's folder and whose disk has .JPG, a
// Roboflow COCO tree and a Roboflow YOLO tree (train/valid/test), the BRISC 2025 segmentation
// task, BraTS 2021 case folders. Used to check that ingest reads them as downloaded and that
// the published benchmark's image paths find the samples built from them.
#pragma once

#include <QString>

namespace neuroonco::test {

struct RealDownloadFixture
{
    QString root;         // folder holding manifest.json and sources/
    QString manifestPath;

    // Published-style image paths of samples the fixture holds (as the published benchmark
    // writes them) and the origin (path inside the source) of the sample each must link to.
    static constexpr const char *briscPublished = "tumor/05_t1_mask/brisc2025_test_00957_pi_sa_t1.jpg";
    static constexpr const char *briscOrigin = "test/images/brisc2025_test_00957_pi_sa_t1.jpg";
    static constexpr const char *bratsPublished =
        "glioma/16_t1_t2_t1ce_flair_mask/BraTS2021_01648/BraTS2021_01648_flair.png";
    static constexpr const char *bratsFlairVolume = "BraTS2021_01648/BraTS2021_01648_flair.nii.gz";
    static constexpr const char *roboflowPublished =
        "tumor/19_mask/images/923_jpg.rf.05662c1045a13ab327bac3f0e057df03.jpg";
    static constexpr const char *roboflowOrigin = "train/images/923_jpg.rf.05662c1045a13ab327bac3f0e057df03.jpg";

    static constexpr const char *maskPatternPublished = "tumor/14_t1ce_mask/2280.png";
    static constexpr const char *maskPatternOrigin = "2280.png";

    static RealDownloadFixture build(const QString &root);
};

} // namespace neuroonco::test
