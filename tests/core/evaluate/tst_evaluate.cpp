// Evaluation building blocks without a server: the answer parser on every accepted and
// rejected form, option rotation, BLEU-4 / ROUGE-L / keyword recall on hand-computed examples,
// the percentile bootstrap, closed scoring (types, binary/MC, traps, rejection, circular) and
// the published prediction line format.
#include "core/evaluate/AnswerParser.h"
#include "core/evaluate/Bootstrap.h"
#include "core/evaluate/ClosedScorer.h"
#include "core/evaluate/OptionRotation.h"
#include "core/evaluate/PredictionFormat.h"
#include "core/evaluate/TextMetrics.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace neuroonco;

Q_DECLARE_METATYPE(neuroonco::AnswerProblem)

namespace {

std::vector<ChoiceOption> fiveOptions()
{
    return {{QStringLiteral("A"), QStringLiteral("Glioma")},
            {QStringLiteral("B"), QStringLiteral("Metastasis")},
            {QStringLiteral("C"), QStringLiteral("Meningioma")},
            {QStringLiteral("D"), QStringLiteral("Pilocytic_Astrocytoma")},
            {QStringLiteral("E"), QStringLiteral("None of the above")}};
}

ClosedQuestion question(std::vector<ChoiceOption> options, const QString &answer)
{
    ClosedQuestion q;
    q.questionType = QStringLiteral("diagnosis");
    q.question = QStringLiteral("What is the most likely diagnosis?");
    q.options = std::move(options);
    q.answer = answer;
    return q;
}

EvalAnswer answer(const QString &key, const QString &type, bool mcq, bool trap, const QString &gt,
                  const QString &pred, bool valid, bool withE = true, int rotation = 0)
{
    EvalAnswer a;
    a.externalId = key;
    a.qIndex = 0;
    a.questionType = type;
    a.isMcq = mcq;
    a.isTrap = trap;
    a.gt = gt;
    a.pred = valid ? pred : QString();
    a.valid = valid;
    a.correct = valid && pred == gt;
    a.rotation = rotation;
    const QStringList letters = mcq ? QStringList{QStringLiteral("A"), QStringLiteral("B"),
                                                  QStringLiteral("C"), QStringLiteral("D")}
                                    : QStringList{QStringLiteral("A"), QStringLiteral("B")};
    for (const QString &l : letters)
        a.presented.insert(l, QStringLiteral("x"));
    if (withE)
        a.presented.insert(QStringLiteral("E"), QStringLiteral("None of the above"));
    return a;
}

} // namespace

class TestEvaluate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parserAccepts_data();
    void parserAccepts();
    void parserRejects_data();
    void parserRejects();
    void parserRespectsOfferedLetters();
    void rotationMovesEveryOptionButE();
    void tokens();
    void bleuOnHandComputedExamples();
    void rougeOnHandComputedExamples();
    void keywordRecallIsWordBoundaryAware();
    void bootstrapContainsEstimateAndNarrows();
    void bootstrapOfSharesMatchesResamplingOutcomes();
    void bootstrapIsDeterministic();
    void closedScoresCountEveryBreakdown();
    void circularNeedsEveryRotation();
    void predictionLinesParseAndReportDefects();
};

