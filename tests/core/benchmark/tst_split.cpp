// Leakage-safe splits without a project: planted patient, volume and duplicate-cluster groups
// stay on one side, strata stay near the test share, the split is the same for the same data
// and seed whatever the row ids, cluster ids or patient-key salts; the leakage report finds
// groups that cross.
#include "core/benchmark/LeakageReport.h"
#include "core/benchmark/SplitPlanner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace neuroonco;

namespace {

const QStringList kTypes{QStringLiteral("glioma"), QStringLiteral("meningioma"), QStringLiteral("pituitary"),
                         QStringLiteral("metastasis"), QStringLiteral("ependymoma"), QStringLiteral("embryonal"),
                         QStringLiteral("schwannoma"), QStringLiteral("neuronal_tumor"), QStringLiteral("tumor"),
                         QStringLiteral("healthy")};

} // namespace

class TestSplit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitKeepsGroupsTogether();
    void leakageReportFindsCrossing();

private:
    QTemporaryDir m_tmp;
};

void TestSplit::splitKeepsGroupsTogether()
{
    // 600 samples: 90 patients with 2–9 slices (some from one volume), near-duplicate clusters
    // linking some of them across patients, and 150 independent slices.
    std::vector<SplitSample> samples;
    std::mt19937 rng(17);
    qint64 id = 1;
    const QStringList questions{QStringLiteral("diagnosis"), QStringLiteral("modality"),
                                QStringLiteral("size"), QStringLiteral("location")};
    for (int p = 0; p < 90; ++p) {
        const int slices = 2 + int(rng() % 8);
        for (int s = 0; s < slices; ++s) {
            SplitSample x;
            x.sample = id++;
            x.sampleId = QStringLiteral("p%1_s%2").arg(p).arg(s);
            x.tumourType = kTypes.at(p % 8);
            x.patientKey = QStringLiteral("P%1").arg(p);
            x.volumePath = s % 2 ? QStringLiteral("vol/P%1.nii.gz").arg(p) : QString();
            x.questionTypes = questions.mid(0, 2 + int(rng() % 3));
            samples.push_back(x);
        }
    }
    while (samples.size() < 600) {
        SplitSample x;
        x.sample = id++;
        x.sampleId = QStringLiteral("single%1").arg(x.sample);
        x.tumourType = kTypes.at(int(x.sample % 10));
        x.questionTypes = questions.mid(0, 2);
        samples.push_back(x);
    }
    // Clusters: pairs of samples of different patients (and a duplicate of a single).
    for (int c = 0; c < 20; ++c) {
        samples[size_t(c * 7)].clusterId = c + 1;
        samples[size_t(c * 7 + 200)].clusterId = c + 1;
    }
    samples[590].clusterId = 99;
    samples[591].clusterId = 99;
    samples[591].duplicate = true;

    const std::vector<SplitRow> rows = SplitPlanner::plan(samples, {0.2, 3});
    QCOMPARE(rows.size(), samples.size());
    QHash<qint64, QString> splitOf;
    for (const SplitRow &r : rows)
        splitOf.insert(r.sample, r.split);
    const QJsonObject report = LeakageReport::check(samples, splitOf, 0.2);
    QVERIFY2(report.value(QStringLiteral("ok")).toBool(),
             QJsonDocument(report).toJson().constData());
    QCOMPARE(report[QStringLiteral("crossing_groups")][QStringLiteral("patient")].toInt(), 0);
    QCOMPARE(report[QStringLiteral("crossing_groups")][QStringLiteral("cluster")].toInt(), 0);
    QCOMPARE(report[QStringLiteral("crossing_groups")][QStringLiteral("volume")].toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("unassigned")).toInt(), 0);
    const double share = report.value(QStringLiteral("test_share")).toDouble();
    QVERIFY2(std::fabs(share - 0.2) < 0.02, qPrintable(QString::number(share)));
    // Every tumour type and question type close to the share.
    const QJsonObject types =
        report[QStringLiteral("strata")][QStringLiteral("tumour_type")].toObject();
    for (auto it = types.begin(); it != types.end(); ++it)
        QVERIFY2(std::fabs(it.value()[QStringLiteral("test_share")].toDouble() - 0.2) < 0.05,
                 qPrintable(it.key()));
    QVERIFY2(report.value(QStringLiteral("max_stratum_deviation")).toDouble() < 0.05,
             qPrintable(QString::number(
                 report.value(QStringLiteral("max_stratum_deviation")).toDouble())));
    // Groups: a cluster links two patients into one group key.
    const QHash<qint64, QString> groups = SplitPlanner::groups(samples);
    QCOMPARE(groups.value(samples[0].sample), groups.value(samples[200].sample));
    QCOMPARE(groups.value(samples[590].sample), groups.value(samples[591].sample));
    // Deterministic per seed; another seed gives another split.
    const std::vector<SplitRow> again = SplitPlanner::plan(samples, {0.2, 3});
    QVERIFY(std::equal(rows.begin(), rows.end(), again.begin(),
                       [](const SplitRow &a, const SplitRow &b) { return a.split == b.split; }));
    const std::vector<SplitRow> other = SplitPlanner::plan(samples, {0.2, 4});
    QVERIFY(!std::equal(rows.begin(), rows.end(), other.begin(),
                        [](const SplitRow &a, const SplitRow &b) { return a.split == b.split; }));

    // The same data stored in another order (as two ingest threads may store it): other row
    // ids, other cluster ids, the same split of every sample_id.
    std::vector<SplitSample> shuffled = samples;
    std::reverse(shuffled.begin(), shuffled.end());
    QHash<qint64, QString> idToName;
    for (size_t i = 0; i < shuffled.size(); ++i) {
        idToName.insert(qint64(i) + 1000, shuffled[i].sampleId);
        shuffled[i].sample = qint64(i) + 1000;
        if (shuffled[i].clusterId > 0)
            shuffled[i].clusterId += 500;
        std::reverse(shuffled[i].questionTypes.begin(), shuffled[i].questionTypes.end());
    }
    QHash<QString, QString> bySampleId;
    for (const SplitRow &r : rows)
        for (const SplitSample &x : samples)
            if (x.sample == r.sample)
                bySampleId.insert(x.sampleId, r.split);
    const std::vector<SplitRow> reordered = SplitPlanner::plan(shuffled, {0.2, 3});
    QCOMPARE(reordered.size(), rows.size());
    for (const SplitRow &r : reordered)
        QCOMPARE(r.split, bySampleId.value(idToName.value(r.sample)));

    // Where only the tie-break decides (40 alike pairs of duplicates, 8 go to test), neither
    // cluster row ids nor patient keys (salted per project) may: renumbered clusters, other
    // salts, same split.
    std::vector<SplitSample> pairs;
    for (int c = 0; c < 40; ++c)
        for (int k = 0; k < 2; ++k) {
            SplitSample x;
            x.sample = c * 2 + k + 1;
            x.sampleId = QStringLiteral("pair%1_%2").arg(c, 2, 10, QLatin1Char('0')).arg(k);
            x.tumourType = QStringLiteral("glioma");
            x.questionTypes = {QStringLiteral("modality")};
            x.clusterId = c % 2 ? 0 : c + 1; // odd pairs: one patient, not duplicates
            x.patientKey = QStringLiteral("06:salt-one-%1").arg(c * 7919 % 40);
            pairs.push_back(x);
        }
    std::vector<SplitSample> renumbered = pairs;
    for (SplitSample &x : renumbered) {
        x.clusterId = x.clusterId ? 41 - x.clusterId : 0;
        x.patientKey.replace(QStringLiteral("salt-one"), QStringLiteral("another-salt"));
    }
    const std::vector<SplitRow> a = SplitPlanner::plan(pairs, {0.2, 3});
    const std::vector<SplitRow> b = SplitPlanner::plan(renumbered, {0.2, 3});
    QCOMPARE(a.size(), b.size());
    int test = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].sample, b[i].sample);
        QCOMPARE(a[i].split, b[i].split);
        test += a[i].split == QLatin1String("test") ? 1 : 0;
    }
    QCOMPARE(test, 16);
}

