// One registry of typed user settings with their defaults. Nothing else in the code base
// touches QSettings keys directly. API keys are never settings: only the *name* of the
// environment variable that holds one is.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace neuroonco {

template<typename T>
struct SettingKey
{
    const char *key;
    T defaultValue;
};

namespace settings {
inline const SettingKey<QString> ReviewerName{"review/reviewerName", QString()};
inline const SettingKey<QString> Theme{"ui/theme", QStringLiteral("system")};        // system|light|dark
inline const SettingKey<QString> Language{"ui/language", QString()};                 // empty: system locale
inline const SettingKey<QStringList> RecentProjects{"files/recentProjects", QStringList()};
inline const SettingKey<QByteArray> WindowGeometry{"ui/windowGeometry", QByteArray()};
inline const SettingKey<QByteArray> WindowState{"ui/windowState", QByteArray()};
inline const SettingKey<int> WorkerThreads{"jobs/workerThreads", 0};                 // 0: all cores
inline const SettingKey<QString> LastManifestDir{"files/lastManifestDir", QString()};
} // namespace settings

class Settings
{
public:
    template<typename T>
    static T value(const SettingKey<T> &key)
    {
        const QVariant v = raw(key.key);
        return v.isValid() ? v.value<T>() : key.defaultValue;
    }

    template<typename T>
    static void setValue(const SettingKey<T> &key, const T &value)
    {
        setRaw(key.key, QVariant::fromValue(value));
    }

    // Most-recently-used list of project folders (newest first, at most 10).
    static void addRecentProject(const QString &path);

private:
    static QVariant raw(const char *key);
    static void setRaw(const char *key, const QVariant &value);
};

} // namespace neuroonco
