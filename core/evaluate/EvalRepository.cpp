// SQL for eval_runs and eval_answers; the answer upsert is prepared once per repository.
#include "core/evaluate/EvalRepository.h"

#include "core/benchmark/BenchmarkTypes.h"
#include "core/store/Database.h"
#include "core/util/Time.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace neuroonco {

namespace {

const QString kRunColumns =
    QStringLiteral("id, name, endpoint, model, benchmark, circular, prompt_version, origin, "
                   "params, created_at, finished_at, summary");
const QString kAnswerColumns =
    QStringLiteral("id, run, item, item_version, external_id, q_index, rotation, image_path, "
                   "question_type, is_mcq, is_trap, presented, gt, "
                   "pred, raw, valid, correct, problem, keyword_recall, bleu, rouge_l, "
                   "judge_score, judge_raw, latency_ms, attempts, error, at");

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QVariant nullString(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant nullDouble(const std::optional<double> &d)
{
    return d ? QVariant(*d) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> optionalDouble(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toDouble();
}

EvalRun readRun(const QSqlQuery &q)
{
    EvalRun r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.endpoint = q.value(2).toString();
    r.model = q.value(3).toString();
    evalBenchmarkFromName(q.value(4).toString(), &r.benchmark);
    r.circular = q.value(5).toBool();
    r.promptVersion = q.value(6).toString();
    evalOriginFromName(q.value(7).toString(), &r.origin);
    r.params = parse(q.value(8));
    r.createdAt = q.value(9).toString();
    r.finishedAt = q.value(10).toString();
    r.summary = parse(q.value(11));
    return r;
}

// Many rows share the same options (JSON text); parse each distinct text once.
class JsonCache
{
public:
    QJsonObject get(const QVariant &v)
    {
        const QString text = v.toString();
        if (text.isEmpty())
            return {};
        auto it = m_cache.constFind(text);
        if (it == m_cache.constEnd()) {
            if (m_cache.size() > 4096)
                m_cache.clear();
            it = m_cache.insert(text, QJsonDocument::fromJson(text.toUtf8()).object());
        }
        return *it;
    }

private:
    QHash<QString, QJsonObject> m_cache;
};

EvalAnswer readAnswer(const QSqlQuery &q, JsonCache &cache)
{
    EvalAnswer a;
    a.id = q.value(0).toLongLong();
    a.run = q.value(1).toLongLong();
    a.item = q.value(2).toLongLong();
    a.itemVersion = q.value(3).toInt();
    a.externalId = q.value(4).toString();
    a.qIndex = q.value(5).isNull() ? -1 : q.value(5).toInt();
    a.rotation = q.value(6).toInt();
    a.imagePath = q.value(7).toString();
    a.questionType = q.value(8).toString();
    a.isMcq = q.value(9).toBool();
    a.isTrap = q.value(10).toBool();
    a.presented = cache.get(q.value(11));
    a.gt = q.value(12).toString();
    a.pred = q.value(13).toString();
    a.raw = q.value(14).toString();
    a.valid = q.value(15).toBool();
    if (!q.value(16).isNull())
        a.correct = q.value(16).toBool();
    a.problem = q.value(17).toString();
    a.keywordRecall = optionalDouble(q.value(18));
    a.bleu = optionalDouble(q.value(19));
    a.rougeL = optionalDouble(q.value(20));
    a.judgeScore = optionalDouble(q.value(21));
    a.judgeRaw = q.value(22).toString();
    a.latencyMs = q.value(23).toDouble();
    a.attempts = q.value(24).toInt();
    a.error = q.value(25).toString();
    a.at = q.value(26).toString();
    return a;
}

} // namespace

EvalRepository::EvalRepository(Database &db)
    : m_db(db)
{}

EvalRepository::~EvalRepository() = default;

Result<std::vector<EvalRun>> EvalRepository::runs()
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kRunColumns +
                QStringLiteral(" FROM eval_runs ORDER BY id")))
        return m_db.queryError(q, QStringLiteral("eval_runs"));
    std::vector<EvalRun> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("eval_runs"), [&] { out.push_back(readRun(q)); }))
        return e;
    return out;
}

