// Renders one synthetic MR image: an oblique cut through the anatomy with the patient's pose
// (rotation, scale, shift, flip, smooth deformation), the lesion shaded for the sequence, then
// scanner effects (bias field, Rician noise, gamma) and windowing to 8 bits.
#pragma once

#include "core/demo/DemoTypes.h"
#include "core/imaging/ImageTypes.h"

namespace neuroonco::demo {

class Anatomy;
class DemoRng;
class LesionModel;

// How the image plane sits in the head. Axial images have columns along patient right → left
// and rows anterior → posterior; coronal ones right → left and superior → inferior; sagittal
// ones anterior → posterior and superior → inferior. The plane passes through `pivot`, tilted
// by `pitch` (along the rows) and `roll` (along the columns); the view is centred on
// pivot + offset (offset.x along columns, offset.y along rows).
struct SliceGeometry
{
    Plane plane = Plane::Axial;
    Vec3 pivot;
    double pitch = 0, roll = 0;
    double fov = 220;      // mm across the image's longer side
    double rotation = 0;   // radians, in-plane
    bool flip = false;     // left-right mirror
    Vec3 offset;           // view centre shift in mm
    double viewX = 0, viewY = 0; // image-space shift of the frame (mm, before flip and rotation)
    struct Wave
    {
        double ampX = 0, ampY = 0, freqX = 0, freqY = 0, phase = 0;
    };
    Wave waves[3];         // smooth deformation (mm amplitude, rad/mm)

    Vec3 columnAxis() const;
    Vec3 rowAxis() const;
    Vec3 normal() const;
    // The point of the plane that shares `p`'s in-plane coordinates.
    Vec3 onPlane(const Vec3 &p) const;
    // Moves the plane along its normal so that it contains `p`.
    void passThrough(const Vec3 &p);
    // Position of the plane along its normal at the pivot (the slice level).
    double level() const { return normal().dot(pivot); }
    void setLevel(double mm);
    // Where image pixel (px, py) of a width×height image lands in the anatomy (mm).
    Vec3 worldPoint(double px, double py, int width, int height) const;
};

// Scanner and display effects of one acquisition.
struct Appearance
{
    double biasAmplitude = 0.08; // linear bias across the field
    double biasAngle = 0;
    double biasCurvature = 0.03; // centre-to-edge bias
    double gamma = 1.0;
    double noise = 0.02;         // Rician sigma relative to white matter on T1 (0.72)
    double brightness = 0.96;    // fraction of 255 the 99.5th percentile maps to
};

struct RenderedSlice
{
    FloatImage signal;  // scanner units (white matter on T1 ≈ 0.72) after bias and noise
    GrayImage image;    // windowed 8-bit image
    GrayImage mask;     // 0/255 tumour mask (all zero without a lesion)
    // Mean 8-bit intensity of normal tissue in this image (-1 when too few pixels).
    double whiteMatter = -1, greyMatter = -1, csf = -1;
};

class SliceRenderer
{
public:
    explicit SliceRenderer(const Anatomy &anatomy)
        : m_anatomy(anatomy)
    {}

    RenderedSlice render(Sequence sequence, const SliceGeometry &geometry, const LesionModel *lesion, int width,
                         int height, const Appearance &appearance, DemoRng &rng) const;

private:
    const Anatomy &m_anatomy;
};

} // namespace neuroonco::demo
