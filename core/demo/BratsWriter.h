// Writes one BraTS-style case: skull-stripped T1, T1CE, T2, FLAIR (int16) and a uint8
// segmentation (1 necrotic core, 2 oedema, 4 enhancing; 3 for enhancing in BraTS 2023 naming)
// resampled at 2 mm from the anatomy with the patient's pose and a glioma.
#pragma once

#include "core/demo/DemoPlan.h"

namespace neuroonco::demo {

class Anatomy;

class BratsWriter
{
public:
    BratsWriter(const Anatomy &anatomy, QString outDir, quint64 seed)
        : m_anatomy(anatomy)
        , m_outDir(std::move(outDir))
        , m_seed(seed)
    {}

    ItemResult write(const VolumePlan &plan) const;

private:
    const Anatomy &m_anatomy;
    QString m_outDir;
    quint64 m_seed;
};

} // namespace neuroonco::demo
