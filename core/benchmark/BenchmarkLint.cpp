// The lint checks. Option meanings come from the concept taxonomy (mimics.json), so the same
// checks work on our items and on files written with other spellings.
#include "core/benchmark/BenchmarkLint.h"

#include "core/benchmark/AnswerBalance.h"
#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/ClosedItemBuilder.h"
#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/LintText.h"
#include "core/benchmark/OptionTaxonomy.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace neuroonco {

namespace {

const OptionTaxonomy &tax()
{
    return OptionTaxonomy::instance();
}

QString quote(const QString &s)
{
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// How option `a` relates to option `b` ("the same label in another spelling", "a synonym of",
// "a parent of", "a subtype of"), or empty when they are unrelated.
QString relation(const QString &questionType, const QString &a, const QString &b)
{
    if (LintText::keyOf(a) == LintText::keyOf(b))
        return a == b ? QStringLiteral("identical to")
                      : QStringLiteral("the same label in another spelling as");
    const QString ca = LintText::conceptOf(questionType, a), cb = LintText::conceptOf(questionType, b);
    if (ca.isEmpty() || cb.isEmpty())
        return {};
    if (ca == cb)
        return QStringLiteral("a synonym of");
    if (tax().isAncestor(ca, cb))
        return QStringLiteral("a parent of");
    if (tax().isAncestor(cb, ca))
        return QStringLiteral("a subtype of");
    return {};
}

bool isNoneOption(const ChoiceOption &o)
{
    return o.letter == QLatin1String("E") &&
           o.text.trimmed().compare(ClosedQuestion::noneOfTheAbove(), Qt::CaseInsensitive) == 0;
}

struct Context
{
    LintReport *report;
    const LintOptions *options;
};

LintFinding finding(const QString &kind, LintSeverity severity, const QString &message)
{
    LintFinding f;
    f.kind = kind;
    f.severity = severity;
    f.message = message;
    return f;
}

void place(LintFinding &f, const ClosedRecord &r, int question)
{
    f.record = r.index;
    f.recordId = r.idText();
    f.imagePath = r.imagePath;
    f.question = question;
    if (question >= 0 && size_t(question) < r.pairs.size())
        f.questionType = r.pairs[size_t(question)].questionType;
    if (question >= 0 && size_t(question) < r.itemIds.size())
        f.item = r.itemIds[size_t(question)];
}

// The image check: a per-item finding when the root holds images, one note when it holds none of
// them (the file was linted away from its images).
template<typename Record>
void checkImages(const std::vector<Record> &records, const LintOptions &options,
                 const QString &defaultRoot, LintReport &report,
                 const std::function<qint64(const Record &)> &itemOf)
{
    if (!options.checkImages)
        return;
    const QString root = options.imagesRoot.isEmpty() ? defaultRoot : options.imagesRoot;
    if (root.isEmpty())
        return;
    const QDir dir(root);
    std::vector<const Record *> missing;
    int present = 0;
    QSet<QString> seen;
    for (const Record &r : records) {
        if (r.imagePath.isEmpty() || seen.contains(r.imagePath))
            continue;
        seen.insert(r.imagePath);
        if (QFileInfo::exists(dir.filePath(r.imagePath)))
            ++present;
        else
            missing.push_back(&r);
    }
    if (missing.empty())
        return;
    if (present == 0 && options.imagesRoot.isEmpty()) {
        LintFinding f = finding(
            QStringLiteral("images_not_checked"), LintSeverity::Info,
            QStringLiteral(
                "none of the %1 images was found below %2; pass the image folder to check them")
                .arg(missing.size())
                .arg(QDir::toNativeSeparators(dir.absolutePath())));
        report.findings.push_back(f);
        return;
    }
    for (const Record *r : missing) {
        LintFinding f =
            finding(QStringLiteral("missing_image"), LintSeverity::Error,
                    QStringLiteral("image %1 does not exist below %2")
                        .arg(quote(r->imagePath), QDir::toNativeSeparators(dir.absolutePath())));
        f.record = r->index;
        f.recordId = r->idText();
        f.imagePath = r->imagePath;
        f.item = itemOf(*r);
        report.findings.push_back(f);
    }
}

void checkGold(const ClosedRecord &r, int j, const ClosedQuestion &q, const LintGold &gold,
               LintReport &report)
{
    const qint64 item = size_t(j) < r.itemIds.size() ? r.itemIds[size_t(j)] : 0;
    const GoldRecord *g = gold.find ? gold.find(0, r.imagePath) : nullptr;
    const QJsonObject lineage = gold.lineage.value(item);
    if (g && item > 0 && !lineage.isEmpty()) {
        const QStringList changed = GoldAttributes::changedKeys(lineage, *g);
        if (!changed.isEmpty()) {
            LintFinding f = finding(QStringLiteral("stale"), LintSeverity::Warning,
                                    QStringLiteral("built from values that changed since: %1")
                                        .arg(changed.join(QStringLiteral(", "))));
            f.detail.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changed));
            place(f, r, j);
            report.findings.push_back(f);
        }
    }
    if (!g)
        return;
    QString expected = ClosedItemBuilder::answerConcept(*g, q.questionType);
    QString expectedText = expected.isEmpty() ? QString() : tax().label(expected);
    if (expected.isEmpty()) {
        const QString key =
            q.questionType == QLatin1String("shape") && !g->has(QStringLiteral("shape"))
                ? QStringLiteral("shape_sign")
                : q.questionType;
        static const QStringList goldKeys = GoldAttributes::keys();
        if (!goldKeys.contains(key))
            return; // a question type the gold label does not cover
        expectedText = key == QLatin1String("diagnosis") ? g->tumourType : g->value(key);
        expected = LintText::conceptOf(q.questionType, expectedText);
    }
    const QString correct = q.correctText();
    if (expectedText.isEmpty()) {
        LintFinding f = finding(QStringLiteral("gold_contradiction"), LintSeverity::Warning,
                                QStringLiteral("the answer %1 has no current gold value to stand "
                                               "on (the %2 was removed or never labelled)")
                                    .arg(quote(correct), q.questionType));
        place(f, r, j);
        report.findings.push_back(f);
        return;
    }
    const QString answerConcept = LintText::conceptOf(q.questionType, correct);
    const bool agrees =
        answerConcept.isEmpty() || expected.isEmpty()
            ? OptionTaxonomy::spellingKey(correct) == OptionTaxonomy::spellingKey(expectedText)
            : tax().related(answerConcept, expected);
    if (!agrees) {
        LintFinding f = finding(QStringLiteral("gold_contradiction"), LintSeverity::Error,
                                QStringLiteral("the answer %1 contradicts the current gold %2 %3")
                                    .arg(quote(correct), q.questionType, quote(expectedText)));
        f.detail.insert(QStringLiteral("answer"), correct);
        f.detail.insert(QStringLiteral("gold"), expectedText);
        place(f, r, j);
        report.findings.push_back(f);
    }
}

} // namespace

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info:
        return QStringLiteral("info");
    case LintSeverity::Warning:
        return QStringLiteral("warning");
    case LintSeverity::Error:
        return QStringLiteral("error");
    }
    return {};
}

