// Rule-based coarse descriptions (DESIGN.md §3.5), worded as in the published dataset: the
// tumour-type sentence (healthy, specific, generic), the modality (or a note that it is
// unknown), then the mask-derived morphology or a sentence saying no mask is available.
#pragma once

#include <QString>

namespace neuroonco {

struct MaskSemantics;

class DescriptionBuilder
{
public:
    enum class MaskState { None, Empty, Measured };

    static QString describe(const QString &tumourType, const QString &modality, MaskState mask,
                            const MaskSemantics *semantics);
    // "Meningioma", "Neuronal tumor", …
    static QString typeName(const QString &tumourType);
    static QString templateName() { return QStringLiteral("published-v1"); }
};

} // namespace neuroonco