void TestEvaluate::parserAccepts_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("letter");
    QTest::newRow("lone letter") << "C"
                                 << "C";
    QTest::newRow("lower case") << "c"
                                << "C";
    QTest::newRow("white space") << "  C \n"
                                 << "C";
    QTest::newRow("parenthesised") << "(C)"
                                   << "C";
    QTest::newRow("bracketed") << "[C]"
                               << "C";
    QTest::newRow("full stop") << "C."
                               << "C";
    QTest::newRow("closing bracket") << "C)"
                                     << "C";
    QTest::newRow("bold") << "**C**"
                          << "C";
    QTest::newRow("answer colon") << "Answer: C"
                                  << "C";
    QTest::newRow("answer lower") << "answer: c"
                                  << "C";
    QTest::newRow("answer is") << "The answer is B."
                               << "B";
    QTest::newRow("chatty")
        << "I think the answer is (C) because the lesion enhances like a meningioma."
        << "C";
    QTest::newRow("final") << "Final: D\nThe lesion is large and lobulated."
                           << "D";
    QTest::newRow("final answer") << "Final answer: (A)"
                                  << "A";
    QTest::newRow("correct option") << "The correct option is E: None of the above."
                                    << "E";
    QTest::newRow("option") << "Option B"
                            << "B";
    QTest::newRow("tagged") << "<answer>D</answer>"
                            << "D";
    QTest::newRow("think block") << "<think>A or B? Probably B.</think>B"
                                 << "B";
    QTest::newRow("letter and text") << "C. Meningioma"
                                     << "C";
    QTest::newRow("letter bracket text") << "C) Meningioma, given the dural tail."
                                         << "C";
    QTest::newRow("option text") << "Meningioma"
                                 << "C";
    QTest::newRow("option text case") << "  MENINGIOMA. "
                                      << "C";
    QTest::newRow("option text underscore") << "pilocytic astrocytoma"
                                            << "D";
    QTest::newRow("none of the above") << "None of the above"
                                       << "E";
    QTest::newRow("one letter in prose") << "Looking at the image, I would go with (B) here."
                                         << "B";
}

void TestEvaluate::parserAccepts()
{
    QFETCH(QString, reply);
    QFETCH(QString, letter);
    const ParsedAnswer p = AnswerParser::parse(reply, fiveOptions());
    QVERIFY2(p.isValid(), qPrintable(answerProblemName(p.problem)));
    QCOMPARE(p.letter, letter);
}

void TestEvaluate::parserRejects_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<AnswerProblem>("problem");
    QTest::newRow("empty") << "" << AnswerProblem::Empty;
    QTest::newRow("blank") << "  \n " << AnswerProblem::Empty;
    QTest::newRow("refusal") << "I'm sorry, but I cannot provide a medical diagnosis from an image."
                             << AnswerProblem::Refusal;
    QTest::newRow("two letters") << "A or C" << AnswerProblem::SeveralLetters;
    QTest::newRow("two letters comma") << "A, C" << AnswerProblem::SeveralLetters;
    QTest::newRow("answer two letters") << "Answer: A or C" << AnswerProblem::SeveralLetters;
    QTest::newRow("bracketed pair") << "(A) or (C)" << AnswerProblem::SeveralLetters;
    QTest::newRow("changed mind") << "Answer: A. Final answer: C" << AnswerProblem::SeveralLetters;
    QTest::newRow("prose two letters")
        << "It is either B or maybe D." << AnswerProblem::SeveralLetters;
    QTest::newRow("self-contradiction") << "A. Meningioma" << AnswerProblem::SeveralLetters;
    QTest::newRow("no such letter") << "F" << AnswerProblem::NotAnOption;
    QTest::newRow("prose") << "The lesion looks like a tumour." << AnswerProblem::NoAnswer;
    QTest::newRow("article A") << "A lesion is visible in the left hemisphere."
                               << AnswerProblem::NoAnswer;
    QTest::newRow("answer is a") << "The answer is a lobulated mass." << AnswerProblem::NoAnswer;
    QTest::newRow("text not offered") << "Glioblastoma" << AnswerProblem::NoAnswer;
}

void TestEvaluate::parserRejects()
{
    QFETCH(QString, reply);
    QFETCH(AnswerProblem, problem);
    const ParsedAnswer p = AnswerParser::parse(reply, fiveOptions());
    QVERIFY2(!p.isValid(), qPrintable(p.letter));
    QVERIFY(p.letter.isEmpty());
    QCOMPARE(answerProblemName(p.problem), answerProblemName(problem));
}

