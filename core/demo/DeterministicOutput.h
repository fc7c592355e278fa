// Makes files written by core/imaging byte-identical across runs. HDF5 stamps each object with
// its modification time and GDCM adds a random SOP Instance UID plus the study date and time;
// the demo data must depend on the seed only, so these fields are overwritten in place with
// values of the same length (no structure changes). The proper fix is options in MatFile /
// DicomIO; until then the generator normalises its own output here.
#pragma once

#include "core/util/Error.h"

#include <QString>

namespace neuroonco::demo {

class DeterministicOutput
{
public:
    // Zeroes the modification-time messages of HDF5 version-1 object headers.
    static Error normaliseMat(const QString &path);
    // Replaces the SOP Instance UID (meta header and dataset) by one derived from `uidSeed` and
    // sets study/series/instance dates and times to fixed values.
    static Error normaliseDicom(const QString &path, quint64 uidSeed);
    // Some GDCM builds warn about every slice they write; silence that once per process.
    static void quietDicomWarnings();
};

} // namespace neuroonco::demo
