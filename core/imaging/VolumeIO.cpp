// NIfTI IO via itk::NiftiImageIO, and re-orientation of axial slices for display.
#include "core/imaging/VolumeIO.h"

#include <QFile>
#include <QFileInfo>

#include <itkNiftiImageIO.h>

#include <algorithm>
#include <cmath>

namespace neuroonco::volumeio {

namespace {

template<typename T>
void toFloat(const std::vector<char> &raw, std::vector<float> &out)
{
    const size_t n = raw.size() / sizeof(T);
    const T *p = reinterpret_cast<const T *>(raw.data());
    out.resize(n);
    for (size_t i = 0; i < n; ++i)
        out[i] = float(p[i]);
}

template<typename T>
std::vector<char> fromFloat(const std::vector<float> &in)
{
    std::vector<char> raw(in.size() * sizeof(T));
    T *p = reinterpret_cast<T *>(raw.data());
    for (size_t i = 0; i < in.size(); ++i)
        p[i] = T(std::is_integral<T>::value ? std::lround(in[i]) : in[i]);
    return raw;
}

} // namespace

Result<Volume> readNifti(const QString &path, const ReadLimits &limits)
{
    if (!QFileInfo::exists(path))
        return Error(ErrorCode::NotFound, path);
    Volume v;
    try {
        auto io = itk::NiftiImageIO::New();
        const std::string file = QFile::encodeName(path).toStdString();
        if (!io->CanReadFile(file.c_str()))
            return Error(ErrorCode::Parse, path, QStringLiteral("not a readable NIfTI file"));
        io->SetFileName(file);
        io->ReadImageInformation();
        const unsigned dims = io->GetNumberOfDimensions();
        if (dims < 3)
            return Error(ErrorCode::Parse, path, QStringLiteral("expected a 3D volume, found %1D").arg(dims));
        if (io->GetNumberOfComponents() != 1)
            return Error(ErrorCode::Unsupported, path, QStringLiteral("multi-component volumes are not supported"));
        for (unsigned d = 3; d < dims; ++d) {
            if (io->GetDimensions(d) > 1)
                return Error(ErrorCode::Unsupported, path, QStringLiteral("4D volumes are not supported"));
        }
        std::vector<quint64> declared;
        for (unsigned d = 0; d < dims; ++d)
            declared.push_back(quint64(io->GetDimensions(d)));
        if (Error e = limits.checkVolume(path, declared, 1, io->GetComponentSize()))
            return e;
        for (int d = 0; d < 3; ++d) {
            v.dims[size_t(d)] = int(io->GetDimensions(unsigned(d)));
            v.spacing[size_t(d)] = io->GetSpacing(unsigned(d));
            v.origin[size_t(d)] = io->GetOrigin(unsigned(d));
            const std::vector<double> axis = io->GetDirection(unsigned(d));
            for (int r = 0; r < 3; ++r)
                v.direction[size_t(r * 3 + d)] = r < int(axis.size()) ? axis[size_t(r)] : (r == d ? 1 : 0);
        }
        itk::ImageIORegion region(dims);
        for (unsigned d = 0; d < dims; ++d)
            region.SetSize(d, io->GetDimensions(d));
        io->SetIORegion(region);
        std::vector<char> raw(io->GetImageSizeInBytes());
        io->Read(raw.data());
        switch (io->GetComponentType()) {
        case itk::IOComponentEnum::UCHAR: toFloat<unsigned char>(raw, v.voxels); break;
        case itk::IOComponentEnum::CHAR: toFloat<signed char>(raw, v.voxels); break;
        case itk::IOComponentEnum::USHORT: toFloat<unsigned short>(raw, v.voxels); break;
        case itk::IOComponentEnum::SHORT: toFloat<short>(raw, v.voxels); break;
        case itk::IOComponentEnum::UINT: toFloat<unsigned int>(raw, v.voxels); break;
        case itk::IOComponentEnum::INT: toFloat<int>(raw, v.voxels); break;
        case itk::IOComponentEnum::FLOAT: toFloat<float>(raw, v.voxels); break;
        case itk::IOComponentEnum::DOUBLE: toFloat<double>(raw, v.voxels); break;
        default: return Error(ErrorCode::Unsupported, path, QStringLiteral("unsupported voxel type"));
        }
    } catch (const itk::ExceptionObject &e) {
        return Error(ErrorCode::Parse, path, QString::fromLocal8Bit(e.GetDescription()).simplified());
    }
    if (v.voxels.size() != size_t(v.dims[0]) * size_t(v.dims[1]) * size_t(v.dims[2]))
        return Error(ErrorCode::Parse, path, QStringLiteral("voxel count does not match the header"));
    // NaN and infinite voxels (float volumes, doubles beyond float's range) are background:
    // every later step compares, sorts and converts voxel values.
    for (float &x : v.voxels)
        if (!std::isfinite(x))
            x = 0.f;
    return v;
}

Error writeNifti(const QString &path, const Volume &volume, VoxelType type)
{
    try {
        auto io = itk::NiftiImageIO::New();
        io->SetNumberOfDimensions(3);
        for (unsigned d = 0; d < 3; ++d) {
            io->SetDimensions(d, unsigned(volume.dims[d]));
            io->SetSpacing(d, volume.spacing[d]);
            io->SetOrigin(d, volume.origin[d]);
            std::vector<double> axis(3);
            for (unsigned r = 0; r < 3; ++r)
                axis[r] = volume.direction[r * 3 + d];
            io->SetDirection(d, axis);
        }
        io->SetNumberOfComponents(1);
        io->SetPixelType(itk::IOPixelEnum::SCALAR);
        std::vector<char> raw;
        switch (type) {
        case VoxelType::UInt8: io->SetComponentType(itk::IOComponentEnum::UCHAR); raw = fromFloat<unsigned char>(volume.voxels); break;
        case VoxelType::Int16: io->SetComponentType(itk::IOComponentEnum::SHORT); raw = fromFloat<short>(volume.voxels); break;
        case VoxelType::Float32: io->SetComponentType(itk::IOComponentEnum::FLOAT); raw = fromFloat<float>(volume.voxels); break;
        }
        io->SetUseCompression(true);
        io->SetFileName(QFile::encodeName(path).toStdString());
        itk::ImageIORegion region(3);
        for (unsigned d = 0; d < 3; ++d)
            region.SetSize(d, size_t(volume.dims[d]));
        io->SetIORegion(region);
        io->WriteImageInformation();
        io->Write(raw.data());
    } catch (const itk::ExceptionObject &e) {
        return Error(ErrorCode::Io, path, QString::fromLocal8Bit(e.GetDescription()).simplified());
    }
    return {};
}

int axialAxis(const Volume &volume)
{
    // The index axis whose direction has the largest superior-inferior (z) component.
    int best = 2;
    double bestZ = -1;
    for (int j = 0; j < 3; ++j) {
        const double z = std::fabs(volume.direction[size_t(6 + j)]);
        if (z > bestZ) {
            bestZ = z;
            best = j;
        }
    }
    return best;
}

int axialSliceCount(const Volume &volume)
{
    return volume.dims[size_t(axialAxis(volume))];
}

FloatImage axialSlice(const Volume &volume, int index)
{
    const int a = axialAxis(volume);
    // The two in-plane axes: the one closest to patient x (left-right) becomes columns.
    int u = a == 0 ? 1 : 0;
    int w = a == 2 ? 1 : 2;
    if (std::fabs(volume.direction[size_t(0 * 3 + w)]) > std::fabs(volume.direction[size_t(0 * 3 + u)]))
        std::swap(u, w);
    // LPS: +x is patient left, +y is posterior. Columns run right→left, rows anterior→posterior.
    const bool flipColumns = volume.direction[size_t(0 * 3 + u)] < 0;
    const bool flipRows = volume.direction[size_t(1 * 3 + w)] < 0;
    FloatImage out;
    out.width = volume.dims[size_t(u)];
    out.height = volume.dims[size_t(w)];
    out.pixels.resize(size_t(out.width) * size_t(out.height));
    std::array<int, 3> ijk{};
    ijk[size_t(a)] = index;
    for (int r = 0; r < out.height; ++r) {
        ijk[size_t(w)] = flipRows ? out.height - 1 - r : r;
        for (int c = 0; c < out.width; ++c) {
            ijk[size_t(u)] = flipColumns ? out.width - 1 - c : c;
            out.pixels[size_t(r) * size_t(out.width) + size_t(c)] = volume.at(ijk[0], ijk[1], ijk[2]);
        }
    }
    return out;
}

std::pair<float, float> robustWindow(const Volume &v)
{
    std::vector<float> values;
    values.reserve(v.voxels.size() / 2);
    for (size_t i = 0; i < v.voxels.size(); i += 3) // a third of the voxels is plenty
        if (v.voxels[i] != 0.f && std::isfinite(v.voxels[i]))
            values.push_back(v.voxels[i]);
    if (values.size() < 16)
        return {0.f, 1.f};
    auto pct = [&](double p) {
        const size_t k = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size() - 1)));
        std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
        return values[k];
    };
    const float lo = std::min(0.f, pct(0.5));
    const float hi = pct(99.5);
    return {lo, hi > lo ? hi : lo + 1};
}

} // namespace neuroonco::volumeio
