// Where benchmark items sit in a published-format file: the benchmark export writes one record
// per image (id = the sample's id, or the imported record id) with its questions in item order,
// and evaluation output names a question by that record id and its q_index (its position + 1,
// see PredictionFormat.h). This reproduces the grouping so answers can be exported, and
// predictions imported, by (id, q_index).
#pragma once

#include "core/benchmark/BenchmarkTypes.h"

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <vector>

namespace neuroonco {

struct RecordPosition
{
    QString recordId;
    int qIndex = 0; // position in the record, from 0
};

class RecordIndex
{
public:
    // Positions of `items` (taken in the given order) as one export of exactly these items
    // would write them.
    static QHash<qint64, RecordPosition> positions(const std::vector<BenchmarkItem> &items);
    // The record id an item is exported under ("item-<id>" for an item with neither a sample
    // nor a record id of its own).
    static QString recordId(const BenchmarkItem &item);
    // The position (from 0) an imported item had in its own file (from its item key), or -1.
    static int importedIndex(const BenchmarkItem &item);
    // A record id as JSON: a number when it is a whole number, else a string.
    static QJsonValue idJson(const QString &recordId);
};

} // namespace neuroonco
