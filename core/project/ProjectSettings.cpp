// project_info access for JSON-valued settings.
#include "project/ProjectSettings.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

ProjectSettings::ProjectSettings(Database &db)
    : m_db(db)
{}

QJsonObject ProjectSettings::object(const QString &key) const
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT value FROM project_info WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    return {};
}

Error ProjectSettings::setObject(const QString &key, const QJsonObject &value)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO project_info(key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    return m_db.run(q, QStringLiteral("project_info"));
}

} // namespace neuroonco
