// The published per-question evaluation output (DESIGN.md §5): one JSON object per line,
// {id, q_index, type, is_mcq, is_trap, gt, pred, correct, image_path}, and its summary
// (overall, by type, binary vs multiple choice, trap vs non-trap accuracy). Reading names the
// file, line and field of the first defect.
//
// q_index counts a record's questions from 1, as the published evaluation scripts write it
// (evaluation/*_eval.py: enumerate(vqa_pairs, start=1)). Every file this project reads or
// writes uses that base; inside the project a question's place is its position from 0
// (PredictionLine::position, EvalAnswer::qIndex), converted here and nowhere else.
#pragma once

#include "core/util/Error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>
#include <vector>

namespace neuroonco {

struct PredictionLine
{
    QJsonValue id;    // number or string, as in the benchmark file
    int position = 0; // the question's place in its record, from 0 (q_index - 1)
    QString type;
    std::optional<bool> isMcq;
    bool isTrap = false;
    QString gt;
    QString pred; // empty when the line has null or no answer
    std::optional<bool> correct;
    QString imagePath;
    QJsonObject extra; // keys beyond the published ones, kept as they are
    int line = 0;      // 1-based line in the file

    QString idText() const;
    QJsonObject toJson() const;
};

class PredictionFormat
{
public:
    static constexpr int kFirstQIndex = 1; // q_index of a record's first question in files

    static Result<std::vector<PredictionLine>> read(const QString &path);
    static Result<PredictionLine> parseLine(const QByteArray &line, const QString &where);
    // Writes one compact JSON object per line, atomically.
    static Error write(const QString &path, const std::vector<PredictionLine> &lines);
    // Writes an indented JSON document, atomically.
    static Error writeSummary(const QString &path, const QJsonObject &summary);
    // "preds.jsonl" → "preds.summary.json".
    static QString summaryPathFor(const QString &predictionsPath);
};

} // namespace neuroonco
