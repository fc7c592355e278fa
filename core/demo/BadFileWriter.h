// Plants the bad inputs that need no rendering: a zero-byte image, a text file in an image
// folder, a symlink escaping its source root (to a real image outside it) and a symlink loop.
#pragma once

#include "core/demo/DemoPlan.h"

namespace neuroonco::demo {

class BadFileWriter
{
public:
    explicit BadFileWriter(QString outDir)
        : m_outDir(std::move(outDir))
    {}

    ItemResult write(const std::vector<BadFilePlan> &files) const;

private:
    QString m_outDir;
};

} // namespace neuroonco::demo