QJsonObject LintFinding::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kind},
                  {QStringLiteral("severity"), lintSeverityName(severity)},
                  {QStringLiteral("message"), message}};
    if (record >= 0)
        o.insert(QStringLiteral("record_index"), record);
    if (!recordId.isEmpty())
        o.insert(QStringLiteral("record"), recordId);
    if (question >= 0)
        o.insert(QStringLiteral("question"), question);
    if (item > 0)
        o.insert(QStringLiteral("item"), item);
    if (!imagePath.isEmpty())
        o.insert(QStringLiteral("image_path"), imagePath);
    if (!questionType.isEmpty())
        o.insert(QStringLiteral("question_type"), questionType);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return o;
}

int LintReport::count(LintSeverity severity) const
{
    return int(std::count_if(findings.begin(), findings.end(),
                             [&](const LintFinding &f) { return f.severity == severity; }));
}

QMap<QString, int> LintReport::countsByKind() const
{
    QMap<QString, int> out;
    for (const LintFinding &f : findings)
        ++out[f.kind];
    return out;
}

QJsonObject LintReport::toJson() const
{
    QJsonArray list;
    for (const LintFinding &f : findings)
        list.append(f.toJson());
    QJsonObject kinds;
    const QMap<QString, int> byKind = countsByKind();
    for (auto it = byKind.begin(); it != byKind.end(); ++it)
        kinds.insert(it.key(), it.value());
    QJsonObject letterJson;
    for (auto it = letters.begin(); it != letters.end(); ++it)
        letterJson.insert(it.key(), it.value().toJson());
    QJsonObject trapJson;
    for (auto it = traps.begin(); it != traps.end(); ++it)
        trapJson.insert(it.key(), QJsonObject{{QStringLiteral("traps"), it->first},
                                              {QStringLiteral("questions"), it->second},
                                              {QStringLiteral("share"),
                                               it->second ? double(it->first) / it->second : 0.0}});
    return {{QStringLiteral("source"), source},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("records"), records},
            {QStringLiteral("questions"), questions},
            {QStringLiteral("errors"), count(LintSeverity::Error)},
            {QStringLiteral("warnings"), count(LintSeverity::Warning)},
            {QStringLiteral("by_kind"), kinds},
            {QStringLiteral("letters"), letterJson},
            {QStringLiteral("traps"), trapJson},
            {QStringLiteral("findings"), list}};
}

