// The review workstation driven from the keyboard, as a reviewer would: 20 samples with
// accept, reject, correct, add and undo, then the database is checked. Also the overlay
// rendering (mask colours where the mask is) and the queue's progress line.
#include "PipelineFixture.h"

#include "app/studio/MainWindow.h"
#include "app/studio/ReviewController.h"
#include "app/studio/WorkspaceController.h"
#include "core/models/AttributeTableModel.h"
#include "core/models/QueueModel.h"
#include "core/review/AuditRepository.h"
#include "core/review/ReviewFields.h"
#include "core/review/ReviewRepository.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "widgets/review/AttributePanel.h"
#include "widgets/review/QueuePanel.h"
#include "widgets/samples/SampleInspector.h"
#include "widgets/viewer/SliceView.h"

#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace neuroonco;

class TestReviewWorkstation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyboardReviewOfTwentySamples();
    void overlayColoursSitOnTheMask();

private:
    QTemporaryDir m_tmp;
    Project m_project;
};

void TestReviewWorkstation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::setValue(settings::ReviewerName, QStringLiteral("Dr Test"));
    m_project = test::buildPipelineProject(m_tmp.filePath(QStringLiteral("data")), m_tmp.filePath(QStringLiteral("p")));
}

void TestReviewWorkstation::keyboardReviewOfTwentySamples()
{
    MainWindow w;
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openProject(m_project.root(), true));
    WorkspaceController *ws = w.workspace();
    ws->tabs()->setCurrentWidget(ws->reviewTab());
    ReviewController *review = ws->review();
    QueuePanel *queue = ws->queue();
    QTableView *attributes = ws->attributes()->view();
    QTRY_VERIFY(review->currentSample() > 0);
    const int visible = queue->view()->model()->rowCount();
    QVERIFY2(visible >= 20, qPrintable(QString::number(visible)));
    queue->view()->setCurrentIndex(queue->view()->model()->index(0, 0));

    int accepts = 0, rejects = 0, corrections = 0, additions = 0, enters = 0;
    QList<qint64> reviewed;
    for (int i = 0; i < 20; ++i) {
        const ReviewSample *s = review->current();
        QVERIFY(s);
        reviewed << s->sample.id;
        attributes->setFocus();
        // Walk the rows with the arrow keys, acting on some of them.
        ws->attributes()->setCurrentField(ReviewFields::all().front().key);
        for (int row = 0; row < int(ReviewFields::all().size()); ++row) {
            const QString field = ws->attributes()->currentField();
            const QString silver = review->current()->silver(field);
            const ReviewField *f = ReviewFields::find(field);
            if (!silver.isEmpty() && row % 5 == 1) {
                QTest::keyClick(attributes, Qt::Key_R);
                ++rejects;
            } else if (!silver.isEmpty() && row % 5 == 2) {
                // Pick the first vocabulary value that differs from the silver one.
                const int k = f->values.indexOf(silver) == 0 ? 2 : 1;
                QTest::keyClick(attributes, Qt::Key(Qt::Key_0 + k));
                ++corrections;
            } else if (silver.isEmpty() && row == 11) {
                QTest::keyClick(attributes, Qt::Key_1); // add a missing oedema value
                ++additions;
            } else if (!silver.isEmpty() && row % 5 == 0) {
                QTest::keyClick(attributes, Qt::Key_A);
                ++accepts;
            }
            QTest::keyClick(attributes, Qt::Key_Down);
        }
        if (i == 4) {
            // Undo the last decision of this sample (Ctrl+Z through the Review menu's action).
            const int before = review->undoStack()->index();
            QTest::keySequence(&w, QKeySequence::Undo);
            QCOMPARE(review->undoStack()->index(), before - 1);
            // The undone decision was the addition or the last acceptance/rejection/correction;
            // find out which from the stack text to keep the tallies right.
            const QString text = review->undoStack()->text(before - 1);
            if (text.startsWith(QLatin1String("add")))
                --additions;
            else if (text.startsWith(QLatin1String("accept")))
                --accepts;
            else if (text.startsWith(QLatin1String("reject")))
                --rejects;
            else if (text.startsWith(QLatin1String("correct")))
                --corrections;
        }
        // Enter accepts what is left and moves on.
        const ReviewSample *now = review->current();
        int rest = 0;
        for (const ReviewField &f : ReviewFields::all())
            if (!now->silver(f.key).isEmpty() && !now->decisions.contains(f.key))
                ++rest;
        accepts += rest;
        const qint64 id = now->sample.id;
        QTest::keyClick(attributes, Qt::Key_Return);
        ++enters;
        if (i < 19)
            QTRY_VERIFY(review->currentSample() != id);
    }

    // The database holds exactly what was decided, by the named reviewer.
    auto db = m_project.connect();
    std::vector<AuditDecision> all = *AuditRepository(**db).all();
    QHash<qint64, QMap<QString, AuditDecision>> effective;
    int retractions = 0;
    for (const auto &[sample, byReviewer] : AuditRepository::effectiveByReviewer(all).asKeyValueRange())
        effective.insert(sample, byReviewer.value(QStringLiteral("Dr Test")));
    for (const AuditDecision &d : all) {
        QCOMPARE(d.reviewer, QStringLiteral("Dr Test"));
        retractions += d.action == AuditAction::Retract;
        QVERIFY(d.at.isValid());
    }
    QCOMPARE(retractions, 1);
    int a = 0, r = 0, c = 0, add = 0;
    for (const auto &fields : effective)
        for (const AuditDecision &d : fields) {
            a += d.action == AuditAction::Accept;
            r += d.action == AuditAction::Reject;
            c += d.action == AuditAction::Correct;
            add += d.action == AuditAction::Add;
        }
    QCOMPARE(a, accepts);
    QCOMPARE(r, rejects);
    QCOMPARE(c, corrections);
    QCOMPARE(add, additions);
    QVERIFY(rejects > 0 && corrections > 0 && accepts > 0);
    // Every sample reviewed with Enter is audited; the progress line says so.
    ReviewRepository repo(**db);
    int audited = 0;
    for (qint64 id : reviewed)
        audited += repo.load(id)->isAudited() ? 1 : 0;
    QCOMPARE(audited, 20);
    QVERIFY2(queue->progressText().startsWith(QStringLiteral("Audited 20 of")), qPrintable(queue->progressText()));
    // The final label takes the reviewer's value.
    for (qint64 id : reviewed) {
        const ReviewSample s = *repo.load(id);
        for (const AuditDecision &d : s.decisions)
            if (d.action == AuditAction::Correct || d.action == AuditAction::Add)
                QCOMPARE(s.finalValue(d.field), d.value);
            else if (d.action == AuditAction::Reject)
                QCOMPARE(s.finalValue(d.field), QString());
    }
    w.grab().save(QDir::temp().filePath(QStringLiteral("neuroonco-review.png")));
}

