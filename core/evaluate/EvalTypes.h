// Evaluation runs and answers (DESIGN.md §3.13) as value types: one model's answers to a
// benchmark — asked through an endpoint or imported from a predictions file — one row per
// question and rotation, with the raw reply kept. Safe to copy across threads.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace neuroonco {

enum class EvalBenchmark
{
    Closed,
    Open
};
enum class EvalOrigin
{
    Evaluated,
    Imported
};

QString evalBenchmarkName(EvalBenchmark benchmark); // closed | open
QString evalOriginName(EvalOrigin origin);          // evaluated | imported
bool evalBenchmarkFromName(const QString &name, EvalBenchmark *benchmark);
bool evalOriginFromName(const QString &name, EvalOrigin *origin);

struct EvalRun
{
    qint64 id = 0;
    QString name;     // unique in the project
    QString endpoint; // endpoint name (never a key); empty for imported runs
    QString model;
    EvalBenchmark benchmark = EvalBenchmark::Closed;
    bool circular = false;
    QString promptVersion; // "eval-closed@1"
    EvalOrigin origin = EvalOrigin::Evaluated;
    QJsonObject params; // how the run was made (filters, image folder, judge, source file…)
    QString createdAt;
    QString finishedAt;  // empty while questions are outstanding
    QJsonObject summary; // the scores when the run was last finished (see ClosedScores/OpenScores)
};

// One answer: one question (an item, or an external record id + q_index) in one rotation.
struct EvalAnswer
{
    qint64 id = 0;
    qint64 run = 0;
    qint64 item = 0; // 0: no benchmark item (an unmatched imported prediction)
    int itemVersion = 0;
    QString externalId; // record id of the published file ("id")
    int qIndex = -1;    // position in the record's pairs, from 0 (files write q_index = qIndex + 1); -1 when unknown
    int rotation = 0;   // circular evaluation: how far the non-E options were rotated
    QString imagePath;
    QString questionType;
    bool isMcq = false;    // more than two options besides E ("binary" otherwise)
    bool isTrap = false;   // the item's meta_trap
    QJsonObject presented; // options as the model saw them (closed), letter → text
    QString gt;   // correct letter in the item's own option order (closed); reference answer (open)
    QString pred; // predicted letter in the item's own option order (closed); the answer (open)
    QString raw;  // the reply as received
    bool valid = false;
    std::optional<bool> correct; // closed only
    QString problem;             // why an answer is invalid (AnswerParser problem name)
    std::optional<double> keywordRecall, bleu, rougeL, judgeScore; // open only
    QString judgeRaw;
    double latencyMs = 0;
    int attempts = 0;
    QString error; // the request failed (the question is asked again by the next run)
    QString at;

    // item:<id>, or ext:<record id>#<position from 0>: one key per question of a run.
    QString questionKey() const;
    static QString questionKeyFor(qint64 item, const QString &externalId, int qIndex);
};

// One question of a run as the GUI shows it: the item's question and options (in the item's own
// order), the answer, and — for circular runs — every rotation.
struct QuestionResult
{
    QString questionKey;
    qint64 item = 0; // 0 for an external prediction
    QString externalId;
    int qIndex = -1;
    QString imagePath;
    QString questionType;
    QString question;        // empty when the item is gone or external
    QJsonObject options;     // letter → text, the item's own order (closed)
    QString referenceAnswer; // open
    QStringList keywords;    // open
    bool isMcq = false;
    bool isTrap = false;
    QString gt;
    QString pred;                // the first rotation's answer
    QString raw;                 // the first rotation's reply
    bool valid = false;          // every rotation valid
    std::optional<bool> correct; // closed: right in every rotation
    QString error;               // a request that failed
    std::optional<double> keywordRecall, bleu, rougeL, judgeScore;
    std::vector<EvalAnswer> rotations; // every stored row of the question, by rotation
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::EvalRun)
Q_DECLARE_METATYPE(neuroonco::EvalAnswer)
