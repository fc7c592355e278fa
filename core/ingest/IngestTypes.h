// Value types passed between source adapters, the standardiser and the ingest stage.
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/samples/SampleRecord.h"
#include "core/samples/SourceFile.h"
#include "core/vocab/Vocabulary.h"

#include <QJsonObject>
#include <QString>

#include <array>

#include <optional>
#include <vector>

namespace neuroonco {

// One unit of work of a source: an image file (with its mask/annotation) or a volume folder.
struct SourceItem
{
    QString key;          // unique within the source: path relative to the root
    QString imagePath;    // absolute
    QString maskPath;     // absolute, empty when none
    QString classLabel;   // as found in the source (folder name, class name, label number)
    QString tumourType;   // canonical, when the adapter knows it at enumeration time
    Modality modality = Modality::Unknown;
    QString modalityEvidence;
    QString name;         // base for the canonical file name (unique within the source)
    QJsonObject extra;    // layout-specific payload (polygons, volume files, …)
};

// One 2D slice decoded by an adapter, before it becomes a canonical sample.
struct LoadedSlice
{
    QString origin;       // item key, plus "#z<index>" for slices of volumes
    QString name;         // canonical base name
    QString tumourType;
    QString tumourLabel;
    Modality modality = Modality::Unknown;
    QString modalityEvidence;
    QString patientKey;
    GrayImage image;
    int originalChannels = 1;
    int originalBits = 8;
    QString originalFormat;
    std::optional<GrayImage> mask;      // 0/255
    std::optional<GrayImage> subregions; // BraTS labels 0/1/2/4
    QString volumePath;                 // relative to the source root
    int volumeIndex = -1;
    // Where the published dataset puts this image (`<type>/<ID>[_<seqs>][_mask]/<name>`, see
    // PublishedPath); empty when another slice of the same item holds that path.
    QString publishedPath;
};

// A standardised sample: files written (under temporary names until committed), hashes done.
struct CanonicalSample
{
    LoadedSlice slice;
    QString sampleId;
    QString imagePath;  // relative to slices/
    QString maskPath;
    QString labelPath;
    // Files are first written as <written path><suffix> and moved to their final paths when
    // the sample is committed (the final name can change if it collides with another origin).
    std::array<QString, 3> writtenPaths; // image, mask, label as written
    QString pendingSuffix;
    qint64 lesionPixels = -1;
    QString pixelHash;
    quint64 dHash = 0;
    quint64 pHash = 0;
    std::array<std::uint64_t, 4> fineHash{};
};

// What the sample store keeps of a standardised sample of a source.
SampleRecord sampleRecord(const CanonicalSample &sample, const QString &sourceCode);

struct IngestItemResult
{
    QString sourceCode;
    QString itemKey;
    std::vector<CanonicalSample> samples;
    std::vector<IngestIssue> issues;
};

} // namespace neuroonco
