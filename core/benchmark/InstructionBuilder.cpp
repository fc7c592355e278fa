// Instruction assembly. Explanations only restate what the gold label and the mask numbers say
// (plus textbook facts about the sequences); nothing about the person scanned is ever invented.
#include "core/benchmark/InstructionBuilder.h"

#include "core/benchmark/ClosedItemBuilder.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/OpenItemBuilder.h"
#include "core/benchmark/OptionTaxonomy.h"
#include "core/benchmark/SeededRng.h"
#include "core/benchmark/StemPool.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace neuroonco {

namespace {

const QString kClosed = QStringLiteral("closed");
const QString kCot = QStringLiteral("closed_cot");
const QString kOpen = QStringLiteral("open");

QString pct(double fraction)
{
    return QString::number(100 * fraction, 'g', 3) + QLatin1Char('%');
}

QString sequenceSentence(const QString &modality)
{
    if (modality == QLatin1String("T1"))
        return QStringLiteral("The slice is T1-weighted: on T1-weighted images cerebrospinal fluid "
                              "is dark and white matter is brighter than grey matter.");
    if (modality == QLatin1String("T2"))
        return QStringLiteral(
            "The slice is T2-weighted: on T2-weighted images cerebrospinal fluid is bright.");
    if (modality == QLatin1String("FLAIR"))
        return QStringLiteral("The slice is a FLAIR image: a T2-weighted sequence in which the "
                              "fluid signal is suppressed, so "
                              "cerebrospinal fluid is dark while oedema stays bright.");
    if (modality == QLatin1String("T1CE"))
        return QStringLiteral("The slice is a contrast-enhanced T1-weighted image, acquired after "
                              "gadolinium, on which enhancing "
                              "tissue appears bright.");
    return {};
}

QString lesionSummary(const GoldRecord &g)
{
    QStringList parts;
    if (g.has(QStringLiteral("size")))
        parts << g.value(QStringLiteral("size")).toLower() + QStringLiteral(" lesion");
    else
        parts << QStringLiteral("lesion");
    if (g.has(QStringLiteral("location")))
        parts << QStringLiteral("in ") +
                     OpenItemBuilder::regionPhrase(g.value(QStringLiteral("location")));
    QString s = parts.join(QLatin1Char(' '));
    if (g.has(QStringLiteral("shape")))
        s += QStringLiteral(" with a %1 outline").arg(g.value(QStringLiteral("shape")).toLower());
    return s;
}

QString attributeSentence(const GoldRecord &g, const QString &type, const QString &label)
{
    const SemanticsThresholds &t = g.thresholds;
    const QJsonObject n = g.citedNumbers();
    auto num = [&](const char *k) { return n.value(QLatin1String(k)).toString(); };
    const QString lower = label.toLower();
    if (type == QLatin1String("size")) {
        if (g.numbersBack(QStringLiteral("size")))
            return QStringLiteral("The lesion covers about %1% of the image; below %2 counts as "
                                  "small/focal, from %2 to %3 as medium "
                                  "and %3 or more as large/extensive, so its size is %4.")
                .arg(num("area_pct"), pct(t.smallBelow), pct(t.mediumBelow), lower);
        return QStringLiteral("The lesion's size was rated %1.").arg(lower);
    }
    if (type == QLatin1String("shape")) {
        if (g.has(QStringLiteral("shape")) && g.numbersBack(QStringLiteral("shape")))
            return QStringLiteral("The outline of the largest lesion component has a circularity "
                                  "of %1 and an elongation of %2; "
                                  "circularity below %3 means irregular, at least %4 with "
                                  "elongation up to %5 means round/oval, "
                                  "anything between lobulated — so the shape is %6.")
                .arg(num("circularity"), num("elongation"))
                .arg(t.irregularBelow, 0, 'f', 2)
                .arg(t.roundFrom, 0, 'f', 2)
                .arg(t.roundMaxElongation, 0, 'f', 2)
                .arg(lower);
        return QStringLiteral("The lesion outline is %1.").arg(lower);
    }
    if (type == QLatin1String("spread")) {
        if (g.numbersBack(QStringLiteral("spread"))) {
            const int components = g.numbers.components;
            if (components <= 1)
                return QStringLiteral(
                    "The lesion forms a single connected component, so it is a solitary lesion.");
            return QStringLiteral("The lesion has %1 connected components and the largest holds "
                                  "%2% of its area (the dominant-core "
                                  "threshold is %3), so the pattern is %4.")
                .arg(num("components"), num("core_pct"), pct(t.dominantCoreFrom), lower);
        }
        return QStringLiteral("The lesion's distribution was rated %1.").arg(lower);
    }
    if (type == QLatin1String("location")) {
        if (g.numbersBack(QStringLiteral("location")))
            return QStringLiteral("The lesion's centroid lies at about (x=%1, y=%2) in a %3×%4 "
                                  "image, in the %5 of a 3×3 grid over "
                                  "the image, so the lesion lies in %6.")
                .arg(num("centroid_x"), num("centroid_y"))
                .arg(g.width)
                .arg(g.height)
                .arg(OpenItemBuilder::gridCell(g.value(QStringLiteral("location"))),
                     OpenItemBuilder::regionPhrase(g.value(QStringLiteral("location"))));
        return QStringLiteral("The lesion lies in %1.")
            .arg(OpenItemBuilder::regionPhrase(g.value(QStringLiteral("location"))));
    }
    if (type == QLatin1String("margins"))
        return QStringLiteral("The lesion margins are %1.").arg(lower);
    if (type == QLatin1String("texture"))
        return QStringLiteral("Internally the lesion is %1.").arg(lower);
    if (type == QLatin1String("signal_intensity"))
        return QStringLiteral(
                   "Compared with normal white matter the lesion is %1 on this sequence.")
            .arg(lower);
    if (type == QLatin1String("enhancement"))
        return QStringLiteral("After contrast the lesion shows a %1 enhancement pattern.")
            .arg(lower);
    if (type == QLatin1String("edema"))
        return QStringLiteral("The oedema around the lesion is %1.").arg(lower);
    return {};
}

} // namespace

