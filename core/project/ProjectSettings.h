// Settings that belong to a project rather than to a user (semantics thresholds, …), kept in
// the project database's project_info table so they travel with the project.
#pragma once

#include "core/util/Error.h"

#include <QJsonObject>
#include <QString>

namespace neuroonco {

class Database;

class ProjectSettings
{
public:
    explicit ProjectSettings(Database &db);
    // The stored object; empty when the key has none, an Error when the read fails.
    Result<QJsonObject> object(const QString &key) const;
    Error setObject(const QString &key, const QJsonObject &value);

    static QString semanticsThresholdsKey() { return QStringLiteral("semantics.thresholds"); }

private:
    Database &m_db;
};

} // namespace neuroonco
