// Dedup: load fingerprints, cluster, write flags and the report.
#include "core/pipeline/DedupStage.h"

#include "core/dedup/AlignmentCheck.h"
#include "core/dedup/DedupEngine.h"
#include "core/dedup/DedupTruth.h"
#include "core/imaging/ImageHash.h"
#include "core/imaging/ImageIO.h"
#include "core/jobs/CheckpointStore.h"
#include "core/jobs/JobContext.h"
#include "core/jobs/JobRepository.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace neuroonco {

namespace {

// Least-recently-used views of decoded images, shared by the verifying threads. Loading happens
// outside the lock (two threads may load the same image once each; the second copy is dropped).
class ViewCache
{
public:
    using Load = std::function<std::shared_ptr<const AlignmentView>(int)>;
    explicit ViewCache(Load load, size_t capacity = 384)
        : m_load(std::move(load))
        , m_capacity(capacity)
    {}

    std::shared_ptr<const AlignmentView> get(int index)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            auto it = m_entries.find(index);
            if (it != m_entries.end()) {
                m_order.splice(m_order.begin(), m_order, it->second.second);
                return it->second.first;
            }
        }
        std::shared_ptr<const AlignmentView> view = m_load(index);
        if (!view)
            return view;
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (auto it = m_entries.find(index); it != m_entries.end())
            return it->second.first;
        m_order.push_front(index);
        m_entries.emplace(index, std::make_pair(view, m_order.begin()));
        if (m_entries.size() > m_capacity) {
            m_entries.erase(m_order.back());
            m_order.pop_back();
        }
        return view;
    }

private:
    Load m_load;
    size_t m_capacity;
    std::mutex m_mutex;
    std::list<int> m_order; // most recent first
    std::unordered_map<int, std::pair<std::shared_ptr<const AlignmentView>, std::list<int>::iterator>> m_entries;
};

} // namespace

