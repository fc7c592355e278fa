// Makes one synthetic patient image: draws the patient's pose and scanner appearance, picks a
// slice level that suits the tumour type, places the lesion on that plane and renders it.
// Layout writers only decide sizes, names and encodings.
#pragma once

#include "core/demo/LesionModel.h"
#include "core/demo/MaskGeometry.h"
#include "core/demo/SliceRenderer.h"

namespace neuroonco::demo {

class Anatomy;
class DemoRng;

struct RenderedSample
{
    TumourType type = TumourType::Healthy;
    Sequence sequence = Sequence::T1;
    RenderedSlice slice;
    MaskStats stats;
    LesionModel lesion;
    Plane plane = Plane::Axial;
    double sliceLevel = 0; // position of the plane along its normal at the pivot, mm

    bool hasLesion() const { return stats.pixels > 0; }
};

class SampleFactory
{
public:
    explicit SampleFactory(const Anatomy &anatomy)
        : m_anatomy(anatomy)
        , m_renderer(anatomy)
    {}

    // Pose of a new patient in the scanner (everything but the slice level).
    SliceGeometry randomPose(DemoRng &rng, Plane plane = Plane::Axial) const;
    Appearance randomAppearance(DemoRng &rng) const;
    // Sets the slice level for the tumour type and places the lesion on that plane.
    LesionModel placeLesion(TumourType type, SliceGeometry *geometry, DemoRng &rng) const;
    RenderedSample render(TumourType type, Sequence sequence, const SliceGeometry &geometry,
                          const LesionModel &lesion, int width, int height, const Appearance &appearance,
                          DemoRng &rng) const;
    // How the image is framed: as the scanner wrote it, or cropped to the head and rescaled the
    // way many public collections were prepared.
    enum class Framing { Scanner, CroppedToHead };

    // Everything at once for a single image; retries placement until a tumour is visible.
    RenderedSample make(TumourType type, Sequence sequence, int width, int height, DemoRng &rng,
                        Framing framing = Framing::Scanner, Plane plane = Plane::Axial) const;

private:
    // Frames the geometry tightly around the head, from a small preview cut.
    void frameHead(SliceGeometry *geometry, const LesionModel &lesion, Sequence sequence, int width, int height,
                   const Appearance &appearance, DemoRng &rng) const;

    const Anatomy &m_anatomy;
    SliceRenderer m_renderer;
};

} // namespace neuroonco::demo
