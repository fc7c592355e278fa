// Voxels are stored like BraTS files read through ITK (direction diag(-1, -1, 1)), so
// volumeio::axialSlice shows them in display orientation like every other source.
#include "core/demo/BratsWriter.h"

#include "core/demo/Anatomy.h"
#include "core/demo/DemoFiles.h"
#include "core/demo/DemoRng.h"
#include "core/demo/LesionModel.h"
#include "core/imaging/VolumeIO.h"

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

constexpr double kSpacing = 2.0;

} // namespace

ItemResult BratsWriter::write(const VolumePlan &plan) const
{
    ItemResult result;
    DemoRng rng(m_seed, StreamVolume, quint64(plan.id));
    const Vec3 lo = m_anatomy.brainMin(), hi = m_anatomy.brainMax();
    const Vec3 centre = (lo + hi) * 0.5 + Vec3{rng.uniform(-3, 3), rng.uniform(-3, 3), rng.uniform(-3, 3)};
    const double yaw = rng.uniform(-12, 12) * M_PI / 180, pitch = rng.uniform(-6, 6) * M_PI / 180;
    const double scale = rng.uniform(0.88, 1.12);
    const Vec3 extent = (hi - lo) + Vec3{16, 16, 12};
    const int nx = int(std::ceil(extent.x * scale / kSpacing)), ny = int(std::ceil(extent.y * scale / kSpacing));
    const int nz = int(std::ceil(extent.z * scale / kSpacing));

    LesionModel::Placement placement;
    placement.randomPoint = [lo, hi](DemoRng &r) {
        return Vec3{r.uniform(lo.x, hi.x), r.uniform(lo.y, hi.y), r.uniform(lo.z + 0.3 * (hi.z - lo.z), hi.z)};
    };
    placement.project = [](const Vec3 &p) { return p; };
    const LesionModel lesion = LesionModel::create(TumourType::Glioma, m_anatomy, rng, placement);

    // Rotation about z (yaw) then x (pitch), applied to the output grid around the centre.
    const double cy = std::cos(yaw), sy = std::sin(yaw), cp = std::cos(pitch), sp = std::sin(pitch);
    auto rotate = [&](const Vec3 &o) {
        const Vec3 a{o.x, cp * o.y - sp * o.z, sp * o.y + cp * o.z};
        return Vec3{cy * a.x - sy * a.y, sy * a.x + cy * a.y, a.z};
    };
    const double step = kSpacing / scale;
    // Every case is one template brain: a smooth warp (six plane waves, 1.5–4 mm) makes the
    // patients' anatomy differ. Each wave depends on one grid axis, so it is tabulated per index.
    struct Wave
    {
        int axis;
        Vec3 amplitude;
        std::vector<double> table;
    };
    std::vector<Wave> waves;
    for (int w = 0; w < 6; ++w) {
        Wave wave;
        wave.axis = w % 3;
        wave.amplitude = Vec3{rng.normal(), rng.normal(), rng.normal()}.normalized() * rng.uniform(1.5, 4.0);
        const double frequency = 2 * M_PI / rng.uniform(50, 140), phase = rng.uniform(0, 2 * M_PI);
        const int count = wave.axis == 0 ? nx : (wave.axis == 1 ? ny : nz);
        for (int i = 0; i < count; ++i)
            wave.table.push_back(std::sin(frequency * i * kSpacing + phase));
        waves.push_back(std::move(wave));
    }

    Volume seq[kSequenceCount];
    for (Volume &v : seq) {
        v = Volume(nx, ny, nz, 0.f);
        v.spacing = {kSpacing, kSpacing, kSpacing};
        v.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        v.origin = {(nx - 1) * kSpacing / 2, (ny - 1) * kSpacing / 2 + 18, -(nz - 1) * kSpacing / 2 + 20};
    }
    Volume seg = seq[0];
    const int enhancingLabel = plan.brats2023 ? 3 : 4;
    double gain[kSequenceCount];
    for (double &g : gain)
        g = 320 * rng.uniform(0.85, 1.15);
    std::vector<float> noise(size_t(nx) * size_t(ny) * size_t(nz) * kSequenceCount);
    rng.fillNormal(noise.data(), noise.size());
    const float sigma = float(rng.uniform(1.5, 3));
    static const Anatomy::Channel channels[] = {Anatomy::ChT1, Anatomy::ChT2, Anatomy::ChFlair, Anatomy::ChT1ce};

    VolumeRecord rec;
    std::vector<long long> tumourPerSlice(size_t(nz), 0);
    size_t voxel = 0;
    for (int k = 0; k < nz; ++k)
        for (int r = 0; r < ny; ++r)
            for (int c = 0; c < nx; ++c, ++voxel) {
                const Vec3 o{(c - (nx - 1) / 2.0) * step, (r - (ny - 1) / 2.0) * step, (k - (nz - 1) / 2.0) * step};
                Vec3 p = centre + rotate(o);
                const int index[3] = {c, r, k};
                for (const Wave &w : waves)
                    p = p + w.amplitude * w.table[size_t(index[w.axis])];
                LesionModel::Sample s;
                Anatomy::Probe pr;
                const bool near = lesion.influences(p);
                if (near) {
                    const Vec3 src = lesion.displacedSource(p);
                    s = lesion.evaluate(p, m_anatomy, src);
                    pr = m_anatomy.probe(src);
                } else {
                    pr = m_anatomy.probe(p);
                }
                const float brain = m_anatomy.value(Anatomy::ChBrain, pr);
                if (brain < 0.5f && !s.inMask)
                    continue; // skull-stripped like BraTS
                const size_t at = seq[0].index(nx - 1 - c, ny - 1 - r, k);
                for (int q = 0; q < kSequenceCount; ++q) {
                    float v = m_anatomy.value(channels[q], pr);
                    if (near)
                        v = lesion.shade(Sequence(q), s, v);
                    seq[q].voxels[at] = std::max(0.f, float(v * gain[q]) + sigma * noise[voxel * kSequenceCount + size_t(q)]);
                }
                int label = 0;
                if (s.inMask)
                    label = lesion.isEnhancing(s) ? enhancingLabel : 1;
                else if (s.edema > 0.3f && brain >= 0.5f)
                    label = 2;
                seg.voxels[at] = float(label);
                if (label == 1)
                    ++rec.necrotic;
                else if (label == 2)
                    ++rec.edema;
                else if (label != 0)
                    ++rec.enhancing;
                if (label != 0 && label != 2)
                    ++tumourPerSlice[size_t(k)];
            }

    static const char *names2021[] = {"t1", "t1ce", "t2", "flair", "seg"};
    static const char *names2023[] = {"t1n", "t1c", "t2w", "t2f", "seg"};
    // Order of files in the record: t1, t1ce, t2, flair, seg; sequences are stored T1, T2, FLAIR, T1CE.
    const Volume *volumes[] = {&seq[int(Sequence::T1)], &seq[int(Sequence::T1ce)], &seq[int(Sequence::T2)],
                               &seq[int(Sequence::Flair)], &seg};
    const QString dir = QStringLiteral("sources/04_brats/") + plan.caseName + QLatin1Char('/');
    for (int f = 0; f < 5; ++f) {
        const QString name = plan.brats2023 ? plan.caseName + QLatin1Char('-') + QLatin1String(names2023[f])
                                            : plan.caseName + QLatin1Char('_') + QLatin1String(names2021[f]);
        const QString rel = dir + name + QStringLiteral(".nii.gz");
        const QString file = m_outDir + QLatin1Char('/') + rel;
        if (QString e = DemoFiles::ensureParent(file); !e.isEmpty()) {
            result.error = e;
            return result;
        }
        const volumeio::VoxelType type = f == 4 ? volumeio::VoxelType::UInt8 : volumeio::VoxelType::Int16;
        if (Error e = volumeio::writeNifti(file, *volumes[f], type)) {
            result.error = DemoFiles::text(e);
            return result;
        }
        rec.files << rel;
    }
    rec.caseName = plan.caseName;
    rec.patient = plan.patient;
    rec.brats2023 = plan.brats2023;
    rec.signs = lesion.signs();
    rec.dims[0] = nx;
    rec.dims[1] = ny;
    rec.dims[2] = nz;
    rec.spacing = kSpacing;
    long long best = 0;
    for (int k = 0; k < nz; ++k) {
        if (tumourPerSlice[size_t(k)] == 0)
            continue;
        if (rec.firstTumourSlice < 0)
            rec.firstTumourSlice = k;
        rec.lastTumourSlice = k;
        if (tumourPerSlice[size_t(k)] > best) {
            best = tumourPerSlice[size_t(k)];
            rec.largestTumourSlice = k;
        }
    }
    result.volumes.push_back(rec);
    return result;
}

} // namespace neuroonco::demo