void LintReport::append(const LintReport &other)
{
    records += other.records;
    questions += other.questions;
    findings.insert(findings.end(), other.findings.begin(), other.findings.end());
    for (auto it = other.letters.begin(); it != other.letters.end(); ++it)
        letters.insert(it.key(), it.value());
    for (auto it = other.traps.begin(); it != other.traps.end(); ++it)
        traps.insert(it.key(), it.value());
}

QMap<QString, LintSeverity> BenchmarkLint::kinds()
{
    return {{QStringLiteral("malformed"), LintSeverity::Error},
            {QStringLiteral("option_related_to_answer"), LintSeverity::Error},
            {QStringLiteral("trap_answer_present"), LintSeverity::Error},
            {QStringLiteral("trap_inconsistent"), LintSeverity::Error},
            {QStringLiteral("answer_leak"), LintSeverity::Error},
            {QStringLiteral("missing_image"), LintSeverity::Error},
            {QStringLiteral("gold_contradiction"), LintSeverity::Error},
            {QStringLiteral("duplicate_option"), LintSeverity::Warning},
            {QStringLiteral("overlapping_options"), LintSeverity::Warning},
            {QStringLiteral("missing_none_option"), LintSeverity::Warning},
            {QStringLiteral("stem_mentions_finding"), LintSeverity::Warning},
            {QStringLiteral("duplicate_question"), LintSeverity::Warning},
            {QStringLiteral("spelling_variant"), LintSeverity::Warning},
            {QStringLiteral("letter_imbalance"), LintSeverity::Warning},
            {QStringLiteral("stale"), LintSeverity::Warning},
            {QStringLiteral("empty_keywords"), LintSeverity::Warning},
            {QStringLiteral("keyword_not_in_answer"), LintSeverity::Warning},
            {QStringLiteral("images_not_checked"), LintSeverity::Info}};
}

