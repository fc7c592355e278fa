// Closed (multiple-choice) questions from a sample's gold attributes (DESIGN.md §5): the
// diagnosis (four options of the same specificity with imaging-mimic distractors, or Healthy /
// Abnormal for healthy and generic-tumour slices), the modality, and — where the labels exist —
// size, shape, spread, location, margins, texture, signal intensity, enhancement (T1CE only)
// and oedema (T2/FLAIR only). The plan decides the answer letter and whether it is a trap.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"
#include "core/benchmark/LetterBalancer.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace neuroonco {

struct GoldRecord;

struct ClosedSlot
{
    QString questionType;
    bool multipleChoice = true;
};

class ClosedItemBuilder
{
public:
    // Whether a question of this type on a slice of this tumour type offers several answers
    // (false: the binary Healthy / Abnormal diagnosis of healthy and generic-tumour slices).
    static bool isMultipleChoice(const QString &questionType, const QString &tumourType);
    // The questions this record supports, in a fixed order.
    static std::vector<ClosedSlot> slots(const GoldRecord &gold);
    // Gold keys a question of this type is built from (its lineage).
    static QStringList lineageKeys(const GoldRecord &gold, const QString &questionType);
    // Concept id of the correct answer; empty when the record cannot answer the question.
    static QString answerConcept(const GoldRecord &gold, const QString &questionType);
    // The option pool a question draws from ("shape_sign" for sign-based shape questions).
    static QString poolName(const GoldRecord &gold, const QString &questionType);

    // Builds one question; nullopt when the record lacks the value or enough distractors.
    // `purpose` separates the random streams of benchmark items and instructions.
    static std::optional<ClosedQuestion>
    build(const GoldRecord &gold, const QString &questionType, const QuestionPlan &plan,
          std::uint64_t seed, const QString &purpose = QStringLiteral("benchmark"));
};

} // namespace neuroonco
