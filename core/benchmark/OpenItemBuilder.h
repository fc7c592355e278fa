// Open questions from a sample's gold attributes (DESIGN.md §5): Detail (shape, size, spread,
// signs), Location and Reasoning, each with a reference answer that cites the measured numbers
// (area %, circularity, elongation, centroid, components, core share) and evaluation keywords.
// Numbers are cited only while the label they explain is still the measured one.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"

#include <QJsonObject>

#include <cstdint>
#include <vector>

namespace neuroonco {

struct GoldRecord;

struct OpenDraft
{
    QString slot; // detail_shape, detail_size, detail_spread, detail_signs, detail_healthy,
                  // location, reasoning
    OpenQuestion question; // question_id is "<sample>_q<n>", n counting from 1 in slot order
    QStringList keys;      // gold keys used (lineage)
    QStringList numberKeys;
};

class OpenItemBuilder
{
public:
    static std::vector<OpenDraft> build(const GoldRecord &gold, std::uint64_t seed,
                                        const QString &purpose = QStringLiteral("benchmark"));
    // "Glioma", "Neuronal tumor", or "brain tumor" for the generic type.
    static QString diagnosisLabel(const QString &tumourType);
    // "the center of the image", "the upper-left region of the image".
    static QString regionPhrase(const QString &location);
    // "central cell", "upper-left cell" (of the 3×3 grid).
    static QString gridCell(const QString &location);
};

} // namespace neuroonco