void TestSplit::leakageReportFindsCrossing()
{
    std::vector<SplitSample> samples(4);
    for (int i = 0; i < 4; ++i) {
        samples[size_t(i)].sample = i + 1;
        samples[size_t(i)].sampleId = QStringLiteral("s%1").arg(i + 1);
        samples[size_t(i)].tumourType = QStringLiteral("glioma");
    }
    samples[0].patientKey = samples[1].patientKey = QStringLiteral("P1");
    samples[2].clusterId = samples[3].clusterId = 5;
    const QHash<qint64, QString> leaky{
        {1, QStringLiteral("test")}, {2, QStringLiteral("train")}, {3, QStringLiteral("test")}};
    const QJsonObject report = LeakageReport::check(samples, leaky, 0.5, {2, 7});
    QVERIFY(!report.value(QStringLiteral("ok")).toBool());
    QCOMPARE(report[QStringLiteral("crossing_groups")][QStringLiteral("patient")].toInt(), 1);
    QCOMPARE(report[QStringLiteral("crossing")][QStringLiteral("patient")][0][QStringLiteral("key")]
                 .toString(),
             QStringLiteral("P1"));
    QCOMPARE(report[QStringLiteral("crossing_groups")][QStringLiteral("cluster")].toInt(),
             0); // s4 has no side
    QCOMPARE(report.value(QStringLiteral("unassigned")).toInt(), 1);
    QCOMPARE(report.value(QStringLiteral("items_split_mismatch")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("instructions_from_test")).toInt(), 7);

    // A split file made elsewhere, keyed by sample_id or image_path; unknown keys are named.
    samples[3].imagePath = QStringLiteral("glioma/x/4.png");
    const QString file = m_tmp.filePath(QStringLiteral("split.json"));
    QFile f(file);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"s1": "test", "s2": "test", "s3": "train", "glioma/x/4.png": "train"})");
    f.close();
    Result<QHash<qint64, QString>> read = LeakageReport::readSplitFile(file, samples);
    QVERIFY(read);
    QCOMPARE(read->value(4), QStringLiteral("train"));
    QVERIFY(LeakageReport::check(samples, *read, 0.5).value(QStringLiteral("ok")).toBool());
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(R"([{"sample_id": "s1", "split": "test"}, {"sample_id": "nope", "split": "train"}])");
    f.close();
    Result<QHash<qint64, QString>> bad = LeakageReport::readSplitFile(file, samples);
    QVERIFY(!bad);
    QVERIFY(bad.error().subject.endsWith(QStringLiteral("entry 2")));
    QVERIFY(bad.error().detail.contains(QStringLiteral("'nope'")));
}


QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
