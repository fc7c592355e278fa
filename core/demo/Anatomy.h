// The head every synthetic patient is made from: a real T1 template (mricron's ch2 with its
// brain mask) or a procedural phantom, turned into four sequence contrasts plus the tissue maps
// used to place and shade lesions. Everything lives in one canonical frame in millimetres:
// x = display column (patient right → left), y = display row (anterior → posterior),
// z = inferior → superior, so an axial cut is already in radiological display orientation.
#pragma once

#include "core/demo/DemoTypes.h"
#include "core/util/Error.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace neuroonco::demo {

// Anatomical points lesions of some types grow from (canonical mm).
struct Landmarks
{
    Vec3 sella;           // pituitary fossa
    Vec3 cpaLeft;         // cerebellopontine angles (vestibular schwannoma)
    Vec3 cpaRight;
    Vec3 fourthVentricle; // posterior fossa ependymoma
};

// What a template provides before derivation: a T1 volume and a brain mask in the canonical
// frame (x fastest), isotropic spacing.
struct AnatomySource
{
    QString name;
    int nx = 0, ny = 0, nz = 0;
    double spacing = 1.0;
    std::vector<float> t1;
    std::vector<std::uint8_t> brain; // non-zero inside the brain
    Landmarks landmarks;
};

class Anatomy
{
public:
    enum Channel { ChT1, ChT2, ChFlair, ChT1ce, ChBrain, ChWhite, ChDepth, ChIntracranial, ChannelCount };
    enum Tissue : std::uint8_t { Background = 0, Csf = 1, Grey = 2, White = 3, Head = 4 };

    // Trilinear lookup position, computed once per point and used for several channels.
    struct Probe
    {
        std::size_t base = 0;
        float fx = 0, fy = 0, fz = 0;
        bool inside = false;
    };

    // Reads the template and brain mask (NIfTI) and re-orients them into the canonical frame.
    static Result<std::shared_ptr<const Anatomy>> loadTemplate(const QString &t1Path, const QString &brainPath);
    static std::shared_ptr<const Anatomy> fromSource(AnatomySource source);

    const QString &name() const { return m_name; }
    double spacing() const { return m_spacing; }
    Vec3 extent() const { return {m_nx * m_spacing, m_ny * m_spacing, m_nz * m_spacing}; }
    Vec3 brainMin() const { return m_brainMin; }
    Vec3 brainMax() const { return m_brainMax; }
    Vec3 brainCentre() const { return (m_brainMin + m_brainMax) * 0.5; }
    const Landmarks &landmarks() const { return m_landmarks; }

    inline Probe probe(const Vec3 &mm) const;
    // Channel value at a probe: intensities are in [0, 1.275] (white matter on T1 ≈ 0.72),
    // Brain/White/Intracranial in [0, 1], Depth in mm inside the brain (0 outside).
    inline float value(Channel channel, const Probe &p) const;
    float value(Channel channel, const Vec3 &mm) const { return value(channel, probe(mm)); }
    Tissue tissue(const Probe &p) const;
    // Outward direction of the brain surface near `mm` (from the depth gradient).
    Vec3 outwardNormal(const Vec3 &mm) const;
    // Nominal white-matter intensity of each sequence (the reference for "hyper/hypointense").
    static float whiteMatterLevel(Sequence s);

private:
    Anatomy() = default;
    void derive(const AnatomySource &source);

    QString m_name;
    int m_nx = 0, m_ny = 0, m_nz = 0;
    double m_spacing = 1.0;
    Vec3 m_brainMin, m_brainMax;
    Landmarks m_landmarks;
    std::vector<std::uint8_t> m_channels[ChannelCount];
    std::vector<std::uint8_t> m_tissue;
    float m_channelScale[ChannelCount] = {};
};

// The two lookups below run for every pixel of every image, so they are inline.
Anatomy::Probe Anatomy::probe(const Vec3 &mm) const
{
    Probe p;
    const double inv = 1.0 / m_spacing;
    const double fx = mm.x * inv, fy = mm.y * inv, fz = mm.z * inv;
    if (!(fx >= 0 && fy >= 0 && fz >= 0 && fx < m_nx - 1 && fy < m_ny - 1 && fz < m_nz - 1))
        return p;
    const int ix = int(fx), iy = int(fy), iz = int(fz);
    p.base = (std::size_t(iz) * std::size_t(m_ny) + std::size_t(iy)) * std::size_t(m_nx) + std::size_t(ix);
    p.fx = float(fx - ix);
    p.fy = float(fy - iy);
    p.fz = float(fz - iz);
    p.inside = true;
    return p;
}

float Anatomy::value(Channel channel, const Probe &p) const
{
    if (!p.inside)
        return 0.f;
    const std::uint8_t *d = m_channels[channel].data() + p.base;
    const std::size_t sy = std::size_t(m_nx), sz = std::size_t(m_nx) * std::size_t(m_ny);
    const float c00 = d[0] + p.fx * (float(d[1]) - d[0]);
    const float c10 = d[sy] + p.fx * (float(d[sy + 1]) - d[sy]);
    const float c01 = d[sz] + p.fx * (float(d[sz + 1]) - d[sz]);
    const float c11 = d[sz + sy] + p.fx * (float(d[sz + sy + 1]) - d[sz + sy]);
    const float c0 = c00 + p.fy * (c10 - c00);
    const float c1 = c01 + p.fy * (c11 - c01);
    return (c0 + p.fz * (c1 - c0)) * m_channelScale[channel];
}

} // namespace neuroonco::demo
