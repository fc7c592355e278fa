// Per-stage parameter dialogs.
#include "app/studio/StageLauncher.h"

#include "app/studio/ProjectSession.h"
#include "core/llm/EndpointDirectory.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/ParaphraseStage.h"
#include "core/settings/Settings.h"
#include "widgets/evaluation/EvaluateDialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

namespace neuroonco {

namespace {

QList<EndpointConfig> usableEndpoints(const ProjectSession &session)
{
    // A broken user file offers nothing here; running the stage names the file and the field.
    Result<EndpointDirectory> directory = EndpointDirectory::load(session.project().root());
    return directory ? directory->choices() : QList<EndpointConfig>();
}

} // namespace

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
    const bool reader = stageId.startsWith(QLatin1String("extract-")) || stageId == QLatin1String("qc");
    if (reader) {
        const QJsonObject last = session.lastParameters(stageId);
        if (mode == Mode::ReuseLast)
            return last;
        // The user's endpoints and those of the project's own list the user trusts.
        const QList<EndpointConfig> endpoints = usableEndpoints(session);
        if (endpoints.isEmpty())
            return QJsonObject(); // the embedded classical reader
        QStringList choices{QObject::tr("Embedded classical reader (no model)")};
        for (const EndpointConfig &e : endpoints)
            choices << QStringLiteral("%1 — %2 (%3)").arg(e.name, e.model, e.baseUrl);
        bool ok = false;
        const QString current = last.value(QStringLiteral("endpoint")).toString();
        int index = 0;
        for (int i = 1; i < choices.size(); ++i)
            if (choices.at(i).startsWith(current + QStringLiteral(" — ")) && !current.isEmpty())
                index = i;
        const QString choice = QInputDialog::getItem(parent, QObject::tr("Who reads the slices?"), QObject::tr("Reader:"),
                                                     choices, index, false, &ok);
        if (!ok)
            return std::nullopt;
        const int chosen = int(choices.indexOf(choice));
        if (chosen <= 0)
            return QJsonObject();
        return QJsonObject{{QStringLiteral("endpoint"), endpoints.at(chosen - 1).name}};
    }
    if (stageId == ParaphraseStage::stageId()) {
        const QJsonObject last = session.lastParameters(stageId);
        if (mode == Mode::ReuseLast && !last.value(QStringLiteral("endpoint")).toString().isEmpty())
            return last;
        const QList<EndpointConfig> endpoints = usableEndpoints(session);
        if (endpoints.isEmpty()) {
            QMessageBox::information(parent, QObject::tr("Paraphrase Open Answers"),
                                     QObject::tr("Rewording needs a model endpoint. Add one in File → Settings (base URL, model, "
                                                 "and the name of the environment variable that holds its API key)."));
            return std::nullopt;
        }
        QStringList choices;
        int index = 0;
        for (const EndpointConfig &e : endpoints) {
            if (e.name == last.value(QStringLiteral("endpoint")).toString())
                index = int(choices.size());
            choices << QStringLiteral("%1 — %2 (%3)").arg(e.name, e.model, e.baseUrl);
        }
        bool ok = false;
        const QString choice = QInputDialog::getItem(
            parent, QObject::tr("Paraphrase Open Answers"),
            QObject::tr("The model rewords the reference answers of generated open items that nobody has curated yet. "
                        "A rewrite that drops or adds a number or a key term, or invents a patient detail, is "
                        "discarded.\n\nModel endpoint:"),
            choices, index, false, &ok);
        if (!ok)
            return std::nullopt;
        return ParaphraseStage::parameters(endpoints.at(choices.indexOf(choice)).name);
    }
    if (stageId == EvaluateStage::stageId()) {
        const QJsonObject last = session.lastParameters(stageId);
        if (mode == Mode::ReuseLast && !last.value(QStringLiteral("endpoint")).toString().isEmpty())
            return last;
        QList<QPair<QString, QString>> endpoints;
        for (const EndpointConfig &e : usableEndpoints(session))
            endpoints.append({e.name, QObject::tr("%1 at %2").arg(e.model, e.baseUrl)});
        if (endpoints.isEmpty()) {
            QMessageBox::information(parent, QObject::tr("Evaluate a Model"),
                                     QObject::tr("No model endpoint is configured. Add one in File → Settings (base URL, model, "
                                                 "and the name of the environment variable that holds its API key)."));
            return std::nullopt;
        }
        EvaluateDialog dialog(endpoints, EvaluateOptions::fromParameters(last), parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.options().toParameters();
    }
    return QJsonObject();
}

} // namespace neuroonco
