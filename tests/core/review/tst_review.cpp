// Review core: audit metrics against hand-computed values, the append-only trail, effective
// decisions, consistency checks, the queue models (QAbstractItemModelTester) and certification
// draws, and the audited export.
#include "PipelineFixture.h"
#include "TestUtil.h"

#include "core/models/AttributeTableModel.h"
#include "core/models/QueueFilterModel.h"
#include "core/models/QueueModel.h"
#include "core/review/AuditMetrics.h"
#include "core/review/AuditRepository.h"
#include "core/review/ConsistencyChecks.h"
#include "core/review/ReviewFields.h"
#include "core/review/ReviewRepository.h"
#include "core/store/Database.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {
AuditDecision decision(qint64 sample, const QString &field, AuditAction action, const QString &reviewer,
                       const QString &value = {}, const QString &silver = QStringLiteral("x"))
{
    AuditDecision d;
    d.sample = sample;
    d.field = field;
    d.action = action;
    d.reviewer = reviewer;
    d.value = value;
    d.silver = silver;
    return d;
}
} // namespace

class TestReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wilsonInterval();
    void kappa();
    void metricsByHand();
    void effectiveDecisionsAndRetraction();
    void trailIsAppendOnly();
    void consistencyChecks();
    void queueModels();
    void certificationDraw();
    void auditedExport();

private:
    QTemporaryDir m_tmp;
    Project m_project;
};

void TestReview::initTestCase()
{
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
}

void TestReview::wilsonInterval()
{
    // 8 of 10: Wilson 95 % interval 0.4902 – 0.9433 (textbook value).
    const auto [lo, hi] = Proportion{8, 10}.wilson();
    QVERIFY(std::fabs(lo - 0.4902) < 1e-3);
    QVERIFY(std::fabs(hi - 0.9433) < 1e-3);
    const auto [lo0, hi0] = Proportion{0, 20}.wilson();
    QCOMPARE(lo0, 0.0);
    QVERIFY(std::fabs(hi0 - 0.1611) < 1e-3);
    QCOMPARE(Proportion{}.wilson().second, 1.0);
}

void TestReview::kappa()
{
    // Two raters, 10 items: 7 agree; marginals yes 6/5, no 4/5 → pe = 0.5, κ = 0.4.
    std::vector<std::pair<QString, QString>> pairs;
    const char *a[] = {"y", "y", "y", "y", "y", "y", "n", "n", "n", "n"};
    const char *b[] = {"y", "y", "y", "y", "n", "n", "y", "n", "n", "n"};
    for (int i = 0; i < 10; ++i)
        pairs.emplace_back(QLatin1String(a[i]), QLatin1String(b[i]));
    double po = 0;
    QCOMPARE(AuditMetrics::cohensKappa(pairs, &po), (0.7 - 0.5) / 0.5);
    QCOMPARE(po, 0.7);
    QCOMPARE(AuditMetrics::cohensKappa({{QStringLiteral("a"), QStringLiteral("a")}}), 1.0);
}

void TestReview::metricsByHand()
{
    // Two synthetic samples: 3 accepts, 1 reject, 1 correction, 1 addition.
    ReviewSample one, two;
    one.sample.id = 1;
    two.sample.id = 2;
    one.history = {decision(1, QStringLiteral("shape"), AuditAction::Accept, QStringLiteral("ann")),
                   decision(1, QStringLiteral("margins"), AuditAction::Accept, QStringLiteral("ann")),
                   decision(1, QStringLiteral("texture"), AuditAction::Reject, QStringLiteral("ann")),
                   decision(1, QStringLiteral("edema"), AuditAction::Add, QStringLiteral("ann"), QStringLiteral("Mild"), QString())};
    two.history = {decision(2, QStringLiteral("shape"), AuditAction::Accept, QStringLiteral("ann")),
                   decision(2, QStringLiteral("margins"), AuditAction::Correct, QStringLiteral("ann"), QStringLiteral("Ill-defined"))};
    for (qint64 i = 0; i < qint64(one.history.size()); ++i)
        one.history[size_t(i)].id = i + 1;
    for (qint64 i = 0; i < qint64(two.history.size()); ++i)
        two.history[size_t(i)].id = i + 10;
    const AuditReport r = AuditMetrics::compute({one, two});
    QCOMPARE(r.samplesAudited, qint64(2));
    // Precision: accepted / (accepted + rejected + corrected) = 3 / 5.
    QCOMPARE(r.overall.precision().successes, qint64(3));
    QCOMPARE(r.overall.precision().total, qint64(5));
    // Omission: added / (accepted + corrected + added) = 1 / 5.
    QCOMPARE(r.overall.omission().value(), 0.2);
    const FieldAudit &shape = r.fields[size_t(ReviewFields::indexOf(QStringLiteral("shape")))];
    QCOMPARE(shape.precision().value(), 1.0);
    const FieldAudit &margins = r.fields[size_t(ReviewFields::indexOf(QStringLiteral("margins")))];
    QCOMPARE(margins.precision().value(), 0.5);
    // A second reviewer on sample 1 gives κ pairs.
    one.history.push_back(decision(1, QStringLiteral("shape"), AuditAction::Accept, QStringLiteral("bob")));
    one.history.back().id = 99;
    const AuditReport withTwo = AuditMetrics::compute({one, two});
    QCOMPARE(withTwo.kappa.size(), size_t(1));
    QCOMPARE(withTwo.kappa.front().pairs, qint64(1));
    QCOMPARE(withTwo.kappa.front().observed, 1.0);
}

