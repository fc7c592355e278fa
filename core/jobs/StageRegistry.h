// The stages this build knows, in pipeline order, with a factory for each.
// Front ends build their menus and subcommands from it.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace neuroonco {

class Stage;

struct StageInfo
{
    QString id;
    const char *title = nullptr;       // English; translate with QCoreApplication::translate("Stage", …)
    const char *description = nullptr; // one line for menus and help, same context
    int order = 0;                     // position in the pipeline (DESIGN.md §3 numbering)
    QStringList checkpointScopes;      // scopes whose checkpoints count as this stage's progress
    std::function<std::unique_ptr<Stage>()> create;
};

class StageRegistry
{
public:
    static StageRegistry &instance();

    void add(StageInfo info);
    // Ordered by StageInfo::order.
    const std::vector<StageInfo> &stages() const { return m_stages; }
    const StageInfo *find(const QString &id) const;
    std::unique_ptr<Stage> create(const QString &id) const;
    QString title(const QString &id) const; // translated

private:
    std::vector<StageInfo> m_stages;
};

} // namespace neuroonco