void TestReviewWorkstation::overlayColoursSitOnTheMask()
{
    // A 100×100 slice with a 30×30 lesion in the upper left.
    GrayImage image(100, 100, 90), mask(100, 100);
    for (int y = 10; y < 40; ++y)
        for (int x = 10; x < 40; ++x)
            mask.at(x, y) = 255;
    SliceView view;
    view.resize(400, 400);
    view.setSlice(image, mask, std::nullopt);
    view.setOverlay(SliceView::Overlay::Outline, false);
    view.setOverlay(SliceView::Overlay::Centroid, false);
    const QImage shot = view.render(QSize(400, 400));
    shot.save(QDir::temp().filePath(QStringLiteral("neuroonco-overlay.png")));
    // The image fills the 400 px view: pixel (x, y) of the slice is at 4x + 2.
    auto isReddish = [](QRgb c) { return qRed(c) > qGreen(c) + 40 && qRed(c) > qBlue(c) + 40; };
    QVERIFY(isReddish(shot.pixel(4 * 25 + 2, 4 * 25 + 2)));   // inside the lesion
    QVERIFY(!isReddish(shot.pixel(4 * 70 + 2, 4 * 70 + 2))); // outside
    // Contour mode colours only the border; hidden shows nothing.
    view.setMaskMode(SliceView::MaskMode::Contour);
    const QImage contour = view.render(QSize(400, 400));
    QVERIFY(isReddish(contour.pixel(4 * 10 + 2, 4 * 25 + 2)));
    QVERIFY(!isReddish(contour.pixel(4 * 25 + 2, 4 * 25 + 2)));
    view.setMaskMode(SliceView::MaskMode::Hidden);
    QVERIFY(!isReddish(view.render(QSize(400, 400)).pixel(4 * 10 + 2, 4 * 25 + 2)));
    // Two components get distinct colours.
    for (int y = 60; y < 80; ++y)
        for (int x = 60; x < 80; ++x)
            mask.at(x, y) = 255;
    view.setSlice(image, mask, std::nullopt);
    view.setMaskMode(SliceView::MaskMode::Fill);
    const QImage two = view.render(QSize(400, 400));
    QVERIFY(two.pixel(4 * 25 + 2, 4 * 25 + 2) != two.pixel(4 * 70 + 2, 4 * 70 + 2));
}

QTEST_MAIN(TestReviewWorkstation)
#include "tst_reviewworkstation.moc"
