// nifti-volumes: BraTS-style case folders (t1, t1ce, t2, flair, seg). Axial slices are chosen
// by tumour area; the seg labels give the whole-tumour mask and the sub-region label map.
#pragma once

#include "ingest/SourceAdapter.h"

namespace neuroonco {

class NiftiVolumesAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;
    void load(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
              std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
