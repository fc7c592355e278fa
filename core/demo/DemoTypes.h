// Small value types shared by the demo-data generator: 3D vectors, MRI sequences, tumour types
// and the radiological signs written to the ground truth.
#pragma once

#include <QString>

#include <array>
#include <cmath>

namespace neuroonco::demo {

struct Vec3
{
    double x = 0, y = 0, z = 0;

    Vec3 operator+(const Vec3 &o) const { return {x + o.x, y + o.y, z + o.z}; }
    Vec3 operator-(const Vec3 &o) const { return {x - o.x, y - o.y, z - o.z}; }
    Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
    double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
    Vec3 cross(const Vec3 &o) const { return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x}; }
    double norm() const { return std::sqrt(dot(*this)); }
    Vec3 normalized() const
    {
        const double n = norm();
        return n > 0 ? *this * (1.0 / n) : Vec3{0, 0, 1};
    }
};

// The four structural sequences every layout draws from.
enum class Sequence { T1 = 0, T2 = 1, Flair = 2, T1ce = 3 };
constexpr int kSequenceCount = 4;

// Image plane of a 2D sample.
enum class Plane { Axial, Coronal, Sagittal };

enum class TumourType { Healthy, Glioma, Meningioma, Pituitary, Metastasis, Schwannoma, Ependymoma };

enum class Shape { Round, Oval, Irregular, Lobulated };
enum class Margins { WellCircumscribed, IllDefined };
enum class Texture { Homogeneous, Heterogeneous };
enum class Enhancement { Solid, Ring, Patchy };
enum class Edema { None, Mild, Extensive };
enum class Signal { Hyperintense, Hypointense, Isointense, Mixed };

// The lesion's signs. Enhancement is seen only on T1CE and oedema only on T2/FLAIR; the
// ground truth reports them per image accordingly.
struct LesionSigns
{
    Shape shape = Shape::Round;
    Margins margins = Margins::WellCircumscribed;
    Texture texture = Texture::Homogeneous;
    Enhancement enhancement = Enhancement::Solid;
    Edema edema = Edema::None;
    std::array<Signal, kSequenceCount> signal{Signal::Isointense, Signal::Isointense, Signal::Isointense,
                                             Signal::Isointense};
};

QString sequenceName(Sequence s);        // "T1", "T2", "FLAIR", "T1CE"
QString planeName(Plane p);              // "axial", "coronal", "sagittal"
QString tumourTypeName(TumourType t);    // "glioma", …, "healthy"
QString shapeName(Shape s);
QString marginsName(Margins m);
QString textureName(Texture t);
QString enhancementName(Enhancement e);
QString edemaName(Edema e);              // empty for None
QString signalName(Signal s);
// DESIGN.md §3.4 grid names from a normalised centroid.
QString gridCellName(double cx, double cy);

} // namespace neuroonco::demo
