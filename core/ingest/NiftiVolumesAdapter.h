// nifti-volumes: BraTS-style case folders (t1, t1ce, t2, flair, seg). Axial slices are chosen
// by tumour area; the seg labels give the whole-tumour mask and the sub-region label map.
#pragma once

#include "core/ingest/SourceAdapter.h"

#include <array>

namespace neuroonco {

class NiftiVolumesAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

    // True for a NIfTI file name whose stem ends in seg/label(s)/mask/segmentation.
    static bool isSegmentationFile(const QString &fileName);
    // Source label value → BraTS 2021 role code (1 necrotic core, 2 oedema, 4 enhancing, 0 none),
    // from the source's `label_map` option (BraTS 2023's 3 → 4 by default).
    static std::array<int, 256> subregionLabelMap(const QJsonObject &options);

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