QString InstructionBuilder::explanation(const GoldRecord &g, const ClosedQuestion &q)
{
    const QString correct = q.correctText();
    QString text;
    if (q.questionType == QLatin1String("diagnosis")) {
        if (!q.isMultipleChoice()) {
            text = g.tumourType == QLatin1String("healthy")
                       ? QStringLiteral(
                             "No lesion is visible on this slice, so the brain appears healthy.")
                       : QStringLiteral("A %1 is visible, so the scan is abnormal.")
                             .arg(lesionSummary(g));
        } else {
            QStringList others;
            for (const ChoiceOption &o : q.options)
                if (o.letter != QLatin1String("E") && o.text != correct)
                    others << o.text.toLower();
            const QString mimics =
                others.size() > 1
                    ? QStringList(others.mid(0, others.size() - 1)).join(QStringLiteral(", ")) +
                          QStringLiteral(" and ") + others.last()
                    : others.join(QString());
            text = QStringLiteral("The slice shows a %1. %2 is the diagnosis recorded for this "
                                  "slice; %3 are imaging mimics that can "
                                  "look similar, and the visible features are consistent with %4.")
                       .arg(lesionSummary(g), correct, mimics, correct.toLower());
        }
    } else if (q.questionType == QLatin1String("modality")) {
        text = sequenceSentence(g.value(QStringLiteral("modality")));
    } else {
        text = attributeSentence(g, q.questionType, correct);
    }
    if (q.trap)
        text += QStringLiteral(
                    " None of the options A–D is %1, so the answer is E (None of the above).")
                    .arg(correct.toLower());
    else
        text += QStringLiteral(" The answer is %1: %2.").arg(q.answer, correct);
    return text.trimmed();
}

std::vector<InstructionSlot> InstructionBuilder::chooseSlots(const GoldRecord &g,
                                                             const InstructionOptions &options)
{
    SeededRng rng(options.seed, std::uint64_t(g.sample), QStringLiteral("instruction-slots"));
    std::vector<InstructionSlot> primary, secondary;
    for (const ClosedSlot &s : ClosedItemBuilder::slots(g)) {
        const bool cot = rng.below(2) == 1;
        primary.push_back({cot ? kCot : kClosed, s.questionType, {}});
        secondary.push_back({cot ? kClosed : kCot, s.questionType, {}});
    }
    for (const OpenDraft &d :
         OpenItemBuilder::build(g, options.seed, QStringLiteral("instruction")))
        primary.push_back({kOpen, d.slot, {}});
    // Diagnosis first, the rest in random order.
    std::vector<InstructionSlot> out;
    if (!primary.empty() && primary.front().key == QLatin1String("diagnosis")) {
        out.push_back(primary.front());
        primary.erase(primary.begin());
    }
    rng.shuffle(primary);
    rng.shuffle(secondary);
    for (const InstructionSlot &s : primary)
        if (int(out.size()) < options.perSample)
            out.push_back(s);
    for (const InstructionSlot &s : secondary)
        if (int(out.size()) < options.perSample)
            out.push_back(s);
    // Slices with few labels: the closed questions again, in other words and option orders.
    std::vector<InstructionSlot> closedOnes;
    for (const InstructionSlot &s : out)
        if (s.variant != kOpen)
            closedOnes.push_back(s);
    for (int repeat = 1; repeat <= 3 && !closedOnes.empty() && int(out.size()) < options.perSample;
         ++repeat) {
        for (InstructionSlot s : closedOnes) {
            if (int(out.size()) >= options.perSample)
                break;
            s.repeat = repeat;
            out.push_back(s);
        }
    }
    return out;
}