std::vector<LintFinding> BenchmarkLint::checkQuestion(const ClosedQuestion &q)
{
    std::vector<LintFinding> out;
    const QString type = q.questionType;
    // Trap flag against answer.
    if (q.trap && q.answer != QLatin1String("E"))
        out.push_back(
            finding(QStringLiteral("trap_inconsistent"), LintSeverity::Error,
                    QStringLiteral("marked as a trap but the answer is %1, not E").arg(q.answer)));
    if (q.trap && !q.hasNoneOption())
        out.push_back(
            finding(QStringLiteral("trap_inconsistent"), LintSeverity::Error,
                    QStringLiteral("marked as a trap but has no option 'E: None of the above'")));
    if (!q.trap && q.answer == QLatin1String("E") && q.hasNoneOption())
        out.push_back(finding(
            QStringLiteral("trap_inconsistent"), LintSeverity::Error,
            QStringLiteral(
                "the answer is 'None of the above' but the question is not marked as a trap "
                "(meta_trap and meta_original_answer missing)")));
    if (q.isMultipleChoice() && !q.hasNoneOption())
        out.push_back(
            finding(QStringLiteral("missing_none_option"), LintSeverity::Warning,
                    QStringLiteral("a multiple-choice question without 'E: None of the above'")));

    // Options against the answer (or, for a trap, the removed answer).
    const QString correct = q.correctText();
    std::vector<const ChoiceOption *> distractors;
    for (const ChoiceOption &o : q.options) {
        if (isNoneOption(o) || (!q.trap && o.letter == q.answer))
            continue;
        distractors.push_back(&o);
        if (correct.trimmed().isEmpty())
            continue;
        const QString rel = relation(type, o.text, correct);
        if (rel.isEmpty())
            continue;
        if (q.trap) {
            LintFinding f = finding(QStringLiteral("trap_answer_present"), LintSeverity::Error,
                                    QStringLiteral("trap: option %1 %2 is %3 the removed answer "
                                                   "%4, so 'None of the above' is wrong")
                                        .arg(o.letter, quote(o.text), rel, quote(correct)));
            f.detail = {{QStringLiteral("option"), o.letter},
                        {QStringLiteral("text"), o.text},
                        {QStringLiteral("removed"), correct}};
            out.push_back(f);
        } else {
            LintFinding f =
                finding(QStringLiteral("option_related_to_answer"), LintSeverity::Error,
                        QStringLiteral("option %1 %2 is %3 the answer %4 %5")
                            .arg(o.letter, quote(o.text), rel, q.answer, quote(correct)));
            f.detail = {{QStringLiteral("option"), o.letter},
                        {QStringLiteral("text"), o.text},
                        {QStringLiteral("answer"), correct},
                        {QStringLiteral("relation"), rel}};
            out.push_back(f);
        }
    }
    // Distractors among themselves.
    for (size_t a = 0; a < distractors.size(); ++a) {
        for (size_t b = a + 1; b < distractors.size(); ++b) {
            const ChoiceOption &x = *distractors[a], &y = *distractors[b];
            const QString rel = relation(type, x.text, y.text);
            if (rel.isEmpty())
                continue;
            const bool hierarchy =
                rel == QLatin1String("a parent of") || rel == QLatin1String("a subtype of");
            LintFinding f =
                finding(hierarchy ? QStringLiteral("overlapping_options")
                                  : QStringLiteral("duplicate_option"),
                        LintSeverity::Warning,
                        QStringLiteral("option %1 %2 is %3 option %4 %5")
                            .arg(x.letter, quote(x.text), rel, y.letter, quote(y.text)));
            f.detail = {{QStringLiteral("options"), QJsonArray{x.letter, y.letter}}};
            out.push_back(f);
        }
    }
    // The stem must not give the answer away (a stem offering every choice is fine, and so is
    // the dimension a "how …" stem asks about).
    if (!correct.trimmed().isEmpty() && LintText::mentions(type, correct, q.question)) {
        bool all = true;
        for (const ChoiceOption *o : distractors)
            all = all && LintText::mentions(type, o->text, q.question, LintText::WordMatch::AnyForm);
        if (!all || distractors.empty()) {
            LintFinding f =
                finding(QStringLiteral("answer_leak"), LintSeverity::Error,
                        QStringLiteral("the stem %1 names the %2answer %3")
                            .arg(quote(q.question), q.trap ? QStringLiteral("removed ") : QString(),
                                 quote(correct)));
            out.push_back(f);
        }
    }
    // Non-diagnosis stems must not name a diagnosis.
    if (type != QLatin1String("diagnosis")) {
        QStringList named =
            tax().mentionedInWords(LintText::wordsOf(q.question), QStringLiteral("diagnosis"));
        named.removeAll(QStringLiteral("healthy"));
        named.removeAll(QStringLiteral("abnormal"));
        if (!named.isEmpty()) {
            LintFinding f = finding(QStringLiteral("stem_mentions_finding"), LintSeverity::Warning,
                                    QStringLiteral("the stem %1 names a diagnosis (%2), which "
                                                   "answers the image's diagnosis question")
                                        .arg(quote(q.question), named.join(QStringLiteral(", "))));
            out.push_back(f);
        }
    }
    return out;
}

