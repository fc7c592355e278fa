// 3D volumes: NIfTI reading and writing through ITK, and axial slices in display orientation
// (patient anterior at the top, patient right on the image's left, as radiologists read them).
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/imaging/ReadLimits.h"
#include "core/util/Error.h"

#include <QString>

#include <utility>

namespace neuroonco::volumeio {

enum class VoxelType { UInt8, Int16, Float32 };

// Reads a 3D NIfTI volume; a header declaring more than `limits` allow is refused
// (ErrorCode::TooLarge) before any voxel is read.
Result<Volume> readNifti(const QString &path, const ReadLimits &limits = {});
Error writeNifti(const QString &path, const Volume &volume, VoxelType type);

// Index axis that runs head-to-foot (the axial slicing axis), from the direction cosines.
int axialAxis(const Volume &volume);
int axialSliceCount(const Volume &volume);
// Slice `index` along the axial axis, re-oriented for display.
FloatImage axialSlice(const Volume &volume, int index);

// Grey window of a whole volume from robust percentiles (0.5 % / 99.5 %) of its non-zero voxels,
// so every slice of one volume shares the same grey scale.
std::pair<float, float> robustWindow(const Volume &volume);

} // namespace neuroonco::volumeio
