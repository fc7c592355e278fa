// Runs the pipeline stages on the ingest fixture.
#include "PipelineFixture.h"

#include "IngestFixture.h"

#include "core/jobs/JobExecutor.h"
#include "core/jobs/Stage.h"
#include "core/jobs/StageRegistry.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/PipelineStages.h"

#include <QtGlobal>

namespace neuroonco::test {

Project buildPipelineProject(const QString &dataDir, const QString &projectDir)
{
    registerBuiltinStages();
    const IngestFixture fx = IngestFixture::build(dataDir);
    Result<Project> project = Project::create(projectDir);
    if (!project)
        qFatal("cannot create the project: %s", qPrintable(errorMessage(project.error())));
    const std::pair<const char *, QJsonObject> stages[] = {
        {"ingest", IngestStage::parameters(fx.manifestPath)}, {"dedup", {}}, {"semantics", {}}, {"describe", {}},
        {"extract-a", {}}, {"extract-b", {}}, {"fuse", {}}, {"qc", {}}};
    std::atomic_bool cancel{false};
    for (const auto &[id, params] : stages) {
        std::unique_ptr<Stage> stage = StageRegistry::instance().create(QLatin1String(id));
        const JobOutcome o = JobExecutor::execute(*project, *stage, params, nullptr, &cancel, 2);
        if (o.state != JobState::Succeeded)
            qFatal("stage %s failed: %s", id, qPrintable(errorMessage(o.error)));
    }
    return *project;
}

} // namespace neuroonco::test
