// Volumetric context of a slice: the volume a sample was cut from, its tumour sub-region labels
// and where the slice lies in it. Plain buffers, so the 3D view (widgets, VTK) can draw it and
// core stays free of rendering. Loaded off the GUI thread; a value type safe to move across threads.
#pragma once

#include "core/ingest/Manifest.h"
#include "core/samples/SampleRecord.h"
#include "core/util/Error.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace neuroonco {

// BraTS 2021 sub-region codes as stored in the label grid.
enum class Subregion : std::uint8_t { None = 0, Necrotic = 1, Edema = 2, Enhancing = 4, WholeTumour = 255 };

struct VolumeContextRequest
{
    QString anatomyFile;      // absolute path of the intensity volume the slice was cut from
    QJsonObject sourceOptions;
    int sliceIndex = -1;

    // The request for a sample, or nothing when the sample did not come from a volume.
    static std::optional<VolumeContextRequest> forSample(const SampleRecord &sample, const std::vector<SourceSpec> &sources);
    // Key of the volume (not the slice): moving between slices of one volume reuses the load.
    QString volumeKey() const { return anatomyFile; }
};

struct VolumeContext
{
    QString anatomyFile;
    QString labelFile; // empty when the case has no segmentation volume

    // Grid after optional block-shrinking; voxels x-fastest.
    std::array<int, 3> dims{0, 0, 0};
    std::array<double, 3> spacing{1, 1, 1};
    std::array<double, 3> origin{0, 0, 0};
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1}; // LPS, column j = index axis j
    int shrink = 1;

    std::vector<std::uint8_t> anatomy; // windowed to 0..255
    std::vector<std::uint8_t> labels;  // Subregion codes (0 outside the tumour)
    bool hasSubregions = false;        // necrotic/oedema/enhancing present; else whole tumour only

    std::array<int, 3> sourceDims{0, 0, 0}; // grid of the file, before shrinking
    int sliceAxis = 2;          // index axis the slice is cut across
    int sourceSliceIndex = -1;  // slice index in the file
    int sliceIndex = -1;        // the same slice in the shrunk grid

    // Voxel counts per code after shrinking (for the legend and for tests).
    std::array<std::int64_t, 256> labelVoxels{};
    bool hasLabels() const { return !labelFile.isEmpty(); }
    std::size_t voxelCount() const { return std::size_t(dims[0]) * std::size_t(dims[1]) * std::size_t(dims[2]); }
};

// Reads the volume and its segmentation (the NIfTI named *seg*/*label*/*mask* beside it), maps the
// source's labels to sub-region codes and block-shrinks grids larger than maxDimension voxels per
// axis. Errors name the file.
Result<VolumeContext> loadVolumeContext(const VolumeContextRequest &request, int maxDimension = 192);

// The same context moved to another slice of the same volume (source slice index, before shrinking).
void moveContextSlice(VolumeContext &context, int sourceSliceIndex);

} // namespace neuroonco
