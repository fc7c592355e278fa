// class-folders: <root>/…/<class>/…/*.jpg|png (Kaggle classification sets). The class is the nearest
// folder whose name is a tumour-type synonym; modality comes from path tokens.
#pragma once

#include "core/ingest/SourceAdapter.h"

namespace neuroonco {

class ClassFoldersAdapter : public SourceAdapter
{
public:
    QString layout() const override;
    std::vector<SourceItem> enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const override;

protected:
    void loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &context,
                  std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const override;
};

} // namespace neuroonco
