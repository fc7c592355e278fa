// Benchmark items (DESIGN.md §5) as value types: a closed (multiple-choice) or open question on
// one image in the published JSON shape, and what the project keeps about it (status, lineage,
// split, version, review history). Safe to copy across threads.
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco {

enum class ItemKind
{
    Closed,
    Open
};
enum class ItemStatus
{
    Pending,
    Approved,
    Rejected,
    Stale
};
enum class ItemOrigin
{
    Generated,
    Imported,
    Edited
};

QString itemKindName(ItemKind kind);       // closed | open
QString itemStatusName(ItemStatus status); // pending | approved | rejected | stale
QString itemOriginName(ItemOrigin origin); // generated | imported | edited
bool itemKindFromName(const QString &name, ItemKind *kind);
bool itemStatusFromName(const QString &name, ItemStatus *status);
bool itemOriginFromName(const QString &name, ItemOrigin *origin);

struct ChoiceOption
{
    QString letter;
    QString text;
};

// One published `vqa_pairs` entry.
struct ClosedQuestion
{
    QString questionType;
    QString question;
    std::vector<ChoiceOption> options; // letter order as in the file
    QString answer;                    // a letter
    bool trap = false;                 // meta_trap
    QString originalAnswer;            // meta_original_answer: the option removed by a trap

    static QString noneOfTheAbove() { return QStringLiteral("None of the above"); }
    QString optionText(const QString &letter) const;
    QString answerText() const;
    // The text that is actually right: the removed option of a trap, else the answer's text.
    QString correctText() const { return trap ? originalAnswer : answerText(); }
    // Has the rejection option (E: None of the above), as every multiple-choice item should.
    bool hasNoneOption() const;
    // Multiple choice (three or more real options) rather than a binary Healthy / Abnormal
    // question; "E: None of the above" does not count, so A/B/E is still binary.
    bool isMultipleChoice() const;

    QJsonObject toJson() const;
    // Reads a pair; every defect is reported as "field: problem" in `problems` (the value read is
    // still returned, as complete as possible, so a linter can go on).
    static ClosedQuestion fromJson(const QJsonObject &o, QStringList *problems = nullptr);
};

// One published `qa_pairs` entry.
struct OpenQuestion
{
    QString questionId;
    QString questionType; // Detail | Location | Reasoning
    QString question;
    QString referenceAnswer;
    QStringList keywords;

    QJsonObject toJson() const;
    static OpenQuestion fromJson(const QJsonObject &o, QStringList *problems = nullptr);
};

// A stored benchmark item: one question on one image.
struct BenchmarkItem
{
    qint64 id = 0;
    ItemKind kind = ItemKind::Closed;
    qint64 sample = 0;  // 0 when the item is not linked to a sample (imported, unknown image)
    QString itemKey;    // unique: closed:<sample_id>:<type>, open:<sample_id>:<slot>, import:…
    QString externalId; // the record id of an imported file
    QString imagePath;
    QString questionType;
    QJsonObject payload; // the published pair
    QJsonObject lineage; // gold values (and cited numbers) the item was built from
    ItemStatus status = ItemStatus::Pending;
    QString split; // train | test | empty
    ItemOrigin origin = ItemOrigin::Generated;
    int version = 1;
    bool trap = false;
    QString answer; // letter (closed) for filters and statistics
    QString createdAt;
    QString updatedAt;

    ClosedQuestion closed() const { return ClosedQuestion::fromJson(payload); }
    OpenQuestion open() const { return OpenQuestion::fromJson(payload); }
};

// One entry of an item's append-only review history.
struct BenchmarkReview
{
    qint64 id = 0;
    qint64 item = 0;
    QString action; // approve | reject | edit | stale | regenerate
    QString reviewer;
    QJsonObject before;
    QJsonObject after;
    QString note;
    QString at;
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::BenchmarkItem)
