// Loading the mimic table; every id it names must be a concept of the taxonomy.
#include "core/benchmark/MimicTable.h"

#include "core/benchmark/OptionTaxonomy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace neuroonco {

const MimicTable &MimicTable::instance()
{
    static const MimicTable table;
    return table;
}

MimicTable::MimicTable()
{
    QFile f(QStringLiteral(":/config/mimics.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("mimics.json is missing from the resources");
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const OptionTaxonomy &taxonomy = OptionTaxonomy::instance();
    auto ids = [&](const QJsonValue &v, const QString &where) {
        QStringList out;
        for (const QJsonValue &id : v.toArray()) {
            if (!taxonomy.find(id.toString()))
                qFatal("mimics.json: %s names the unknown concept '%s'", qPrintable(where),
                       qPrintable(id.toString()));
            out << id.toString();
        }
        return out;
    };
    const QJsonObject mimics = root.value(QStringLiteral("mimics")).toObject();
    for (auto it = mimics.begin(); it != mimics.end(); ++it)
        m_mimics.insert(it.key(), ids(it.value(), QStringLiteral("mimics.") + it.key()));
    const QJsonObject pools = root.value(QStringLiteral("pools")).toObject();
    for (auto it = pools.begin(); it != pools.end(); ++it)
        m_pools.insert(it.key(), ids(it.value(), QStringLiteral("pools.") + it.key()));
    const QJsonObject binary = root.value(QStringLiteral("binary")).toObject();
    m_healthy = binary.value(QStringLiteral("healthy")).toString();
    m_abnormal = binary.value(QStringLiteral("abnormal")).toString();
    for (const QJsonValue &v : binary.value(QStringLiteral("generic")).toArray())
        m_generic << v.toString();
}

QStringList MimicTable::tumourTypesWithMimics() const
{
    QStringList out = m_mimics.keys();
    std::sort(out.begin(), out.end());
    return out;
}

bool MimicTable::isBinary(const QString &tumourType) const
{
    return tumourType.isEmpty() || tumourType == QLatin1String("healthy") ||
           m_generic.contains(tumourType);
}

} // namespace neuroonco