LintReport BenchmarkLint::lintClosed(const std::vector<ClosedRecord> &records,
                                     const LintOptions &options, const LintGold *gold)
{
    LintReport report;
    report.kind = QStringLiteral("closed");
    report.records = int(records.size());
    AnswerBalance balance;
    // Raw option text → how often and (the first few) records; grouped by spelling key at the end.
    struct Use
    {
        int count = 0;
        QStringList records;
    };
    QHash<QString, Use> uses;
    auto use = [&uses](const QString &text, const QString &record) {
        Use &u = uses[text];
        ++u.count;
        if (u.records.size() < 500 && (u.records.isEmpty() || u.records.back() != record))
            u.records << record;
    };
    QHash<QString, std::vector<std::pair<const ClosedRecord *, int>>> byImageType;
    // Images with more than one record (only their questions can repeat across records).
    QSet<QString> repeatedImages;
    {
        QSet<QString> seenImages;
        for (const ClosedRecord &r : records)
            if (seenImages.contains(r.imagePath))
                repeatedImages.insert(r.imagePath);
            else
                seenImages.insert(r.imagePath);
    }

    for (const ClosedRecord &r : records) {
        const QString recordId = r.idText();
        QHash<QString, int> typeSeen;
        QSet<QString> stemSeen;
        for (int j = 0; j < int(r.pairs.size()); ++j) {
            const ClosedQuestion &q = r.pairs[size_t(j)];
            ++report.questions;
            for (LintFinding f : checkQuestion(q)) {
                place(f, r, j);
                report.findings.push_back(f);
            }
            // Another question of the same image whose answer this stem names.
            for (int k = 0; k < int(r.pairs.size()); ++k) {
                const ClosedQuestion &other = r.pairs[size_t(k)];
                if (k == j || other.questionType == q.questionType ||
                    other.correctText().trimmed().isEmpty())
                    continue;
                if (other.questionType == QLatin1String("diagnosis"))
                    continue; // diagnosis names are checked for every stem in checkQuestion
                const QString c = LintText::conceptOf(other.questionType, other.correctText());
                if (!c.isEmpty() && tax().isMentionedInWords(c, LintText::wordsOf(q.question))) {
                    LintFinding f =
                        finding(QStringLiteral("stem_mentions_finding"), LintSeverity::Warning,
                                QStringLiteral(
                                    "the stem %1 names %2, the answer of this image's %3 question")
                                    .arg(quote(q.question), quote(other.correctText()),
                                         other.questionType));
                    place(f, r, j);
                    report.findings.push_back(f);
                }
            }
            // Duplicates inside the record.
            QString stemKey = LintText::keyOf(q.question);
            for (const ChoiceOption &o : q.options)
                stemKey += QLatin1Char('|') + LintText::keyOf(o.text);
            if (typeSeen.contains(q.questionType) || stemSeen.contains(stemKey)) {
                LintFinding f =
                    finding(QStringLiteral("duplicate_question"), LintSeverity::Warning,
                            typeSeen.contains(q.questionType)
                                ? QStringLiteral(
                                      "a second %1 question on the same image (first: question %2)")
                                      .arg(q.questionType)
                                      .arg(typeSeen.value(q.questionType) + 1)
                                : QStringLiteral(
                                      "the same question and options appear twice on this image"));
                place(f, r, j);
                report.findings.push_back(f);
            }
            typeSeen.insert(q.questionType, j);
            stemSeen.insert(stemKey);
            if (repeatedImages.contains(r.imagePath))
                byImageType[r.imagePath + QLatin1Char('\n') + q.questionType].push_back({&r, j});

            // Spellings over the whole file.
            for (const ChoiceOption &o : q.options)
                if (!isNoneOption(o))
                    use(o.text, recordId);
            if (q.trap && !q.originalAnswer.isEmpty())
                use(q.originalAnswer, recordId);

            balance.add(q.questionType, q.answer, q.isMultipleChoice(), q.trap);
            if (gold)
                checkGold(r, j, q, *gold, report);
        }
    }
    // The same image in several records.
    for (auto it = byImageType.begin(); it != byImageType.end(); ++it) {
        const auto &list = it.value();
        for (size_t k = 1; k < list.size(); ++k) {
            if (list[k].first == list[0].first)
                continue; // inside one record: reported above
            LintFinding f =
                finding(QStringLiteral("duplicate_question"), LintSeverity::Warning,
                        QStringLiteral("the image has another %1 question in record %2")
                            .arg(list[k].first->pairs[size_t(list[k].second)].questionType,
                                 list[0].first->idText()));
            place(f, *list[k].first, list[k].second);
            report.findings.push_back(f);
        }
    }
    QMap<QString, QStringList> spellings; // spelling key → raw spellings
    for (auto it = uses.begin(); it != uses.end(); ++it)
        spellings[OptionTaxonomy::spellingKey(it.key())] << it.key();
    for (auto it = spellings.begin(); it != spellings.end(); ++it) {
        if (it->size() < 2)
            continue;
        it->sort();
        QStringList forms;
        QJsonObject counts;
        QStringList ids;
        QSet<QString> seen;
        for (const QString &raw : it.value()) {
            const Use &u = uses[raw];
            forms << QStringLiteral("%1 (%2×)").arg(quote(raw)).arg(u.count);
            counts.insert(raw, u.count);
            for (const QString &id : u.records)
                if (!seen.contains(id)) {
                    seen.insert(id);
                    ids << id;
                }
        }
        LintFinding f = finding(QStringLiteral("spelling_variant"), LintSeverity::Warning,
                                QStringLiteral("one label written %1 ways: %2")
                                    .arg(it->size())
                                    .arg(forms.join(QStringLiteral(", "))));
        f.detail = {{QStringLiteral("key"), it.key()},
                    {QStringLiteral("spellings"), counts},
                    {QStringLiteral("records"), QJsonArray::fromStringList(ids)}};
        report.findings.push_back(f);
    }
    report.traps = balance.traps();
    report.letters.insert(QStringLiteral("multiple_choice"), balance.multipleChoiceLetters());
    report.letters.insert(QStringLiteral("binary"), balance.binaryLetters());
    report.letters.insert(QStringLiteral("all_options"), balance.allOptionLetters());
    for (const char *group : {"multiple_choice", "binary"}) {
        const ChiSquareResult &c = report.letters[QLatin1String(group)];
        if (c.n >= options.letterMinimum && c.p < options.letterAlpha) {
            QStringList parts;
            for (auto it = c.counts.begin(); it != c.counts.end(); ++it)
                parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            LintFinding f = finding(QStringLiteral("letter_imbalance"), LintSeverity::Warning,
                                    QStringLiteral("%1 answers are not spread evenly over the "
                                                   "letters (%2; χ² = %3, df %4, p = %5)")
                                        .arg(QLatin1String(group) == QLatin1String("binary")
                                                 ? QStringLiteral("binary")
                                                 : QStringLiteral("non-trap multiple-choice"),
                                             parts.join(QStringLiteral(", ")))
                                        .arg(c.chi2, 0, 'f', 2)
                                        .arg(c.df)
                                        .arg(c.p, 0, 'g', 3));
            f.detail = c.toJson();
            report.findings.push_back(f);
        }
    }
    checkImages<ClosedRecord>(records, options, {}, report, [](const ClosedRecord &r) {
        return r.itemIds.empty() ? qint64(0) : r.itemIds.front();
    });
    return report;
}

