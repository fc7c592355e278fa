// The built-in pipeline stages, registered in pipeline order (DESIGN.md §3).
#include "core/pipeline/PipelineStages.h"

#include "core/jobs/StageRegistry.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/DedupStage.h"
#include "core/pipeline/DescribeStage.h"
#include "core/pipeline/EvaluateStage.h"
#include "core/pipeline/ExtractStage.h"
#include "core/pipeline/FuseStage.h"
#include "core/pipeline/IngestStage.h"
#include "core/pipeline/InstructionStage.h"
#include "core/pipeline/ParaphraseStage.h"
#include "core/pipeline/QcStage.h"
#include "core/pipeline/SemanticsStage.h"

#include <QtGlobal>

namespace neuroonco {

void registerBuiltinStages()
{
    StageRegistry &r = StageRegistry::instance();
    r.add({IngestStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Ingest and standardise"),
           QT_TRANSLATE_NOOP("Stage", "Read the sources of a manifest into canonical 8-bit slices and masks"), 10,
           {IngestStage::scope()}, [] { return std::make_unique<IngestStage>(); }});
    r.add({DedupStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Deduplicate"),
           QT_TRANSLATE_NOOP("Stage", "Find exact and near-duplicate slices across sources and flag them"), 30,
           {DedupStage::scope()}, [] { return std::make_unique<DedupStage>(); }});
    r.add({SemanticsStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Mask semantics"),
           QT_TRANSLATE_NOOP("Stage", "Size, shape, spread and location of every lesion mask, with the numbers behind them"), 40,
           {SemanticsStage::scope()}, [] { return std::make_unique<SemanticsStage>(); }});
    r.add({DescribeStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Describe"),
           QT_TRANSLATE_NOOP("Stage", "Rule-based coarse description of every sample"), 50,
           {DescribeStage::scope()}, [] { return std::make_unique<DescribeStage>(); }});
    r.add({ExtractStage::stageIdFor(QStringLiteral("A")), QT_TRANSLATE_NOOP("Stage", "Extract signs, run A"),
           QT_TRANSLATE_NOOP("Stage", "The conservative reading of every slice (model endpoint or classical extractor)"), 60,
           {ExtractStage::scopeFor(QStringLiteral("A"))}, [] { return std::make_unique<ExtractStage>(QStringLiteral("A")); }});
    r.add({ExtractStage::stageIdFor(QStringLiteral("B")), QT_TRANSLATE_NOOP("Stage", "Extract signs, run B"),
           QT_TRANSLATE_NOOP("Stage", "The skeptical second reading of every slice"), 61,
           {ExtractStage::scopeFor(QStringLiteral("B"))}, [] { return std::make_unique<ExtractStage>(QStringLiteral("B")); }});
    r.add({FuseStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Fuse readings"),
           QT_TRANSLATE_NOOP("Stage", "Cross-validate run A and run B into one label per slice"), 80,
           {FuseStage::scope()}, [] { return std::make_unique<FuseStage>(); }});
    r.add({QcStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Model audit (QC)"),
           QT_TRANSLATE_NOOP("Stage", "A third reader keeps, erases or downgrades each fused field: the gold label"), 90,
           {QcStage::scope()}, [] { return std::make_unique<QcStage>(); }});
    r.add({BenchmarkStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Benchmark"),
           QT_TRANSLATE_NOOP("Stage", "Closed and open benchmark items from the gold labels, with traps and balanced answer letters"), 110,
           {BenchmarkStage::scope()}, [] { return std::make_unique<BenchmarkStage>(); }});
    r.add({ParaphraseStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Paraphrase open answers"),
           QT_TRANSLATE_NOOP("Stage", "A model endpoint rewords the rule-built reference answers; numbers and key terms are checked"), 115,
           {ParaphraseStage::scope()}, [] { return std::make_unique<ParaphraseStage>(); }});
    r.add({InstructionStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Instructions"),
           QT_TRANSLATE_NOOP("Stage", "About eight chat-format training samples per training slice (open, closed, closed with reasoning)"), 120,
           {InstructionStage::scope()}, [] { return std::make_unique<InstructionStage>(); }});
    r.add({EvaluateStage::stageId(), QT_TRANSLATE_NOOP("Stage", "Evaluate a model"),
           QT_TRANSLATE_NOOP("Stage", "Ask a model endpoint every benchmark question with its image, and score the answers"), 130,
           {EvaluateStage::scope()}, [] { return std::make_unique<EvaluateStage>(); }});
}

} // namespace neuroonco
