// Per-stage parameter dialogs.
#include "StageLauncher.h"

#include "ProjectSession.h"
#include "ingest/IngestStage.h"
#include "settings/Settings.h"

#include <QFileDialog>
#include <QFileInfo>

namespace neuroonco {

std::optional<QJsonObject> StageLauncher::parametersFor(const QString &stageId, const ProjectSession &session,
                                                        QWidget *parent, Mode mode)
{
    if (stageId == IngestStage::stageId()) {
        const QJsonObject last = session.lastParameters(stageId);
        if (mode == Mode::ReuseLast && last.contains(QStringLiteral("manifest")))
            return last;
        const QString start = Settings::value(settings::LastManifestDir);
        const QString file = QFileDialog::getOpenFileName(parent, QObject::tr("Choose a Source Manifest"), start,
                                                          QObject::tr("Manifests (*.json);;All files (*)"));
        if (file.isEmpty())
            return std::nullopt;
        Settings::setValue(settings::LastManifestDir, QFileInfo(file).absolutePath());
        return IngestStage::parameters(file);
    }
    return QJsonObject();
}

} // namespace neuroonco