void TestReview::effectiveDecisionsAndRetraction()
{
    auto db = m_project.connect();
    AuditRepository repo(**db);
    const qint64 sample = test::scalar(**db, QStringLiteral("SELECT MIN(id) FROM samples")).toLongLong();
    const qint64 first = *repo.append(decision(sample, QStringLiteral("shape"), AuditAction::Accept, QStringLiteral("ann")));
    const qint64 second = *repo.append(decision(sample, QStringLiteral("shape"), AuditAction::Correct, QStringLiteral("ann"), QStringLiteral("Oval")));
    auto history = *repo.history(sample);
    QCOMPARE(AuditRepository::effective(history).value(QStringLiteral("shape")).action, AuditAction::Correct);
    AuditDecision retract = decision(sample, QStringLiteral("shape"), AuditAction::Retract, QStringLiteral("ann"));
    retract.retracts = second;
    QVERIFY(repo.append(retract).ok());
    history = *repo.history(sample);
    QCOMPARE(AuditRepository::effective(history).value(QStringLiteral("shape")).id, first);
    QCOMPARE(history.size(), size_t(3)); // nothing removed
    QVERIFY(!repo.append(decision(sample, QStringLiteral("shape"), AuditAction::Accept, QString())).ok()); // no reviewer
}

void TestReview::trailIsAppendOnly()
{
    auto db = m_project.connect();
    QVERIFY((*db)->exec(QStringLiteral("UPDATE audit_decisions SET value = 'forged'")).isError());
    QVERIFY((*db)->exec(QStringLiteral("DELETE FROM audit_decisions")).isError());
    QVERIFY(test::scalar(**db, QStringLiteral("SELECT COUNT(*) FROM audit_decisions")).toInt() >= 3);
}

void TestReview::consistencyChecks()
{
    ReviewSample s;
    s.sample.modality = QStringLiteral("T1");
    s.sample.maskPath = QStringLiteral("m.png");
    s.sample.lesionPixels = 50;
    MaskSemantics m;
    m.location = QStringLiteral("Upper-Left Region");
    s.semantics = m;
    ExtractionRecord a;
    a.status = QStringLiteral("ok");
    a.signs.lesionFound = 0;
    a.signs.modality = QStringLiteral("T2");
    a.signs.location = QStringLiteral("Center");
    a.signs.enhancement = QStringLiteral("Ring");
    ExtractionRecord b = a;
    b.signs.lesionFound = 1;
    b.signs.modality = QStringLiteral("T1");
    b.signs.location = QStringLiteral("Upper-Left");
    b.signs.enhancement.clear();
    b.signs.edema = QStringLiteral("Mild");
    s.runA = a;
    s.runB = b;
    QStringList codes;
    for (const ConsistencyWarning &w : ConsistencyChecks::check(s))
        codes << w.code + QLatin1Char('@') + w.source;
    QVERIFY(codes.contains(QStringLiteral("lesion-vs-mask@run A")));
    QVERIFY(codes.contains(QStringLiteral("location-vs-mask@run A")));
    QVERIFY(!codes.contains(QStringLiteral("location-vs-mask@run B")));
    QVERIFY(codes.contains(QStringLiteral("enhancement-non-contrast@run A")));
    QVERIFY(codes.contains(QStringLiteral("oedema-on-t1@run B")));
    QVERIFY(codes.contains(QStringLiteral("modality-vs-path@run A")));
    QVERIFY(!codes.contains(QStringLiteral("modality-vs-path@run B")));
    QCOMPARE(s.disagreements(), 3); // modality, location, lesion found (one-sided values do not count)
}

