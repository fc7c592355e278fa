// image-mask-pairs: an image and its mask matched by stem (x.png + masks/x_mask.png, x_mask.png
// beside the image, …). Grey, colour and 0/1 masks are binarised by one rule.
#pragma once

#include "core/ingest/SourceAdapter.h"

namespace neuroonco {

class ImageMaskPairsAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
