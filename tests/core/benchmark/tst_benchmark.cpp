// Benchmark engine without a project: closed and open items from known gold values, the trap
// share and letter balance on 1,000 samples, lint (the published sample, each planted defect,
// clean files), χ² p-values, instructions (three variants, ~8 per slice, no invented patient
// facts), the published format. Splits are in tst_split.
#include "core/benchmark/AnswerBalance.h"
#include "core/benchmark/BenchmarkFormat.h"
#include "core/benchmark/BenchmarkLint.h"
#include "core/benchmark/ChiSquare.h"
#include "core/benchmark/ClosedItemBuilder.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/InstructionBuilder.h"
#include "core/benchmark/LetterBalancer.h"
#include "core/benchmark/MimicTable.h"
#include "core/benchmark/OpenItemBuilder.h"
#include "core/benchmark/OptionTaxonomy.h"
#include "core/benchmark/StemPool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace neuroonco;

namespace {

const QStringList kTypes{QStringLiteral("glioma"),     QStringLiteral("meningioma"),
                         QStringLiteral("pituitary"),  QStringLiteral("metastasis"),
                         QStringLiteral("ependymoma"), QStringLiteral("embryonal"),
                         QStringLiteral("schwannoma"), QStringLiteral("neuronal_tumor"),
                         QStringLiteral("tumor"),      QStringLiteral("healthy")};

void set(GoldRecord &g, const char *key, const QString &value, const char *source)
{
    g.values.insert(QLatin1String(key), {value, QLatin1String(source), 0});
}

// A glioma on T1CE with mask semantics and a full gold label.
GoldRecord gliomaT1ce()
{
    GoldRecord g;
    g.sample = 7;
    g.sampleId = QStringLiteral("glioma_s7");
    g.imagePath = QStringLiteral("glioma/src/s7.png");
    g.tumourType = QStringLiteral("glioma");
    g.width = 240;
    g.height = 240;
    set(g, "diagnosis", QStringLiteral("glioma"), "sample");
    set(g, "modality", QStringLiteral("T1CE"), "sample");
    set(g, "size", QStringLiteral("Medium"), "mask");
    set(g, "shape", QStringLiteral("Lobulated"), "mask");
    set(g, "spread", QStringLiteral("Solitary Lesion"), "mask");
    set(g, "location", QStringLiteral("Upper-Left Region"), "mask");
    set(g, "margins", QStringLiteral("Ill-defined"), "gold");
    set(g, "texture", QStringLiteral("Heterogeneous"), "gold");
    set(g, "signal_intensity", QStringLiteral("Hyperintense"), "gold");
    set(g, "enhancement", QStringLiteral("Ring"), "gold");
    set(g, "edema", QStringLiteral("Extensive"), "gold"); // not asked: T1CE
    g.hasNumbers = true;
    g.numbers.areaRatio = 0.0231;
    g.numbers.circularity = 0.6612;
    g.numbers.elongation = 1.32;
    g.numbers.components = 1;
    g.numbers.coreFraction = 1.0;
    g.numbers.centroidX = 61.4;
    g.numbers.centroidY = 70.6;
    return g;
}

// Synthetic gold labels covering every tumour type, modality and attribute combination.
std::vector<GoldRecord> syntheticGolds(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    auto pick = [&](const QStringList &l) { return l.at(int(rng() % l.size())); };
    const QStringList modalities{QStringLiteral("T1"), QStringLiteral("T2"),
                                 QStringLiteral("FLAIR"), QStringLiteral("T1CE")};
    const QStringList sizes{QStringLiteral("Small/Focal"), QStringLiteral("Medium"),
                            QStringLiteral("Large/Extensive")};
    const QStringList shapes{QStringLiteral("Round/Oval"), QStringLiteral("Lobulated"),
                             QStringLiteral("Irregular/Spiculated")};
    const QStringList spreads{QStringLiteral("Solitary Lesion"),
                              QStringLiteral("Dominant Core with Satellites"),
                              QStringLiteral("Scattered/Multifocal")};
    QStringList locations{QStringLiteral("Center of the Image")};
    for (const char *l : {"Upper-Left", "Upper-Center", "Upper-Right", "Center-Left",
                          "Center-Right", "Lower-Left", "Lower-Center", "Lower-Right"})
        locations << QLatin1String(l) + QStringLiteral(" Region");
    std::vector<GoldRecord> out;
    for (int i = 0; i < n; ++i) {
        GoldRecord g;
        g.sample = 1000 + i;
        g.sampleId = QStringLiteral("s%1").arg(g.sample);
        g.imagePath = QStringLiteral("x/s%1.png").arg(g.sample);
        g.tumourType = kTypes.at(i % kTypes.size());
        g.width = g.height = 256;
        set(g, "diagnosis", g.tumourType, "sample");
        const QString modality = pick(modalities);
        set(g, "modality", modality, "sample");
        if (g.tumourType != QLatin1String("healthy")) {
            if (rng() % 10 < 7) {
                const QString size = pick(sizes);
                set(g, "size", size, "mask");
                set(g, "shape", pick(shapes), "mask");
                set(g, "spread", pick(spreads), "mask");
                set(g, "location", pick(locations), "mask");
                g.hasNumbers = true;
                g.numbers.areaRatio = size == QLatin1String("Medium")           ? 0.03
                                      : size.startsWith(QLatin1String("Small")) ? 0.004
                                                                                : 0.08;
                g.numbers.circularity = 0.3 + 0.6 * (rng() % 100) / 100.0;
                g.numbers.elongation = 1 + (rng() % 100) / 100.0;
                g.numbers.components = 1 + int(rng() % 3);
                g.numbers.coreFraction = 0.5 + 0.5 * (rng() % 100) / 100.0;
                g.numbers.centroidX = rng() % 256;
                g.numbers.centroidY = rng() % 256;
            } else if (rng() % 2) {
                set(g, "shape_sign",
                    pick({QStringLiteral("Round"), QStringLiteral("Oval"),
                          QStringLiteral("Irregular"), QStringLiteral("Lobulated")}),
                    "gold");
            }
            if (rng() % 10 < 6) {
                set(g, "margins",
                    pick({QStringLiteral("Well-circumscribed"), QStringLiteral("Ill-defined")}),
                    "gold");
                set(g, "texture",
                    pick({QStringLiteral("Homogeneous"), QStringLiteral("Heterogeneous")}), "gold");
                set(g, "signal_intensity",
                    pick({QStringLiteral("Hyperintense"), QStringLiteral("Hypointense"),
                          QStringLiteral("Isointense"), QStringLiteral("Mixed")}),
                    "gold");
                set(g, "enhancement",
                    pick({QStringLiteral("Solid"), QStringLiteral("Ring"), QStringLiteral("Patchy"),
                          QStringLiteral("Present")}),
                    "fused");
                set(g, "edema",
                    pick({QStringLiteral("Mild"), QStringLiteral("Extensive"),
                          QStringLiteral("Present")}),
                    "fused");
            }
        }
        out.push_back(g);
    }
    return out;
}

// Closed records of a whole synthetic benchmark built the way the stage builds it.
std::vector<ClosedRecord> buildBenchmark(const std::vector<GoldRecord> &golds, double share,
                                         std::uint64_t seed)
{
    std::vector<PlanCandidate> candidates;
    for (const GoldRecord &g : golds)
        for (const ClosedSlot &s : ClosedItemBuilder::slots(g))
            candidates.push_back({g.sample, s.questionType, g.tumourType, s.multipleChoice});
    const std::vector<QuestionPlan> plans = LetterBalancer::plan(candidates, share, seed);
    std::vector<ClosedRecord> records;
    QHash<qint64, size_t> at;
    for (size_t i = 0; i < candidates.size(); ++i) {
        const GoldRecord *g = nullptr;
        for (const GoldRecord &x : golds)
            if (x.sample == candidates[i].sample)
                g = &x;
        if (!at.contains(g->sample)) {
            at.insert(g->sample, records.size());
            ClosedRecord r;
            r.id = g->sample;
            r.imagePath = g->imagePath;
            r.index = int(records.size());
            records.push_back(r);
        }
        std::optional<ClosedQuestion> q =
            ClosedItemBuilder::build(*g, candidates[i].questionType, plans[i], seed);
        if (q)
            records[at.value(g->sample)].pairs.push_back(*q);
    }
    return records;
}

QJsonObject pair(const QString &type, const QString &stem, const QStringList &options,
                 const QString &answer, const QString &removed = {})
{
    QJsonObject opts;
    for (int i = 0; i < options.size(); ++i)
        opts.insert(QString(QChar(QLatin1Char('A').unicode() + i)), options.at(i));
    QJsonObject o{{QStringLiteral("question_type"), type},
                  {QStringLiteral("question"), stem},
                  {QStringLiteral("options"), opts},
                  {QStringLiteral("answer"), answer}};
    if (!removed.isEmpty()) {
        o.insert(QStringLiteral("meta_trap"), true);
        o.insert(QStringLiteral("meta_original_answer"), removed);
    }
    return o;
}

QJsonObject record(int id, const QString &image, const QJsonArray &pairs)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("image_path"), image},
            {QStringLiteral("vqa_pairs"), pairs}};
}

