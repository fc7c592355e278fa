// Lint for benchmarks — ours and imported ones (issue 8, DESIGN.md §5). Per question: options
// that are the answer in another spelling, its synonym, parent or subtype; traps whose remaining
// options still hold the removed answer; answers leaked in the stem; stems naming findings;
// overlapping or duplicate options; trap flags that do not match the answer; a missing
// "E: None of the above". Per file: the same label spelled several ways, duplicate questions,
// missing images, answer-letter imbalance (χ² with p-value). Per project: items contradicting
// the current gold label, and items whose lineage is stale.
#pragma once

#include "core/benchmark/BenchmarkFormat.h"
#include "core/benchmark/ChiSquare.h"
#include "core/util/Error.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>

#include <functional>
#include <vector>

namespace neuroonco {

class Database;
struct GoldRecord;

enum class LintSeverity
{
    Info,
    Warning,
    Error
};
QString lintSeverityName(LintSeverity severity);

struct LintFinding
{
    QString kind;
    LintSeverity severity = LintSeverity::Warning;
    int record = -1; // index in the file (or in the project's record list)
    QString recordId;
    int question = -1; // index in the record's pairs, -1 for the record or file
    qint64 item = 0;   // stored item (project lint)
    QString imagePath;
    QString questionType;
    QString message; // English, names the options and values involved
    QJsonObject detail;

    QJsonObject toJson() const;
};

struct LintOptions
{
    QString imagesRoot; // image_path is relative to it; empty: the file's folder
    bool checkImages = true;
    double letterAlpha = 0.05;
    int letterMinimum = 20; // smaller groups are tested and reported, never flagged
};

struct LintReport
{
    QString source;
    QString kind; // closed | open | project
    int records = 0;
    int questions = 0;
    std::vector<LintFinding> findings;
    QMap<QString, ChiSquareResult>
        letters; // multiple_choice (A–D, non-traps), binary (A/B), all_options (A–E)
    QMap<QString, QPair<int, int>> traps; // question type → (traps, multiple-choice questions)

    int count(LintSeverity severity) const;
    QMap<QString, int> countsByKind() const;
    bool hasProblems() const
    {
        return count(LintSeverity::Error) + count(LintSeverity::Warning) > 0;
    }
    QJsonObject toJson() const;
    void append(const LintReport &other); // merges findings and figures (project: closed + open)
};

// Gold values and lineage for project lint: look-ups by sample and by image path.
struct LintGold
{
    std::function<const GoldRecord *(qint64 sample, const QString &imagePath)> find;
    QHash<qint64, QJsonObject> lineage; // item id → lineage
};

class BenchmarkLint
{
public:
    // Every kind of finding with its severity, for documentation and the GUI legend.
    static QMap<QString, LintSeverity> kinds();

    static LintReport lintClosed(const std::vector<ClosedRecord> &records,
                                 const LintOptions &options, const LintGold *gold = nullptr);
    static LintReport lintOpen(const std::vector<OpenRecord> &records, const LintOptions &options,
                               const LintGold *gold = nullptr);
    // A published-format file, closed or open (detected). Structural defects become
    // `malformed` findings; only an unreadable file is an error.
    static Result<LintReport> lintFile(const QString &path, const LintOptions &options);
    // Every item stored in a project, checked against the current gold labels; images below
    // `slicesDir`.
    static Result<LintReport> lintProject(Database &db, const QString &slicesDir,
                                          const LintOptions &options);

    // The checks that concern one closed question alone (what an editor can show while typing).
    static std::vector<LintFinding> checkQuestion(const ClosedQuestion &question);
};

} // namespace neuroonco
