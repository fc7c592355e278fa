// Writes one planned 2D item in its source's layout (class folder JPEG, image/mask PNG pair,
// YOLO image + polygon label, COCO image + annotation, figshare .mat), its planted duplicates
// (byte copy, re-encoded, resized, cropped, brightened, with the equally transformed mask),
// and the planted defects that concern it. Returns the ground-truth records.
#pragma once

#include "core/demo/DemoPlan.h"
#include "core/imaging/ImageTypes.h"

#include <QString>

namespace neuroonco::demo {

class SampleFactory;
struct RenderedSample;

class SampleWriter
{
public:
    SampleWriter(const SampleFactory &factory, QString outDir, quint64 seed)
        : m_factory(factory)
        , m_outDir(std::move(outDir))
        , m_seed(seed)
    {}

    ItemResult write(const ItemPlan &item) const;

private:
    QString absolute(const QString &relative) const { return m_outDir + QLatin1Char('/') + relative; }
    FileRecord record(const ItemPlan &item, const RenderedSample &sample) const;
    // Writes image (+ mask) at `imagePath` in the layout of `source`; fills coco when needed.
    QString writeLayout(SourceId source, const QString &imagePath, const QString &maskPath, MaskEncoding encoding,
                        const GrayImage &image, const GrayImage &mask, TumourType type, int jpegQuality,
                        int cocoImageId, std::uint64_t colourSeed, ItemResult *result) const;
    QString writeDuplicate(const ItemPlan &item, const DuplicatePlan &dup, const RenderedSample &sample,
                           const GrayImage &stored, ItemResult *result) const;
    QString writeFigshare(const ItemPlan &item, const RenderedSample &sample) const;

    const SampleFactory &m_factory;
    QString m_outDir;
    quint64 m_seed;
};

} // namespace neuroonco::demo