void TestEvaluate::parserRespectsOfferedLetters()
{
    const std::vector<ChoiceOption> binary{{QStringLiteral("A"), QStringLiteral("Healthy")},
                                           {QStringLiteral("B"), QStringLiteral("Abnormal")}};
    QCOMPARE(AnswerParser::parse(QStringLiteral("E"), binary).problem, AnswerProblem::NotAnOption);
    QCOMPARE(AnswerParser::parse(QStringLiteral("Answer: C"), binary).problem,
             AnswerProblem::NotAnOption);
    QCOMPARE(AnswerParser::parse(QStringLiteral("abnormal"), binary).letter, QStringLiteral("B"));
    QCOMPARE(AnswerParser::parse(QStringLiteral("b"), binary).letter, QStringLiteral("B"));
    for (AnswerProblem p :
         {AnswerProblem::None, AnswerProblem::Empty, AnswerProblem::Refusal,
          AnswerProblem::SeveralLetters, AnswerProblem::NotAnOption, AnswerProblem::NoAnswer})
        QCOMPARE(answerProblemFromName(answerProblemName(p)), p);
}

void TestEvaluate::rotationMovesEveryOptionButE()
{
    const ClosedQuestion q = question(fiveOptions(), QStringLiteral("C"));
    QCOMPARE(OptionRotation::count(q), 4);
    const std::vector<ChoiceOption> r1 = OptionRotation::rotated(q, 1);
    QCOMPARE(r1[0].text, QStringLiteral("Metastasis"));
    QCOMPARE(r1[3].text, QStringLiteral("Glioma"));
    QCOMPARE(r1[4].letter, QStringLiteral("E"));
    QCOMPARE(r1[4].text, QStringLiteral("None of the above"));
    // The answer visits every letter once; E never moves.
    QSet<QString> seen;
    for (int r = 0; r < 4; ++r) {
        const QString at = OptionRotation::toPresented(q, r, QStringLiteral("C"));
        seen.insert(at);
        QCOMPARE(OptionRotation::rotated(q, r)[size_t(at.at(0).unicode() - 'A')].text,
                 QStringLiteral("Meningioma"));
        for (const char *l : {"A", "B", "C", "D", "E"})
            QCOMPARE(OptionRotation::toOriginal(
                         q, r, OptionRotation::toPresented(q, r, QLatin1String(l))),
                     QLatin1String(l));
        QCOMPARE(OptionRotation::toOriginal(q, r, QStringLiteral("E")), QStringLiteral("E"));
    }
    QCOMPARE(seen, (QSet<QString>{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                  QStringLiteral("D")}));
    // A binary question without E rotates its two options.
    const ClosedQuestion binary = question({{QStringLiteral("A"), QStringLiteral("Healthy")},
                                            {QStringLiteral("B"), QStringLiteral("Abnormal")}},
                                           QStringLiteral("B"));
    QCOMPARE(OptionRotation::count(binary), 2);
    QCOMPARE(OptionRotation::toPresented(binary, 1, QStringLiteral("B")), QStringLiteral("A"));
    QCOMPARE(OptionRotation::rotated(binary, 0)[0].text, QStringLiteral("Healthy"));
}

void TestEvaluate::tokens()
{
    QCOMPARE(TextMetrics::tokens(QStringLiteral("The Ill-defined lesion covers 6.31% (x=91).")),
             (QStringList{QStringLiteral("the"), QStringLiteral("ill"), QStringLiteral("defined"),
                          QStringLiteral("lesion"), QStringLiteral("covers"),
                          QStringLiteral("6.31"), QStringLiteral("x"), QStringLiteral("91")}));
    QCOMPARE(TextMetrics::tokens(QStringLiteral("end.")), QStringList{QStringLiteral("end")});
    QCOMPARE(TextMetrics::tokens(QStringLiteral("胶质瘤 T1")),
             (QStringList{QStringLiteral("胶"), QStringLiteral("质"), QStringLiteral("瘤"),
                          QStringLiteral("t1")}));
}

