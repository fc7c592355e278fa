// The grouping rule mirrors BenchmarkExchange's export (sample or external id + image path).
#include "core/benchmark/RecordIndex.h"

namespace neuroonco {

QString RecordIndex::recordId(const BenchmarkItem &item)
{
    if (item.sample > 0)
        return QString::number(item.sample);
    // An item with neither a sample nor a record id still needs a name in the output.
    return item.externalId.isEmpty() ? QStringLiteral("item-%1").arg(item.id) : item.externalId;
}

QHash<qint64, RecordPosition> RecordIndex::positions(const std::vector<BenchmarkItem> &items)
{
    QHash<QString, int> counts;
    QHash<qint64, RecordPosition> out;
    out.reserve(qsizetype(items.size()));
    for (const BenchmarkItem &i : items) {
        const QString id = recordId(i);
        const QString key = id + QLatin1Char('\n') + i.imagePath;
        int &n = counts[key];
        out.insert(i.id, {id, n});
        ++n;
    }
    return out;
}

int RecordIndex::importedIndex(const BenchmarkItem &item)
{
    // import:<kind>:<file>:<record>:<index>
    if (!item.itemKey.startsWith(QLatin1String("import:")))
        return -1;
    bool ok = false;
    const int index = item.itemKey.section(QLatin1Char(':'), -1).toInt(&ok);
    return ok ? index : -1;
}

QJsonValue RecordIndex::idJson(const QString &recordId)
{
    bool numeric = false;
    const qint64 n = recordId.toLongLong(&numeric);
    if (numeric && QString::number(n) == recordId)
        return n;
    return recordId;
}

} // namespace neuroonco