void InstructionBuilder::plan(const std::vector<const GoldRecord *> &golds,
                              std::vector<std::vector<InstructionSlot>> &slots,
                              const InstructionOptions &options)
{
    std::vector<PlanCandidate> candidates;
    std::vector<InstructionSlot *> targets;
    for (size_t i = 0; i < golds.size(); ++i) {
        for (InstructionSlot &s : slots[i]) {
            if (s.variant == kOpen)
                continue;
            candidates.push_back({golds[i]->sample, s.key, golds[i]->tumourType,
                                  ClosedItemBuilder::isMultipleChoice(s.key, golds[i]->tumourType)});
            targets.push_back(&s);
        }
    }
    const std::vector<QuestionPlan> plans =
        LetterBalancer::plan(candidates, options.trapShare, options.seed ^ 0x5bd1e995ULL);
    for (size_t i = 0; i < plans.size(); ++i)
        targets[i]->plan = plans[i];
}

std::vector<InstructionRecord> InstructionBuilder::build(const GoldRecord &g,
                                                         const std::vector<InstructionSlot> &slots,
                                                         const InstructionOptions &options)
{
    std::vector<InstructionRecord> out;
    const StemPool &stems = StemPool::instance();
    SeededRng rng(options.seed, std::uint64_t(g.sample), QStringLiteral("instruction-text"));
    std::vector<OpenDraft> drafts;
    bool draftsBuilt = false;
    const QJsonArray images{g.imagePath};
    const QString image = QStringLiteral("<image>\n");
    for (const InstructionSlot &slot : slots) {
        InstructionRecord r;
        r.sample = g.sample;
        r.variant = slot.variant;
        QString user, assistant;
        QJsonObject meta{{QStringLiteral("sample_id"), g.sampleId},
                         {QStringLiteral("tumour_type"), g.tumourType},
                         {QStringLiteral("variant"), slot.variant}};
        if (slot.variant == kOpen) {
            if (!draftsBuilt) {
                drafts = OpenItemBuilder::build(g, options.seed, QStringLiteral("instruction"));
                draftsBuilt = true;
            }
            const OpenDraft *d = nullptr;
            for (const OpenDraft &candidate : drafts)
                if (candidate.slot == slot.key)
                    d = &candidate;
            if (!d)
                continue;
            r.questionType = d->question.questionType;
            user = image + rng.pick(stems.instructions(QStringLiteral("open_prefix"))) +
                   d->question.question;
            assistant = d->question.referenceAnswer;
            meta.insert(QStringLiteral("question_type"), d->question.questionType);
            meta.insert(QStringLiteral("slot"), d->slot);
        } else {
            std::optional<ClosedQuestion> q = ClosedItemBuilder::build(
                g, slot.key, slot.plan, options.seed,
                QStringLiteral("instruction:%1:%2").arg(slot.variant).arg(slot.repeat));
            if (!q)
                continue;
            r.questionType = slot.key;
            r.trap = q->trap;
            r.answer = q->answer;
            QString optionLines;
            for (const ChoiceOption &o : q->options)
                optionLines += QStringLiteral("\n%1. %2").arg(o.letter, o.text);
            const bool cot = slot.variant == kCot;
            user = image + rng.pick(stems.instructions(QStringLiteral("closed_prefix"))) +
                   q->question + optionLines + QLatin1Char('\n') +
                   rng.pick(stems.instructions(cot ? QStringLiteral("closed_reasoning")
                                                   : QStringLiteral("closed_letter")));
            assistant = cot ? QStringLiteral("Final: %1\n%2").arg(q->answer, explanation(g, *q))
                            : q->answer;
            meta.insert(QStringLiteral("question_type"), slot.key);
            meta.insert(QStringLiteral("answer"), q->answer);
            meta.insert(QStringLiteral("is_trap"), q->trap);
            if (q->trap)
                meta.insert(QStringLiteral("original_answer"), q->originalAnswer);
        }
        r.ordinal = int(out.size());
        const QJsonObject line{
            {QStringLiteral("images"), images},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), user}},
                        QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"), assistant}}}},
            {QStringLiteral("meta"), meta}};
        r.line = QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace neuroonco