void TestEvaluate::bleuOnHandComputedExamples()
{
    // Identical texts: every precision 1, no brevity penalty.
    QCOMPARE(TextMetrics::bleu4(QStringLiteral("the lesion is large and irregular"),
                                QStringLiteral("The lesion is large and irregular.")),
             1.0);
    // p1 = 5/6, p2 = 3/5, p3 = 1/4, p4 = 0 matches of 3 → ε/3; c = r = 6 → BP = 1.
    // BLEU = (5/6 · 3/5 · 1/4 · 0.1/3)^(1/4) = (1/240)^(1/4).
    QVERIFY(qAbs(TextMetrics::bleu4(QStringLiteral("the cat sat on the mat"),
                                    QStringLiteral("the cat is on the mat")) -
                 std::pow(1.0 / 240.0, 0.25)) < 1e-12);
    // Short candidate: p1 = p2 = 1, no 3- or 4-grams → ε/1 each; BP = exp(1 − 6/2).
    QVERIFY(qAbs(TextMetrics::bleu4(QStringLiteral("the cat"),
                                    QStringLiteral("the cat sat on the mat")) -
                 std::exp(-2.0) * std::sqrt(0.1)) < 1e-12);
    // Clipping: "the" counts at most twice (the reference has it twice).
    // p1 = 2/4 (the×2 clipped), p2: "the the" ×3 vs 0 → ε/3, p3 → ε/2, p4 → ε/1; c = 4 < r = 6.
    const double expected =
        std::exp(1.0 - 6.0 / 4.0) * std::pow(0.5 * (0.1 / 3) * (0.1 / 2) * 0.1, 0.25);
    QVERIFY(qAbs(TextMetrics::bleu4(QStringLiteral("the the the the"),
                                    QStringLiteral("the cat is on the mat")) -
                 expected) < 1e-12);
    // No common word, or nothing to compare: 0.
    QCOMPARE(TextMetrics::bleu4(QStringLiteral("abc def"), QStringLiteral("the cat")), 0.0);
    QCOMPARE(TextMetrics::bleu4(QString(), QStringLiteral("the cat")), 0.0);
}

void TestEvaluate::rougeOnHandComputedExamples()
{
    // LCS "the cat on the mat" = 5 of 6 and 6: P = R = F = 5/6.
    RougeScore r = TextMetrics::rougeL(QStringLiteral("the cat sat on the mat"),
                                       QStringLiteral("the cat is on the mat"));
    QVERIFY(qAbs(r.f - 5.0 / 6.0) < 1e-12);
    // LCS "police the gunman" = 3 of 4 and 4.
    r = TextMetrics::rougeL(QStringLiteral("police killed the gunman"),
                            QStringLiteral("police kill the gunman"));
    QVERIFY(qAbs(r.precision - 0.75) < 1e-12 && qAbs(r.recall - 0.75) < 1e-12 &&
            qAbs(r.f - 0.75) < 1e-12);
    // Unequal lengths: LCS 2, P = 2/4, R = 2/2, F = 2·0.5·1/1.5 = 2/3.
    r = TextMetrics::rougeL(QStringLiteral("a b c d"), QStringLiteral("a c"));
    QVERIFY(qAbs(r.precision - 0.5) < 1e-12 && qAbs(r.recall - 1.0) < 1e-12 &&
            qAbs(r.f - 2.0 / 3.0) < 1e-12);
    // Order matters: the reversed sentence shares only one word in sequence.
    r = TextMetrics::rougeL(QStringLiteral("c b a"), QStringLiteral("a b c"));
    QVERIFY(qAbs(r.f - 1.0 / 3.0) < 1e-12);
    QCOMPARE(TextMetrics::rougeL(QString(), QStringLiteral("a")).f, 0.0);
}

void TestEvaluate::keywordRecallIsWordBoundaryAware()
{
    QStringList found;
    const std::optional<double> r = TextMetrics::keywordRecall(
        QStringLiteral("The lesion is ROUND and well-circumscribed, surrounding the ventricle."),
        {QStringLiteral("Round"), QStringLiteral("well circumscribed"), QStringLiteral("irregular"),
         QStringLiteral("surround"), QStringLiteral("round")},
        &found);
    // round (once: duplicates count once), well circumscribed; not irregular, not "surround" in
    // "surrounding".
    QVERIFY(r.has_value());
    QCOMPARE(*r, 0.5);
    QCOMPARE(found, (QStringList{QStringLiteral("Round"), QStringLiteral("well circumscribed")}));
    // Whole words only: "round" is not in "around".
    QCOMPARE(*TextMetrics::keywordRecall(QStringLiteral("Located around the fourth ventricle."), {QStringLiteral("round")}), 0.0);
    QVERIFY(!TextMetrics::keywordRecall(QStringLiteral("anything"), {}).has_value());
    QCOMPARE(*TextMetrics::keywordRecall(QString(), {QStringLiteral("glioma")}), 0.0);
}

