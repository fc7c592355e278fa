// One pose and one lesion per patient; every series cuts the lesion at its own level so the
// slices are not near-duplicates of each other.
#include "core/demo/DicomSeriesWriter.h"

#include "core/demo/DemoFiles.h"
#include "core/demo/DemoRng.h"
#include "core/demo/DeterministicOutput.h"
#include "core/demo/SampleFactory.h"
#include "core/imaging/DicomIO.h"

#include <cmath>

namespace neuroonco::demo {

namespace {

QString uidDigits(quint64 value)
{
    return QString::number(value % 10000000000000000000ull);
}

} // namespace

ItemResult DicomSeriesWriter::write(const DicomPatientPlan &patient) const
{
    ItemResult result;
    DemoRng rng(m_seed, StreamDicom, quint64(patient.id));
    SliceGeometry pose;
    LesionModel lesion;
    for (int attempt = 0; attempt < 4; ++attempt) {
        pose = m_factory.randomPose(rng);
        lesion = m_factory.placeLesion(patient.type, &pose, rng);
        if (!lesion.isEmpty())
            break;
    }
    const double radius = lesion.mainRadius();
    const QString studyUid = QStringLiteral("2.25.") + uidDigits(DemoRng::mix(m_seed ^ (0xD1C0ull + quint64(patient.id))));
    for (const DicomSlicePlan &s : patient.slices) {
        SliceGeometry g = pose;
        g.pivot.z += s.zOffset * radius;
        const Appearance appearance = m_factory.randomAppearance(rng);
        const RenderedSample sample = m_factory.render(patient.type, s.sequence, g, lesion, patient.size,
                                                       patient.size, appearance, rng);
        FloatImage values = sample.slice.signal;
        const double scale = rng.uniform(900, 2200);
        for (float &v : values.pixels)
            v = float(std::round(v * scale));
        dicomio::DicomWriteTags tags;
        tags.patientName = patient.patientName;
        tags.patientId = patient.patientId;
        tags.seriesDescription = s.seriesDescription;
        tags.studyUid = studyUid;
        tags.seriesUid = studyUid + QLatin1Char('.') + QString::number(s.seriesNumber);
        tags.instanceNumber = s.instance;
        tags.sliceLocation = std::round(g.pivot.z * 10) / 10;
        const QString file = m_outDir + QLatin1Char('/') + s.path;
        if (QString e = DemoFiles::ensureParent(file); !e.isEmpty()) {
            result.error = e;
            return result;
        }
        if (Error e = dicomio::writeSlice(file, values, tags)) {
            result.error = DemoFiles::text(e);
            return result;
        }
        const quint64 uidSeed = DemoRng::mix(m_seed * 31 + quint64(patient.id) * 1009 + quint64(s.seriesNumber));
        if (Error e = DeterministicOutput::normaliseDicom(file, uidSeed)) {
            result.error = DemoFiles::text(e);
            return result;
        }
        FileRecord r;
        r.source = SourceId::Dicom;
        r.path = s.path;
        r.patient = patient.patient;
        r.type = patient.type;
        r.sequence = s.sequence;
        r.modality = sequenceName(s.sequence);
        r.seriesDescription = s.seriesDescription;
        r.hasLesion = sample.hasLesion();
        r.stats = sample.stats;
        r.signs = lesion.signs();
        r.width = r.height = patient.size;
        r.whiteMatter = sample.slice.whiteMatter;
        r.greyMatter = sample.slice.greyMatter;
        r.csf = sample.slice.csf;
        result.files.push_back(r);
    }
    return result;
}

} // namespace neuroonco::demo
