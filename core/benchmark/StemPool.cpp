// Loading the wording pools.
#include "core/benchmark/StemPool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace neuroonco {

const StemPool &StemPool::instance()
{
    static const StemPool pool;
    return pool;
}

StemPool::StemPool()
{
    QFile f(QStringLiteral(":/config/stems.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("stems.json is missing from the resources");
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    auto load = [&](const char *section, QHash<QString, QStringList> &into) {
        const QJsonObject o = root.value(QLatin1String(section)).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            QStringList list;
            for (const QJsonValue &v : it.value().toArray())
                list << v.toString();
            if (list.isEmpty())
                qFatal("stems.json: %s.%s is empty", section, qPrintable(it.key()));
            into.insert(it.key(), list);
        }
    };
    load("closed", m_closed);
    load("open", m_open);
    load("instructions", m_instructions);
}

} // namespace neuroonco