void TestEvaluate::bootstrapContainsEstimateAndNarrows()
{
    double previousWidth = 2;
    for (qint64 n : {100, 1000, 10000}) {
        const Interval i = Bootstrap::proportion(n * 7 / 10, n);
        QVERIFY(i.hasInterval);
        QCOMPARE(i.estimate, 0.7);
        QVERIFY2(i.lower < 0.7 && 0.7 < i.upper,
                 qPrintable(QStringLiteral("%1 %2").arg(i.lower).arg(i.upper)));
        const double width = i.upper - i.lower;
        // Close to the normal approximation 2·1.96·√(p(1−p)/n).
        const double normal = 2 * 1.96 * std::sqrt(0.21 / double(n));
        QVERIFY2(width > 0.75 * normal && width < 1.25 * normal,
                 qPrintable(QStringLiteral("n=%1 width %2 vs %3").arg(n).arg(width).arg(normal)));
        QVERIFY(width < previousWidth);
        previousWidth = width;
    }
    // All right or all wrong: no spread.
    const Interval all = Bootstrap::proportion(50, 50);
    QCOMPARE(all.lower, 1.0);
    QCOMPARE(all.upper, 1.0);
    QCOMPARE(Bootstrap::proportion(0, 50).upper, 0.0);
    // Real-valued means: the interval holds the mean and narrows with n.
    std::vector<double> small, large;
    for (int i = 0; i < 50; ++i)
        small.push_back((i % 10) / 10.0);
    for (int i = 0; i < 5000; ++i)
        large.push_back((i % 10) / 10.0);
    const Interval s = Bootstrap::mean(small), l = Bootstrap::mean(large);
    QVERIFY(qAbs(s.estimate - 0.45) < 1e-12 && s.lower < 0.45 && 0.45 < s.upper);
    QVERIFY(l.lower < 0.45 && 0.45 < l.upper);
    QVERIFY(l.upper - l.lower < (s.upper - s.lower) / 5);
}

void TestEvaluate::bootstrapOfSharesMatchesResamplingOutcomes()
{
    // Shares draw the resampled count from its binomial law; resampling the 0/1 outcomes
    // themselves must give the same interval up to Monte Carlo noise.
    for (const auto &[k, n] : {std::pair<int, int>{300, 1000}, {7, 40}, {990, 1000}}) {
        std::vector<double> outcomes(size_t(n), 0.0);
        std::fill(outcomes.begin(), outcomes.begin() + k, 1.0);
        BootstrapOptions many;
        many.resamples = 20000;
        const Interval direct = Bootstrap::proportion(k, n, many);
        const Interval resampled = Bootstrap::mean(outcomes, many);
        const double tolerance = 1.5 / double(n) + 0.004;
        QVERIFY2(qAbs(direct.lower - resampled.lower) <= tolerance &&
                     qAbs(direct.upper - resampled.upper) <= tolerance,
                 qPrintable(QStringLiteral("%1/%2: [%3, %4] vs [%5, %6]")
                                .arg(k)
                                .arg(n)
                                .arg(direct.lower)
                                .arg(direct.upper)
                                .arg(resampled.lower)
                                .arg(resampled.upper)));
    }
}

void TestEvaluate::bootstrapIsDeterministic()
{
    const Interval a = Bootstrap::proportion(4321, 10000);
    const Interval b = Bootstrap::proportion(4321, 10000);
    QCOMPARE(a.lower, b.lower);
    QCOMPARE(a.upper, b.upper);
    BootstrapOptions other;
    other.seed = 7;
    const Interval c = Bootstrap::proportion(4321, 10000, other);
    QVERIFY(c.lower != a.lower || c.upper != a.upper);
    BootstrapOptions none;
    none.resamples = 0;
    QVERIFY(!Bootstrap::proportion(1, 2, none).hasInterval);
}