Result<EvalRun> EvalRepository::run(qint64 id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kRunColumns +
              QStringLiteral(" FROM eval_runs WHERE id = ?"));
    q.addBindValue(id);
    if (Error e = m_db.run(q, QStringLiteral("eval_runs")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("eval_runs")))
            return e;
        return Error(ErrorCode::NotFound, QStringLiteral("evaluation run %1").arg(id));
    }
    return readRun(q);
}

Result<EvalRun> EvalRepository::runNamed(const QString &name)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT ") + kRunColumns +
              QStringLiteral(" FROM eval_runs WHERE name = ?"));
    q.addBindValue(name);
    if (Error e = m_db.run(q, QStringLiteral("eval_runs")))
        return e;
    if (!q.next()) {
        if (Error e = m_db.readError(q, QStringLiteral("eval_runs")))
            return e;
        return Error(ErrorCode::NotFound, QStringLiteral("evaluation run '%1'").arg(name));
    }
    return readRun(q);
}

Result<qint64> EvalRepository::createRun(const EvalRun &run)
{
    if (run.name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("name"),
                     QStringLiteral("an evaluation run needs a name"));
    if (Result<EvalRun> existing = runNamed(run.name); existing)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("evaluation run '%1'").arg(run.name),
                     QStringLiteral("a run of this name exists already"));
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO eval_runs(name, endpoint, model, benchmark, circular, "
                             "prompt_version, origin, params, "
                             "created_at, finished_at, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(run.name), nullString(run.endpoint), nullString(run.model),
                              QVariant(evalBenchmarkName(run.benchmark)),
                              QVariant(run.circular ? 1 : 0), nullString(run.promptVersion),
                              QVariant(evalOriginName(run.origin)), QVariant(compact(run.params)),
                              QVariant(run.createdAt.isEmpty() ? nowIso() : run.createdAt),
                              run.finishedAt.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                       : QVariant(run.finishedAt),
                              QVariant(compact(run.summary))})
        q.addBindValue(v);
    if (Error e = m_db.run(q, QStringLiteral("eval_runs")))
        return e;
    return q.lastInsertId().toLongLong();
}

Error EvalRepository::storeSummary(qint64 run, const QJsonObject &summary, bool finished)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("UPDATE eval_runs SET summary = ?, finished_at = ? WHERE id = ?"));
    q.addBindValue(compact(summary));
    q.addBindValue(finished ? QVariant(nowIso()) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(run);
    return m_db.run(q, QStringLiteral("eval_runs"));
}

Error EvalRepository::removeRun(qint64 run)
{
    QSqlQuery q = m_db.query();
    // Answers go with the run (ON DELETE CASCADE); deleted explicitly too, in case a
    // connection was opened without foreign keys.
    q.prepare(QStringLiteral("DELETE FROM eval_answers WHERE run = ?"));
    q.addBindValue(run);
    if (Error e = m_db.run(q, QStringLiteral("eval_answers")))
        return e;
    q.prepare(QStringLiteral("DELETE FROM eval_runs WHERE id = ?"));
    q.addBindValue(run);
    if (Error e = m_db.run(q, QStringLiteral("eval_runs")))
        return e;
    // The evaluate stage's checkpoints of the run (scope "evaluate", item
    // "<run>:<item>:<rotation>").
    q.prepare(QStringLiteral("DELETE FROM checkpoints WHERE scope = 'evaluate' AND item LIKE ?"));
    q.addBindValue(QStringLiteral("%1:%").arg(run));
    return m_db.run(q, QStringLiteral("checkpoints"));
}

