// Fusion (§3.8), QC (§3.9), AIR (§3.7) and vocabulary normalisation, rule by rule, on
// hand-built readings.
#include "core/signs/Air.h"
#include "core/signs/Fusion.h"
#include "core/signs/QcAudit.h"
#include "core/signs/SignSet.h"

#include <QJsonDocument>
#include <QTest>

using namespace neuroonco;

namespace {
SignSet reading(const QString &modality, int lesion = 1)
{
    SignSet s;
    s.modality = modality;
    s.lesionFound = lesion;
    return s;
}
} // namespace

class TestFusion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lesionAgreement();
    void signRules_data();
    void signRules();
    void modalityRules_data();
    void modalityRules();
    void locationPrefersRunA();
    void t1ceWithoutEnhancementIsDowngraded();
    void notesExplainEveryDecision();
    void qcActions();
    void qcParsesLooseReplies();
    void air();
    void normalisation_data();
    void normalisation();
    void publishedJsonRoundTrip();
};

void TestFusion::lesionAgreement()
{
    FusionOutcome o = Fusion::fuse(reading(QStringLiteral("T1"), 0), reading(QStringLiteral("T1"), 0));
    QCOMPARE(o.status, FusionOutcome::Status::Healthy);
    o = Fusion::fuse(reading(QStringLiteral("T1"), 1), reading(QStringLiteral("T1"), 0));
    QCOMPARE(o.status, FusionOutcome::Status::Dropped);
    QVERIFY(o.reason.contains(QStringLiteral("only run A")));
    o = Fusion::fuse(reading(QStringLiteral("T1"), -1), reading(QStringLiteral("T1"), 1));
    QCOMPARE(o.status, FusionOutcome::Status::Dropped);
    QVERIFY(o.reason.contains(QStringLiteral("only run B")));
    o = Fusion::fuse(reading(QStringLiteral("T1"), 1), reading(QStringLiteral("T1"), 1));
    QCOMPARE(o.status, FusionOutcome::Status::Kept);
    QCOMPARE(o.fused.lesionFound, 1);
}

void TestFusion::signRules_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    const int shape = int(SignField::Shape), signal = int(SignField::SignalIntensity);
    QTest::newRow("null a") << shape << QString() << QStringLiteral("Round") << QString();
    QTest::newRow("null b") << shape << QStringLiteral("Round") << QString() << QString();
    QTest::newRow("equal") << shape << QStringLiteral("Oval") << QStringLiteral("Oval") << QStringLiteral("Oval");
    QTest::newRow("shape disagree") << shape << QStringLiteral("Oval") << QStringLiteral("Round") << QString();
    QTest::newRow("margins disagree") << int(SignField::Margins) << QStringLiteral("Ill-defined") << QStringLiteral("Well-circumscribed") << QString();
    QTest::newRow("texture disagree") << int(SignField::Texture) << QStringLiteral("Homogeneous") << QStringLiteral("Heterogeneous") << QString();
    QTest::newRow("hyper+iso") << signal << QStringLiteral("Hyperintense") << QStringLiteral("Isointense") << QStringLiteral("Isointense");
    QTest::newRow("iso+hypo") << signal << QStringLiteral("Isointense") << QStringLiteral("Hypointense") << QStringLiteral("Isointense");
    QTest::newRow("hyper+hypo") << signal << QStringLiteral("Hyperintense") << QStringLiteral("Hypointense") << QString();
    QTest::newRow("mixed+hyper") << signal << QStringLiteral("Mixed") << QStringLiteral("Hyperintense") << QString();
    QTest::newRow("enhancement disagree") << int(SignField::Enhancement) << QStringLiteral("Ring") << QStringLiteral("Solid") << QStringLiteral("Present");
    QTest::newRow("enhancement null") << int(SignField::Enhancement) << QStringLiteral("Ring") << QString() << QString();
    QTest::newRow("edema disagree") << int(SignField::Edema) << QStringLiteral("Mild") << QStringLiteral("Extensive") << QStringLiteral("Present");
    QTest::newRow("edema equal") << int(SignField::Edema) << QStringLiteral("Mild") << QStringLiteral("Mild") << QStringLiteral("Mild");
}

