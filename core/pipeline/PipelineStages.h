// The composition root of the pipeline: registers every stage of core/pipeline with the job
// engine's registry (core/jobs knows no stage). Front ends call it once at start-up.
#pragma once

namespace neuroonco {

// Registers the stages built into core, in pipeline order. Idempotent.
void registerBuiltinStages();

} // namespace neuroonco
