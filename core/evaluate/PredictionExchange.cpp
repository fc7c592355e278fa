// Matching predictions to items, storing them as an imported run, and writing runs back out.
#include "core/evaluate/PredictionExchange.h"

#include "core/benchmark/BenchmarkRepository.h"
#include "core/benchmark/RecordIndex.h"
#include "core/evaluate/AnswerParser.h"
#include "core/evaluate/ClosedScorer.h"
#include "core/evaluate/EvalRepository.h"
#include "core/evaluate/Leaderboard.h"
#include "core/evaluate/OptionRotation.h"
#include "core/store/Database.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace neuroonco {

namespace {

// Items that may be the one a line names.
class ItemMatcher
{
public:
    explicit ItemMatcher(const std::vector<BenchmarkItem> &items)
        : m_items(items)
    {
        std::vector<BenchmarkItem> live;
        for (size_t i = 0; i < items.size(); ++i) {
            const BenchmarkItem &item = items[i];
            if (!item.externalId.isEmpty())
                m_byId[item.externalId].append(i);
            if (item.sample > 0)
                m_byId[QString::number(item.sample)].append(i);
            if (item.sample <= 0 && item.externalId.isEmpty())
                m_byId[RecordIndex::recordId(item)].append(i);
            if (item.status != ItemStatus::Rejected)
                live.push_back(item);
        }
        m_positions = RecordIndex::positions(live);
    }

    bool knowsId(const QString &id) const { return m_byId.contains(id); }

    // Index of the matching item, or -1 (`ambiguous` set when several fit equally well).
    int match(const PredictionLine &line, bool *ambiguous) const
    {
        *ambiguous = false;
        const QList<size_t> candidates = m_byId.value(line.idText());
        QList<size_t> fit;
        for (size_t i : candidates) {
            const BenchmarkItem &item = m_items[i];
            if (!line.imagePath.isEmpty() && item.imagePath != line.imagePath)
                continue;
            if (!line.type.isEmpty() && item.questionType != line.type)
                continue;
            if (!fit.contains(i))
                fit.append(i);
        }
        if (fit.size() == 1)
            return int(fit.first());
        if (fit.isEmpty())
            return -1;
        // Several: the one at the line's position, in its imported file or in the export.
        QList<size_t> placed;
        for (size_t i : fit) {
            const BenchmarkItem &item = m_items[i];
            const bool inFile =
                RecordIndex::importedIndex(item) == line.position && item.externalId == line.idText();
            const auto pos = m_positions.constFind(item.id);
            const bool inExport = pos != m_positions.constEnd() && pos->qIndex == line.position &&
                                  pos->recordId == line.idText();
            if (inFile || inExport)
                placed.append(i);
        }
        if (placed.size() == 1)
            return int(placed.first());
        *ambiguous = true;
        return -1;
    }

private:
    const std::vector<BenchmarkItem> &m_items;
    QHash<QString, QList<size_t>> m_byId;
    QHash<qint64, RecordPosition> m_positions;
};

std::vector<ChoiceOption> lettersOnly()
{
    std::vector<ChoiceOption> out;
    for (const char *l : {"A", "B", "C", "D", "E"})
        out.push_back({QLatin1String(l), QString()});
    return out;
}

} // namespace

QJsonObject PredictionLineNote::toJson() const
{
    return {{QStringLiteral("line"), line},
            {QStringLiteral("id"), id},
            {QStringLiteral("q_index"), qIndex},
            {QStringLiteral("outcome"), outcome == Outcome::Refused ? QStringLiteral("refused") : QStringLiteral("external")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("reason"), reason}};
}

QJsonObject PredictionImportSummary::toJson() const
{
    QJsonArray noteArray;
    for (const PredictionLineNote &n : notes)
        noteArray.append(n.toJson());
    return {{QStringLiteral("run"), run},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("stored"), stored},
            {QStringLiteral("refused"), refused},
            {QStringLiteral("notes"), noteArray},
            {QStringLiteral("matched"), matched},
            {QStringLiteral("external"), external},
            {QStringLiteral("ambiguous"), ambiguous},
            {QStringLiteral("trap_flags_corrected"), trapFlagsCorrected},
            {QStringLiteral("gt_disagreements"), gtDisagreements},
            {QStringLiteral("correct_disagreements"), correctDisagreements},
            {QStringLiteral("invalid"), invalid},
            {QStringLiteral("external_examples"), QJsonArray::fromStringList(externalExamples)}};
}