void TestEvaluate::closedScoresCountEveryBreakdown()
{
    const std::vector<EvalAnswer> answers{
        answer(QStringLiteral("q1"), QStringLiteral("diagnosis"), true, false, QStringLiteral("B"),
               QStringLiteral("B"), true),
        answer(QStringLiteral("q2"), QStringLiteral("diagnosis"), true, true, QStringLiteral("E"),
               QStringLiteral("E"), true),
        answer(QStringLiteral("q3"), QStringLiteral("modality"), true, false, QStringLiteral("C"),
               QStringLiteral("E"), true),
        answer(QStringLiteral("q4"), QStringLiteral("diagnosis"), false, false, QStringLiteral("A"),
               QStringLiteral("A"), true, false),
        answer(QStringLiteral("q5"), QStringLiteral("size"), true, false, QStringLiteral("D"),
               QString(), false),
        answer(QStringLiteral("q6"), QStringLiteral("size"), true, true, QStringLiteral("E"),
               QStringLiteral("A"), true),
    };
    BootstrapOptions bootstrap;
    const ClosedScores s = ClosedScorer::score(answers, false, &bootstrap);
    QCOMPARE(s.questions, qint64(6));
    auto check = [](const Rate &r, qint64 hits, qint64 n) {
        QCOMPARE(r.hits, hits);
        QCOMPARE(r.n, n);
    };
    check(s.accuracy, 3, 6);
    check(s.validAccuracy, 3, 5);
    check(s.binary, 1, 1);
    check(s.multipleChoice, 2, 5);
    check(s.trap, 1, 2);
    check(s.nonTrap, 2, 4);
    check(s.invalid, 1, 6);
    check(s.correctRejection, 1, 2);
    check(s.falseRejection, 1, 3); // q1, q3, q5 offer E and are answerable; q4 has no E
    check(s.byType.value(QStringLiteral("diagnosis")), 3, 3);
    check(s.byType.value(QStringLiteral("modality")), 0, 1);
    check(s.byType.value(QStringLiteral("size")), 0, 2);
    QVERIFY(s.accuracy.interval.hasInterval);
    QVERIFY(s.accuracy.interval.lower <= 0.5 && 0.5 <= s.accuracy.interval.upper);
    const QJsonObject json = s.toJson();
    QCOMPARE(json[QStringLiteral("trap")][QStringLiteral("n")].toInt(), 2);
    QCOMPARE(json[QStringLiteral("by_type")][QStringLiteral("size")][QStringLiteral("n")].toInt(),
             2);
    // A failed request is pending, not wrong.
    std::vector<EvalAnswer> withError = answers;
    withError.push_back(answer(QStringLiteral("q7"), QStringLiteral("size"), true, false,
                               QStringLiteral("A"), QString(), false));
    withError.back().error = QStringLiteral("timeout: no answer");
    const ClosedScores e = ClosedScorer::score(withError, false);
    QCOMPARE(e.questions, qint64(6));
    QCOMPARE(e.pending, qint64(1));
    QVERIFY(!e.accuracy.interval.hasInterval);
}