Error EvalRepository::storeAnswer(const EvalAnswer &a, qint64 jobId)
{
    if (!m_storeQuery) {
        m_storeQuery = std::make_unique<QSqlQuery>(m_db.handle());
        m_storeQuery->prepare(
            QStringLiteral("INSERT INTO eval_answers(run, question_key, item, item_version, "
                           "external_id, q_index, rotation, image_path, "
                           "question_type, is_mcq, is_trap, presented, gt, pred, raw, valid, "
                           "correct, problem, keyword_recall, bleu, rouge_l, "
                           "judge_score, judge_raw, latency_ms, attempts, error, job_id, at) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                           "ON CONFLICT(run, question_key, rotation) DO UPDATE SET item = "
                           "excluded.item, item_version = excluded.item_version, "
                           "external_id = excluded.external_id, q_index = excluded.q_index, "
                           "image_path = excluded.image_path, "
                           "question_type = excluded.question_type, is_mcq = excluded.is_mcq, "
                           "is_trap = excluded.is_trap, "
                           "presented = excluded.presented, gt = excluded.gt, pred = "
                           "excluded.pred, raw = excluded.raw, valid = excluded.valid, "
                           "correct = excluded.correct, problem = excluded.problem, keyword_recall "
                           "= excluded.keyword_recall, "
                           "bleu = excluded.bleu, rouge_l = excluded.rouge_l, judge_score = "
                           "excluded.judge_score, judge_raw = excluded.judge_raw, "
                           "latency_ms = excluded.latency_ms, attempts = excluded.attempts, error "
                           "= excluded.error, job_id = excluded.job_id, "
                           "at = excluded.at"));
    }
    QSqlQuery &q = *m_storeQuery;
    const QVariant values[] = {
        QVariant(a.run),
        QVariant(a.questionKey()),
        a.item > 0 ? QVariant(a.item) : QVariant(QMetaType(QMetaType::LongLong)),
        a.item > 0 ? QVariant(a.itemVersion) : QVariant(QMetaType(QMetaType::Int)),
        nullString(a.externalId),
        a.qIndex >= 0 ? QVariant(a.qIndex) : QVariant(QMetaType(QMetaType::Int)),
        QVariant(a.rotation),
        nullString(a.imagePath),
        nullString(a.questionType),
        QVariant(a.isMcq ? 1 : 0),
        QVariant(a.isTrap ? 1 : 0),
        a.presented.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                              : QVariant(compact(a.presented)),
        nullString(a.gt),
        nullString(a.pred),
        nullString(a.raw),
        QVariant(a.valid ? 1 : 0),
        a.correct ? QVariant(*a.correct ? 1 : 0) : QVariant(QMetaType(QMetaType::Int)),
        a.problem.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(a.problem),
        nullDouble(a.keywordRecall),
        nullDouble(a.bleu),
        nullDouble(a.rougeL),
        nullDouble(a.judgeScore),
        a.judgeRaw.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(a.judgeRaw),
        QVariant(a.latencyMs),
        QVariant(a.attempts),
        a.error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(a.error),
        jobId > 0 ? QVariant(jobId) : QVariant(QMetaType(QMetaType::LongLong)),
        QVariant(a.at.isEmpty() ? nowIso() : a.at),
    };
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    return m_db.run(q, QStringLiteral("eval_answers"));
}

Error EvalRepository::storeJudgement(qint64 answerId, std::optional<double> score,
                                     const QString &raw, const QString &error)
{
    QSqlQuery q = m_db.query();
    // A failed judge request leaves judge_score NULL (asked again next time); its reason is
    // kept in judge_raw.
    q.prepare(
        QStringLiteral("UPDATE eval_answers SET judge_score = ?, judge_raw = ? WHERE id = ?"));
    q.addBindValue(nullDouble(score));
    q.addBindValue(error.isEmpty() ? raw : QStringLiteral("error: ") + error);
    q.addBindValue(answerId);
    return m_db.run(q, QStringLiteral("eval_answers"));
}

QString EvalRepository::unitKey(qint64 item, int rotation)
{
    return QStringLiteral("%1:%2").arg(item).arg(rotation);
}

