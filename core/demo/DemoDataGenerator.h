// `neuroonco demo-data`: writes synthetic public datasets in seven layouts (class folders,
// image/mask pairs, YOLO, BraTS volumes, COCO, figshare .mat, DICOM) with a manifest and an
// exact ground truth, from a real MRI template (mricron ch2) or a procedural head phantom.
// Output depends only on (seed, cases, anatomy): items draw from their own random streams, so
// the thread count does not change a byte.
#pragma once

#include "core/util/Error.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <functional>

namespace neuroonco {

struct DemoDataOptions
{
    enum Anatomy { Auto, Mricron, Phantom };

    QString outDir;
    // Regular 2D samples to plan: 01 30 %, 02 15 %, 03 10 %, 05 10 %, 06 10 %, 07 5 %; the rest
    // as BraTS cases of 12 slices each (max(3, N/60) cases). Duplicates (~8 % of the 2D files)
    // and 11 planted bad inputs come on top.
    int cases = 400;
    quint64 seed = 7;
    Anatomy anatomy = Auto;
    int threads = 0; // 0: one per core
    // Where ch2.nii.gz and ch2bet.nii.gz are looked for (tests may point elsewhere).
    QString templateDir = QStringLiteral("/usr/share/mricron/templates");
};

struct DemoDataSummary
{
    QString outDir;
    QString anatomy;            // "mricron-ch2" or "phantom"
    qint64 files = 0;           // ground-truth file entries (2D images, .mat, .dcm, bad inputs)
    qint64 withLesion = 0;
    qint64 duplicates = 0;
    qint64 corrupt = 0;
    qint64 volumes = 0;         // BraTS cases
    QMap<QString, qint64> perSource; // source code → file entries
    double seconds = 0;
};

class DemoDataGenerator
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Writes OUTDIR/sources/…, manifest.json and ground_truth.json. Refuses a non-empty folder
    // that was not made by this generator; regenerates one that was. `progress` is called on
    // the calling thread; `cancel` stops the run between items (ErrorCode::Canceled).
    Result<DemoDataSummary> generate(const DemoDataOptions &options, const Progress &progress = {},
                                     const std::atomic_bool *cancel = nullptr);

    // True when the mricron template and its brain mask are installed in `dir`.
    static bool hasTemplate(const QString &dir);
};

} // namespace neuroonco