const QString kNone = QStringLiteral("None of the above");

QString writeJson(const QString &path, const QJsonArray &a)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(a).toJson());
    return path;
}

QMap<QString, QStringList> findingsByKind(const LintReport &r)
{
    QMap<QString, QStringList> out;
    for (const LintFinding &f : r.findings)
        out[f.kind] << f.recordId;
    return out;
}

} // namespace

class TestBenchmark : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resourcesAreConsistent();
    void chiSquarePValues();
    void answerBalanceRules();
    void closedItemsFromGold();
    void binaryAndSkippedQuestions();
    void trapShareAndLettersOnThousandSamples();
    void generatedBenchmarkLintsClean();
    void openItemsCiteNumbers();
    void lintPublishedSample();
    void lintFindsEachPlantedDefect();
    void lintLeakReadsStemsAsQuestions();
    void lintLetterImbalanceAndImages();
    void lintOpenFile();
    void formatRoundTripAndErrors();
    void instructions();

private:
    QTemporaryDir m_tmp;
};

void TestBenchmark::resourcesAreConsistent()
{
    const OptionTaxonomy &t = OptionTaxonomy::instance();
    const MimicTable &m = MimicTable::instance();
    // Every specific tumour type has at least four mimics of the same kind, none related to it
    // or to each other (so traps keep four options and no distractor overlaps another).
    for (const QString &type : m.tumourTypesWithMimics()) {
        const OptionConcept *c = t.lookup(QStringLiteral("diagnosis"), type);
        QVERIFY2(c, qPrintable(type));
        const QStringList mimics = m.mimicsFor(type);
        QVERIFY2(mimics.size() >= 4, qPrintable(type));
        for (const QString &a : mimics) {
            QVERIFY2(!t.related(a, c->id), qPrintable(type + QStringLiteral(" / ") + a));
            for (const QString &b : mimics)
                QVERIFY2(a == b || !t.related(a, b), qPrintable(a + QStringLiteral(" / ") + b));
        }
    }
    // Pools have at least five options, so a trap still shows four.
    for (const char *pool : {"modality", "size", "shape", "shape_sign", "spread", "location",
                             "margins", "texture", "signal_intensity", "enhancement", "edema"})
        QVERIFY2(m.pool(QLatin1String(pool)).size() >= 5, pool);
    // No stem of the pool names a finding: lint finds nothing in any stem against any answer.
    const StemPool &stems = StemPool::instance();
    for (const QString &key : stems.closedKeys()) {
        const QString type =
            key == QLatin1String("diagnosis_binary") ? QStringLiteral("diagnosis") : key;
        for (const QString &stem : stems.closed(key)) {
            // "normal white matter" is no diagnosis; binary stems name both choices.
            QStringList named = t.mentionedIn(stem, QStringLiteral("diagnosis"));
            named.removeAll(QStringLiteral("healthy"));
            named.removeAll(QStringLiteral("abnormal"));
            QVERIFY2(named.isEmpty(),
                     qPrintable(stem + QStringLiteral(": ") + named.join(QLatin1Char(','))));
            if (key != QLatin1String("diagnosis_binary"))
                QVERIFY2(t.mentionedIn(stem, type).isEmpty(),
                         qPrintable(stem + QStringLiteral(": ") +
                                    t.mentionedIn(stem, type).join(QLatin1Char(','))));
        }
    }
    // Spellings: one key for dural_metastasis / Dural metastasis / Dural Metastasis.
    QCOMPARE(OptionTaxonomy::spellingKey(QStringLiteral("dural_metastasis")),
             OptionTaxonomy::spellingKey(QStringLiteral("Dural Metastasis")));
    QCOMPARE(
        t.lookup(QStringLiteral("modality"), QStringLiteral("T1-weighted post-contrast MRI"))->id,
        QStringLiteral("t1ce"));
    QVERIFY(t.isAncestor(QStringLiteral("glioma"), QStringLiteral("glioblastoma")));
    QVERIFY(!t.related(QStringLiteral("glioma"), QStringLiteral("metastasis")));
}

