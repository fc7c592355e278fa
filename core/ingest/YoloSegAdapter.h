// yolo-seg: images + YOLO segmentation labels (<class> x1 y1 x2 y2 … normalised) rasterised
// into masks. Coordinates outside [0, 1] make the annotation invalid.
#pragma once

#include "core/ingest/SourceAdapter.h"

namespace neuroonco {

class YoloSegAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
