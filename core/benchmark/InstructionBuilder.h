// Training instructions (DESIGN.md §3.12, §5): about eight chat samples per slice in three
// variants — open (question → reference answer), closed without reasoning (options → the
// letter) and closed with reasoning ("Final: X" and an explanation built only from the gold
// attributes and mask numbers: no age, sex, symptoms or history). Wording varies through the
// stem and instruction pools; traps and answer letters are planned over the whole set like the
// benchmark's.
#pragma once

#include "core/benchmark/LetterBalancer.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace neuroonco {

struct ClosedQuestion;
struct GoldRecord;

struct InstructionOptions
{
    int perSample = 8;
    double trapShare = 0.2;
    std::uint64_t seed = 1;
};

struct InstructionSlot
{
    QString variant;   // open | closed | closed_cot
    QString key;       // closed: question type; open: open slot (detail_shape, location, …)
    QuestionPlan plan; // closed only
    int repeat = 0;    // > 0: the same question again in other words (slices with few labels)
};

struct InstructionRecord
{
    qint64 sample = 0;
    int ordinal = 0;
    QString variant;
    QString questionType;
    bool trap = false;
    QString answer; // letter (closed variants)
    QString line;   // the JSONL line (compact JSON, no newline)
};

class InstructionBuilder
{
public:
    // The slots of one sample, before planning: every closed type once (random variant), every
    // open question, then the other variant of closed types, then (slices with few labels)
    // rephrased repeats of the closed ones, until `perSample`.
    static std::vector<InstructionSlot> chooseSlots(const GoldRecord &gold,
                                                    const InstructionOptions &options);
    // Fills the plans of the closed slots of all samples (trap share per question type, letters
    // balanced). `slots[i]` belongs to `golds[i]`.
    static void plan(const std::vector<const GoldRecord *> &golds,
                     std::vector<std::vector<InstructionSlot>> &slots,
                     const InstructionOptions &options);
    static std::vector<InstructionRecord> build(const GoldRecord &gold,
                                                const std::vector<InstructionSlot> &slots,
                                                const InstructionOptions &options);
    // The explanation after "Final: X", from gold values only.
    static QString explanation(const GoldRecord &gold, const ClosedQuestion &question);
};

} // namespace neuroonco