StageResult DedupStage::run(JobContext &ctx)
{
    Database &db = ctx.db();
    SampleRepository repo(db);
    CheckpointStore checkpoints(db);
    const QJsonObject &params = ctx.parameters();

    Result<std::vector<SampleRecord>> loaded = repo.all();
    if (!loaded)
        return {loaded.error(), {}};
    std::vector<SampleRecord> &samples = *loaded;
    Result<std::vector<SourceSpec>> sources = repo.sources();
    if (!sources)
        return {sources.error(), {}};
    QHash<QString, int> priority;
    QHash<QString, QString> roots;
    for (const SourceSpec &s : *sources) {
        priority.insert(s.code, s.priority);
        roots.insert(s.code, s.root);
    }
    ctx.setTotal(qint64(samples.size()));

    auto finished = checkpoints.finished(scope());
    if (!finished)
        return {finished.error(), {}};
    bool upToDate = !params.value(QStringLiteral("force")).toBool() && !samples.empty();
    for (const SampleRecord &s : samples)
        upToDate = upToDate && finished->contains(QString::number(s.id));
    // The report goes where asked, else where the last run put it, else to exports/.
    QString reportPath = params.value(QStringLiteral("report")).toString();
    if (reportPath.isEmpty()) {
        Result<JobRecord> last = JobRepository(db).latest(stageId(), JobState::Succeeded);
        if (!last)
            return {last.error(), {}};
        reportPath = last->summary.value(QStringLiteral("report")).toString();
    }
    if (reportPath.isEmpty())
        reportPath = QDir(ctx.project().exportsDir()).filePath(QStringLiteral("dedup-report.json"));
    // The report is an output of the run like the flags: one that went missing is written again.
    const bool wantsReport = params.contains(QStringLiteral("report")) || params.contains(QStringLiteral("truth"))
                             || !QFileInfo::exists(reportPath);
    if (upToDate && !wantsReport && finished->size() == qsizetype(samples.size())) {
        ctx.setUpToDate(qint64(samples.size()));
        ctx.log(LogLevel::Info, QStringLiteral("Every sample was already checked; nothing to do."));
        return {{}, {{QStringLiteral("samples"), qint64(samples.size())}, {QStringLiteral("up_to_date"), true},
                     {QStringLiteral("report"), reportPath}}};
    }
    if (upToDate && !QFileInfo::exists(reportPath))
        ctx.log(LogLevel::Info, QStringLiteral("The report %1 is missing; it is written again.").arg(reportPath));

    std::vector<DedupEntry> entries;
    entries.reserve(samples.size());
    for (const SampleRecord &s : samples) {
        DedupEntry e;
        e.id = s.id;
        e.pixelHash = s.pixelHash;
        e.dHash = s.dHash;
        e.pHash = s.pHash;
        e.fine = imagehash::fineFromHex(s.fineHash);
        e.volume = s.volumePath.isEmpty() ? QString() : s.sourceCode + QLatin1Char(':') + s.volumePath;
        e.modality = s.modality;
        e.hasMask = s.hasMask();
        e.specificType = s.tumourType != QLatin1String("tumor");
        e.pixels = qint64(s.width) * s.height;
        e.sourcePriority = priority.value(s.sourceCode, 100);
        entries.push_back(e);
    }
    DedupOptions options;
    options.pHashRadius = params.value(QStringLiteral("phash_radius")).toInt(options.pHashRadius);
    options.dHashRadius = params.value(QStringLiteral("dhash_radius")).toInt(options.dHashRadius);
    options.fineRadius = params.value(QStringLiteral("fine_radius")).toInt(options.fineRadius);
    options.verifyRadius = params.value(QStringLiteral("verify_radius")).toInt(options.verifyRadius);
    options.threads = ctx.threadCount();
    // Candidates in the uncertain band are confirmed by aligning the two images.
    const QDir slices(ctx.project().slicesDir());
    // An image is usually a candidate in several pairs: its decoded, resampled views are kept
    // for the most recently used images.
    ViewCache views([&samples, &slices](int i) -> std::shared_ptr<const AlignmentView> {
        Result<GrayImage> image = imageio::readGray8(slices.filePath(samples[size_t(i)].imagePath));
        return image ? std::make_shared<const AlignmentView>(*image) : nullptr;
    });
    options.verify = [&views](int i, int j) {
        const std::shared_ptr<const AlignmentView> a = views.get(i), b = views.get(j);
        return a && b && AlignmentCheck::best(*a, *b).correlation >= AlignmentCheck::kAcceptFrom;
    };
    ctx.setMessage(QStringLiteral("clustering"));
    const DedupResult result = DedupEngine::run(entries, options);
    if (ctx.isCanceled())
        return {};

    // Write everything in one transaction: flags, clusters and per-sample checkpoints.
    {
        Transaction tx(db);
        if (tx.beginError())
            return {tx.beginError(), {}};
        for (const char *sql : {"UPDATE samples SET cluster_id = NULL, duplicate_of = NULL, duplicate_kind = NULL, "
                                "duplicate_distance = NULL WHERE cluster_id IS NOT NULL",
                                "DELETE FROM duplicate_clusters"}) {
            if (Error e = db.exec(QString::fromLatin1(sql)))
                return {e, {}};
        }
        QSqlQuery cluster = db.query();
        cluster.prepare(QStringLiteral("INSERT INTO duplicate_clusters(keeper, size, kind) VALUES (?, ?, ?)"));
        QSqlQuery member = db.query();
        member.prepare(QStringLiteral("UPDATE samples SET cluster_id = ?, duplicate_of = ?, duplicate_kind = ?, "
                                      "duplicate_distance = ? WHERE id = ?"));
        for (const DedupCluster &c : result.clusters) {
            cluster.addBindValue(c.members.front().id);
            cluster.addBindValue(int(c.members.size()));
            cluster.addBindValue(c.kind);
            if (Error e = db.run(cluster, QStringLiteral("duplicate_clusters")))
                return {e, {}};
            const qint64 clusterId = cluster.lastInsertId().toLongLong();
            for (const DedupMember &m : c.members) {
                member.addBindValue(clusterId);
                member.addBindValue(m.keeper ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(c.members.front().id));
                member.addBindValue(m.keeper ? QVariant(QMetaType(QMetaType::QString)) : QVariant(m.kind));
                member.addBindValue(m.keeper ? QVariant(QMetaType(QMetaType::Int)) : QVariant(m.distance));
                member.addBindValue(m.id);
                if (Error e = db.run(member, QStringLiteral("samples")))
                    return {e, {}};
            }
        }
        for (const SampleRecord &s : samples) {
            if (Error e = checkpoints.mark(scope(), QString::number(s.id), ctx.jobId(), CheckpointStatus::Ok))
                return {e, {}};
        }
        if (Error e = tx.commit())
            return {e, {}};
    }
    // Clustering is over the whole set at once: every sample was checked again.
    ctx.itemSucceeded(qint64(samples.size()));
    ctx.setDone(qint64(samples.size()));

    qint64 duplicates = 0, exact = 0, near = 0;
    QJsonArray clusterJson;
    Result<std::vector<SampleRecord>> after = repo.all();
    if (!after)
        return {after.error(), {}};
    QHash<qint64, const SampleRecord *> byId;
    for (const SampleRecord &s : *after)
        byId.insert(s.id, &s);
    for (const DedupCluster &c : result.clusters) {
        QJsonArray members;
        for (const DedupMember &m : c.members) {
            const SampleRecord *s = byId.value(m.id);
            if (!m.keeper) {
                ++duplicates;
                (m.kind == QLatin1String("exact") ? exact : near) += 1;
            }
            members.append(QJsonObject{{QStringLiteral("sample_id"), s ? s->sampleId : QString()},
                                       {QStringLiteral("source"), s ? s->sourceCode : QString()},
                                       {QStringLiteral("origin"), s ? s->origin : QString()},
                                       {QStringLiteral("image_path"), s ? s->imagePath : QString()},
                                       {QStringLiteral("keep"), m.keeper},
                                       {QStringLiteral("kind"), m.keeper ? QJsonValue() : QJsonValue(m.kind)},
                                       {QStringLiteral("phash_distance"), m.distance}});
        }
        clusterJson.append(QJsonObject{{QStringLiteral("kind"), c.kind}, {QStringLiteral("members"), members}});
    }
    QJsonObject summary{{QStringLiteral("samples"), qint64(samples.size())},
                        {QStringLiteral("clusters"), qint64(result.clusters.size())},
                        {QStringLiteral("duplicates"), duplicates},
                        {QStringLiteral("exact"), exact},
                        {QStringLiteral("near"), near},
                        {QStringLiteral("kept"), qint64(samples.size()) - duplicates}};
    QJsonObject report{{QStringLiteral("generated_at"), nowIso()},
                       {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("phash_radius"), options.pHashRadius},
                                                                  {QStringLiteral("dhash_radius"), options.dHashRadius},
                                                                  {QStringLiteral("fine_radius"), options.fineRadius},
                                                                  {QStringLiteral("verify_radius"), options.verifyRadius}}},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("candidates_checked"), result.candidatesChecked},
                       {QStringLiteral("aligned"), QJsonObject{{QStringLiteral("checked"), result.verified},
                                                               {QStringLiteral("confirmed"), result.confirmed}}},
                       {QStringLiteral("clusters"), clusterJson}};

    const QString truthFile = params.value(QStringLiteral("truth")).toString();
    if (!truthFile.isEmpty()) {
        Result<DedupTruthScore> score = DedupTruth::evaluate(truthFile, *after, roots);
        if (!score)
            return {score.error(), summary};
        report.insert(QStringLiteral("ground_truth"), score->toJson());
        summary.insert(QStringLiteral("precision"), score->precision());
        summary.insert(QStringLiteral("recall"), score->recall());
        ctx.log(LogLevel::Info, QStringLiteral("Against %1: precision %2, recall %3 (%4 of %5 planted pairs; %6 found pairs)")
                                    .arg(truthFile)
                                    .arg(score->precision(), 0, 'f', 3)
                                    .arg(score->recall(), 0, 'f', 3)
                                    .arg(score->matchedPairs)
                                    .arg(score->truePairs)
                                    .arg(score->predictedPairs));
        for (const QJsonObject &m : score->missed)
            ctx.log(LogLevel::Info, QStringLiteral("Missed planted %1 duplicate: %2 ~ %3")
                                        .arg(m.value(QStringLiteral("kind")).toString(), m.value(QStringLiteral("a")).toString(),
                                             m.value(QStringLiteral("b")).toString()));
    }

    QDir().mkpath(QFileInfo(reportPath).absolutePath());
    QSaveFile out(reportPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(report).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
        return {Error(ErrorCode::Io, reportPath, out.errorString()), summary};
    summary.insert(QStringLiteral("report"), reportPath);
    return {{}, summary};
}

} // namespace neuroonco
