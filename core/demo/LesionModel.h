// A synthetic brain tumour in the anatomy's 3D frame: one or more perturbed blobs (round, oval,
// lobulated, spiculated), an optional necrotic core, peritumoural oedema that follows white
// matter, mass effect, and per-sequence shading chosen from tumour-type priors. 2D slices and
// BraTS-like volumes evaluate the same model, so what the ground truth says is what is drawn.
#pragma once

#include "core/demo/DemoTypes.h"
#include "core/demo/ValueNoise.h"

#include <functional>
#include <vector>

namespace neuroonco::demo {

class Anatomy;
class DemoRng;

class LesionModel
{
public:
    // Where lesions may go: random candidate points (on the slice plane, or anywhere in the
    // volume) and the projection of a landmark onto that set.
    struct Placement
    {
        std::function<Vec3(DemoRng &)> randomPoint;
        std::function<Vec3(const Vec3 &)> project;
        Vec3 u{1, 0, 0}, v{0, 1, 0}; // in-plane directions (image columns and rows)
    };

    // What the model contributes at one point.
    struct Sample
    {
        float tumour = 0;  // 0..1 opacity of tumour tissue (soft edge when ill-defined)
        float core = 0;    // 0..1 necrotic / cystic core within the tumour
        float edema = 0;   // 0..1 oedema strength (already weighted by white matter)
        float patch = 0;   // -1..1 coarse texture field
        float grain = 0;   // -1..1 fine texture field
        bool inMask = false; // the binary tumour mask (enhancing + core, not oedema)
    };

    LesionModel() = default;
    static LesionModel create(TumourType type, const Anatomy &anatomy, DemoRng &rng, const Placement &placement);

    bool isEmpty() const { return m_blobs.empty(); }
    TumourType type() const { return m_type; }
    const LesionSigns &signs() const { return m_signs; }
    bool hasCore() const;
    bool hasEdema() const { return m_signs.edema != Edema::None; }
    Vec3 mainCentre() const { return m_blobs.empty() ? Vec3{} : m_blobs.front().centre; }
    double mainRadius() const { return m_blobs.empty() ? 0 : m_blobs.front().radius; }

    // True when `p` may be affected (tumour, oedema or mass effect); cheap reject test.
    bool influences(const Vec3 &p) const;
    // `source` is displacedSource(p), where the anatomy is read (oedema follows its white matter).
    Sample evaluate(const Vec3 &p, const Anatomy &anatomy, const Vec3 &source) const;
    // Where the anatomy at `p` came from before the tumour pushed it (mass effect).
    Vec3 displacedSource(const Vec3 &p) const;
    // Whether tumour tissue at this sample enhances on T1CE (BraTS label 4/3 versus 1).
    bool isEnhancing(const Sample &sample) const;
    // Shades one sequence: `background` is the anatomy's intensity at the displaced point.
    float shade(Sequence s, const Sample &sample, float background) const;

private:
    struct Blob
    {
        Vec3 centre;
        Vec3 axis[3];
        double scale[3] = {1, 1, 1}; // radius along each axis in mm
        double radius = 1;           // nominal radius (mm)
        std::vector<Vec3> lobes;     // lobe directions (local frame), amplitude in length
        double roughness = 0;        // irregular outline amplitude
        double spikes = 0;           // spiculation amplitude
        double coreFraction = 0;     // necrotic core radius relative to the outline (0: none)
        double edemaExtent = 0;      // oedema reach beyond the outline, relative
        double massEffect = 0;       // 0..1: how much tissue is pushed away
        double influence = 0;        // bounding radius (mm) of everything above
        // Outline radius and core radius per direction, tabulated on a cube map at creation so
        // the per-pixel cost does not include noise evaluation.
        std::vector<float> outlineTable;
        std::vector<float> coreTable;
    };

    void addBlob(const Vec3 &centre, double radius, DemoRng &rng, double aspectLow, double aspectHigh);
    double outline(const Blob &b, const Vec3 &dir) const;
    void tabulate(Blob &b) const;
    void chooseSigns(DemoRng &rng);

    TumourType m_type = TumourType::Healthy;
    LesionSigns m_signs;
    std::vector<Blob> m_blobs;
    bool m_clipIntracranial = false;
    double m_marginWidth = 0.04;
    // Per-sequence intensity relative to white matter of the solid part; index = Sequence.
    float m_solidHigh[kSequenceCount] = {1, 1, 1, 1};
    float m_solidLow[kSequenceCount] = {1, 1, 1, 1};
    float m_coreLevel[kSequenceCount] = {0.2f, 0.95f, 0.5f, 0.2f};
    float m_edemaLevel[kSequenceCount] = {0.88f, 1.75f, 1.6f, 0.88f};
    float m_enhancement = 1.7f;
    float m_textureAmount = 0.04f;
    Vec3 m_planeU{1, 0, 0}, m_planeV{0, 1, 0};
    ValueNoise m_shapeNoise;
    ValueNoise m_textureNoise;
};

} // namespace neuroonco::demo
