// Stage registry and the list of built-in stages.
#include "core/jobs/StageRegistry.h"

#include "core/jobs/Stage.h"

#include <QCoreApplication>

#include <algorithm>

namespace neuroonco {

StageRegistry &StageRegistry::instance()
{
    static StageRegistry registry;
    return registry;
}

void StageRegistry::add(StageInfo info)
{
    auto it = std::find_if(m_stages.begin(), m_stages.end(),
                           [&](const StageInfo &s) { return s.id == info.id; });
    if (it != m_stages.end())
        *it = std::move(info);
    else
        m_stages.push_back(std::move(info));
    std::stable_sort(m_stages.begin(), m_stages.end(),
                     [](const StageInfo &a, const StageInfo &b) { return a.order < b.order; });
}

const StageInfo *StageRegistry::find(const QString &id) const
{
    for (const StageInfo &s : m_stages) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

std::unique_ptr<Stage> StageRegistry::create(const QString &id) const
{
    const StageInfo *info = find(id);
    return info && info->create ? info->create() : nullptr;
}

QString StageRegistry::title(const QString &id) const
{
    const StageInfo *info = find(id);
    if (!info || !info->title)
        return id;
    return QCoreApplication::translate("Stage", info->title);
}

} // namespace neuroonco
