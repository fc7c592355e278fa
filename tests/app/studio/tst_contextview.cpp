// The 3D context dock under a real X server (xvfb-run): the framebuffer shows each sub-region in
// its own colour and the slice plane in its colour; the dock follows the queue, says so for 2D
// samples, and reuses a loaded volume for other slices of it. Skips without OpenGL 3.2.
#include "PipelineFixture.h"

#include "app/studio/ContextController.h"
#include "app/studio/MainWindow.h"
#include "app/studio/ReviewController.h"
#include "app/studio/WorkspaceController.h"
#include "core/models/QueueModel.h"
#include "core/settings/Settings.h"
#include "widgets/context/ContextGLWidget.h"
#include "widgets/context/VolumeContextView.h"

#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace neuroonco;

namespace {

enum class Hue { Red, Yellow, Green, Cyan, Other };

// Classifies a shaded pixel by the ratios of its channels (lighting changes brightness, not them).
Hue classify(QRgb p)
{
    const int r = qRed(p), g = qGreen(p), b = qBlue(p);
    if (r > 90 && g < r * 0.45 && b < r * 0.45)
        return Hue::Red;
    if (r > 90 && g > r * 0.6 && g < r * 1.15 && b < r * 0.3)
        return Hue::Yellow;
    if (g > 80 && r < g * 0.6 && b < g * 0.6)
        return Hue::Green;
    if (b > 60 && b > r * 2.0 && g > r * 1.5 && b > g * 1.05)
        return Hue::Cyan;
    return Hue::Other;
}

std::array<int, 5> countHues(const QImage &image)
{
    std::array<int, 5> counts{};
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            counts[size_t(classify(image.pixel(x, y)))]++;
    return counts;
}

// Three separated balls (necrotic, oedema, enhancing) side by side along x, no anatomy.
std::shared_ptr<VolumeContext> separatedBalls()
{
    auto c = std::make_shared<VolumeContext>();
    c->anatomyFile = QStringLiteral("synthetic_t1ce.nii.gz");
    c->labelFile = QStringLiteral("synthetic_seg.nii.gz");
    c->dims = {72, 40, 40};
    c->sourceDims = c->dims;
    c->anatomy.assign(c->voxelCount(), 0);
    c->labels.assign(c->voxelCount(), 0);
    const std::array<std::pair<int, Subregion>, 3> balls{
        {{14, Subregion::Necrotic}, {36, Subregion::Edema}, {58, Subregion::Enhancing}}};
    for (int z = 0; z < 40; ++z)
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 72; ++x)
                for (const auto &[cx, code] : balls)
                    if (std::hypot(x - cx, y - 20, z - 20) < 8.5)
                        c->labels[(size_t(z) * 40 + size_t(y)) * 72 + size_t(x)] = std::uint8_t(code);
    for (std::uint8_t v : c->labels)
        c->labelVoxels[v]++;
    c->hasSubregions = true;
    c->sliceAxis = 2;
    c->sliceIndex = 20;
    c->sourceSliceIndex = 20;
    return c;
}

} // namespace

class TestContextView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void messageWithoutVolume();
    void subregionColoursInTheFramebuffer();
    void dockFollowsTheQueue();

private:
    QTemporaryDir m_tmp;
};

void TestContextView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::setValue(settings::ReviewerName, QStringLiteral("Dr Test"));
}

void TestContextView::messageWithoutVolume()
{
    VolumeContextView view;
    view.showContext(nullptr);
    QVERIFY(!view.isShowingContext());
    QVERIFY(view.message().contains(QStringLiteral("did not come from a volume")));
    QVERIFY(!view.currentVolume());
}