void TestBenchmark::chiSquarePValues()
{
    // Textbook critical values at α = 0.05.
    QVERIFY(std::fabs(ChiSquare::pValue(3.841, 1) - 0.05) < 1e-3);
    QVERIFY(std::fabs(ChiSquare::pValue(7.815, 3) - 0.05) < 1e-3);
    QVERIFY(std::fabs(ChiSquare::pValue(9.488, 4) - 0.05) < 1e-3);
    QVERIFY(std::fabs(ChiSquare::pValue(13.277, 4) - 0.01) < 1e-3);
    QCOMPARE(ChiSquare::pValue(0, 3), 1.0);
    // 100 answers 40/20/20/20 over A–D: χ² = (225+25+25+25)/25 = 12, df 3, p ≈ 0.0074.
    const ChiSquareResult r = ChiSquare::uniform(
        {{QStringLiteral("A"), 40},
         {QStringLiteral("B"), 20},
         {QStringLiteral("C"), 20},
         {QStringLiteral("D"), 20}},
        {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")});
    QCOMPARE(r.n, 100);
    QCOMPARE(r.df, 3);
    QVERIFY(std::fabs(r.chi2 - 12.0) < 1e-9);
    QVERIFY(std::fabs(r.p - 0.00738) < 1e-4);
}

void TestBenchmark::answerBalanceRules()
{
    AnswerBalance b;
    // Multiple choice: 3 non-traps (A, B, B), 1 trap (E), and a non-trap answered E (a defect
    // lint reports on its own: it is no letter of A–D).
    b.add(QStringLiteral("shape"), QStringLiteral("A"), true, false);
    b.add(QStringLiteral("shape"), QStringLiteral("B"), true, false);
    b.add(QStringLiteral("shape"), QStringLiteral("B"), true, false);
    b.add(QStringLiteral("shape"), QStringLiteral("E"), true, true);
    b.add(QStringLiteral("size"), QStringLiteral("E"), true, false);
    // Binary: never part of the trap share.
    b.add(QStringLiteral("diagnosis"), QStringLiteral("A"), false, false);
    b.add(QStringLiteral("diagnosis"), QStringLiteral("B"), false, false);
    b.add(QStringLiteral("diagnosis"), QStringLiteral("B"), false, false);

    QCOMPARE(b.traps().value(QStringLiteral("shape")), qMakePair(1, 4));
    QCOMPARE(b.traps().value(QStringLiteral("size")), qMakePair(0, 1));
    QVERIFY(!b.traps().contains(QStringLiteral("diagnosis")));
    const ChiSquareResult mc = b.multipleChoiceLetters();
    QCOMPARE(mc.n, 3);
    QCOMPARE(mc.counts.value(QStringLiteral("B")), 2);
    QCOMPARE(mc.df, 3);
    const ChiSquareResult bin = b.binaryLetters();
    QCOMPARE(bin.n, 3);
    QCOMPARE(bin.df, 1);
    const ChiSquareResult all = b.allOptionLetters();
    QCOMPARE(all.n, 5);
    QCOMPARE(all.counts.value(QStringLiteral("E")), 2);
    const QJsonObject json = b.toJson();
    QCOMPARE(json[QStringLiteral("traps")][QStringLiteral("shape")][QStringLiteral("share")].toDouble(), 0.25);
    QCOMPARE(json[QStringLiteral("letters_binary")][QStringLiteral("n")].toInt(), 3);
}

void TestBenchmark::closedItemsFromGold()
{
    const GoldRecord g = gliomaT1ce();
    QStringList types;
    for (const ClosedSlot &s : ClosedItemBuilder::slots(g))
        types << s.questionType;
    // Edema is not asked on T1CE; enhancement is.
    QCOMPARE(types,
             (QStringList{QStringLiteral("diagnosis"), QStringLiteral("modality"),
                          QStringLiteral("size"), QStringLiteral("shape"), QStringLiteral("spread"),
                          QStringLiteral("location"), QStringLiteral("margins"),
                          QStringLiteral("texture"), QStringLiteral("signal_intensity"),
                          QStringLiteral("enhancement")}));

    // Diagnosis: the answer at the planned letter, three mimics from the table, E last.
    const std::optional<ClosedQuestion> d =
        ClosedItemBuilder::build(g, QStringLiteral("diagnosis"), {false, QStringLiteral("C")}, 11);
    QVERIFY(d);
    QCOMPARE(d->options.size(), size_t(5));
    QCOMPARE(d->answer, QStringLiteral("C"));
    QCOMPARE(d->answerText(), QStringLiteral("Glioma"));
    QCOMPARE(d->options[4].letter, QStringLiteral("E"));
    QCOMPARE(d->options[4].text, ClosedQuestion::noneOfTheAbove());
    QStringList mimicLabels;
    for (const QString &m : MimicTable::instance().mimicsFor(QStringLiteral("glioma")))
        mimicLabels << OptionTaxonomy::instance().label(m);
    for (const ChoiceOption &o : d->options)
        if (o.letter != QLatin1String("C") && o.letter != QLatin1String("E"))
            QVERIFY2(mimicLabels.contains(o.text), qPrintable(o.text));
    QVERIFY(StemPool::instance().closed(QStringLiteral("diagnosis")).contains(d->question));
    QVERIFY(!d->trap);

    // Trap: the correct option removed, four mimics, E the answer, the original kept.
    const std::optional<ClosedQuestion> t =
        ClosedItemBuilder::build(g, QStringLiteral("diagnosis"), {true, QStringLiteral("E")}, 11);
    QVERIFY(t);
    QVERIFY(t->trap);
    QCOMPARE(t->answer, QStringLiteral("E"));
    QCOMPARE(t->originalAnswer, QStringLiteral("Glioma"));
    QStringList trapTexts;
    for (const ChoiceOption &o : t->options)
        trapTexts << o.text;
    QVERIFY(!trapTexts.contains(QStringLiteral("Glioma")));
    QCOMPARE(QSet<QString>(trapTexts.begin(), trapTexts.begin() + 4),
             QSet<QString>(mimicLabels.begin(), mimicLabels.end()));
    QCOMPARE(t->toJson().value(QStringLiteral("meta_trap")).toBool(), true);
    QCOMPARE(t->toJson().value(QStringLiteral("meta_original_answer")).toString(),
             QStringLiteral("Glioma"));

    // Attribute questions: the gold value's label, options from the pool, never a relative.
    const std::optional<ClosedQuestion> m =
        ClosedItemBuilder::build(g, QStringLiteral("modality"), {false, QStringLiteral("A")}, 11);
    QCOMPARE(m->answerText(), QStringLiteral("T1_CE"));
    QCOMPARE(m->answer, QStringLiteral("A"));
    const std::optional<ClosedQuestion> s =
        ClosedItemBuilder::build(g, QStringLiteral("size"), {false, QStringLiteral("D")}, 11);
    QCOMPARE(s->answerText(), QStringLiteral("Medium"));
    QCOMPARE(s->answer, QStringLiteral("D"));
    const std::optional<ClosedQuestion> loc =
        ClosedItemBuilder::build(g, QStringLiteral("location"), {false, QStringLiteral("B")}, 11);
    QCOMPARE(loc->answerText(), QStringLiteral("Upper-Left Region"));
    const std::optional<ClosedQuestion> e = ClosedItemBuilder::build(
        g, QStringLiteral("enhancement"), {false, QStringLiteral("B")}, 11);
    QCOMPARE(e->answerText(), QStringLiteral("Ring"));
    QCOMPARE(ClosedItemBuilder::lineageKeys(g, QStringLiteral("enhancement")),
             (QStringList{QStringLiteral("enhancement"), QStringLiteral("modality")}));
    for (const auto &q : {d, t, m, s, loc, e})
        QVERIFY2(BenchmarkLint::checkQuestion(*q).empty(), qPrintable(q->question));

    // Same seed, same item; another seed, other wording or order.
    QCOMPARE(ClosedItemBuilder::build(g, QStringLiteral("size"), {false, QStringLiteral("D")}, 11)
                 ->toJson(),
             s->toJson());
    bool differs = false;
    for (std::uint64_t seed = 12; seed < 20 && !differs; ++seed)
        differs =
            ClosedItemBuilder::build(g, QStringLiteral("size"), {false, QStringLiteral("D")}, seed)
                ->toJson() != s->toJson();
    QVERIFY(differs);
}

void TestBenchmark::binaryAndSkippedQuestions()
{
    GoldRecord healthy;
    healthy.sample = 3;
    healthy.tumourType = QStringLiteral("healthy");
    set(healthy, "diagnosis", QStringLiteral("healthy"), "sample");
    set(healthy, "modality", QStringLiteral("T2"), "sample");
    const std::vector<ClosedSlot> slots = ClosedItemBuilder::slots(healthy);
    QCOMPARE(slots.size(), size_t(2));
    QVERIFY(!slots[0].multipleChoice);
    const std::optional<ClosedQuestion> b = ClosedItemBuilder::build(
        healthy, QStringLiteral("diagnosis"), {false, QStringLiteral("B")}, 1);
    QCOMPARE(b->options.size(), size_t(2));
    QCOMPARE(b->optionText(QStringLiteral("B")), QStringLiteral("Healthy"));
    QCOMPARE(b->optionText(QStringLiteral("A")), QStringLiteral("Abnormal"));
    QVERIFY(!b->hasNoneOption());
    QVERIFY(StemPool::instance().closed(QStringLiteral("diagnosis_binary")).contains(b->question));
    QVERIFY(!b->isMultipleChoice());
    // A published binary question with the rejection option is still binary (letter balance
    // and trap shares are over multiple choice only); three real options make it multiple.
    ClosedQuestion withNone = *b;
    withNone.options.push_back({QStringLiteral("E"), ClosedQuestion::noneOfTheAbove()});
    QVERIFY(!withNone.isMultipleChoice());
    withNone.options.insert(withNone.options.begin() + 2, {QStringLiteral("C"), QStringLiteral("Glioma")});
    QVERIFY(withNone.isMultipleChoice());

    GoldRecord generic = healthy;
    generic.tumourType = QStringLiteral("tumor");
    set(generic, "diagnosis", QStringLiteral("tumor"), "sample");
    QCOMPARE(ClosedItemBuilder::build(generic, QStringLiteral("diagnosis"),
                                      {false, QStringLiteral("A")}, 1)
                 ->answerText(),
             QStringLiteral("Abnormal"));

    // "Present" names no pattern; edema on T1 is not asked; an unknown modality is not asked.
    GoldRecord g = gliomaT1ce();
    set(g, "enhancement", QStringLiteral("Present"), "gold");
    QVERIFY(ClosedItemBuilder::answerConcept(g, QStringLiteral("enhancement")).isEmpty());
    set(g, "modality", QStringLiteral("T1"), "sample");
    QVERIFY(ClosedItemBuilder::answerConcept(g, QStringLiteral("edema")).isEmpty());
    set(g, "modality", QStringLiteral("FLAIR"), "sample");
    QCOMPARE(ClosedItemBuilder::answerConcept(g, QStringLiteral("edema")),
             QStringLiteral("extensive"));
    g.values.remove(QStringLiteral("modality"));
    QVERIFY(ClosedItemBuilder::answerConcept(g, QStringLiteral("modality")).isEmpty());
    // Without a mask, the sign shape is asked with its own options.
    g.values.remove(QStringLiteral("shape"));
    set(g, "shape_sign", QStringLiteral("Oval"), "gold");
    QCOMPARE(ClosedItemBuilder::poolName(g, QStringLiteral("shape")), QStringLiteral("shape_sign"));
    QCOMPARE(ClosedItemBuilder::build(g, QStringLiteral("shape"), {false, QStringLiteral("A")}, 1)
                 ->answerText(),
             QStringLiteral("Oval"));
}

void TestBenchmark::trapShareAndLettersOnThousandSamples()
{
    const std::vector<GoldRecord> golds = syntheticGolds(1000, 5);
    const std::vector<ClosedRecord> records = buildBenchmark(golds, 0.2, 42);
    QMap<QString, QPair<int, int>> traps;
    QMap<QString, int> all, nonTrap, binary;
    int questions = 0;
    for (const ClosedRecord &r : records) {
        for (const ClosedQuestion &q : r.pairs) {
            ++questions;
            if (!q.isMultipleChoice()) {
                ++binary[q.answer];
                continue;
            }
            traps[q.questionType].second += 1;
            traps[q.questionType].first += q.trap ? 1 : 0;
            ++all[q.answer];
            if (!q.trap)
                ++nonTrap[q.answer];
            QCOMPARE(q.trap, q.answer == QLatin1String("E"));
        }
    }
    QVERIFY(questions > 4000);
    // The share is met per question type to within one item.
    for (auto it = traps.begin(); it != traps.end(); ++it) {
        const double expected = 0.2 * it->second;
        QVERIFY2(
            std::fabs(it->first - expected) <= 1.0,
            qPrintable(
                QStringLiteral("%1: %2 traps of %3").arg(it.key()).arg(it->first).arg(it->second)));
    }
    QVERIFY(traps.contains(QStringLiteral("edema")) &&
            traps.contains(QStringLiteral("enhancement")));
    const QStringList ad{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                         QStringLiteral("D")};
    const ChiSquareResult a = ChiSquare::uniform(all, ad + QStringList{QStringLiteral("E")});
    const ChiSquareResult n = ChiSquare::uniform(nonTrap, ad);
    const ChiSquareResult b =
        ChiSquare::uniform(binary, {QStringLiteral("A"), QStringLiteral("B")});
    QVERIFY2(a.p > 0.05, qPrintable(QString::number(a.p)));
    QVERIFY2(n.p > 0.05, qPrintable(QString::number(n.p)));
    QVERIFY2(b.p > 0.05, qPrintable(QString::number(b.p)));
    // Balanced quotas: per type the letters differ by at most one.
    QMap<QString, QMap<QString, int>> perType;
    for (const ClosedRecord &r : records)
        for (const ClosedQuestion &q : r.pairs)
            if (q.isMultipleChoice() && !q.trap)
                ++perType[q.questionType][q.answer];
    for (auto it = perType.begin(); it != perType.end(); ++it) {
        int lo = 1 << 30, hi = 0;
        for (const QString &l : ad) {
            lo = std::min(lo, it->value(l));
            hi = std::max(hi, it->value(l));
        }
        QVERIFY2(hi - lo <= 1, qPrintable(it.key()));
    }
    qInfo("1,000 samples: %d questions; letters A–E %d/%d/%d/%d/%d χ²=%.2f p=%.3f", questions,
          all.value(QStringLiteral("A")), all.value(QStringLiteral("B")),
          all.value(QStringLiteral("C")), all.value(QStringLiteral("D")),
          all.value(QStringLiteral("E")), a.chi2, a.p);
}

void TestBenchmark::generatedBenchmarkLintsClean()
{
    const std::vector<ClosedRecord> records = buildBenchmark(syntheticGolds(1000, 9), 0.2, 7);
    LintOptions options;
    options.checkImages = false;
    const LintReport report = BenchmarkLint::lintClosed(records, options);
    QStringList kinds;
    for (const LintFinding &f : report.findings)
        kinds << f.kind + QStringLiteral(": ") + f.message;
    QVERIFY2(report.findings.empty(), qPrintable(kinds.mid(0, 5).join(QLatin1Char('\n'))));
    // Through the published format and back: still clean.
    QJsonArray array;
    for (const ClosedRecord &r : records)
        array.append(BenchmarkFormat::closedRecordJson(r));
    const QString path = writeJson(m_tmp.filePath(QStringLiteral("generated.json")), array);
    LintOptions noImages;
    noImages.checkImages = false;
    Result<LintReport> fromFile = BenchmarkLint::lintFile(path, noImages);
    QVERIFY(fromFile);
    QCOMPARE(int(fromFile->findings.size()), 0);
    QCOMPARE(fromFile->questions, report.questions);
}

void TestBenchmark::openItemsCiteNumbers()
{
    const GoldRecord g = gliomaT1ce();
    const std::vector<OpenDraft> drafts = OpenItemBuilder::build(g, 3);
    QStringList slots, types;
    for (const OpenDraft &d : drafts) {
        slots << d.slot;
        types << d.question.questionType;
        QVERIFY(d.question.questionId.startsWith(QStringLiteral("7_q")));
        QVERIFY(!d.question.keywords.isEmpty());
        // Every keyword appears in the reference answer.
        const QStringList words = OptionTaxonomy::words(d.question.referenceAnswer);
        for (const QString &k : d.question.keywords)
            for (const QString &w : OptionTaxonomy::words(k))
                QVERIFY2(words.contains(w),
                         qPrintable(k + QStringLiteral(" in ") + d.question.referenceAnswer));
    }
    QCOMPARE(slots, (QStringList{QStringLiteral("detail_shape"), QStringLiteral("location"),
                                 QStringLiteral("detail_size"), QStringLiteral("detail_spread"),
                                 QStringLiteral("detail_signs"), QStringLiteral("reasoning")}));
    QCOMPARE(types.count(QStringLiteral("Reasoning")), 1);
    QCOMPARE(types.count(QStringLiteral("Location")), 1);
    auto answer = [&](const char *slot) {
        for (const OpenDraft &d : drafts)
            if (d.slot == QLatin1String(slot))
                return d.question.referenceAnswer;
        return QString();
    };
    QVERIFY(answer("detail_shape").contains(QStringLiteral("circularity of 0.66")));
    QVERIFY(answer("detail_shape").contains(QStringLiteral("elongation of 1.32")));
    QVERIFY(answer("detail_size").contains(QStringLiteral("2.31% of the image area")));
    QVERIFY(answer("location").contains(QStringLiteral("(x=61, y=71)")));
    QVERIFY(answer("location").contains(QStringLiteral("upper-left")));
    QVERIFY(answer("detail_spread").contains(QStringLiteral("single connected component")));
    QVERIFY(answer("detail_signs").contains(QStringLiteral("ring enhancement")));
    QVERIFY(!answer("detail_signs").contains(QStringLiteral("oedema"))); // not on T1CE
    QVERIFY(answer("reasoning").contains(QStringLiteral("consistent with glioma")));

    // A reviewer's correction of a mask label: no numbers cited for it any more.
    GoldRecord corrected = g;
    corrected.values[QStringLiteral("size")] = {QStringLiteral("Large/Extensive"),
                                                QStringLiteral("reviewer"), 12};
    for (const OpenDraft &d : OpenItemBuilder::build(corrected, 3)) {
        if (d.slot == QLatin1String("detail_size")) {
            QVERIFY(!d.question.referenceAnswer.contains(QStringLiteral("2.31")));
            QVERIFY(d.question.referenceAnswer.contains(QStringLiteral("large/extensive")));
            QVERIFY(d.numberKeys.isEmpty());
        }
    }
    // Lineage records the values and the cited numbers; a change is detected.
    const QJsonObject lineage =
        GoldAttributes::lineage(g, {QStringLiteral("size")}, {QStringLiteral("area_pct")});
    QVERIFY(GoldAttributes::changedKeys(lineage, g).isEmpty());
    QCOMPARE(GoldAttributes::changedKeys(lineage, corrected), QStringList{QStringLiteral("size")});
    GoldRecord remeasured = g;
    remeasured.numbers.areaRatio = 0.04;
    QCOMPARE(GoldAttributes::changedKeys(lineage, remeasured),
             QStringList{QStringLiteral("numbers.area_pct")});
}

void TestBenchmark::lintPublishedSample()
{
    const QString path =
        QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_closed_sample.json");
    Result<LintReport> r = BenchmarkLint::lintFile(path, {});
    QVERIFY2(r, qPrintable(errorMessage(r.error())));
    QCOMPARE(r->records, 27);
    QCOMPARE(r->questions, 82);
    const QMap<QString, int> kinds = r->countsByKind();
    // neuronal_tumor offered next to its own subtypes DNET and ganglioglioma, five times.
    QCOMPARE(kinds.value(QStringLiteral("option_related_to_answer")), 10);
    // Record 22: trap removed "metastasis" but kept "dural_metastasis".
    QCOMPARE(kinds.value(QStringLiteral("trap_answer_present")), 1);
    QCOMPARE(kinds.value(QStringLiteral("duplicate_option")), 5);
    QCOMPARE(kinds.value(QStringLiteral("overlapping_options")), 2);
    QCOMPARE(kinds.value(QStringLiteral("spelling_variant")), 9);
    QCOMPARE(kinds.value(QStringLiteral("images_not_checked")), 1);
    QCOMPARE(kinds.value(QStringLiteral("answer_leak")),
             0); // "normal or abnormal" names both choices
    QCOMPARE(kinds.value(QStringLiteral("letter_imbalance")), 0);
    QCOMPARE(r->count(LintSeverity::Error), 11);
    bool sawTrap = false, sawDural = false, sawT1 = false;
    for (const LintFinding &f : r->findings) {
        if (f.kind == QLatin1String("trap_answer_present")) {
            QCOMPARE(f.recordId, QStringLiteral("22"));
            QVERIFY(f.message.contains(QStringLiteral("dural_metastasis")));
            sawTrap = true;
        }
        if (f.kind == QLatin1String("spelling_variant") &&
            f.detail.value(QStringLiteral("key")).toString() == QLatin1String("dural metastasis")) {
            const QJsonObject spellings = f.detail.value(QStringLiteral("spellings")).toObject();
            QCOMPARE(spellings.keys(), (QStringList{QStringLiteral("Dural Metastasis"),
                                                    QStringLiteral("Dural metastasis"),
                                                    QStringLiteral("dural_metastasis")}));
            sawDural = true;
        }
        if (f.kind == QLatin1String("duplicate_option") && f.recordId == QLatin1String("16")) {
            QVERIFY(f.message.contains(QStringLiteral("'T1'")) &&
                    f.message.contains(QStringLiteral("'T1-weighted MRI'")));
            sawT1 = true;
        }
    }
    QVERIFY(sawTrap && sawDural && sawT1);
    const ChiSquareResult mc = r->letters.value(QStringLiteral("multiple_choice"));
    QCOMPARE(mc.n, 62);
    QVERIFY(mc.p > 0.05);
    QCOMPARE(r->traps.value(QStringLiteral("diagnosis")), qMakePair(4, 19));
    QCOMPARE(r->traps.value(QStringLiteral("location")), qMakePair(0, 8));
    // The JSON report carries the same.
    const QJsonObject json = r->toJson();
    QCOMPARE(json.value(QStringLiteral("errors")).toInt(), 11);
    QCOMPARE(json[QStringLiteral("by_kind")][QStringLiteral("trap_answer_present")].toInt(), 1);
}

void TestBenchmark::lintFindsEachPlantedDefect()
{
    const QJsonArray planted{
        record(
            1, QStringLiteral("a/1.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Metastasis"), QStringLiteral("Glioma"),
                   QStringLiteral("Lymphoma"), QStringLiteral("Abscess"), kNone},
                  QStringLiteral("B"))}),
        // A parent of the answer among the options.
        record(
            2, QStringLiteral("a/2.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Glioma"), QStringLiteral("Glioblastoma"),
                   QStringLiteral("Lymphoma"), QStringLiteral("Abscess"), kNone},
                  QStringLiteral("B"))}),
        // A trap that kept a subtype of the removed answer.
        record(
            3, QStringLiteral("a/3.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Glioma"), QStringLiteral("Dural metastasis"),
                   QStringLiteral("Lymphoma"), QStringLiteral("Abscess"), kNone},
                  QStringLiteral("E"), QStringLiteral("Metastasis"))}),
        // Marked as a trap, answered B.
        record(
            4, QStringLiteral("a/4.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Lymphoma"), QStringLiteral("Abscess"),
                   QStringLiteral("Metastasis"), QStringLiteral("Tumefactive demyelination"),
                   kNone},
                  QStringLiteral("B"), QStringLiteral("Glioma"))}),
        // The stem names the answer.
        record(5, QStringLiteral("a/5.png"),
               {pair(QStringLiteral("diagnosis"), QStringLiteral("Is this lesion a meningioma?"),
                     {QStringLiteral("Meningioma"), QStringLiteral("Schwannoma"),
                      QStringLiteral("Lymphoma"), QStringLiteral("Hemangiopericytoma"), kNone},
                     QStringLiteral("A"))}),
        // A size stem that names the diagnosis.
        record(
            6, QStringLiteral("a/6.png"),
            {pair(QStringLiteral("size"), QStringLiteral("What is the size of the glioma?"),
                  {QStringLiteral("Small/Focal"), QStringLiteral("Medium"),
                   QStringLiteral("Large/Extensive"), QStringLiteral("No lesion visible"), kNone},
                  QStringLiteral("A"))}),
        // Two modality questions on one image.
        record(7, QStringLiteral("a/7.png"),
               {pair(QStringLiteral("modality"), QStringLiteral("What MRI sequence is shown?"),
                     {QStringLiteral("T1"), QStringLiteral("T2"), QStringLiteral("FLAIR"),
                      QStringLiteral("DWI"), kNone},
                     QStringLiteral("A")),
                pair(QStringLiteral("modality"),
                     QStringLiteral("Which imaging sequence does this slice come from?"),
                     {QStringLiteral("T2"), QStringLiteral("T1"), QStringLiteral("FLAIR"),
                      QStringLiteral("DWI"), kNone},
                     QStringLiteral("B"))}),
        // Two options that are one label.
        record(8, QStringLiteral("a/8.png"),
               {pair(QStringLiteral("modality"), QStringLiteral("What MRI sequence is shown?"),
                     {QStringLiteral("FLAIR"), QStringLiteral("T2"), QStringLiteral("T2-weighted"),
                      QStringLiteral("DWI"), kNone},
                     QStringLiteral("A"))}),
        // A distractor that contains another.
        record(
            9, QStringLiteral("a/9.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Ependymoma"), QStringLiteral("Metastasis"),
                   QStringLiteral("Dural metastasis"), QStringLiteral("Medulloblastoma"), kNone},
                  QStringLiteral("A"))}),
        // No "None of the above".
        record(10, QStringLiteral("a/10.png"),
               {pair(QStringLiteral("spread"),
                     QStringLiteral("How is the lesion distributed in this slice?"),
                     {QStringLiteral("Solitary Lesion"), QStringLiteral("Scattered/Multifocal"),
                      QStringLiteral("Dominant Core with Satellites"),
                      QStringLiteral("No lesion visible")},
                     QStringLiteral("A"))}),
        // One label, two spellings (with record 12).
        record(
            11, QStringLiteral("a/11.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Medulloblastoma"), QStringLiteral("pilocytic_astrocytoma"),
                   QStringLiteral("Ependymoma"), QStringLiteral("Choroid plexus papilloma"), kNone},
                  QStringLiteral("C"))}),
        record(
            12, QStringLiteral("a/12.png"),
            {pair(QStringLiteral("diagnosis"), QStringLiteral("What is the most likely diagnosis?"),
                  {QStringLiteral("Pilocytic astrocytoma"), QStringLiteral("Medulloblastoma"),
                   QStringLiteral("Choroid plexus papilloma"), QStringLiteral("Ependymoma"), kNone},
                  QStringLiteral("D"))}),
        // An answer letter that is no option.
        record(
            13, QStringLiteral("a/13.png"),
            {pair(QStringLiteral("size"), QStringLiteral("What is the lesion size category?"),
                  {QStringLiteral("Small/Focal"), QStringLiteral("Medium"),
                   QStringLiteral("Large/Extensive"), QStringLiteral("No lesion visible"), kNone},
                  QStringLiteral("F"))}),
    };
    const QString path = writeJson(m_tmp.filePath(QStringLiteral("planted.json")), planted);
    LintOptions options;
    options.checkImages = false;
    Result<LintReport> r = BenchmarkLint::lintFile(path, options);
    QVERIFY(r);
    const QMap<QString, QStringList> found = findingsByKind(*r);
    QStringList all;
    for (const LintFinding &f : r->findings)
        all << QStringLiteral("%1 %2: %3").arg(f.kind, f.recordId, f.message);
    const QString dump = all.join(QLatin1Char('\n'));
    QCOMPARE(found.value(QStringLiteral("option_related_to_answer")),
             QStringList{QStringLiteral("2")});
    QCOMPARE(found.value(QStringLiteral("trap_answer_present")), QStringList{QStringLiteral("3")});
    QCOMPARE(found.value(QStringLiteral("trap_inconsistent")), QStringList{QStringLiteral("4")});
    QCOMPARE(found.value(QStringLiteral("answer_leak")), QStringList{QStringLiteral("5")});
    QCOMPARE(found.value(QStringLiteral("stem_mentions_finding")),
             QStringList{QStringLiteral("6")});
    QCOMPARE(found.value(QStringLiteral("duplicate_question")), QStringList{QStringLiteral("7")});
    QCOMPARE(found.value(QStringLiteral("duplicate_option")), QStringList{QStringLiteral("8")});
    QCOMPARE(found.value(QStringLiteral("overlapping_options")), QStringList{QStringLiteral("9")});
    QCOMPARE(found.value(QStringLiteral("missing_none_option")), QStringList{QStringLiteral("10")});
    QCOMPARE(found.value(QStringLiteral("spelling_variant")).size(), 1);
    QCOMPARE(found.value(QStringLiteral("malformed")), QStringList{QStringLiteral("13")});
    QVERIFY2(r->findings.size() == 11,
             qPrintable(dump)); // nothing else: records 1 and 12 are clean
    // The malformed finding names the field.
    for (const LintFinding &f : r->findings)
        if (f.kind == QLatin1String("malformed"))
            QVERIFY2(f.message.contains(QStringLiteral("vqa_pairs[0].answer")) &&
                         f.message.contains(QStringLiteral("'F'")),
                     qPrintable(f.message));

    // The clean records alone: nothing found.
    const QString clean = writeJson(m_tmp.filePath(QStringLiteral("clean.json")),
                                    QJsonArray{planted.at(0), planted.at(11)});
    Result<LintReport> c = BenchmarkLint::lintFile(clean, options);
    QVERIFY(c);
    QCOMPARE(int(c->findings.size()), 0);
    QVERIFY(!c->hasProblems());
}

