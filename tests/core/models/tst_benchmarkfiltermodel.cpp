// The curation list's filter model under QAbstractItemModelTester while every filter changes and
// rows are replaced: kind, status (and "needs attention": stale or warned, never rejected),
// question type, warnings only, free text (image path or exact id), and the default order that
// puts what needs attention first.
#include "core/benchmark/BenchmarkCuration.h"
#include "core/models/BenchmarkFilterModel.h"
#include "core/models/BenchmarkItemModel.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

using namespace neuroonco;

namespace {

CurationRow row(qint64 id, ItemKind kind, ItemStatus status, const QString &type, const QString &image, int warnings = 0)
{
    CurationRow r;
    r.item.id = id;
    r.item.kind = kind;
    r.item.status = status;
    r.item.questionType = type;
    r.item.imagePath = image;
    r.item.answer = kind == ItemKind::Closed ? QStringLiteral("A") : QString();
    for (int i = 0; i < warnings; ++i) {
        LintFinding f;
        f.kind = QStringLiteral("option_repeats");
        f.item = id;
        r.findings.push_back(f);
    }
    return r;
}

QSet<qint64> ids(const QAbstractItemModel &m)
{
    QSet<qint64> out;
    for (int i = 0; i < m.rowCount(); ++i)
        out.insert(m.index(i, 0).data(BenchmarkItemModel::IdRole).toLongLong());
    return out;
}

} // namespace

class TestBenchmarkFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersUnderTheTester();
};

void TestBenchmarkFilterModel::filtersUnderTheTester()
{
    BenchmarkItemModel source;
    BenchmarkFilterModel filter;
    QAbstractItemModelTester sourceTester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&source);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.sortNeedsAttentionFirst();

    std::vector<CurationRow> rows{
        row(1, ItemKind::Closed, ItemStatus::Pending, QStringLiteral("size"), QStringLiteral("glioma/01/a.png")),
        row(2, ItemKind::Closed, ItemStatus::Approved, QStringLiteral("shape"), QStringLiteral("glioma/01/b.png")),
        row(3, ItemKind::Open, ItemStatus::Stale, QStringLiteral("Detail"), QStringLiteral("meningioma/02/c.png")),
        row(4, ItemKind::Closed, ItemStatus::Rejected, QStringLiteral("size"), QStringLiteral("glioma/01/d.png"), 2),
        row(5, ItemKind::Closed, ItemStatus::Pending, QStringLiteral("size"), QStringLiteral("pituitary/03/e.png"), 1),
    };
    source.setRows(rows);
    QCOMPARE(filter.rowCount(), 5);
    // Needs attention first: the stale item, then the warned one.
    QCOMPARE(filter.index(0, 0).data(BenchmarkItemModel::IdRole).toLongLong(), 3);
    QCOMPARE(filter.index(1, 0).data(BenchmarkItemModel::IdRole).toLongLong(), 5);

    filter.setKind(int(ItemKind::Open));
    QCOMPARE(ids(filter), (QSet<qint64>{3}));
    filter.setKind(std::nullopt);

    filter.setStatusFilter(BenchmarkFilterModel::StatusFilter::NeedsAttention);
    QCOMPARE(ids(filter), (QSet<qint64>{3, 5})); // the warned but rejected item needs nothing
    filter.setStatusFilter(BenchmarkFilterModel::StatusFilter::Pending);
    QCOMPARE(ids(filter), (QSet<qint64>{1, 5}));
    filter.setStatusFilter(BenchmarkFilterModel::StatusFilter::Any);

    filter.setQuestionType(QStringLiteral("size"));
    QCOMPARE(ids(filter), (QSet<qint64>{1, 4, 5}));
    filter.setWarningsOnly(true);
    QCOMPARE(ids(filter), (QSet<qint64>{4, 5}));
    filter.setWarningsOnly(false);
    filter.setQuestionType(QString());

    filter.setText(QStringLiteral("GLIOMA/01"));
    QCOMPARE(ids(filter), (QSet<qint64>{1, 2, 4}));
    filter.setText(QStringLiteral("4"));
    QCOMPARE(ids(filter), (QSet<qint64>{4})); // an id matches exactly
    filter.setText(QStringLiteral("03"));
    QCOMPARE(ids(filter), (QSet<qint64>{5})); // the source folder of the path
    filter.setText(QString());

    // A curator's action replaces one row: it leaves the filtered set and the order follows.
    filter.setStatusFilter(BenchmarkFilterModel::StatusFilter::NeedsAttention);
    CurationRow approved = rows[2];
    approved.item.status = ItemStatus::Approved;
    source.updateRow(approved);
    QCOMPARE(ids(filter), (QSet<qint64>{5}));
    filter.setStatusFilter(BenchmarkFilterModel::StatusFilter::Any);
    QCOMPARE(filter.index(0, 0).data(BenchmarkItemModel::IdRole).toLongLong(), 5);

    // A reload with fewer rows.
    source.setRows({rows[0]});
    QCOMPARE(filter.rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestBenchmarkFilterModel)
#include "tst_benchmarkfiltermodel.moc"
