// The dashboard and the project report: figures match the engine's numbers, empty figures say
// what to run, charts export to PNG and SVG, the report is written as PDF and HTML.
#include "PipelineFixture.h"

#include "app/studio/DashboardController.h"
#include "app/studio/MainWindow.h"
#include "app/studio/WorkspaceController.h"
#include "core/report/ProjectFigures.h"
#include "core/review/AuditRepository.h"
#include "core/settings/Settings.h"
#include "core/signs/SignReport.h"
#include "core/store/Database.h"
#include "widgets/charts/ChartFactory.h"
#include "widgets/dashboard/DashboardView.h"
#include "widgets/report/ReportRenderer.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace neuroonco;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QBarSet *barSet(QChart *chart, const QString &label)
{
    for (QAbstractSeries *s : chart->series())
        if (auto *bars = qobject_cast<QBarSeries *>(s))
            for (QBarSet *set : bars->barSets())
                if (set->label() == label)
                    return set;
    return nullptr;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void figuresMatchTheEngine();
    void auditFigureHasWilsonIntervals();
    void dashboardTabShowsChartsAndExports();
    void reportAsPdfAndHtml();

private:
    QTemporaryDir m_tmp;
    Project m_project;
};

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::setValue(settings::ReviewerName, QStringLiteral("Dr Test"));
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
    // A reviewer audits a few fields: 3 accepted, 1 rejected mask_size; 1 added shape.
    auto db = m_project.connect();
    QVERIFY(db);
    AuditRepository audits(**db);
    QSqlQuery q = (*db)->query();
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM samples WHERE id IN (SELECT sample FROM mask_semantics) ORDER BY id LIMIT 4")));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QCOMPARE(ids.size(), 4);
    for (int i = 0; i < 4; ++i) {
        AuditDecision d;
        d.sample = ids[i];
        d.field = QStringLiteral("mask_size");
        d.action = i < 3 ? AuditAction::Accept : AuditAction::Reject;
        d.silver = QStringLiteral("x");
        d.reviewer = QStringLiteral("Dr Test");
        d.at = QDateTime::currentDateTimeUtc();
        QVERIFY(audits.append(d));
    }
}

void TestDashboard::figuresMatchTheEngine()
{
    auto db = m_project.connect();
    QVERIFY(db);
    Result<ProjectFigures> figures = ProjectFiguresBuilder::collect(**db, m_project.root());
    QVERIFY2(figures, qPrintable(figures ? QString() : errorMessage(figures.error())));
    Result<QJsonObject> air = SignReport::air(**db);
    QVERIFY(air);
    const Figure &f = figures->air;
    QCOMPARE(f.categories.size(), 7);
    QCOMPARE(f.categories.last(), QStringLiteral("overall"));
    QVERIFY(!f.series.empty());
    for (const FigureSeries &s : f.series) {
        const QJsonObject score = air->value(s.name).toObject();
        QCOMPARE(s.values.back(), score.value(QStringLiteral("overall")).toDouble());
        QCOMPARE(s.values.front(), score.value(QStringLiteral("fields")).toObject().value(QStringLiteral("shape")).toDouble());
        QCOMPARE(s.counts.front(), score.value(QStringLiteral("positives")).toInteger());
    }
    // Nothing built yet: the benchmark and evaluation figures are empty, not errors.
    QVERIFY(figures->evalAccuracy.isEmpty());
    QCOMPARE(figures->status.counts.value(QStringLiteral("samples")), figures->toJson()
                 .value(QStringLiteral("status")).toObject().value(QStringLiteral("counts")).toObject()
                 .value(QStringLiteral("samples")).toInteger());
}

