// Mask semantics throughput, PNG decode included: masks per second for 256×256 and 512×512
// masks with one and two threads (compare: the published Python/OpenCV script does about
// 1,100 masks/s single-process on 256×256 masks on this machine).
#include "BenchCheck.h"
#include "core/imaging/ImageIO.h"
#include "core/semantics/MaskAnalyzer.h"

#include <QDir>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace neuroonco;

namespace {

// A folder of lobulated lesion masks, like the ones the pipeline meets.
struct MaskSet
{
    QTemporaryDir dir;
    std::vector<QString> files;

    explicit MaskSet(int size, int count = 200)
    {
        std::mt19937 rng(size);
        std::uniform_real_distribution<double> u(0, 1);
        for (int i = 0; i < count; ++i) {
            GrayImage m(size, size);
            const double cx = size * (0.25 + 0.5 * u(rng)), cy = size * (0.25 + 0.5 * u(rng));
            const double r = size * (0.03 + 0.12 * u(rng));
            const int lobes = 3 + int(u(rng) * 4);
            const double amplitude = 0.3 * u(rng), phase = 6 * u(rng);
            for (int y = 0; y < size; ++y)
                for (int x = 0; x < size; ++x) {
                    const double dx = x - cx, dy = y - cy;
                    const double t = std::atan2(dy, dx);
                    if (std::hypot(dx, dy) < r * (1 + amplitude * std::sin(lobes * t + phase)))
                        m.at(x, y) = 255;
                }
            if (i % 4 == 0) // satellites
                for (int y = 0; y < size / 40; ++y)
                    for (int x = 0; x < size / 40; ++x)
                        m.at(int(size * 0.1) + x, int(size * 0.8) + y) = 255;
            files.push_back(dir.filePath(QStringLiteral("m%1.png").arg(i)));
            bench::mustSucceed(imageio::writePng(files.back(), m));
        }
    }
};

MaskSet &masks(int size)
{
    static MaskSet s256(256), s512(512);
    return size == 256 ? s256 : s512;
}

int analyseFile(const QString &file)
{
    Result<GrayImage> mask = imageio::readGray8(file);
    if (!mask)
        return 0;
    const std::optional<MaskSemantics> s = MaskAnalyzer::analyze(*mask);
    return s ? s->numbers.components : 0;
}

void BM_SemanticsThreads(benchmark::State &state)
{
    const int size = int(state.range(0));
    const int threads = int(state.range(1));
    MaskSet &set = masks(size);
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    for (auto _ : state) {
        if (threads == 1) {
            for (const QString &f : set.files)
                benchmark::DoNotOptimize(analyseFile(f));
        } else {
            QtConcurrent::blockingMap(&pool, set.files, [](const QString &f) { benchmark::DoNotOptimize(analyseFile(f)); });
        }
    }
    state.SetItemsProcessed(state.iterations() * qint64(set.files.size()));
    state.SetLabel(QStringLiteral("%1x%1, %2 thread(s)").arg(size).arg(threads).toStdString());
}

void BM_DecodeOnly(benchmark::State &state)
{
    MaskSet &set = masks(int(state.range(0)));
    for (auto _ : state)
        for (const QString &f : set.files)
            benchmark::DoNotOptimize(imageio::readGray8(f).ok());
    state.SetItemsProcessed(state.iterations() * qint64(set.files.size()));
}

} // namespace

BENCHMARK(BM_SemanticsThreads)->Args({256, 1})->Args({256, 2})->Args({512, 1})->Args({512, 2})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DecodeOnly)->Arg(256)->Arg(512)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