LintReport BenchmarkLint::lintOpen(const std::vector<OpenRecord> &records,
                                   const LintOptions &options, const LintGold *gold)
{
    LintReport report;
    report.kind = QStringLiteral("open");
    report.records = int(records.size());
    QHash<QString, QString> questionIds; // question_id → record id
    for (const OpenRecord &r : records) {
        QSet<QString> stems;
        for (int j = 0; j < int(r.pairs.size()); ++j) {
            const OpenQuestion &q = r.pairs[size_t(j)];
            ++report.questions;
            auto add = [&](const QString &kind, LintSeverity severity, const QString &message) {
                LintFinding f = finding(kind, severity, message);
                f.record = r.index;
                f.recordId = r.idText();
                f.imagePath = r.imagePath;
                f.question = j;
                f.questionType = q.questionType;
                if (size_t(j) < r.itemIds.size())
                    f.item = r.itemIds[size_t(j)];
                report.findings.push_back(f);
            };
            const QString stemKey = OptionTaxonomy::spellingKey(q.question);
            if (stems.contains(stemKey))
                add(QStringLiteral("duplicate_question"), LintSeverity::Warning,
                    QStringLiteral("the same question appears twice on this image"));
            stems.insert(stemKey);
            if (!q.questionId.isEmpty()) {
                if (questionIds.contains(q.questionId))
                    add(QStringLiteral("duplicate_question"), LintSeverity::Warning,
                        QStringLiteral("question_id %1 is used twice (also in record %2)")
                            .arg(quote(q.questionId), questionIds.value(q.questionId)));
                questionIds.insert(q.questionId, r.idText());
            }
            if (q.keywords.isEmpty()) {
                add(QStringLiteral("empty_keywords"), LintSeverity::Warning,
                    QStringLiteral("no eval_keywords: keyword scoring cannot judge this answer"));
            } else {
                const QStringList answerWords = OptionTaxonomy::words(q.referenceAnswer);
                QStringList absent;
                for (const QString &k : q.keywords) {
                    const QStringList kw = OptionTaxonomy::words(k);
                    bool found = false;
                    for (qsizetype i = 0;
                         !kw.isEmpty() && i + kw.size() <= answerWords.size() && !found; ++i)
                        found = answerWords.mid(i, kw.size()) == kw;
                    if (!found)
                        absent << k;
                }
                if (!absent.isEmpty())
                    add(QStringLiteral("keyword_not_in_answer"), LintSeverity::Warning,
                        QStringLiteral("eval_keywords not found in the reference answer: %1")
                            .arg(absent.join(QStringLiteral(", "))));
            }
            if (gold && size_t(j) < r.itemIds.size() && gold->find) {
                const QJsonObject lineage = gold->lineage.value(r.itemIds[size_t(j)]);
                const GoldRecord *g = gold->find(0, r.imagePath);
                if (g && !lineage.isEmpty()) {
                    const QStringList changed = GoldAttributes::changedKeys(lineage, *g);
                    if (!changed.isEmpty())
                        add(QStringLiteral("stale"), LintSeverity::Warning,
                            QStringLiteral("built from values that changed since: %1")
                                .arg(changed.join(QStringLiteral(", "))));
                }
            }
        }
    }
    checkImages<OpenRecord>(records, options, {}, report, [](const OpenRecord &r) {
        return r.itemIds.empty() ? qint64(0) : r.itemIds.front();
    });
    return report;
}

