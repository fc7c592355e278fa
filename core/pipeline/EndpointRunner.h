// Drives model endpoints for the extract and qc stages: builds one chat request per sample
// (prompt + coarse description + image), keeps many in flight through ChatClient, stores each
// reply as it arrives (raw reply, latency, tokens), records errors per sample, and stops
// cleanly on cancel. Runs an event loop in the job's thread.
#pragma once

#include "core/jobs/Stage.h"
#include "core/samples/SampleRecord.h"

#include <vector>

namespace neuroonco {

class CheckpointStore;
class ExtractionInputs;
class JobContext;
class LabelRepository;

class EndpointRunner
{
public:
    static StageResult extract(JobContext &ctx, const QString &endpoint, const QString &run,
                               const std::vector<SampleRecord> &pending, const ExtractionInputs &inputs,
                               LabelRepository &labels, CheckpointStore &checkpoints, const QString &scope);
    static StageResult audit(JobContext &ctx, const QString &endpoint, const std::vector<SampleRecord> &pending,
                             const ExtractionInputs &inputs, LabelRepository &labels, CheckpointStore &checkpoints,
                             const QString &scope);
};

} // namespace neuroonco