void TestEvaluate::circularNeedsEveryRotation()
{
    std::vector<EvalAnswer> answers;
    // q1: right in all four rotations; q2: right in three of four; q3: only three rotations stored.
    for (int r = 0; r < 4; ++r) {
        answers.push_back(answer(QStringLiteral("q1"), QStringLiteral("shape"), true, false,
                                 QStringLiteral("B"), QStringLiteral("B"), true, true, r));
        answers.push_back(
            answer(QStringLiteral("q2"), QStringLiteral("shape"), true, false, QStringLiteral("B"),
                   r == 2 ? QStringLiteral("A") : QStringLiteral("B"), true, true, r));
        if (r < 3)
            answers.push_back(answer(QStringLiteral("q3"), QStringLiteral("shape"), true, false,
                                     QStringLiteral("B"), QStringLiteral("B"), true, true, r));
    }
    // q4: a trap answered E in every rotation — a consistent rejection.
    for (int r = 0; r < 4; ++r)
        answers.push_back(answer(QStringLiteral("q4"), QStringLiteral("shape"), true, true,
                                 QStringLiteral("E"), QStringLiteral("E"), true, true, r));
    const ClosedScores s = ClosedScorer::score(answers, true);
    QCOMPARE(s.questions, qint64(3));
    QCOMPARE(s.pending, qint64(1));
    QCOMPARE(s.accuracy.hits, qint64(2));
    QCOMPARE(s.correctRejection.hits, qint64(1));
    const std::vector<ClosedOutcome> outcomes = ClosedScorer::outcomes(answers, true);
    QCOMPARE(outcomes.size(), size_t(3));
    QCOMPARE(outcomes[0].rotations, 4);
}

void TestEvaluate::predictionLinesParseAndReportDefects()
{
    Result<PredictionLine> ok = PredictionFormat::parseLine(
        R"({"id": 3, "q_index": 1, "type": "diagnosis", "is_mcq": true, "is_trap": true, "gt": "E", "pred": "E", "correct": true, "image_path": "g/x.png", "raw": "E"})",
        QStringLiteral("f.jsonl: line 1"));
    QVERIFY(ok.ok());
    QCOMPARE(ok->idText(), QStringLiteral("3"));
    // q_index counts from 1 in files (the published evaluation output); the position from 0.
    QCOMPARE(ok->position, 0);
    QCOMPARE(ok->toJson().value(QStringLiteral("q_index")).toInt(), 1);
    QVERIFY(ok->isTrap);
    QCOMPARE(ok->extra.value(QStringLiteral("raw")).toString(), QStringLiteral("E"));
    QCOMPARE(ok->toJson().value(QStringLiteral("id")).toInt(), 3);
    QCOMPARE(PredictionFormat::parseLine(R"({"id": "x_7", "q_index": 6, "gt": "A", "pred": null})", QStringLiteral("l"))->position, 5);
    struct Bad
    {
        const char *line;
        const char *field;
    };
    for (const Bad &b : {Bad{R"({"q_index": 1, "gt": "A"})", "id"},
                         Bad{R"({"id": 1, "q_index": -1, "gt": "A"})", "q_index"},
                         Bad{R"({"id": 1, "q_index": 0, "gt": "A"})", "q_index"}, // no question 0
                         Bad{R"({"id": 1, "q_index": 1.5, "gt": "A"})", "q_index"},
                         Bad{R"({"id": 1, "q_index": 1})", "gt"},
                         Bad{R"({"id": 1, "q_index": 1, "gt": "A", "is_trap": "yes"})", "is_trap"},
                         Bad{R"({"id": 1, "q_index": 1, "gt": "A", "pred": 3})", "pred"}}) {
        Result<PredictionLine> r =
            PredictionFormat::parseLine(QByteArray(b.line), QStringLiteral("f.jsonl: line 4"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().subject,
                 QStringLiteral("f.jsonl: line 4: %1").arg(QLatin1String(b.field)));
    }
    QVERIFY(!PredictionFormat::parseLine("[1, 2]", QStringLiteral("l")).ok());
    QVERIFY(!PredictionFormat::parseLine("{not json", QStringLiteral("l")).ok());
    // A file: blank lines skipped, defects named with their line.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("p.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"id\": 1, \"q_index\": 1, \"gt\": \"A\", \"pred\": \"A\"}\n\n{\"id\": 1, \"gt\": "
            "\"A\"}\n");
    f.close();
    Result<std::vector<PredictionLine>> read = PredictionFormat::read(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().subject, path + QStringLiteral(": line 3: q_index"));
    QCOMPARE(PredictionFormat::summaryPathFor(QStringLiteral("/a/preds.jsonl")),
             QStringLiteral("/a/preds.summary.json"));
}

QTEST_GUILESS_MAIN(TestEvaluate)
#include "tst_evaluate.moc"