Result<LintReport> BenchmarkLint::lintFile(const QString &path, const LintOptions &options)
{
    Result<QJsonArray> array = BenchmarkFormat::readArray(path);
    if (!array)
        return array.error();
    // Without an image folder the file's own folder is tried, as a soft check.
    const LintOptions &o = options;
    const QString folder = QFileInfo(path).absolutePath();
    LintReport report;
    std::vector<FormatProblem> problems;
    const BenchmarkFileKind kind = BenchmarkFormat::detect(*array);
    if (kind == BenchmarkFileKind::Open) {
        OpenFile file = BenchmarkFormat::parseOpen(*array);
        LintOptions withoutImages = o;
        withoutImages.checkImages = false;
        report = lintOpen(file.records, withoutImages);
        checkImages<OpenRecord>(file.records, o, folder, report,
                                [](const OpenRecord &) { return qint64(0); });
        problems = file.problems;
    } else {
        ClosedFile file = BenchmarkFormat::parseClosed(*array);
        LintOptions withoutImages = o;
        withoutImages.checkImages = false;
        report = lintClosed(file.records, withoutImages);
        checkImages<ClosedRecord>(file.records, o, folder, report,
                                  [](const ClosedRecord &) { return qint64(0); });
        problems = file.problems;
        if (kind == BenchmarkFileKind::Unknown && !array->isEmpty())
            problems.insert(
                problems.begin(),
                {-1,
                 {},
                 {},
                 QStringLiteral("records carry neither vqa_pairs (closed) nor qa_pairs (open)")});
    }
    report.source = path;
    std::vector<LintFinding> malformed;
    for (const FormatProblem &p : problems) {
        LintFinding f = finding(QStringLiteral("malformed"), LintSeverity::Error, p.message);
        f.record = p.record;
        f.recordId = p.recordId;
        f.detail.insert(QStringLiteral("field"), p.field);
        f.message = p.where().isEmpty() ? p.message : p.where() + QStringLiteral(": ") + p.message;
        malformed.push_back(f);
    }
    report.findings.insert(report.findings.begin(), malformed.begin(), malformed.end());
    return report;
}

