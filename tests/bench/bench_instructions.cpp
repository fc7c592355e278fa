// Time to generate and export 200,000 instructions (25,000 slices × 8), two ways:
//  1. in memory: gold records → slot choice and global plan → 200k JSON lines (2 threads) →
//     JSONL file;
//  2. through a project: 25,000 samples with mask semantics and gold labels in project.sqlite,
//     the `instructions` stage as a job (gold loading, plan, build, storing with checkpoints,
//     2 threads), then the JSONL export.
// Also runs the `benchmark` stage on that project and reports the trap share per question type
// and the answer-letter balance. Prints one JSON object.
#include "BenchCheck.h"
#include "core/benchmark/BenchmarkExchange.h"
#include "core/benchmark/BenchmarkLint.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/InstructionBuilder.h"
#include "core/jobs/JobExecutor.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/InstructionStage.h"
#include "core/project/Project.h"
#include "core/semantics/SemanticsRepository.h"
#include "core/signs/LabelRepository.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <cstdio>
#include <random>

using namespace neuroonco;

namespace {

const QStringList kTypes{QStringLiteral("glioma"),     QStringLiteral("meningioma"),
                         QStringLiteral("pituitary"),  QStringLiteral("metastasis"),
                         QStringLiteral("ependymoma"), QStringLiteral("embryonal"),
                         QStringLiteral("schwannoma"), QStringLiteral("neuronal_tumor"),
                         QStringLiteral("tumor"),      QStringLiteral("healthy")};
const QStringList kModalities{QStringLiteral("T1"), QStringLiteral("T2"), QStringLiteral("FLAIR"),
                              QStringLiteral("T1CE")};
const QStringList kSizes{QStringLiteral("Small/Focal"), QStringLiteral("Medium"),
                         QStringLiteral("Large/Extensive")};
const QStringList kShapes{QStringLiteral("Round/Oval"), QStringLiteral("Lobulated"),
                          QStringLiteral("Irregular/Spiculated")};
const QStringList kSpreads{QStringLiteral("Solitary Lesion"),
                           QStringLiteral("Dominant Core with Satellites"),
                           QStringLiteral("Scattered/Multifocal")};
const QStringList kLocations{
    QStringLiteral("Center of the Image"), QStringLiteral("Upper-Left Region"),
    QStringLiteral("Lower-Right Region"), QStringLiteral("Center-Left Region"),
    QStringLiteral("Upper-Center Region")};

// One synthetic slice: type, modality, mask semantics (70 % of tumour slices), signs (60 %).
struct Synthetic
{
    QString type, modality;
    bool mask = false;
    MaskSemantics semantics;
    SignSet gold;
    bool signs = false;
};

Synthetic synthetic(int i, std::mt19937 &rng)
{
    auto pick = [&](const QStringList &l) { return l.at(int(rng() % l.size())); };
    Synthetic s;
    s.type = kTypes.at(i % kTypes.size());
    s.modality = pick(kModalities);
    if (s.type != QLatin1String("healthy") && rng() % 10 < 7) {
        s.mask = true;
        s.semantics.size = pick(kSizes);
        s.semantics.shape = pick(kShapes);
        s.semantics.spread = pick(kSpreads);
        s.semantics.location = pick(kLocations);
        MaskNumbers &n = s.semantics.numbers;
        n.areaRatio = 0.002 + 0.001 * (rng() % 90);
        n.circularity = 0.3 + 0.006 * (rng() % 100);
        n.elongation = 1 + 0.01 * (rng() % 100);
        n.components = 1 + int(rng() % 3);
        n.coreFraction = 0.5 + 0.005 * (rng() % 100);
        n.centroidX = rng() % 256;
        n.centroidY = rng() % 256;
    }
    if (s.type != QLatin1String("healthy") && rng() % 10 < 6) {
        s.signs = true;
        s.gold.modality = s.modality;
        s.gold.lesionFound = 1;
        s.gold.margins =
            pick({QStringLiteral("Well-circumscribed"), QStringLiteral("Ill-defined")});
        s.gold.texture = pick({QStringLiteral("Homogeneous"), QStringLiteral("Heterogeneous")});
        s.gold.signalIntensity =
            pick({QStringLiteral("Hyperintense"), QStringLiteral("Hypointense"),
                  QStringLiteral("Isointense"), QStringLiteral("Mixed")});
        if (s.modality == QLatin1String("T1CE"))
            s.gold.enhancement =
                pick({QStringLiteral("Solid"), QStringLiteral("Ring"), QStringLiteral("Patchy")});
        if (s.modality == QLatin1String("T2") || s.modality == QLatin1String("FLAIR"))
            s.gold.edema = pick({QStringLiteral("Mild"), QStringLiteral("Extensive")});
        if (!s.mask)
            s.gold.shape = pick({QStringLiteral("Round"), QStringLiteral("Oval"),
                                 QStringLiteral("Irregular"), QStringLiteral("Lobulated")});
    }
    return s;
}

GoldRecord toGold(qint64 id, const Synthetic &s)
{
    GoldRecord g;
    g.sample = id;
    g.sampleId = QStringLiteral("s%1").arg(id);
    g.imagePath = QStringLiteral("%1/bench/s%2.png").arg(s.type).arg(id);
    g.tumourType = s.type;
    g.width = g.height = 256;
    g.values.insert(QStringLiteral("diagnosis"), {s.type, QStringLiteral("sample"), 0});
    g.values.insert(QStringLiteral("modality"), {s.modality, QStringLiteral("sample"), 0});
    if (s.mask) {
        g.hasNumbers = true;
        g.numbers = s.semantics.numbers;
        g.values.insert(QStringLiteral("size"), {s.semantics.size, QStringLiteral("mask"), 0});
        g.values.insert(QStringLiteral("shape"), {s.semantics.shape, QStringLiteral("mask"), 0});
        g.values.insert(QStringLiteral("spread"), {s.semantics.spread, QStringLiteral("mask"), 0});
        g.values.insert(QStringLiteral("location"),
                        {s.semantics.location, QStringLiteral("mask"), 0});
    }
    if (s.signs) {
        for (const auto &[key, value] : {std::pair{"margins", s.gold.margins},
                                         {"texture", s.gold.texture},
                                         {"signal_intensity", s.gold.signalIntensity},
                                         {"enhancement", s.gold.enhancement},
                                         {"edema", s.gold.edema},
                                         {"shape_sign", s.gold.shape}})
            if (!value.isEmpty())
                g.values.insert(QLatin1String(key), {value, QStringLiteral("gold"), 0});
    }
    return g;
}

double seconds(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int slices = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 25000;
    const int threads = 2;
    QThreadPool::globalInstance()->setMaxThreadCount(threads);
    QTemporaryDir tmp;
    std::mt19937 rng(11);
    std::vector<Synthetic> data;
    data.reserve(size_t(slices));
    for (int i = 0; i < slices; ++i)
        data.push_back(synthetic(i, rng));
    QJsonObject result{{QStringLiteral("slices"), slices}, {QStringLiteral("threads"), threads}};

    // 1. In memory.
    {
        std::vector<GoldRecord> golds;
        golds.reserve(data.size());
        for (size_t i = 0; i < data.size(); ++i)
            golds.push_back(toGold(qint64(i + 1), data[i]));
        QElapsedTimer t;
        t.start();
        InstructionOptions options;
        std::vector<const GoldRecord *> pointers;
        std::vector<std::vector<InstructionSlot>> slots(golds.size());
        for (size_t i = 0; i < golds.size(); ++i)
            pointers.push_back(&golds[i]);
        std::vector<size_t> index(golds.size());
        std::iota(index.begin(), index.end(), size_t(0));
        QtConcurrent::blockingMap(index, [&](size_t i) {
            slots[i] = InstructionBuilder::chooseSlots(golds[i], options);
        });
        InstructionBuilder::plan(pointers, slots, options);
        const double planned = seconds(t);
        std::vector<std::vector<InstructionRecord>> built(golds.size());
        QtConcurrent::blockingMap(index, [&](size_t i) {
            built[i] = InstructionBuilder::build(golds[i], slots[i], options);
        });
        const double generated = seconds(t);
        QFile out(tmp.filePath(QStringLiteral("instructions.jsonl")));
        out.open(QIODevice::WriteOnly);
        qint64 lines = 0;
        QByteArray buffer;
        for (const auto &records : built) {
            for (const InstructionRecord &r : records) {
                buffer += r.line.toUtf8();
                buffer += '\n';
                ++lines;
            }
            if (buffer.size() > (1 << 20)) {
                out.write(buffer);
                buffer.clear();
            }
        }
        out.write(buffer);
        out.close();
        const double total = seconds(t);
        result.insert(
            QStringLiteral("in_memory"),
            QJsonObject{{QStringLiteral("instructions"), lines},
                        {QStringLiteral("plan_s"), planned},
                        {QStringLiteral("generate_s"), generated},
                        {QStringLiteral("generate_and_write_s"), total},
                        {QStringLiteral("file_mb"), QFileInfo(out.fileName()).size() / 1e6}});
    }

    // 2. Through a project.
    Result<Project> project = Project::create(tmp.filePath(QStringLiteral("p")));
    if (!project) {
        std::fprintf(stderr, "%s\n", qPrintable(errorMessage(project.error())));
        return 1;
    }
    {
        QElapsedTimer t;
        t.start();
        auto db = project->connect().take();
        Transaction tx(*db);
        bench::mustSucceed(db->exec(QStringLiteral("INSERT INTO sources(code, name, layout, root, updated_at) VALUES "
                                                   "('B', 'bench', 'class-folders', '/', '%1')")
                                        .arg(nowIso())));
        QSqlQuery q = db->query();
        q.prepare(QStringLiteral("INSERT INTO samples(id, sample_id, source_code, origin, "
                                 "tumour_type, modality, image_path, mask_path, width, height, "
                                 "pixel_hash, dhash, phash, fhash, patient_key, ingested_at) "
                                 "VALUES (?,?,'B',?,?,?,?,?,256,256,?,0,0,'',?,?)"));
        SemanticsRepository semantics(*db);
        LabelRepository labels(*db);
        const QString now = nowIso();
        for (size_t i = 0; i < data.size(); ++i) {
            const qint64 id = qint64(i + 1);
            const Synthetic &s = data[i];
            const QString image = QStringLiteral("%1/bench/s%2.png").arg(s.type).arg(id);
            for (const QVariant &v :
                 {QVariant(id), QVariant(QStringLiteral("s%1").arg(id)), QVariant(image),
                  QVariant(s.type), QVariant(s.modality), QVariant(image),
                  s.mask ? QVariant(image + QStringLiteral(".mask.png"))
                         : QVariant(QMetaType(QMetaType::QString)),
                  QVariant(QString::number(id)), QVariant(QStringLiteral("patient%1").arg(id / 12)),
                  QVariant(now)})
                q.addBindValue(v);
            if (Error e = db->run(q, QStringLiteral("samples"))) {
                std::fprintf(stderr, "%s\n", qPrintable(errorMessage(e)));
                return 1;
            }
            if (s.mask)
                bench::mustSucceed(semantics.store({id, QStringLiteral("ok"), {}, s.semantics, QStringLiteral("{}")}, 0));
            if (s.signs) {
                QcRecord r;
                r.sample = id;
                r.auditor = QStringLiteral("bench");
                r.status = QStringLiteral("ok");
                r.gold = s.gold;
                bench::mustSucceed(labels.storeQc(r, 0));
            }
        }
        bench::mustSucceed(tx.commit());
        result.insert(QStringLiteral("project_setup_s"), seconds(t));
    }
    std::atomic_bool cancel{false};
    {
        InstructionStage stage;
        QElapsedTimer t;
        t.start();
        const JobOutcome o = JobExecutor::execute(*project, stage, {}, nullptr, &cancel, threads);
        const double stageSeconds = seconds(t);
        auto db = project->connect().take();
        QElapsedTimer e;
        e.start();
        Result<qint64> lines = BenchmarkExchange::exportInstructions(
            *db, tmp.filePath(QStringLiteral("export.jsonl")));
        const double exportSeconds = seconds(e);
        result.insert(
            QStringLiteral("project"),
            QJsonObject{
                {QStringLiteral("state"), jobStateName(o.state)},
                {QStringLiteral("instructions"), o.summary.value(QStringLiteral("instructions"))},
                {QStringLiteral("per_sample"), o.summary.value(QStringLiteral("per_sample"))},
                {QStringLiteral("stage_s"), stageSeconds},
                {QStringLiteral("export_s"), exportSeconds},
                {QStringLiteral("exported_lines"), lines ? *lines : -1},
                {QStringLiteral("generate_and_export_s"), stageSeconds + exportSeconds},
                {QStringLiteral("variants"), o.summary.value(QStringLiteral("variants"))},
                {QStringLiteral("traps"), o.summary.value(QStringLiteral("traps"))},
                {QStringLiteral("letters"), o.summary.value(QStringLiteral("letters"))}});
    }
    {
        BenchmarkStage stage;
        QElapsedTimer t;
        t.start();
        const JobOutcome o = JobExecutor::execute(
            *project, stage, BenchmarkStage::parameters(0.2, 1), nullptr, &cancel, threads);
        const double stageSeconds = seconds(t);
        // Lint of every stored item against the gold labels (what the curation list runs).
        auto db = project->connect().take();
        LintOptions options;
        options.checkImages = false;
        QElapsedTimer l;
        l.start();
        Result<LintReport> lint = BenchmarkLint::lintProject(*db, project->slicesDir(), options);
        result.insert(
            QStringLiteral("benchmark"),
            QJsonObject{
                {QStringLiteral("state"), jobStateName(o.state)},
                {QStringLiteral("stage_s"), stageSeconds},
                {QStringLiteral("closed"), o.summary.value(QStringLiteral("closed_written"))},
                {QStringLiteral("open"), o.summary.value(QStringLiteral("open_written"))},
                {QStringLiteral("traps"), o.summary.value(QStringLiteral("traps"))},
                {QStringLiteral("letters"), o.summary.value(QStringLiteral("letters"))},
                {QStringLiteral("lint_project_s"), seconds(l)},
                {QStringLiteral("lint_findings"), lint ? int(lint->findings.size()) : -1}});
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
