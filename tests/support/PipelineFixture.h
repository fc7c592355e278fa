// A project that has been through every stage up to the model audit, on the ingest fixture
// (classical extractor and auditor), for review and benchmark tests.
#pragma once

#include "core/project/Project.h"

#include <QString>

namespace neuroonco::test {

// Builds sources under `dataDir`, creates the project in `projectDir` and runs ingest, dedup,
// semantics, describe, extract A and B, fuse and qc. Fails the test process on error.
Project buildPipelineProject(const QString &dataDir, const QString &projectDir);

} // namespace neuroonco::test