Result<LintReport> BenchmarkLint::lintProject(Database &db, const QString &slicesDir,
                                              const LintOptions &options)
{
    BenchmarkRepository repo(db);
    ItemFilter filter;
    filter.statuses = {ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Stale};
    Result<std::vector<BenchmarkItem>> items = repo.items(filter);
    if (!items)
        return items.error();
    Result<std::vector<GoldRecord>> golds = GoldAttributes::load(db);
    if (!golds)
        return golds.error();
    QHash<QString, const GoldRecord *> byImage;
    for (const GoldRecord &g : *golds)
        byImage.insert(g.imagePath, &g);
    LintGold gold;
    gold.find = [&](qint64, const QString &imagePath) { return byImage.value(imagePath, nullptr); };

    // Items → records, one per image and kind, in item order.
    std::vector<ClosedRecord> closed;
    std::vector<OpenRecord> open;
    QHash<QString, size_t> closedAt, openAt;
    for (const BenchmarkItem &item : *items) {
        if (!item.lineage.isEmpty())
            gold.lineage.insert(item.id, item.lineage);
        const QJsonValue id =
            item.sample > 0 ? QJsonValue(item.sample) : QJsonValue(item.externalId);
        if (item.kind == ItemKind::Closed) {
            auto it = closedAt.constFind(item.imagePath);
            if (it == closedAt.constEnd()) {
                closedAt.insert(item.imagePath, closed.size());
                ClosedRecord r;
                r.id = id;
                r.imagePath = item.imagePath;
                r.index = int(closed.size());
                closed.push_back(r);
                it = closedAt.constFind(item.imagePath);
            }
            closed[*it].pairs.push_back(item.closed());
            closed[*it].itemIds.push_back(item.id);
        } else {
            auto it = openAt.constFind(item.imagePath);
            if (it == openAt.constEnd()) {
                openAt.insert(item.imagePath, open.size());
                OpenRecord r;
                r.id = id;
                r.imagePath = item.imagePath;
                r.index = int(open.size());
                open.push_back(r);
                it = openAt.constFind(item.imagePath);
            }
            open[*it].pairs.push_back(item.open());
            open[*it].itemIds.push_back(item.id);
        }
    }
    LintOptions o = options;
    if (o.imagesRoot.isEmpty())
        o.imagesRoot = slicesDir;
    LintReport report = lintClosed(closed, o, &gold);
    report.append(lintOpen(open, o, &gold));
    report.kind = QStringLiteral("project");
    return report;
}

} // namespace neuroonco