void TestContextView::subregionColoursInTheFramebuffer()
{
    if (!ContextGLWidget::openGlAvailable())
        QSKIP("no OpenGL 3.2 context on this display (run under xvfb-run)");
    VolumeContextView view;
    view.resize(520, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showContext(separatedBalls());
    QVERIFY(view.isShowingContext());
    ContextGLWidget *gl = view.glView();
    QVERIFY(gl);

    gl->setSlicePlaneVisible(false);
    QImage frame = gl->grabFramebuffer();
    QVERIFY(!frame.isNull());
    QCOMPARE(gl->surfaceCount(), 3);
    std::array<int, 5> hues = countHues(frame);
    const int area = frame.width() * frame.height();
    const QString summary = QStringLiteral("red %1 yellow %2 green %3 cyan %4 other %5 of %6")
                                .arg(hues[0]).arg(hues[1]).arg(hues[2]).arg(hues[3]).arg(hues[4]).arg(area);
    if (const QByteArray dir = qgetenv("NEUROONCO_TEST_ARTIFACTS"); !dir.isEmpty())
        frame.save(QString::fromLocal8Bit(dir) + QStringLiteral("/context-subregions.png"));
    // Each ball covers a few percent of the frame; none of them may be missing or miscoloured.
    QVERIFY2(hues[size_t(Hue::Red)] > area / 200, qPrintable(summary));
    QVERIFY2(hues[size_t(Hue::Yellow)] > area / 200, qPrintable(summary));
    QVERIFY2(hues[size_t(Hue::Green)] > area / 200, qPrintable(summary));
    QVERIFY2(hues[size_t(Hue::Cyan)] < area / 1000, qPrintable(summary));
    // The background is the dark scene colour, not Qt's window colour shining through.
    const QRgb corner = frame.pixel(2, 2);
    QVERIFY2(qRed(corner) < 40 && qGreen(corner) < 40 && qBlue(corner) < 50, qPrintable(QString::number(corner, 16)));

    // The slice plane adds its own colour; hiding it removes it again.
    gl->setSlicePlaneVisible(true);
    hues = countHues(gl->grabFramebuffer());
    QVERIFY2(hues[size_t(Hue::Cyan)] > area / 500, qPrintable(QString::number(hues[size_t(Hue::Cyan)])));

    // Moving the plane to another slice changes the picture, not the surfaces.
    const QImage before = gl->grabFramebuffer();
    view.setSliceIndex(5);
    const QImage after = gl->grabFramebuffer();
    QVERIFY(before != after);
    QCOMPARE(gl->surfaceCount(), 3);
}

void TestContextView::dockFollowsTheQueue()
{
    const Project project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    MainWindow w;
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openProject(project.root(), true));
    w.contextDock()->show();
    WorkspaceController *ws = w.workspace();

    QString flatId, volumeA, volumeB;
    for (const QueueRow &row : ws->review()->queueModel()->rows()) {
        if (row.source == QLatin1String("04")) {
            if (volumeA.isEmpty())
                volumeA = row.sampleId;
            else if (volumeB.isEmpty() && row.sampleId.section(QLatin1Char('_'), 0, -2) == volumeA.section(QLatin1Char('_'), 0, -2))
                volumeB = row.sampleId;
        } else if (flatId.isEmpty()) {
            flatId = row.sampleId;
        }
    }
    QVERIFY2(!flatId.isEmpty() && !volumeA.isEmpty() && !volumeB.isEmpty(), qPrintable(volumeA + QLatin1Char(' ') + volumeB));

    QVERIFY(ws->reviewSample(flatId));
    QTRY_VERIFY(w.contextView()->message().contains(QStringLiteral("2D image")));

    QSignalSpy shown(w.contextController(), &ContextController::contextShown);
    QVERIFY(ws->reviewSample(volumeA));
    QVERIFY(shown.wait(20000));
    if (ContextGLWidget::openGlAvailable()) {
        QVERIFY(w.contextView()->isShowingContext());
        const auto volume = w.contextView()->currentVolume();
        QVERIFY(volume && volume->hasLabels() && volume->hasSubregions);
        // Another slice of the same volume: no new read, same volume, plane moved.
        QVERIFY(ws->reviewSample(volumeB));
        QVERIFY(!w.contextController()->isLoading());
        QCOMPARE(w.contextView()->currentVolume(), volume);
    } else {
        QVERIFY(w.contextView()->message().contains(QStringLiteral("OpenGL")));
    }
}

QTEST_MAIN(TestContextView)
#include "tst_contextview.moc"
