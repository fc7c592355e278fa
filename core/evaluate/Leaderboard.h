// The core API the GUI, the dashboard and `neuroonco report --eval` share: every evaluation run
// of a project with its scores side by side (percentile-bootstrap 95 % intervals over
// questions, deterministic seed, 1,000 resamples by default), one run's scores, its
// per-question results, and accuracy per run per question type for the dashboard figure.
#pragma once

#include "core/evaluate/EvalScores.h"
#include "core/evaluate/EvalTypes.h"
#include "core/util/Error.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace neuroonco {

class Database;

struct RunScores
{
    EvalRun run;
    qint64 answers = 0;         // stored rows (rotations counted)
    ClosedScores closed;        // when run.benchmark is Closed
    OpenScores open;            // when run.benchmark is Open
    QJsonObject toJson() const; // {run: {name, model, …}, scores: {…}}
};

// Accuracy of closed runs per question type: categories are the question types found in any
// run plus "overall"; one row of rates per run (a type a run never saw has n = 0).
struct TypeAccuracy
{
    QStringList categories;
    struct Row
    {
        QString run;
        std::vector<Rate> rates; // one per category
    };
    std::vector<Row> rows;
};

class Leaderboard
{
public:
    static Result<std::vector<EvalRun>> runs(Database &db);
    static Result<RunScores> scores(Database &db, const EvalRun &run,
                                    const BootstrapOptions &bootstrap = {});
    static Result<RunScores> scores(Database &db, const QString &runName,
                                    const BootstrapOptions &bootstrap = {});
    // Every run, in creation order.
    static Result<std::vector<RunScores>> all(Database &db, const BootstrapOptions &bootstrap = {});
    static Result<std::vector<QuestionResult>> questions(Database &db, const QString &runName);
    static Result<TypeAccuracy> accuracyByType(Database &db,
                                               const BootstrapOptions &bootstrap = {});
    static QJsonObject toJson(const std::vector<RunScores> &rows,
                              const BootstrapOptions &bootstrap = {});
};

} // namespace neuroonco
