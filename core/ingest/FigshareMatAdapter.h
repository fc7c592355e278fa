// figshare-mat: MATLAB v7.3 cjdata files (image, tumorMask, label, PID) of the figshare
// brain-tumour collection. Patient ids are pseudonymised.
#pragma once

#include "core/ingest/SourceAdapter.h"

namespace neuroonco {

class FigshareMatAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
