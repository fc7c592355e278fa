// Loading a slice's volumetric context: sub-region mapping (BraTS 2021/2023, custom label maps,
// binary masks), block shrinking, slice positions, and the errors on bad files.
#include "core/context/VolumeContext.h"
#include "core/imaging/VolumeIO.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace neuroonco;

namespace {

// Anatomy: a bright ellipsoid "head". Labels: three separated balls with the given values.
struct Case
{
    QString anatomy;
    QString seg;
    std::array<qint64, 256> counts{}; // voxels per written label value
};

Case writeCase(const QString &dir, std::array<float, 3> values, int nx = 40, int ny = 40, int nz = 30, bool withSeg = true)
{
    QDir().mkpath(dir);
    Case c;
    c.anatomy = dir + QStringLiteral("/case_t1ce.nii.gz");
    c.seg = withSeg ? dir + QStringLiteral("/case_seg.nii.gz") : QString();
    Volume anatomy(nx, ny, nz), seg(nx, ny, nz);
    const std::array<int, 3> centresX{10, 20, 30};
    for (int z = 0; z < nz; ++z)
        for (int y = 0; y < ny; ++y)
            for (int x = 0; x < nx; ++x) {
                const double e = std::pow((x - nx / 2.0) / (nx / 2.2), 2) + std::pow((y - ny / 2.0) / (ny / 2.2), 2)
                                 + std::pow((z - nz / 2.0) / (nz / 2.2), 2);
                anatomy.at(x, y, z) = e < 1 ? 500.f + float((x * 13 + y * 7 + z) % 17) : 0.f;
                for (size_t b = 0; b < 3; ++b)
                    if (std::hypot(x - centresX[b], y - 20, z - 15) < 3.5) {
                        seg.at(x, y, z) = values[b];
                        c.counts[size_t(values[b])]++;
                    }
            }
    if (volumeio::writeNifti(c.anatomy, anatomy, volumeio::VoxelType::Int16))
        qFatal("cannot write the anatomy volume");
    if (withSeg && volumeio::writeNifti(c.seg, seg, volumeio::VoxelType::UInt8))
        qFatal("cannot write the segmentation");
    return c;
}

VolumeContextRequest requestFor(const Case &c, int slice, QJsonObject options = {})
{
    VolumeContextRequest r;
    r.anatomyFile = c.anatomy;
    r.sliceIndex = slice;
    r.sourceOptions = std::move(options);
    return r;
}

} // namespace

class TestVolumeContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void brats2021LabelsKeepTheirCodes();
    void brats2023EnhancingThreeBecomesFour();
    void customLabelMapIsHonoured();
    void binaryMaskIsWholeTumour();
    void largeVolumesAreShrunkAndTheSliceFollows();
    void withoutSegmentationOnlyAnatomy();
    void mismatchedSegmentationNamesTheFile();
    void corruptVolumeNamesTheFile();
    void requestFromSample();

private:
    QTemporaryDir m_tmp;
};

void TestVolumeContext::brats2021LabelsKeepTheirCodes()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("b21")), {1.f, 2.f, 4.f});
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 15));
    QVERIFY2(r, qPrintable(r ? QString() : errorMessage(r.error())));
    QCOMPARE(r->dims, (std::array<int, 3>{40, 40, 30}));
    QCOMPARE(r->shrink, 1);
    QCOMPARE(r->labelFile, c.seg);
    QVERIFY(r->hasSubregions);
    QCOMPARE(r->labelVoxels[1], c.counts[1]);
    QCOMPARE(r->labelVoxels[2], c.counts[2]);
    QCOMPARE(r->labelVoxels[4], c.counts[4]);
    QCOMPARE(r->labelVoxels[255], 0);
    QVERIFY(c.counts[1] > 100);
    QCOMPARE(r->sliceAxis, 2);
    QCOMPARE(r->sliceIndex, 15);
    QCOMPARE(r->sourceSliceIndex, 15);
    // Anatomy windowed to 0..255: inside the head bright, outside 0.
    QCOMPARE(int(r->anatomy[0]), 0);
    QVERIFY(r->anatomy[size_t(15) * 40 * 40 + 20 * 40 + 20] > 200);
}

void TestVolumeContext::brats2023EnhancingThreeBecomesFour()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("b23")), {1.f, 2.f, 3.f});
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 3));
    QVERIFY(r);
    QCOMPARE(r->labelVoxels[4], c.counts[3]);
    QCOMPARE(r->labelVoxels[3], 0);
}

void TestVolumeContext::customLabelMapIsHonoured()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("custom")), {7.f, 8.f, 9.f});
    const QJsonObject options{{QStringLiteral("label_map"),
                               QJsonObject{{QStringLiteral("7"), QStringLiteral("necrotic")},
                                           {QStringLiteral("8"), QStringLiteral("edema")},
                                           {QStringLiteral("9"), QStringLiteral("enhancing")}}}};
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 3, options));
    QVERIFY(r);
    QVERIFY(r->hasSubregions);
    QCOMPARE(r->labelVoxels[1], c.counts[7]);
    QCOMPARE(r->labelVoxels[2], c.counts[8]);
    QCOMPARE(r->labelVoxels[4], c.counts[9]);
}