void TestFusion::signRules()
{
    QFETCH(int, field);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    QString rule;
    QCOMPARE(Fusion::fuseSign(SignField(field), a, b, &rule), expected);
    QVERIFY(!rule.isEmpty());
    // Symmetric.
    QCOMPARE(Fusion::fuseSign(SignField(field), b, a, &rule), expected);
}

void TestFusion::modalityRules_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("conflict");
    QTest::newRow("equal") << QStringLiteral("T2") << QStringLiteral("T2") << QStringLiteral("T2") << false;
    QTest::newRow("one unknown") << QString() << QStringLiteral("FLAIR") << QStringLiteral("FLAIR") << false;
    QTest::newRow("other unknown") << QStringLiteral("T1") << QString() << QStringLiteral("T1") << false;
    QTest::newRow("both unknown") << QString() << QString() << QString() << false;
    QTest::newRow("t2 flair") << QStringLiteral("T2") << QStringLiteral("FLAIR") << QStringLiteral("FLAIR") << false;
    QTest::newRow("flair t2") << QStringLiteral("FLAIR") << QStringLiteral("T2") << QStringLiteral("FLAIR") << false;
    QTest::newRow("t1 t1ce") << QStringLiteral("T1") << QStringLiteral("T1CE") << QStringLiteral("T1CE") << false;
    QTest::newRow("t1 t2") << QStringLiteral("T1") << QStringLiteral("T2") << QString() << true;
    QTest::newRow("t1ce flair") << QStringLiteral("T1CE") << QStringLiteral("FLAIR") << QString() << true;
}

void TestFusion::modalityRules()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    QFETCH(bool, conflict);
    bool isConflict = false;
    QString rule;
    QCOMPARE(Fusion::fuseModality(a, b, &isConflict, &rule), expected);
    QCOMPARE(isConflict, conflict);
    SignSet ra = reading(a), rb = reading(b);
    ra.enhancement = rb.enhancement = QStringLiteral("Ring");
    const FusionOutcome o = Fusion::fuse(ra, rb);
    QCOMPARE(o.status == FusionOutcome::Status::Dropped, conflict);
    if (conflict)
        QVERIFY(o.reason.contains(QStringLiteral("modality conflict")));
}

void TestFusion::locationPrefersRunA()
{
    SignSet a = reading(QStringLiteral("T2")), b = reading(QStringLiteral("T2"));
    a.location = QStringLiteral("Upper-Left");
    b.location = QStringLiteral("Center");
    QCOMPARE(Fusion::fuse(a, b).fused.location, QStringLiteral("Upper-Left"));
    a.location.clear();
    QCOMPARE(Fusion::fuse(a, b).fused.location, QStringLiteral("Center"));
}

void TestFusion::t1ceWithoutEnhancementIsDowngraded()
{
    SignSet a = reading(QStringLiteral("T1CE")), b = reading(QStringLiteral("T1CE"));
    a.enhancement = QStringLiteral("Ring");
    FusionOutcome o = Fusion::fuse(a, b); // B has none → null → downgrade
    QCOMPARE(o.fused.modality, QStringLiteral("T1"));
    QVERIFY(o.downgraded);
    b.enhancement = QStringLiteral("Solid");
    o = Fusion::fuse(a, b); // disagreement → Present → stays T1CE
    QCOMPARE(o.fused.modality, QStringLiteral("T1CE"));
    QCOMPARE(o.fused.enhancement, QStringLiteral("Present"));
    QVERIFY(!o.downgraded);
    // {T1, T1CE} → T1CE, then downgraded when nobody saw enhancement.
    SignSet c = reading(QStringLiteral("T1")), d = reading(QStringLiteral("T1CE"));
    o = Fusion::fuse(c, d);
    QCOMPARE(o.fused.modality, QStringLiteral("T1"));
    QVERIFY(o.downgraded);
}

