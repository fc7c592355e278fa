// The built-in pipeline stages, registered in pipeline order (DESIGN.md §3).
#include "jobs/StageRegistry.h"

namespace neuroonco {

void registerBuiltinStages()
{
    // Stages register here as they are implemented.
}

} // namespace neuroonco