Result<PredictionImportSummary> PredictionExchange::importFile(Database &db, const QString &path,
                                                               const QString &runName,
                                                               const QString &model)
{
    if (runName.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("name"),
                     QStringLiteral("an imported run needs a name"));
    Result<std::vector<PredictionLine>> lines = PredictionFormat::read(path);
    if (!lines)
        return lines.error();
    ItemFilter filter;
    filter.kind = ItemKind::Closed;
    Result<std::vector<BenchmarkItem>> items = BenchmarkRepository(db).items(filter);
    if (!items)
        return items.error();
    const ItemMatcher matcher(*items);

    EvalRepository repo(db);
    Transaction tx(db);
    if (tx.beginError())
        return tx.beginError();
    EvalRun run;
    run.name = runName;
    run.model = model;
    run.benchmark = EvalBenchmark::Closed;
    run.origin = EvalOrigin::Imported;
    run.params = {{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                  {QStringLiteral("lines"), int(lines->size())}};
    Result<qint64> runId = repo.createRun(run);
    if (!runId)
        return runId.error();

    PredictionImportSummary s;
    s.run = *runId;
    s.lines = int(lines->size());
    QHash<qint64, int> answeredBy;      // item -> the line that answered it
    QHash<QString, int> lineOfQuestion; // id + q_index -> the first line naming it
    std::vector<EvalAnswer> answers;
    answers.reserve(lines->size());
    const std::vector<ChoiceOption> letters = lettersOnly();
    for (const PredictionLine &line : *lines) {
        const QString id = line.idText();
        const int qIndex = line.position + PredictionFormat::kFirstQIndex; // as in the file
        PredictionLineNote note;
        note.line = line.line;
        note.id = id;
        note.qIndex = qIndex;
        // One answer per question of the file: a line naming an (id, q_index) an earlier line
        // named is refused, never stored twice.
        const QString question = id + QLatin1Char('\n') + QString::number(line.position);
        if (const auto earlier = lineOfQuestion.constFind(question); earlier != lineOfQuestion.constEnd()) {
            note.outcome = PredictionLineNote::Outcome::Refused;
            note.kind = QStringLiteral("duplicate-line");
            note.reason = QStringLiteral("repeats id %1, q_index %2 of line %3; not stored").arg(id).arg(qIndex).arg(*earlier);
            s.notes.push_back(note);
            ++s.refused;
            continue;
        }
        lineOfQuestion.insert(question, line.line);
        bool ambiguous = false;
        int index = matcher.match(line, &ambiguous);
        if (index >= 0 && answeredBy.contains((*items)[size_t(index)].id)) {
            // A second line for the same item stays external.
            note.kind = QStringLiteral("item-already-answered");
            note.reason = QStringLiteral("its benchmark item (%1) was answered by line %2; kept as an external question")
                              .arg((*items)[size_t(index)].itemKey)
                              .arg(answeredBy.value((*items)[size_t(index)].id));
            index = -1;
            ambiguous = true;
        } else if (index < 0 && ambiguous) {
            note.kind = QStringLiteral("ambiguous");
            note.reason = QStringLiteral("several benchmark items fit it equally well; kept as an external question");
        } else if (index < 0 && !matcher.knowsId(id)) {
            note.kind = QStringLiteral("unknown-id");
            note.reason = QStringLiteral("no benchmark item has the record id %1; kept as an external question, scored "
                                         "on the line's own gt").arg(id);
        } else if (index < 0) {
            note.kind = QStringLiteral("no-matching-question");
            note.reason = QStringLiteral("record %1 has no question of type '%2'%3; kept as an external question")
                              .arg(id, line.type,
                                   line.imagePath.isEmpty() ? QString() : QStringLiteral(" on %1").arg(line.imagePath));
        }
        EvalAnswer a;
        a.run = *runId;
        a.externalId = line.idText();
        a.qIndex = line.position;
        a.imagePath = line.imagePath;
        a.raw = line.extra.contains(QStringLiteral("raw"))
                    ? line.extra.value(QStringLiteral("raw")).toString()
                    : line.pred;
        if (index >= 0) {
            const BenchmarkItem &item = (*items)[size_t(index)];
            answeredBy.insert(item.id, line.line);
            const ClosedQuestion q = item.closed();
            a.item = item.id;
            a.itemVersion = item.version;
            if (a.imagePath.isEmpty())
                a.imagePath = item.imagePath;
            a.questionType = item.questionType;
            a.isTrap = q.trap;
            a.isMcq = OptionRotation::count(q) > 2;
            a.presented = OptionRotation::toJson(q.options);
            a.gt = q.answer;
            const ParsedAnswer parsed = AnswerParser::parse(line.pred, q.options);
            a.valid = parsed.isValid();
            a.problem = answerProblemName(parsed.problem);
            a.pred = parsed.letter;
            ++s.matched;
            s.trapFlagsCorrected += line.isTrap != q.trap ? 1 : 0;
            s.gtDisagreements +=
                line.gt.trimmed().compare(q.answer, Qt::CaseInsensitive) != 0 ? 1 : 0;
        } else {
            a.questionType = line.type;
            a.isTrap = line.isTrap;
            a.isMcq = line.isMcq.value_or(true);
            a.gt = line.gt.trimmed().toUpper();
            const ParsedAnswer parsed = AnswerParser::parse(line.pred, letters);
            a.valid = parsed.isValid();
            a.problem = answerProblemName(parsed.problem);
            a.pred = parsed.letter;
            ++s.external;
            s.ambiguous += ambiguous ? 1 : 0;
            if (s.externalExamples.size() < 5)
                s.externalExamples << QStringLiteral("%1#%2").arg(a.externalId).arg(qIndex); // as in the file
            s.notes.push_back(note);
        }
        a.correct = a.valid && a.pred == a.gt;
        if (line.correct && *line.correct != *a.correct)
            ++s.correctDisagreements;
        s.invalid += a.valid ? 0 : 1;
        if (Error e = repo.storeAnswer(a))
            return Error(e.code, QStringLiteral("%1: line %2").arg(path).arg(line.line), e.detail);
        ++s.stored;
        answers.push_back(std::move(a));
    }
    BootstrapOptions bootstrap;
    QJsonObject scores = ClosedScorer::score(answers, false, &bootstrap).toJson();
    scores.insert(QStringLiteral("import"), s.toJson());
    if (Error e = repo.storeSummary(*runId, scores, true))
        return e;
    if (Error e = tx.commit())
        return e;
    return s;
}

Result<std::vector<PredictionLine>> PredictionExchange::lines(Database &db, const QString &runName,
                                                              int *pending)
{
    EvalRepository repo(db);
    Result<EvalRun> run = repo.runNamed(runName);
    if (!run)
        return run.error();
    Result<std::vector<QuestionResult>> questions = repo.questionResults(run->id);
    if (!questions)
        return questions.error();
    std::vector<PredictionLine> out;
    int waiting = 0;
    for (const QuestionResult &q : *questions) {
        // Only complete answers: every rotation in and no failed request.
        bool complete = q.error.isEmpty();
        if (run->circular && complete && !q.rotations.empty()) {
            int moving = 0;
            const QJsonObject presented = q.rotations.front().presented;
            for (auto it = presented.begin(); it != presented.end(); ++it)
                moving += it.key() != QLatin1String("E") ? 1 : 0;
            complete = int(q.rotations.size()) >= std::max(1, moving);
        }
        if (!complete) {
            ++waiting;
            continue;
        }
        PredictionLine line;
        line.id = RecordIndex::idJson(q.externalId);
        line.position = std::max(0, q.qIndex);
        line.type = q.questionType;
        line.isTrap = q.isTrap;
        line.gt = q.gt;
        line.pred = q.pred;
        line.imagePath = q.imagePath;
        if (run->benchmark == EvalBenchmark::Closed) {
            line.isMcq = q.isMcq;
            line.correct = q.correct.value_or(false);
            if (!q.valid)
                line.extra.insert(QStringLiteral("raw"), q.raw);
            if (run->circular) {
                QJsonArray preds;
                for (const EvalAnswer &r : q.rotations)
                    preds.append(r.pred);
                line.extra.insert(QStringLiteral("circular_preds"), preds);
            }
        } else {
            line.isMcq = false;
            auto put = [&line](const char *key, const std::optional<double> &v) {
                if (v)
                    line.extra.insert(QLatin1String(key), *v);
            };
            put("keyword_recall", q.keywordRecall);
            put("bleu4", q.bleu);
            put("rouge_l", q.rougeL);
            put("judge_score", q.judgeScore);
        }
        out.push_back(std::move(line));
    }
    if (pending)
        *pending = waiting;
    return out;
}

Result<PredictionExportSummary> PredictionExchange::exportRun(Database &db, const QString &runName,
                                                              const QString &path,
                                                              const BootstrapOptions &bootstrap)
{
    PredictionExportSummary s;
    Result<std::vector<PredictionLine>> out = lines(db, runName, &s.pending);
    if (!out)
        return out.error();
    Result<RunScores> scores = Leaderboard::scores(db, runName, bootstrap);
    if (!scores)
        return scores.error();
    s.lines = int(out->size());
    s.summary = scores->toJson();
    if (Error e = PredictionFormat::write(path, *out))
        return e;
    if (Error e = PredictionFormat::writeSummary(PredictionFormat::summaryPathFor(path), s.summary))
        return e;
    return s;
}

} // namespace neuroonco
