// The generator's JSON outputs: manifest.json (the sources, in the format the ingest adapters
// read), ground_truth.json (what every file really is) and the COCO annotations.json.
#pragma once

#include "core/demo/DemoPlan.h"
#include "core/util/Error.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco::demo {

struct GroundTruthHeader
{
    quint64 seed = 0;
    int cases = 0;
    QString anatomy;
};

class GroundTruthWriter
{
public:
    static Error writeManifest(const QString &outDir, quint64 seed);
    static Error writeGroundTruth(const QString &outDir, const GroundTruthHeader &header,
                                  const std::vector<FileRecord> &files, const std::vector<VolumeRecord> &volumes,
                                  const QStringList &dicomIdentifiers);
    static Error writeCoco(const QString &outDir, std::vector<CocoImage> images);
};

} // namespace neuroonco::demo
