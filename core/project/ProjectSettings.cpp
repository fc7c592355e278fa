// project_info access for JSON-valued settings.
#include "core/project/ProjectSettings.h"

#include "core/store/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace neuroonco {

ProjectSettings::ProjectSettings(Database &db)
    : m_db(db)
{}

Result<QJsonObject> ProjectSettings::object(const QString &key) const
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT value FROM project_info WHERE key = ?"));
    q.addBindValue(key);
    if (Error e = m_db.run(q, QStringLiteral("project_info")))
        return e;
    if (q.next())
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    if (Error e = m_db.readError(q, QStringLiteral("project_info")))
        return e;
    return QJsonObject();
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