void TestBenchmark::lintLeakReadsStemsAsQuestions()
{
    // The five answer_leak errors the lint raised on the published closed benchmark were all
    // false: four "How large is the (primary) lesion?" with the answer Large/Extensive, and one
    // binary stem offering both choices ("abnormality or … healthy"). A stem that states the
    // answer is still a leak.
    const QString kNone = QStringLiteral("None of the above");
    const QStringList sizes{QStringLiteral("Small/Focal"), QStringLiteral("Medium"), QStringLiteral("Large/Extensive"),
                            QStringLiteral("No lesion visible"), kNone};
    const QJsonArray records{
        record(1, QStringLiteral("a/1.png"), {pair(QStringLiteral("size"), QStringLiteral("How large is the lesion?"), sizes, QStringLiteral("C"))}),
        record(2, QStringLiteral("a/2.png"),
               {pair(QStringLiteral("size"), QStringLiteral("How large is the primary lesion?"), sizes, QStringLiteral("C"))}),
        record(3, QStringLiteral("a/3.png"),
               {pair(QStringLiteral("diagnosis"), QStringLiteral("Does this brain MRI show abnormality or appear healthy?"),
                     {QStringLiteral("Healthy"), QStringLiteral("Abnormal")}, QStringLiteral("A"))}),
        record(5, QStringLiteral("a/5.png"),
               {pair(QStringLiteral("size"), QStringLiteral("What is the size of this large lesion?"), sizes, QStringLiteral("C"))}),
        record(6, QStringLiteral("a/6.png"),
               {pair(QStringLiteral("diagnosis"), QStringLiteral("Is there an abnormality, and is the brain healthy?"),
                     {QStringLiteral("Healthy"), QStringLiteral("Abnormal")}, QStringLiteral("B"))}),
    };
    LintOptions options;
    options.checkImages = false;
    Result<LintReport> r = BenchmarkLint::lintFile(writeJson(m_tmp.filePath(QStringLiteral("leaks.json")), records), options);
    QVERIFY(r);
    // Record 5 states the size (a leak); record 6 offers both choices, one as "abnormality".
    QStringList all;
    for (const LintFinding &f : r->findings)
        all << QStringLiteral("%1 %2: %3").arg(f.kind, f.recordId, f.message);
    QVERIFY2(findingsByKind(*r).value(QStringLiteral("answer_leak")) == QStringList{QStringLiteral("5")},
             qPrintable(all.join(QLatin1Char('\n'))));
}