void TestVolumeContext::binaryMaskIsWholeTumour()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("binary")), {1.f, 1.f, 1.f});
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 3));
    QVERIFY(r);
    QVERIFY(!r->hasSubregions);
    QCOMPARE(r->labelVoxels[255], c.counts[1]);
    QCOMPARE(r->labelVoxels[1], 0);
}

void TestVolumeContext::largeVolumesAreShrunkAndTheSliceFollows()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("shrink")), {1.f, 2.f, 4.f});
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 17), 20);
    QVERIFY(r);
    QCOMPARE(r->shrink, 2);
    QCOMPARE(r->dims, (std::array<int, 3>{20, 20, 15}));
    QCOMPARE(r->sourceDims, (std::array<int, 3>{40, 40, 30}));
    QCOMPARE(r->spacing[0], 2.0);
    QCOMPARE(r->sliceIndex, 8);
    QCOMPARE(r->sourceSliceIndex, 17);
    // Balls of ~180 voxels keep roughly an eighth of their voxels after a 2× shrink.
    for (int code : {1, 2, 4}) {
        QVERIFY2(r->labelVoxels[size_t(code)] >= c.counts[1] / 8 / 2, qPrintable(QString::number(r->labelVoxels[size_t(code)])));
        QVERIFY(r->labelVoxels[size_t(code)] <= c.counts[1] / 8 * 2);
    }
    VolumeContext moved = *r;
    moveContextSlice(moved, 29);
    QCOMPARE(moved.sliceIndex, 14);
    moveContextSlice(moved, 500);
    QCOMPARE(moved.sliceIndex, 14);
    moveContextSlice(moved, -1);
    QCOMPARE(moved.sliceIndex, -1);
}

void TestVolumeContext::withoutSegmentationOnlyAnatomy()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("noseg")), {1.f, 2.f, 4.f}, 40, 40, 30, false);
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 3));
    QVERIFY(r);
    QVERIFY(!r->hasLabels());
    QCOMPARE(r->labelVoxels[0], qint64(r->voxelCount()));
}

void TestVolumeContext::mismatchedSegmentationNamesTheFile()
{
    const Case c = writeCase(m_tmp.filePath(QStringLiteral("mismatch")), {1.f, 2.f, 4.f});
    Volume small(10, 10, 10);
    QVERIFY(!volumeio::writeNifti(c.seg, small, volumeio::VoxelType::UInt8));
    Result<VolumeContext> r = loadVolumeContext(requestFor(c, 3));
    QVERIFY(!r);
    QCOMPARE(r.error().subject, c.seg);
    QVERIFY(errorMessage(r.error()).contains(QStringLiteral("grid")));
}

void TestVolumeContext::corruptVolumeNamesTheFile()
{
    const QString dir = m_tmp.filePath(QStringLiteral("corrupt"));
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/broken_flair.nii.gz");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a NIfTI volume");
    f.close();
    VolumeContextRequest request;
    request.anatomyFile = path;
    Result<VolumeContext> r = loadVolumeContext(request);
    QVERIFY(!r);
    QVERIFY2(errorMessage(r.error()).contains(path), qPrintable(errorMessage(r.error())));

    request.anatomyFile = dir + QStringLiteral("/missing_t1.nii.gz");
    r = loadVolumeContext(request);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
}

void TestVolumeContext::requestFromSample()
{
    SourceSpec source;
    source.code = QStringLiteral("04");
    source.root = QStringLiteral("/data/brats");
    source.options.insert(QStringLiteral("slices_per_volume"), 3);
    SampleRecord flat;
    flat.sourceCode = QStringLiteral("04");
    flat.imagePath = QStringLiteral("glioma/x.png");
    QVERIFY(!VolumeContextRequest::forSample(flat, {source}));

    SampleRecord slice = flat;
    slice.volumePath = QStringLiteral("CASE_001/CASE_001_flair.nii.gz");
    slice.volumeIndex = 42;
    const auto request = VolumeContextRequest::forSample(slice, {source});
    QVERIFY(request);
    QCOMPARE(request->anatomyFile, QStringLiteral("/data/brats/CASE_001/CASE_001_flair.nii.gz"));
    QCOMPARE(request->sliceIndex, 42);
    QCOMPARE(request->sourceOptions.value(QStringLiteral("slices_per_volume")).toInt(), 3);
    QCOMPARE(request->volumeKey(), request->anatomyFile);
}

QTEST_GUILESS_MAIN(TestVolumeContext)
#include "tst_volumecontext.moc"
