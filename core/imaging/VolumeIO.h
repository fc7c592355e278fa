// 3D volumes: NIfTI reading and writing through ITK, and axial slices in display orientation
// (patient anterior at the top, patient right on the image's left, as radiologists read them).
#pragma once

#include "imaging/ImageTypes.h"
#include "util/Error.h"

#include <QString>

namespace neuroonco::volumeio {

enum class VoxelType { UInt8, Int16, Float32 };

Result<Volume> readNifti(const QString &path);
Error writeNifti(const QString &path, const Volume &volume, VoxelType type);

// Index axis that runs head-to-foot (the axial slicing axis), from the direction cosines.
int axialAxis(const Volume &volume);
int axialSliceCount(const Volume &volume);
// Slice `index` along the axial axis, re-oriented for display.
FloatImage axialSlice(const Volume &volume, int index);

} // namespace neuroonco::volumeio