void TestBenchmark::lintLetterImbalanceAndImages()
{
    // 24 clean questions all answered A: imbalance (χ² = 72, p < 0.001), nothing else.
    QJsonArray skewed;
    for (int i = 0; i < 24; ++i)
        skewed.append(record(
            i + 1, QStringLiteral("img/%1.png").arg(i),
            {pair(QStringLiteral("size"), QStringLiteral("What is the lesion size category?"),
                  {QStringLiteral("Medium"), QStringLiteral("Small/Focal"),
                   QStringLiteral("Large/Extensive"), QStringLiteral("No lesion visible"), kNone},
                  QStringLiteral("A"))}));
    QDir(m_tmp.path()).mkpath(QStringLiteral("images/img"));
    for (int i = 0; i < 24; ++i) // every image but the last exists
        if (i != 23)
            QFile(m_tmp.filePath(QStringLiteral("images/img/%1.png").arg(i)))
                .open(QIODevice::WriteOnly);
    const QString path = writeJson(m_tmp.filePath(QStringLiteral("skewed.json")), skewed);
    LintOptions options;
    options.imagesRoot = m_tmp.filePath(QStringLiteral("images"));
    Result<LintReport> r = BenchmarkLint::lintFile(path, options);
    QVERIFY(r);
    const QMap<QString, QStringList> found = findingsByKind(*r);
    QCOMPARE(found.keys(),
             (QStringList{QStringLiteral("letter_imbalance"), QStringLiteral("missing_image")}));
    QCOMPARE(found.value(QStringLiteral("missing_image")), QStringList{QStringLiteral("24")});
    QVERIFY(r->letters.value(QStringLiteral("multiple_choice")).p < 0.001);
    QCOMPARE(r->letters.value(QStringLiteral("multiple_choice")).chi2, 72.0);
}