void TestFusion::notesExplainEveryDecision()
{
    SignSet a = reading(QStringLiteral("T2")), b = reading(QStringLiteral("FLAIR"));
    a.shape = QStringLiteral("Round");
    b.shape = QStringLiteral("Oval");
    a.edema = QStringLiteral("Mild");
    b.edema = QStringLiteral("Extensive");
    a.texture = b.texture = QStringLiteral("Homogeneous");
    const FusionOutcome o = Fusion::fuse(a, b);
    QStringList fields;
    for (const FusionNote &n : o.notes)
        fields << n.field;
    QVERIFY(fields.contains(QStringLiteral("modality")));
    QVERIFY(fields.contains(QStringLiteral("shape")));
    QVERIFY(fields.contains(QStringLiteral("edema")));
    QVERIFY(!fields.contains(QStringLiteral("texture"))); // equal values need no note
}

void TestFusion::qcActions()
{
    SignSet fused = reading(QStringLiteral("T1CE"));
    fused.enhancement = QStringLiteral("Ring");
    fused.edema = QStringLiteral("Extensive");
    fused.shape = QStringLiteral("Irregular");
    fused.location = QStringLiteral("Center");
    QcDecision d;
    d.actions[QStringLiteral("modality")] = QcAction::Downgrade;
    d.actions[QStringLiteral("edema")] = QcAction::Downgrade;
    d.actions[QStringLiteral("shape")] = QcAction::Erase;
    d.actions[QStringLiteral("location")] = QcAction::Keep;
    const QcOutcome o = QcAudit::apply(fused, d);
    QCOMPARE(o.gold.modality, QStringLiteral("T1"));
    QCOMPARE(o.gold.enhancement, QString()); // cleared with the T1CE downgrade
    QCOMPARE(o.gold.edema, QStringLiteral("Present"));
    QCOMPARE(o.gold.shape, QString());
    QCOMPARE(o.gold.location, QStringLiteral("Center"));
    QCOMPARE(o.notes.size(), 4); // modality, enhancement, edema, shape
    // Downgrade of enhancement alone → Present.
    QcDecision e;
    e.actions[QStringLiteral("enhancement")] = QcAction::Downgrade;
    QCOMPARE(QcAudit::apply(fused, e).gold.enhancement, QStringLiteral("Present"));
    QCOMPARE(QcAudit::apply(fused, e).gold.modality, QStringLiteral("T1CE"));
}

void TestFusion::qcParsesLooseReplies()
{
    const QJsonObject reply = QJsonDocument::fromJson(R"({"actions": {"Modality": "keep", "Oedema": {"action": "Downgrade",
        "reason": "halo is faint"}, "signal": "ERASE", "nonsense": "KEEP", "shape": "MAYBE"}})").object();
    QStringList problems;
    const QcDecision d = QcAudit::parse(reply, &problems);
    QCOMPARE(d.actions.value(QStringLiteral("modality")), QcAction::Keep);
    QCOMPARE(d.actions.value(QStringLiteral("edema")), QcAction::Downgrade);
    QCOMPARE(d.actions.value(QStringLiteral("signal_intensity")), QcAction::Erase);
    QCOMPARE(d.reasons.value(QStringLiteral("edema")), QStringLiteral("halo is faint"));
    QVERIFY(!d.actions.contains(QStringLiteral("shape")));
    QCOMPARE(problems.size(), 1);
}

void TestFusion::air()
{
    std::vector<SignSet> runs;
    SignSet full = reading(QStringLiteral("T2"));
    for (SignField f : kSignFields)
        full.setSign(f, SignSet::allowedValues(f).first());
    SignSet half = reading(QStringLiteral("T2"));
    half.shape = QStringLiteral("Round");
    half.margins = QStringLiteral("Ill-defined");
    half.texture = QStringLiteral("Homogeneous");
    SignSet negative = reading(QStringLiteral("T2"), 0);
    negative.shape = QStringLiteral("Round");
    runs = {full, half, negative};
    const AirScore s = Air::compute(runs);
    QCOMPARE(s.positives, qint64(2));
    QCOMPARE(s.field(SignField::Shape), 1.0);
    QCOMPARE(s.field(SignField::Edema), 0.5);
    QCOMPARE(s.overall(), (1.0 * 3 + 0.5 * 3) / 6);
    QCOMPARE(Air::compute({}).overall(), 0.0);
}

