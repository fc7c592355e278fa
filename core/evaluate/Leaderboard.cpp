// Scores are recomputed from the stored answers (the run's stored summary is a snapshot).
#include "core/evaluate/Leaderboard.h"

#include "core/evaluate/ClosedScorer.h"
#include "core/evaluate/EvalRepository.h"
#include "core/evaluate/OpenScorer.h"

#include <QJsonArray>

namespace neuroonco {

QJsonObject RunScores::toJson() const
{
    QJsonObject r{{QStringLiteral("id"), run.id},
                  {QStringLiteral("name"), run.name},
                  {QStringLiteral("endpoint"), run.endpoint},
                  {QStringLiteral("model"), run.model},
                  {QStringLiteral("benchmark"), evalBenchmarkName(run.benchmark)},
                  {QStringLiteral("circular"), run.circular},
                  {QStringLiteral("prompt"), run.promptVersion},
                  {QStringLiteral("origin"), evalOriginName(run.origin)},
                  {QStringLiteral("created_at"), run.createdAt},
                  {QStringLiteral("finished_at"),
                   run.finishedAt.isEmpty() ? QJsonValue() : QJsonValue(run.finishedAt)},
                  {QStringLiteral("answers"), answers}};
    return {{QStringLiteral("run"), r},
            {QStringLiteral("scores"),
             run.benchmark == EvalBenchmark::Closed ? closed.toJson() : open.toJson()}};
}

Result<std::vector<EvalRun>> Leaderboard::runs(Database &db)
{
    return EvalRepository(db).runs();
}

Result<RunScores> Leaderboard::scores(Database &db, const EvalRun &run,
                                      const BootstrapOptions &bootstrap)
{
    Result<std::vector<EvalAnswer>> answers = EvalRepository(db).answers(run.id);
    if (!answers)
        return answers.error();
    RunScores s;
    s.run = run;
    s.answers = qint64(answers->size());
    if (run.benchmark == EvalBenchmark::Closed)
        s.closed = ClosedScorer::score(*answers, run.circular, &bootstrap);
    else
        s.open = OpenScorer::score(*answers, &bootstrap);
    return s;
}

Result<RunScores> Leaderboard::scores(Database &db, const QString &runName,
                                      const BootstrapOptions &bootstrap)
{
    Result<EvalRun> run = EvalRepository(db).runNamed(runName);
    if (!run)
        return run.error();
    return scores(db, *run, bootstrap);
}

Result<std::vector<RunScores>> Leaderboard::all(Database &db, const BootstrapOptions &bootstrap)
{
    Result<std::vector<EvalRun>> list = runs(db);
    if (!list)
        return list.error();
    std::vector<RunScores> out;
    for (const EvalRun &run : *list) {
        Result<RunScores> s = scores(db, run, bootstrap);
        if (!s)
            return s.error();
        out.push_back(s.take());
    }
    return out;
}

Result<std::vector<QuestionResult>> Leaderboard::questions(Database &db, const QString &runName)
{
    EvalRepository repo(db);
    Result<EvalRun> run = repo.runNamed(runName);
    if (!run)
        return run.error();
    return repo.questionResults(run->id);
}

Result<TypeAccuracy> Leaderboard::accuracyByType(Database &db, const BootstrapOptions &bootstrap)
{
    Result<std::vector<RunScores>> list = all(db, bootstrap);
    if (!list)
        return list.error();
    TypeAccuracy out;
    for (const RunScores &s : *list)
        if (s.run.benchmark == EvalBenchmark::Closed)
            for (auto it = s.closed.byType.begin(); it != s.closed.byType.end(); ++it)
                if (!out.categories.contains(it.key()))
                    out.categories << it.key();
    if (out.categories.isEmpty())
        return out;
    out.categories.sort();
    out.categories << QStringLiteral("overall");
    for (const RunScores &s : *list) {
        if (s.run.benchmark != EvalBenchmark::Closed || s.closed.questions == 0)
            continue;
        TypeAccuracy::Row row;
        row.run = s.run.name;
        for (qsizetype i = 0; i + 1 < out.categories.size(); ++i)
            row.rates.push_back(s.closed.byType.value(out.categories.at(i)));
        row.rates.push_back(s.closed.accuracy);
        out.rows.push_back(std::move(row));
    }
    return out;
}

QJsonObject Leaderboard::toJson(const std::vector<RunScores> &rows,
                                const BootstrapOptions &bootstrap)
{
    QJsonArray runs;
    for (const RunScores &s : rows)
        runs.append(s.toJson());
    return {
        {QStringLiteral("runs"), runs},
        {QStringLiteral("bootstrap"),
         QJsonObject{{QStringLiteral("method"), QStringLiteral("percentile, resampling questions")},
                     {QStringLiteral("resamples"), bootstrap.resamples},
                     {QStringLiteral("seed"), QString::number(bootstrap.seed)},
                     {QStringLiteral("level"), bootstrap.level}}}};
}

} // namespace neuroonco
