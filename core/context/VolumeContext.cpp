// Loading the volumetric context of a slice.
#include "core/context/VolumeContext.h"

#include "core/imaging/VolumeIO.h"
#include "core/ingest/NiftiVolumesAdapter.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace neuroonco {

namespace {

QString findSegmentationBeside(const QString &anatomyFile)
{
    const QFileInfo info(anatomyFile);
    QStringList names = info.dir().entryList(QDir::Files, QDir::Name);
    for (const QString &name : names)
        if (NiftiVolumesAdapter::isSegmentationFile(name))
            return info.dir().filePath(name);
    return {};
}

// Mean of each f×f×f block, windowed to 0..255.
std::vector<std::uint8_t> shrinkAnatomy(const Volume &v, int f, const std::array<int, 3> &out, float lo, float hi)
{
    std::vector<std::uint8_t> result(size_t(out[0]) * size_t(out[1]) * size_t(out[2]));
    const float scale = 255.f / (hi - lo);
    size_t k = 0;
    for (int z = 0; z < out[2]; ++z)
        for (int y = 0; y < out[1]; ++y)
            for (int x = 0; x < out[0]; ++x, ++k) {
                double sum = 0;
                int n = 0;
                for (int dz = 0; dz < f; ++dz)
                    for (int dy = 0; dy < f; ++dy)
                        for (int dx = 0; dx < f; ++dx) {
                            const int sx = x * f + dx, sy = y * f + dy, sz = z * f + dz;
                            if (sx >= v.dims[0] || sy >= v.dims[1] || sz >= v.dims[2])
                                continue;
                            sum += double(v.at(sx, sy, sz));
                            ++n;
                        }
                const float mean = n > 0 ? float(sum / n) : 0.f;
                result[k] = std::uint8_t(std::clamp(std::lround((mean - lo) * scale), 0L, 255L));
            }
    return result;
}

// Majority sub-region of each block: a block is tumour when at least half of it is, and then takes
// its most frequent code, so thin rims survive a 2× shrink as well as they can.
std::vector<std::uint8_t> shrinkLabels(const Volume &v, int f, const std::array<int, 3> &out, const std::array<int, 256> &map,
                                       bool &anySubregion)
{
    std::vector<std::uint8_t> result(size_t(out[0]) * size_t(out[1]) * size_t(out[2]));
    size_t k = 0;
    for (int z = 0; z < out[2]; ++z)
        for (int y = 0; y < out[1]; ++y)
            for (int x = 0; x < out[0]; ++x, ++k) {
                std::array<int, 5> counts{};
                int total = 0;
                for (int dz = 0; dz < f; ++dz)
                    for (int dy = 0; dy < f; ++dy)
                        for (int dx = 0; dx < f; ++dx) {
                            const int sx = x * f + dx, sy = y * f + dy, sz = z * f + dz;
                            if (sx >= v.dims[0] || sy >= v.dims[1] || sz >= v.dims[2])
                                continue;
                            const int code = map[size_t(int(v.at(sx, sy, sz)) & 0xff)];
                            // 0 none, 1 necrotic, 2 oedema, 3 whole tumour, 4 enhancing
                            counts[size_t(code == 1 || code == 2 || code == 4 ? code : code == 0 ? 0 : 3)]++;
                            ++total;
                        }
                const int tumour = total - counts[0];
                if (tumour * 2 < total || tumour == 0)
                    continue;
                int best = 1;
                for (int c = 1; c <= 4; ++c)
                    if (counts[size_t(c)] > counts[size_t(best)])
                        best = c;
                // Codes outside {1, 2, 4} mean a binary mask: the whole tumour.
                const bool subregion = best == 1 || best == 2 || best == 4;
                anySubregion = anySubregion || subregion;
                result[k] = subregion ? std::uint8_t(best) : std::uint8_t(Subregion::WholeTumour);
            }
    return result;
}

} // namespace

std::optional<VolumeContextRequest> VolumeContextRequest::forSample(const SampleRecord &sample, const std::vector<SourceSpec> &sources)
{
    if (sample.volumePath.isEmpty() || sample.volumeIndex < 0)
        return std::nullopt;
    const auto source = std::find_if(sources.begin(), sources.end(), [&](const SourceSpec &s) { return s.code == sample.sourceCode; });
    VolumeContextRequest request;
    request.sliceIndex = sample.volumeIndex;
    if (source == sources.end() || QFileInfo(sample.volumePath).isAbsolute()) {
        request.anatomyFile = sample.volumePath;
    } else {
        request.anatomyFile = QDir(source->root).filePath(sample.volumePath);
        request.sourceOptions = source->options;
    }
    return request;
}

Result<VolumeContext> loadVolumeContext(const VolumeContextRequest &request, int maxDimension)
{
    Result<Volume> anatomy = volumeio::readNifti(request.anatomyFile);
    if (!anatomy)
        return anatomy.error();
    const Volume &v = *anatomy;
    if (v.dims[0] <= 0 || v.dims[1] <= 0 || v.dims[2] <= 0)
        return Error(ErrorCode::Parse, request.anatomyFile, QStringLiteral("the volume is empty"));

    VolumeContext context;
    context.anatomyFile = request.anatomyFile;
    const int largest = std::max({v.dims[0], v.dims[1], v.dims[2]});
    const int f = std::max(1, (largest + maxDimension - 1) / std::max(1, maxDimension));
    context.shrink = f;
    for (size_t i = 0; i < 3; ++i) {
        context.dims[i] = (v.dims[i] + f - 1) / f;
        context.spacing[i] = v.spacing[i] * f;
        context.origin[i] = v.origin[i];
    }
    context.direction = v.direction;
    context.sourceDims = v.dims;
    const auto [lo, hi] = volumeio::robustWindow(v);
    context.anatomy = shrinkAnatomy(v, f, context.dims, lo, hi);
    context.sliceAxis = volumeio::axialAxis(v);
    moveContextSlice(context, request.sliceIndex);

    context.labels.assign(context.voxelCount(), 0);
    const QString labelFile = findSegmentationBeside(request.anatomyFile);
    if (!labelFile.isEmpty()) {
        Result<Volume> seg = volumeio::readNifti(labelFile);
        if (!seg)
            return seg.error();
        if (seg->dims != v.dims)
            return Error(ErrorCode::Parse, labelFile, QStringLiteral("the segmentation's grid differs from the volume's"));
        context.labelFile = labelFile;
        std::array<int, 256> map = NiftiVolumesAdapter::subregionLabelMap(request.sourceOptions);
        // A segmentation with a single foreground value is a binary tumour mask, not sub-regions.
        std::array<bool, 256> present{};
        for (float value : seg->voxels)
            present[size_t(int(value) & 0xff)] = true;
        if (std::count(present.begin() + 1, present.end(), true) == 1)
            for (size_t i = 1; i < map.size(); ++i)
                map[i] = int(Subregion::WholeTumour);
        context.labels = shrinkLabels(*seg, f, context.dims, map, context.hasSubregions);
    }
    for (std::uint8_t code : context.labels)
        context.labelVoxels[code]++;
    return context;
}

void moveContextSlice(VolumeContext &context, int sourceSliceIndex)
{
    const int n = context.dims[size_t(context.sliceAxis)];
    context.sourceSliceIndex = sourceSliceIndex;
    context.sliceIndex = sourceSliceIndex < 0 ? -1 : std::clamp(sourceSliceIndex / std::max(1, context.shrink), 0, std::max(0, n - 1));
}

} // namespace neuroonco
