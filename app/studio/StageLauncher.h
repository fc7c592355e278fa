// Gathers the parameters a stage needs before it starts from the GUI (the manifest for ingest,
// …), asking the user only when there is no earlier choice to reuse.
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

class QWidget;

namespace neuroonco {

class ProjectSession;

class StageLauncher
{
public:
    enum class Mode { Ask, ReuseLast };

    // std::nullopt when the user cancelled a dialog.
    static std::optional<QJsonObject> parametersFor(const QString &stageId, const ProjectSession &session,
                                                    QWidget *parent, Mode mode);
};

} // namespace neuroonco
