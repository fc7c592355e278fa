// The one definition of a closed benchmark's answer balance, used wherever it is reported or
// checked (the benchmark stage's summary, `neuroonco benchmark --stats`, lint, instruction
// statistics):
//
// - A question is *binary* when it offers two answers besides "E: None of the above"
//   (Healthy / Abnormal diagnosis); every other closed question is *multiple choice*.
// - Trap share, per question type: traps / multiple-choice questions of that type. Binary
//   questions are never traps, so they do not count.
// - Letter balance: the answer letters of the non-trap multiple-choice questions over A–D, and
//   of the non-trap binary questions over A–B, each against a uniform distribution (Pearson's
//   χ²). Traps are measured by their share, not by their letter: their answer is E by
//   definition, and a non-trap whose answer is E is a defect that lint reports on its own.
// - For reference, the letters of all multiple-choice questions over A–E (traps included).
#pragma once

#include "core/benchmark/ChiSquare.h"

#include <QJsonObject>
#include <QMap>
#include <QPair>
#include <QString>

namespace neuroonco {

class AnswerBalance
{
public:
    void add(const QString &questionType, const QString &answer, bool multipleChoice, bool trap);

    // question type → (traps, multiple-choice questions)
    const QMap<QString, QPair<int, int>> &traps() const { return m_traps; }
    ChiSquareResult multipleChoiceLetters() const; // non-trap, A–D
    ChiSquareResult binaryLetters() const;         // non-trap, A–B
    ChiSquareResult allOptionLetters() const;      // every multiple-choice question, A–E

    // {"<type>": {"traps", "questions", "share"}}
    QJsonObject trapsJson() const;
    // {"traps": trapsJson(), "letters_multiple_choice", "letters_binary", "letters_all_options"}
    QJsonObject toJson() const;

private:
    QMap<QString, QPair<int, int>> m_traps;
    QMap<QString, int> m_multipleChoice, m_binary, m_all;
};

} // namespace neuroonco
