// SQL for evaluation runs (eval_runs) and their answers (eval_answers): create, find and list
// runs, store answers (one row per question and rotation, replaced when a failed question is
// asked again), and read answers back as scores' input or as per-question results for the GUI.
#pragma once

#include "core/evaluate/EvalTypes.h"
#include "core/util/Error.h"

#include <QSet>
#include <memory>
#include <vector>

class QSqlQuery;

namespace neuroonco {

class Database;

class EvalRepository
{
public:
    explicit EvalRepository(Database &db);
    ~EvalRepository();

    Result<std::vector<EvalRun>> runs();
    Result<EvalRun> run(qint64 id);
    // NotFound (naming the run) when there is none.
    Result<EvalRun> runNamed(const QString &name);
    // Inserts a run; InvalidArgument naming the run when the name is taken.
    Result<qint64> createRun(const EvalRun &run);
    // Stores the summary; `finished` sets finished_at (else clears it).
    Error storeSummary(qint64 run, const QJsonObject &summary, bool finished);
    // Deletes the run, its answers and its checkpoints.
    Error removeRun(qint64 run);

    // Inserts or replaces the row of (run, question, rotation).
    Error storeAnswer(const EvalAnswer &answer, qint64 jobId = 0);
    Error storeJudgement(qint64 answerId, std::optional<double> score, const QString &raw,
                         const QString &error);
    // "<item>:<rotation>" of every question of the run that has an answer (not a failed
    // request): what a resumed run need not ask again.
    Result<QSet<QString>> answeredUnits(qint64 run);
    static QString unitKey(qint64 item, int rotation);
    // Every answer of a run, ordered by question (first asked first) and rotation.
    Result<std::vector<EvalAnswer>> answers(qint64 run);
    // Answers grouped per question with the item's question text and options.
    Result<std::vector<QuestionResult>> questionResults(qint64 run);

private:
    Database &m_db;
    std::unique_ptr<QSqlQuery> m_storeQuery;
};

} // namespace neuroonco