void TestReview::queueModels()
{
    auto db = m_project.connect();
    Result<std::vector<QueueRow>> rows = ReviewRepository(**db).queueRows();
    QVERIFY(rows.ok());
    QVERIFY(rows->size() > 20);
    QueueModel model;
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(*rows);
    const int kept = filter.rowCount();
    QVERIFY(kept < model.rowCount()); // duplicates hidden by default
    filter.setShowDuplicates(true);
    QCOMPARE(filter.rowCount(), model.rowCount());
    filter.setHasMask(QueueFilterModel::Tristate::Yes);
    for (int r = 0; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r, 0).data(QueueModel::RowRole).value<QueueRow>().hasMask);
    filter.setHasMask(QueueFilterModel::Tristate::Any);
    filter.setDisagreementOnly(true);
    for (int r = 0; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r, 0).data(QueueModel::RowRole).value<QueueRow>().disagreements > 0);
    filter.setDisagreementOnly(false);
    filter.sortMostDisagreementFirst();
    for (int r = 1; r < filter.rowCount(); ++r)
        QVERIFY(filter.index(r - 1, 0).data(QueueModel::RowRole).value<QueueRow>().disagreements
                >= filter.index(r, 0).data(QueueModel::RowRole).value<QueueRow>().disagreements);
    filter.setSource(QStringLiteral("02"));
    for (int r = 0; r < filter.rowCount(); ++r)
        QCOMPARE(filter.index(r, QueueModel::SourceColumn).data().toString(), QStringLiteral("02"));
    // Row updates keep the model consistent (tester watches).
    QueueRow changed = model.rows().front();
    changed.state = QueueRow::Audited;
    model.updateRow(changed);
    QCOMPARE(model.auditedCount(), qint64(1));

    // Attribute table: 13 fields; its tester too.
    AttributeTableModel attributes;
    QAbstractItemModelTester t3(&attributes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Result<ReviewSample> sample = ReviewRepository(**db).load(rows->front().id);
    QVERIFY(sample.ok());
    attributes.setSample(*sample);
    QCOMPARE(attributes.rowCount(), int(ReviewFields::all().size()));
}

void TestReview::certificationDraw()
{
    auto db = m_project.connect();
    ReviewRepository repo(**db);
    const auto samples = *repo.loadAll();
    const auto draw = AuditMetrics::drawStratified(samples, 10, 7);
    QCOMPARE(draw.size(), size_t(10));
    QCOMPARE(AuditMetrics::drawStratified(samples, 10, 7), draw); // deterministic
    QSet<qint64> ids;
    for (const auto &[id, stratum] : draw) {
        ids.insert(id);
        QVERIFY(stratum.contains(QLatin1Char('/')));
    }
    QCOMPARE(ids.size(), 10);
    int number = 0;
    QVERIFY(!repo.storeDraw(draw, &number));
    int newest = 0;
    QCOMPARE(repo.certificationSamples(&newest)->size(), size_t(10));
    QCOMPARE(newest, number);
}

void TestReview::auditedExport()
{
    auto db = m_project.connect();
    ReviewRepository repo(**db);
    const auto rows = *repo.queueRows();
    // Pick a sample whose fused label is kept, correct its shape and reject its texture.
    qint64 sample = 0;
    for (const QueueRow &r : rows)
        if (r.silverFields > 4 && !r.isDuplicate) {
            sample = r.id;
            break;
        }
    QVERIFY(sample > 0);
    ReviewSample before = *repo.load(sample);
    AuditRepository audit(**db);
    QVERIFY(audit.append(decision(sample, QStringLiteral("shape"), AuditAction::Correct, QStringLiteral("ann"), QStringLiteral("Lobulated"),
                                  before.silver(QStringLiteral("shape")))).ok());
    QVERIFY(audit.append(decision(sample, QStringLiteral("comment"), AuditAction::Comment, QStringLiteral("ann"), QStringLiteral("faint rim"))).ok());
    const ReviewSample after = *repo.load(sample);
    QCOMPARE(after.finalValue(QStringLiteral("shape")), QStringLiteral("Lobulated"));
    const QJsonArray exported = *repo.exportAudited();
    bool found = false;
    for (const QJsonValue &v : exported) {
        if (v[QStringLiteral("sample_id")].toString() != after.sample.sampleId)
            continue;
        found = true;
        QCOMPARE(v[QStringLiteral("gold_label")][QStringLiteral("structured_signs")][QStringLiteral("shape")].toString(), QStringLiteral("Lobulated"));
        QVERIFY(v[QStringLiteral("gold_label")][QStringLiteral("additional_clues")].toArray().contains(QStringLiteral("faint rim")));
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