void TestBenchmark::lintOpenFile()
{
    const QString path =
        QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_open_sample.json");
    Result<LintReport> r = BenchmarkLint::lintFile(path, {});
    QVERIFY(r);
    QCOMPARE(r->kind, QStringLiteral("open"));
    QCOMPARE(r->records, 12);
    // Published Location questions with eval_keywords: [] (records 9, 24, 27, 28, 40, 46, 48, 50).
    const QMap<QString, QStringList> found = findingsByKind(*r);
    QCOMPARE(found.value(QStringLiteral("empty_keywords")).size(), 8);
    QCOMPARE(found.value(QStringLiteral("malformed")).size(), 0);
    QVERIFY(!found.contains(QStringLiteral("duplicate_question")));
}

void TestBenchmark::formatRoundTripAndErrors()
{
    const QString path =
        QStringLiteral(NEUROONCO_TEST_DATA_DIR "/benchmark/benchmark_closed_sample.json");
    Result<QJsonArray> array = BenchmarkFormat::readArray(path);
    QVERIFY(array);
    const ClosedFile file = BenchmarkFormat::parseClosed(*array);
    QVERIFY(file.problems.empty());
    // Every record written back equals the original.
    for (int i = 0; i < array->size(); ++i)
        QCOMPARE(BenchmarkFormat::closedRecordJson(file.records[size_t(i)]),
                 array->at(i).toObject());
    QCOMPARE(file.records[2].pairs[1].originalAnswer, QStringLiteral("glioma"));

    // Defects are named by record and field.
    QJsonArray broken{
        record(5, QStringLiteral("x.png"),
               {QJsonObject{{QStringLiteral("question_type"), QStringLiteral("size")},
                            {QStringLiteral("question"), QStringLiteral("Size?")},
                            {QStringLiteral("options"),
                             QJsonObject{{QStringLiteral("A"), QStringLiteral("Small")},
                                         {QStringLiteral("B"), QStringLiteral("Large")}}}}}),
        QJsonObject{{QStringLiteral("id"), 6}, {QStringLiteral("vqa_pairs"), QJsonArray{}}}};
    const ClosedFile bad = BenchmarkFormat::parseClosed(broken);
    QStringList where;
    for (const FormatProblem &p : bad.problems)
        where << p.where() + QStringLiteral(": ") + p.message;
    QVERIFY2(where.contains(QStringLiteral("record 1 (id 5), vqa_pairs[0].answer: missing")),
             qPrintable(where.join(QLatin1Char('\n'))));
    QVERIFY2(where.contains(QStringLiteral("record 2 (id 6), image_path: missing")),
             qPrintable(where.join(QLatin1Char('\n'))));
    QVERIFY(where.contains(QStringLiteral("record 2 (id 6), vqa_pairs: empty")));
    const Error e = BenchmarkFormat::problemError(QStringLiteral("f.json"), bad.problems);
    QCOMPARE(e.code, ErrorCode::Parse);
    QCOMPARE(e.subject, QStringLiteral("f.json: record 1 (id 5), vqa_pairs[0].answer"));
    QFile notJson(m_tmp.filePath(QStringLiteral("not.json")));
    notJson.open(QIODevice::WriteOnly);
    notJson.write("[{\"id\": 1,");
    notJson.close();
    Result<QJsonArray> parse = BenchmarkFormat::readArray(notJson.fileName());
    QVERIFY(!parse);
    QCOMPARE(parse.error().code, ErrorCode::Parse);
    QCOMPARE(parse.error().subject, notJson.fileName());
}

