// coco: a COCO annotation file with polygon or RLE segmentations rasterised into masks.
#pragma once

#include "core/ingest/SourceAdapter.h"

namespace neuroonco {

class CocoAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