void TestDashboard::auditFigureHasWilsonIntervals()
{
    auto db = m_project.connect();
    QVERIFY(db);
    Result<ProjectFigures> figures = ProjectFiguresBuilder::collect(**db, m_project.root());
    QVERIFY(figures);
    const Figure &audit = figures->audit;
    QCOMPARE(audit.categories, (QStringList{QStringLiteral("mask_size"), QStringLiteral("overall")}));
    QCOMPARE(figures->samplesAudited, 4);
    const FigureSeries &precision = audit.series.at(0);
    QCOMPARE(precision.name, QStringLiteral("precision"));
    QCOMPARE(precision.values.front(), 0.75);
    QCOMPARE(precision.counts.front(), 4);
    // Wilson 95 % for 3/4: [0.3006, 0.9544].
    QVERIFY(std::abs(precision.lower.front() - 0.3006) < 0.001);
    QVERIFY(std::abs(precision.upper.front() - 0.9544) < 0.001);
}

void TestDashboard::dashboardTabShowsChartsAndExports()
{
    MainWindow w;
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openProject(m_project.root(), true));
    DashboardController *dashboard = w.dashboard();
    QSignalSpy updated(dashboard, &DashboardController::figuresUpdated);
    w.workspace()->tabs()->setCurrentWidget(dashboard->view());
    QVERIFY(updated.wait(20000));

    QChartView *airView = dashboard->view()->chartView(QStringLiteral("air"));
    QVERIFY(airView);
    QBarSet *runA = barSet(airView->chart(), ChartFactory::seriesLabel(QStringLiteral("air"), QStringLiteral("run_a")));
    QVERIFY(runA);
    const Figure &air = dashboard->view()->figures().air;
    QCOMPARE(runA->count(), int(air.categories.size()));
    QCOMPARE(runA->at(6), air.series.front().values.back() * 100.0); // percent on the chart
    QVERIFY(dashboard->view()->chartView(QStringLiteral("audit")));
    QVERIFY(!dashboard->view()->chartView(QStringLiteral("eval-accuracy")));
    QVERIFY(dashboard->view()->findChild<QWidget *>(QStringLiteral("figure-eval-accuracy")));

    QTRY_VERIFY(airView->isVisible());
    if (const QByteArray dir = qgetenv("NEUROONCO_TEST_ARTIFACTS"); !dir.isEmpty())
        w.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/dashboard.png"));

    const QString png = m_tmp.filePath(QStringLiteral("air.png"));
    const QString svg = m_tmp.filePath(QStringLiteral("audit.svg"));
    QVERIFY(!dashboard->exportChart(QStringLiteral("air"), png));
    QVERIFY(!dashboard->exportChart(QStringLiteral("audit"), svg));
    const QImage image(png);
    QVERIFY(image.width() >= 900 && image.height() >= 500);
    const QByteArray svgText = readAll(svg);
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("Wilson"));
    // An empty figure cannot be exported, and says why.
    Error e = dashboard->exportChart(QStringLiteral("eval-accuracy"), m_tmp.filePath(QStringLiteral("eval.png")));
    QCOMPARE(e.code, ErrorCode::NotFound);
    e = dashboard->exportChart(QStringLiteral("air"), m_tmp.filePath(QStringLiteral("air.gif")));
    QCOMPARE(e.code, ErrorCode::Unsupported);
}

void TestDashboard::reportAsPdfAndHtml()
{
    MainWindow w;
    QVERIFY(w.openProject(m_project.root(), true));
    const QString pdf = m_tmp.filePath(QStringLiteral("report.pdf"));
    const QString html = m_tmp.filePath(QStringLiteral("report.html"));
    QVERIFY(!w.dashboard()->exportReport(pdf));
    QVERIFY(!w.dashboard()->exportReport(html));
    const QByteArray pdfBytes = readAll(pdf);
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.size() > 20000); // charts are in it
    const QString page = QString::fromUtf8(readAll(html));
    QVERIFY(page.contains(QStringLiteral("Average Information Rate per field and stage")));
    QVERIFY(page.contains(QStringLiteral("data:image/png;base64,")));
    QVERIFY(page.contains(QStringLiteral("No benchmark yet")));
    QVERIFY(page.contains(QStringLiteral("75.0%"))); // the audit precision of mask_size
    const Error bad = w.dashboard()->exportReport(m_tmp.filePath(QStringLiteral("missing-dir/report.pdf")));
    QVERIFY(bad.isError());
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
