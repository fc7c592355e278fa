// The published benchmark files (DESIGN.md §5): closed — a JSON list of {id, image_path,
// vqa_pairs[…]}; open — {id, image_path, qa_pairs[…]}. Reading is lenient (every defect is
// reported with its record and field, and what could be read is kept) so the linter can work on
// damaged files; import refuses a file with any defect, naming the first one.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"
#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonValue>

#include <vector>

namespace neuroonco {

struct ClosedRecord
{
    QJsonValue id;
    QString imagePath;
    std::vector<ClosedQuestion> pairs;
    std::vector<qint64> itemIds; // stored item per pair (project items), else empty
    int index = 0;               // position in the file

    QString idText() const;
};

struct OpenRecord
{
    QJsonValue id;
    QString imagePath;
    std::vector<OpenQuestion> pairs;
    std::vector<qint64> itemIds;
    int index = 0;

    QString idText() const;
};

struct FormatProblem
{
    int record = -1; // index in the file, -1 for the file as a whole
    QString recordId;
    QString field; // "vqa_pairs[1].answer", "image_path", …
    QString message;

    QString where() const; // "record 3 (id 7), vqa_pairs[1].answer"
};

template<typename Record> struct BenchmarkFile
{
    std::vector<Record> records;
    std::vector<FormatProblem> problems;
};
using ClosedFile = BenchmarkFile<ClosedRecord>;
using OpenFile = BenchmarkFile<OpenRecord>;

enum class BenchmarkFileKind
{
    Closed,
    Open,
    Unknown
};

class BenchmarkFormat
{
public:
    // The file's top-level list; errors name the file (unreadable, not JSON, not a list).
    static Result<QJsonArray> readArray(const QString &path);
    // Closed when records carry vqa_pairs, open when they carry qa_pairs.
    static BenchmarkFileKind detect(const QJsonArray &records);

    static ClosedFile parseClosed(const QJsonArray &records);
    static OpenFile parseOpen(const QJsonArray &records);

    static QJsonObject closedRecordJson(const ClosedRecord &record);
    static QJsonObject openRecordJson(const OpenRecord &record);

    // An Error naming `path`, the record and the field of the first problem (Parse).
    static Error problemError(const QString &path, const std::vector<FormatProblem> &problems);
};

} // namespace neuroonco
