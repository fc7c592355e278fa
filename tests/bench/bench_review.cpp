// Time to move to the next sample in the review workstation (database read, image decode,
// overlays, attribute panel refresh and repaint), on a project of 512×512 slices that has been
// through every stage. Prints p50/p95/max in milliseconds as JSON.
#include "app/studio/MainWindow.h"
#include "app/studio/ReviewController.h"
#include "app/studio/WorkspaceController.h"
#include "BenchCheck.h"
#include "core/imaging/ImageIO.h"
#include "core/jobs/JobExecutor.h"
#include "core/jobs/Stage.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"
#include "core/settings/Settings.h"
#include "widgets/review/AttributePanel.h"
#include "widgets/review/QueuePanel.h"
#include "widgets/samples/SampleInspector.h"
#include "widgets/viewer/SliceView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace neuroonco;

namespace {

void writePairs(const QString &root, int count)
{
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(0, 1);
    QDir().mkpath(root + QStringLiteral("/images/glioma"));
    QDir().mkpath(root + QStringLiteral("/masks/glioma"));
    for (int i = 0; i < count; ++i) {
        GrayImage img(512, 512), mask(512, 512);
        const double hx = 256 + 20 * (u(rng) - 0.5), hy = 256 + 20 * (u(rng) - 0.5);
        const double lx = 150 + 200 * u(rng), ly = 150 + 200 * u(rng), lr = 15 + 40 * u(rng);
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x) {
                const double d = std::hypot((x - hx) / 200.0, (y - hy) / 230.0);
                double v = d < 1 ? 100 + 40 * std::sin(x * 0.05 + i) * std::cos(y * 0.04 - i) : 5;
                if (std::hypot(x - lx, y - ly) < lr * (1 + 0.2 * std::sin(5 * std::atan2(y - ly, x - lx)))) {
                    v = 200;
                    mask.at(x, y) = 255;
                }
                img.at(x, y) = std::uint8_t(std::clamp(v + 6 * (u(rng) - 0.5), 0.0, 255.0));
            }
        const QString stem = QStringLiteral("case%1_t2").arg(i, 4, 10, QLatin1Char('0'));
        bench::mustSucceed(imageio::writePng(root + QStringLiteral("/images/glioma/") + stem + QStringLiteral(".png"), img));
        bench::mustSucceed(imageio::writePng(root + QStringLiteral("/masks/glioma/") + stem + QStringLiteral("_mask.png"), mask));
    }
    QFile f(root + QStringLiteral("/manifest.json"));
    f.open(QIODevice::WriteOnly);
    f.write(R"({"sources": [{"code": "B", "layout": "image-mask-pairs", "root": ".", "options": {"images_dir": "images", "masks_dir": "masks", "mask_suffix": "_mask"}}]})");
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    Settings::setValue(settings::ReviewerName, QStringLiteral("bench"));
    registerBuiltinStages();
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 300;
    QTemporaryDir tmp;
    const QString data = tmp.filePath(QStringLiteral("data"));
    writePairs(data, count);
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    std::atomic_bool cancel{false};
    const std::pair<const char *, QJsonObject> stages[] = {
        {"ingest", IngestStage::parameters(data + QStringLiteral("/manifest.json"))}, {"semantics", {}}, {"describe", {}},
        {"extract-a", {}}, {"extract-b", {}}, {"fuse", {}}, {"qc", {}}};
    for (const auto &[id, params] : stages) {
        std::unique_ptr<Stage> stage = StageRegistry::instance().create(QLatin1String(id));
        if (JobExecutor::execute(*project, *stage, params, nullptr, &cancel, 2).state != JobState::Succeeded) {
            std::fprintf(stderr, "stage %s failed\n", id);
            return 1;
        }
    }
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    w.openProject(project->root(), true);
    WorkspaceController *ws = w.workspace();
    ws->tabs()->setCurrentWidget(ws->reviewTab());
    app.processEvents();
    std::vector<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i + 1 < count; ++i) {
        timer.start();
        ws->queue()->step(1);                       // loads the sample and refreshes every panel
        ws->inspector()->view()->repaint();         // paints the slice and overlays now
        ws->attributes()->view()->viewport()->repaint();
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * double(ms.size() - 1)))]; };
    const QJsonObject out{{QStringLiteral("benchmark"), QStringLiteral("review next-sample")},
                          {QStringLiteral("image_size"), 512}, {QStringLiteral("switches"), int(ms.size())},
                          {QStringLiteral("p50_ms"), pct(0.5)}, {QStringLiteral("p95_ms"), pct(0.95)}, {QStringLiteral("max_ms"), ms.back()}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