void TestBenchmark::instructions()
{
    const std::vector<GoldRecord> golds = syntheticGolds(400, 23);
    InstructionOptions options;
    std::vector<const GoldRecord *> pointers;
    std::vector<std::vector<InstructionSlot>> slots;
    for (const GoldRecord &g : golds) {
        pointers.push_back(&g);
        slots.push_back(InstructionBuilder::chooseSlots(g, options));
    }
    InstructionBuilder::plan(pointers, slots, options);
    QMap<QString, int> variants;
    QMap<QString, QPair<int, int>> traps;
    QMap<QString, QSet<QString>> stemsPerType;
    int lines = 0;
    // Words about the person scanned that must never appear (the labels say nothing about them).
    static const QRegularExpression personal(
        QStringLiteral("\\b(year[- ]old|years? old|aged?|male|female|man|woman|boy|girl|child|"
                       "patient|history|symptoms?|headaches?|seizures?|presented|complains?|"
                       "his|her|he|she)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (size_t i = 0; i < golds.size(); ++i) {
        const std::vector<InstructionRecord> records =
            InstructionBuilder::build(golds[i], slots[i], options);
        QVERIFY(!records.empty());
        QVERIFY(int(records.size()) <= options.perSample);
        QCOMPARE(int(records.size()),
                 options.perSample); // every synthetic slice has diagnosis and modality at least
        for (const InstructionRecord &r : records) {
            ++lines;
            ++variants[r.variant];
            QJsonParseError perr;
            const QJsonObject o = QJsonDocument::fromJson(r.line.toUtf8(), &perr).object();
            QCOMPARE(perr.error, QJsonParseError::NoError);
            QVERIFY(!r.line.contains(QLatin1Char('\n')));
            QCOMPARE(o.keys(), (QStringList{QStringLiteral("images"), QStringLiteral("messages"),
                                            QStringLiteral("meta")}));
            QCOMPARE(o[QStringLiteral("images")][0].toString(), golds[i].imagePath);
            const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
            QCOMPARE(messages.size(), 2);
            QCOMPARE(messages[0][QStringLiteral("role")].toString(), QStringLiteral("user"));
            QCOMPARE(messages[1][QStringLiteral("role")].toString(), QStringLiteral("assistant"));
            const QString user = messages[0][QStringLiteral("content")].toString();
            const QString assistant = messages[1][QStringLiteral("content")].toString();
            QVERIFY(user.startsWith(QStringLiteral("<image>\n")));
            QVERIFY2(!personal.match(user + QLatin1Char(' ') + assistant).hasMatch(),
                     qPrintable(personal.match(user + QLatin1Char(' ') + assistant).captured() +
                                QStringLiteral(" in ") + assistant));
            const QJsonObject meta = o.value(QStringLiteral("meta")).toObject();
            QCOMPARE(meta.value(QStringLiteral("variant")).toString(), r.variant);
            QCOMPARE(meta.value(QStringLiteral("sample_id")).toString(), golds[i].sampleId);
            if (r.variant == QLatin1String("closed")) {
                QCOMPARE(assistant, r.answer);
                QVERIFY(user.contains(QStringLiteral("\nA. ")));
            } else if (r.variant == QLatin1String("closed_cot")) {
                QVERIFY(
                    assistant.startsWith(QStringLiteral("Final: ") + r.answer + QLatin1Char('\n')));
                QVERIFY(assistant.size() > 30);
            }
            if (r.variant != QLatin1String("open")) {
                QCOMPARE(meta.value(QStringLiteral("answer")).toString(), r.answer);
                QCOMPARE(meta.value(QStringLiteral("is_trap")).toBool(), r.trap);
                const bool binary = r.questionType == QLatin1String("diagnosis") &&
                                    MimicTable::instance().isBinary(golds[i].tumourType);
                if (!binary) {
                    traps[r.questionType].second += 1;
                    traps[r.questionType].first += r.trap ? 1 : 0;
                }
                stemsPerType[r.questionType].insert(user.section(QLatin1Char('\n'), 1, 1));
            }
        }
    }
    QCOMPARE(lines, 400 * 8);
    QVERIFY(variants.value(QStringLiteral("open")) > 300);
    QVERIFY(variants.value(QStringLiteral("closed")) > 800);
    QVERIFY(variants.value(QStringLiteral("closed_cot")) > 800);
    for (auto it = traps.begin(); it != traps.end(); ++it)
        QVERIFY2(std::fabs(it->first - 0.2 * it->second) <= 1.0, qPrintable(it.key()));
    // Varied phrasings: several distinct prompt lines per question type.
    QVERIFY(stemsPerType.value(QStringLiteral("diagnosis")).size() >= 8);
    QVERIFY(stemsPerType.value(QStringLiteral("size")).size() >= 6);

    // The explanation of a reasoning answer uses only gold values and numbers.
    const GoldRecord g = gliomaT1ce();
    const ClosedQuestion size =
        *ClosedItemBuilder::build(g, QStringLiteral("size"), {false, QStringLiteral("B")}, 1);
    QCOMPARE(InstructionBuilder::explanation(g, size),
             QStringLiteral(
                 "The lesion covers about 2.31% of the image; below 1% counts as small/focal, from "
                 "1% to 5% as medium and 5% "
                 "or more as large/extensive, so its size is medium. The answer is B: Medium."));
    const ClosedQuestion trap =
        *ClosedItemBuilder::build(g, QStringLiteral("location"), {true, QStringLiteral("E")}, 1);
    QVERIFY(InstructionBuilder::explanation(g, trap).endsWith(QStringLiteral(
        "None of the options A–D is upper-left region, so the answer is E (None of the above).")));
}

QTEST_GUILESS_MAIN(TestBenchmark)
#include "tst_benchmark.moc"