Result<QSet<QString>> EvalRepository::answeredUnits(qint64 run)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT item, rotation FROM eval_answers WHERE run = ? AND item IS "
                             "NOT NULL AND error IS NULL"));
    q.addBindValue(run);
    if (Error e = m_db.run(q, QStringLiteral("eval_answers")))
        return e;
    QSet<QString> out;
    if (Error e = m_db.forEachRow(q, QStringLiteral("eval_answers"),
                                  [&] { out.insert(unitKey(q.value(0).toLongLong(), q.value(1).toInt())); }))
        return e;
    return out;
}

Result<std::vector<EvalAnswer>> EvalRepository::answers(qint64 run)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kAnswerColumns +
              QStringLiteral(" FROM eval_answers WHERE run = ? ORDER BY id"));
    q.addBindValue(run);
    if (Error e = m_db.run(q, QStringLiteral("eval_answers")))
        return e;
    std::vector<EvalAnswer> rows;
    JsonCache cache;
    if (Error e = m_db.forEachRow(q, QStringLiteral("eval_answers"), [&] { rows.push_back(readAnswer(q, cache)); }))
        return e;
    // Questions in the order they were first stored (a retried question keeps its row and its
    // place), the rotations of a question together and in order.
    QHash<QString, qsizetype> first;
    first.reserve(qsizetype(rows.size()));
    std::vector<std::pair<qsizetype, size_t>> order;
    order.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const QString key = rows[i].questionKey();
        order.emplace_back(*first.insert(key, first.value(key, qsizetype(i))), i);
    }
    std::stable_sort(order.begin(), order.end(), [&rows](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first
                                  : rows[a.second].rotation < rows[b.second].rotation;
    });
    std::vector<EvalAnswer> out;
    out.reserve(rows.size());
    for (const auto &o : order)
        out.push_back(std::move(rows[o.second]));
    return out;
}

Result<std::vector<QuestionResult>> EvalRepository::questionResults(qint64 run)
{
    Result<std::vector<EvalAnswer>> all = answers(run);
    if (!all)
        return all.error();
    std::vector<QuestionResult> out;
    QHash<QString, size_t> index;
    QHash<qint64, QJsonObject> payloads;
    {
        QSqlQuery q = m_db.query();
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, payload FROM benchmark_items WHERE id IN (SELECT item "
                                 "FROM eval_answers WHERE run = ?)"));
        q.addBindValue(run);
        if (Error e = m_db.run(q, QStringLiteral("benchmark_items")))
            return e;
        if (Error e = m_db.forEachRow(q, QStringLiteral("benchmark_items"),
                                      [&] { payloads.insert(q.value(0).toLongLong(), parse(q.value(1))); }))
            return e;
    }
    for (EvalAnswer &a : *all) {
        const QString key = a.questionKey();
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            QuestionResult r;
            r.questionKey = key;
            r.item = a.item;
            r.externalId = a.externalId;
            r.qIndex = a.qIndex;
            r.imagePath = a.imagePath;
            r.questionType = a.questionType;
            r.isMcq = a.isMcq;
            r.isTrap = a.isTrap;
            r.gt = a.gt;
            r.pred = a.pred;
            r.raw = a.raw;
            r.valid = true;
            r.keywordRecall = a.keywordRecall;
            r.bleu = a.bleu;
            r.rougeL = a.rougeL;
            r.judgeScore = a.judgeScore;
            const QJsonObject payload = payloads.value(a.item);
            if (!payload.isEmpty()) {
                r.question = payload.value(QStringLiteral("question")).toString();
                r.options = payload.value(QStringLiteral("options")).toObject();
                r.referenceAnswer = payload.value(QStringLiteral("reference_answer")).toString();
                for (const QJsonValue &k : payload.value(QStringLiteral("eval_keywords")).toArray())
                    r.keywords << k.toString();
            }
            it = index.insert(key, out.size());
            out.push_back(std::move(r));
        }
        QuestionResult &r = out[*it];
        r.valid = r.valid && a.valid && a.error.isEmpty();
        if (a.correct)
            r.correct = r.correct.value_or(true) && *a.correct;
        if (!a.error.isEmpty() && r.error.isEmpty())
            r.error = a.error;
        r.rotations.push_back(std::move(a));
    }
    return out;
}

} // namespace neuroonco
