// QSettings-backed storage for the typed settings registry.
#include "core/settings/Settings.h"

#include <QSettings>

namespace neuroonco {

QVariant Settings::raw(const char *key)
{
    QSettings s;
    return s.value(QString::fromLatin1(key));
}

void Settings::setRaw(const char *key, const QVariant &value)
{
    QSettings s;
    s.setValue(QString::fromLatin1(key), value);
}

void Settings::addRecentProject(const QString &path)
{
    QStringList list = value(settings::RecentProjects);
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 10)
        list.removeLast();
    setValue(settings::RecentProjects, list);
}

} // namespace neuroonco