void TestFusion::normalisation_data()
{
    QTest::addColumn<int>("field"); // -1 modality, -2 location
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("T1_Contrast") << -1 << QStringLiteral("T1_Contrast") << QStringLiteral("T1CE");
    QTest::newRow("T1+C") << -1 << QStringLiteral("T1+C") << QStringLiteral("T1CE");
    QTest::newRow("t1ce") << -1 << QStringLiteral(" t1ce ") << QStringLiteral("T1CE");
    QTest::newRow("flair") << -1 << QStringLiteral("Flair") << QStringLiteral("FLAIR");
    QTest::newRow("unknown") << -1 << QStringLiteral("Unknown") << QString();
    QTest::newRow("loc") << -2 << QStringLiteral("upper left") << QStringLiteral("Upper-Left");
    QTest::newRow("loc region") << -2 << QStringLiteral("Center-Right Region") << QStringLiteral("Center-Right");
    QTest::newRow("loc centre") << -2 << QStringLiteral("Center of the Image") << QStringLiteral("Center");
    QTest::newRow("loc reversed") << -2 << QStringLiteral("left-lower") << QStringLiteral("Lower-Left");
    QTest::newRow("ring") << int(SignField::Enhancement) << QStringLiteral("ring-enhancing") << QStringLiteral("Ring");
    QTest::newRow("well defined") << int(SignField::Margins) << QStringLiteral("Well defined") << QStringLiteral("Well-circumscribed");
    QTest::newRow("hyper") << int(SignField::SignalIntensity) << QStringLiteral("mildly hyperintense") << QStringLiteral("Hyperintense");
    QTest::newRow("null text") << int(SignField::Edema) << QStringLiteral("Not assessable") << QString();
    QTest::newRow("none") << int(SignField::Edema) << QStringLiteral("none") << QString();
}

void TestFusion::normalisation()
{
    QFETCH(int, field);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    bool ok = false;
    const QString got = field == -1 ? SignVocabulary::normaliseModality(input, &ok)
                        : field == -2 ? SignVocabulary::normaliseLocation(input, &ok)
                                      : SignVocabulary::normalise(SignField(field), input, &ok);
    QCOMPARE(got, expected);
    QVERIFY(ok);
    SignVocabulary::normalise(SignField::Shape, QStringLiteral("triangular"), &ok);
    QVERIFY(!ok);
}

void TestFusion::publishedJsonRoundTrip()
{
    SignSet s = reading(QStringLiteral("T1CE"));
    s.location = QStringLiteral("Lower-Right");
    s.enhancement = QStringLiteral("Ring");
    const QJsonObject j = s.toPublishedJson();
    QCOMPARE(j[QStringLiteral("meta_info")][QStringLiteral("predicted_modality")].toString(), QStringLiteral("T1_Contrast"));
    QCOMPARE(j[QStringLiteral("structured_signs")][QStringLiteral("shape")].toString(), QStringLiteral("null"));
    QCOMPARE(SignSet::fromJson(j), s);
    // A chatty model's flat reply with odd spellings.
    QStringList problems;
    const SignSet flat = SignSet::fromJson(QJsonDocument::fromJson(R"({"Modality": "T1+C", "Location": "lower right",
        "lesion_found": "yes", "Shape": "Spiculated", "oedema": "marked", "Signal Intensity": "purple"})").object(), &problems);
    QCOMPARE(flat.modality, QStringLiteral("T1CE"));
    QCOMPARE(flat.location, QStringLiteral("Lower-Right"));
    QCOMPARE(flat.lesionFound, 1);
    QCOMPARE(flat.shape, QStringLiteral("Irregular"));
    QCOMPARE(flat.edema, QStringLiteral("Extensive"));
    QCOMPARE(flat.signalIntensity, QString());
    QCOMPARE(problems.size(), 1);
}

QTEST_GUILESS_MAIN(TestFusion)
#include "tst_fusion.moc"
