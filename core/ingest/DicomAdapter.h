// dicom: DICOM slices through ITK GDCM. Modality from the series description; patient
// identifiers are only used to derive a salted pseudonymous key.
#pragma once

#include "core/ingest/SourceAdapter.h"

namespace neuroonco {

class DicomAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
