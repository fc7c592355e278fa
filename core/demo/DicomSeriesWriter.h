// Writes one DICOM patient: a folder `<type>_<code>` with a few axial series (T1, T2, FLAIR,
// T1 post-gadolinium) through the same lesion, 16-bit slices via dicomio::writeSlice, fake
// patient identifiers in the header (never to be stored by ingest), no masks.
#pragma once

#include "core/demo/DemoPlan.h"

namespace neuroonco::demo {

class SampleFactory;

class DicomSeriesWriter
{
public:
    DicomSeriesWriter(const SampleFactory &factory, QString outDir, quint64 seed)
        : m_factory(factory)
        , m_outDir(std::move(outDir))
        , m_seed(seed)
    {}

    ItemResult write(const DicomPatientPlan &patient) const;

private:
    const SampleFactory &m_factory;
    QString m_outDir;
    quint64 m_seed;
};

} // namespace neuroonco::demo
