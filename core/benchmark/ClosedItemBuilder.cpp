// Option assembly: the answer at its planned letter, distractors drawn from the mimic table or
// the question's pool, never the answer's synonym, parent or subtype, and never two options
// that overlap each other.
#include "core/benchmark/ClosedItemBuilder.h"

#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/MimicTable.h"
#include "core/benchmark/OptionTaxonomy.h"
#include "core/benchmark/SeededRng.h"
#include "core/benchmark/StemPool.h"

namespace neuroonco {

namespace {

const char *const kOrder[] = {"diagnosis",        "modality",    "size",    "shape",
                              "spread",           "location",    "margins", "texture",
                              "signal_intensity", "enhancement", "edema"};

bool isContrast(const QString &modality)
{
    return modality == QLatin1String("T1CE");
}
bool isFluidSensitive(const QString &modality)
{
    return modality == QLatin1String("T2") || modality == QLatin1String("FLAIR");
}

QString goldKey(const GoldRecord &gold, const QString &questionType)
{
    if (questionType == QLatin1String("shape"))
        return gold.has(QStringLiteral("shape")) ? QStringLiteral("shape")
                                                 : QStringLiteral("shape_sign");
    return questionType;
}

// Distractor candidates for a diagnosis: the mimics (shuffled), then — only used when the table
// lists too few — the other tumour types of the table (shuffled).
std::vector<QString> diagnosisCandidates(const QString &tumourType, const QString &answer,
                                         SeededRng &rng)
{
    const MimicTable &table = MimicTable::instance();
    const QStringList mimics = table.mimicsFor(tumourType);
    std::vector<QString> first(mimics.begin(), mimics.end()), fallback;
    for (const QString &other : table.tumourTypesWithMimics()) {
        const OptionConcept *c =
            OptionTaxonomy::instance().lookup(QStringLiteral("diagnosis"), other);
        if (c && c->id != answer && !mimics.contains(c->id))
            fallback.push_back(c->id);
    }
    rng.shuffle(first);
    rng.shuffle(fallback);
    first.insert(first.end(), fallback.begin(), fallback.end());
    return first;
}

} // namespace

QString ClosedItemBuilder::poolName(const GoldRecord &gold, const QString &questionType)
{
    if (questionType == QLatin1String("shape") && !gold.has(QStringLiteral("shape")))
        return QStringLiteral("shape_sign");
    return questionType;
}

QString ClosedItemBuilder::answerConcept(const GoldRecord &gold, const QString &questionType)
{
    const OptionTaxonomy &taxonomy = OptionTaxonomy::instance();
    const MimicTable &table = MimicTable::instance();
    if (questionType == QLatin1String("diagnosis")) {
        if (table.isBinary(gold.tumourType))
            return gold.tumourType == QLatin1String("healthy") ? table.healthyConcept()
                                                               : table.abnormalConcept();
        const OptionConcept *c = taxonomy.lookup(QStringLiteral("diagnosis"), gold.tumourType);
        return c ? c->id : QString();
    }
    const QString modality = gold.value(QStringLiteral("modality"));
    if (questionType == QLatin1String("enhancement") && !isContrast(modality))
        return {};
    if (questionType == QLatin1String("edema") && !isFluidSensitive(modality))
        return {};
    const QString value = gold.value(goldKey(gold, questionType));
    if (value.isEmpty())
        return {};
    const OptionConcept *c = taxonomy.lookup(questionType, value);
    if (!c)
        return {};
    // "Present" (a downgraded enhancement or oedema) names no pattern a question could ask for.
    if (c->id == QLatin1String("present_enhancement") || c->id == QLatin1String("present_edema"))
        return {};
    // The answer must be an option of the question's pool.
    if (!table.pool(poolName(gold, questionType)).contains(c->id))
        return {};
    return c->id;
}

bool ClosedItemBuilder::isMultipleChoice(const QString &questionType, const QString &tumourType)
{
    return !(questionType == QLatin1String("diagnosis") && MimicTable::instance().isBinary(tumourType));
}

std::vector<ClosedSlot> ClosedItemBuilder::slots(const GoldRecord &gold)
{
    std::vector<ClosedSlot> out;
    for (const char *t : kOrder) {
        const QString type = QLatin1String(t);
        if (answerConcept(gold, type).isEmpty())
            continue;
        out.push_back({type, isMultipleChoice(type, gold.tumourType)});
    }
    return out;
}

QStringList ClosedItemBuilder::lineageKeys(const GoldRecord &gold, const QString &questionType)
{
    if (questionType == QLatin1String("enhancement") || questionType == QLatin1String("edema"))
        return {questionType, QStringLiteral("modality")};
    return {goldKey(gold, questionType)};
}

std::optional<ClosedQuestion> ClosedItemBuilder::build(const GoldRecord &gold,
                                                       const QString &questionType,
                                                       const QuestionPlan &plan, std::uint64_t seed,
                                                       const QString &purpose)
{
    const QString answer = answerConcept(gold, questionType);
    if (answer.isEmpty())
        return std::nullopt;
    const OptionTaxonomy &taxonomy = OptionTaxonomy::instance();
    const MimicTable &table = MimicTable::instance();
    SeededRng rng(seed, std::uint64_t(gold.sample), purpose + QLatin1Char(':') + questionType);
    ClosedQuestion q;
    q.questionType = questionType;
    const bool binary = !isMultipleChoice(questionType, gold.tumourType);

    if (binary) {
        q.question = rng.pick(StemPool::instance().closed(QStringLiteral("diagnosis_binary")));
        const QString other =
            answer == table.healthyConcept() ? table.abnormalConcept() : table.healthyConcept();
        const bool answerFirst = plan.letter == QLatin1String("A") ||
                                 (plan.letter != QLatin1String("B") && rng.below(2) == 0);
        q.options.push_back({QStringLiteral("A"), taxonomy.label(answerFirst ? answer : other)});
        q.options.push_back({QStringLiteral("B"), taxonomy.label(answerFirst ? other : answer)});
        q.answer = answerFirst ? QStringLiteral("A") : QStringLiteral("B");
        return q;
    }

    q.question = rng.pick(StemPool::instance().closed(questionType));
    std::vector<QString> shuffled;
    if (questionType == QLatin1String("diagnosis")) {
        shuffled = diagnosisCandidates(gold.tumourType, answer, rng);
    } else {
        const QStringList pool = table.pool(poolName(gold, questionType));
        shuffled.assign(pool.begin(), pool.end());
        rng.shuffle(shuffled);
    }
    const size_t need = plan.trap ? 4 : 3;
    QStringList chosen;
    for (const QString &c : shuffled) {
        if (chosen.size() == qsizetype(need))
            break;
        if (taxonomy.related(c, answer))
            continue;
        bool overlaps = false;
        for (const QString &d : chosen)
            overlaps = overlaps || taxonomy.related(c, d);
        if (!overlaps)
            chosen << c;
    }
    if (chosen.size() < qsizetype(need))
        return std::nullopt;

    static const QStringList letters{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                     QStringLiteral("D")};
    QStringList texts;
    if (plan.trap) {
        for (const QString &c : chosen)
            texts << taxonomy.label(c);
        q.answer = QStringLiteral("E");
        q.trap = true;
        q.originalAnswer = taxonomy.label(answer);
    } else {
        const int at =
            letters.contains(plan.letter) ? int(letters.indexOf(plan.letter)) : rng.below(4);
        for (const QString &c : chosen)
            texts << taxonomy.label(c);
        texts.insert(at, taxonomy.label(answer));
        q.answer = letters.at(at);
    }
    for (int i = 0; i < 4; ++i)
        q.options.push_back({letters.at(i), texts.at(i)});
    q.options.push_back({QStringLiteral("E"), ClosedQuestion::noneOfTheAbove()});
    return q;
}

} // namespace neuroonco
