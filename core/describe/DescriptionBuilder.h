// Rule-based coarse descriptions (DESIGN.md §3.5), worded exactly as the published dataset's
// (pipeline/coarse_desc_transform.py of the published repository): the scan sentence with the
// sequence, the tumour-type branch (healthy, unknown type, generic tumour, a named type), the
// note that the sequence is unknown, then the mask-derived morphology or the no-mask sentence.
#pragma once

#include <QString>

namespace neuroonco {

struct MaskSemantics;

class DescriptionBuilder
{
public:
    // `semantics` null: no usable mask (none, empty, or unreadable — the published pipeline has
    // no semantics for any of these and writes the no-mask sentence).
    //
    // The sequence is written as stored, upper-cased (our T1, T2, FLAIR, T1CE; the published
    // metadata's t1ce upper-cases to the same T1CE); "Unknown", empty and the other null
    // spellings give "A brain MRI scan" and the unknown-sequence note.
    static QString describe(const QString &tumourType, const QString &modality,
                            const MaskSemantics *semantics);

    // Python's str.title(), which the published code applies to the tumour type: every cased
    // letter after an uncased character upper-case, the others lower-case
    // ("neuronal_tumor" → "Neuronal_Tumor").
    static QString titleCase(const QString &text);
    // The published null spellings (case-insensitive, after trimming) and the empty string.
    static bool isUnknown(const QString &value);

    // A readable type name for prose elsewhere (open benchmark answers): "Neuronal tumor".
    static QString typeName(const QString &tumourType);
    static QString templateName() { return QStringLiteral("published-v2"); }
};

} // namespace neuroonco
