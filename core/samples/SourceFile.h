// What the sample store keeps of a source and of its files: the source as a manifest describes
// it, the verdict on a file that gave no sample or gave one with something left out, and the
// metadata of a standardised sample. Ingest fills them; the store reads and writes them.
#pragma once

#include "core/vocab/Vocabulary.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>

namespace neuroonco {

struct SourceSpec
{
    QString code;       // "01".."20" in the paper; any short token
    QString name;
    QString url;
    QString licence;
    QString layout;     // class-folders | image-mask-pairs | yolo-seg | coco | nifti-volumes | figshare-mat | dicom
    QString root;       // absolute, resolved against the manifest's folder
    int priority = 100; // keep-policy tie-breaker: lower wins
    QJsonObject options;
};

enum class IssueSeverity { Warning, Error };
QString issueSeverityName(IssueSeverity s);

// A problem with one file of a source. Errors mean the file gave no sample; warnings mean it
// gave a sample with something left out (a mask of the wrong size, say).
struct IngestIssue
{
    QString sourceCode;
    QString path;   // relative to the source root
    IssueSeverity severity = IssueSeverity::Error;
    QString kind;   // stable token: truncated, not-an-image, mask-size-mismatch, path-escape, …
    QString reason; // one sentence for people
};

// The stored metadata of one standardised sample (its files are already written).
struct SampleRow
{
    QString sampleId;
    QString origin;       // item key, plus "#z<index>" for slices of volumes
    QString tumourType;
    QString tumourLabel;
    Modality modality = Modality::Unknown;
    QString modalityEvidence;
    QString imagePath;    // relative to slices/
    QString maskPath;
    QString labelPath;
    int width = 0;
    int height = 0;
    int originalChannels = 1;
    int originalBits = 8;
    QString originalFormat;
    qint64 lesionPixels = -1;
    QString pixelHash;
    quint64 dHash = 0;
    quint64 pHash = 0;
    std::array<std::uint64_t, 4> fineHash{};
    QString patientKey;
    QString volumePath;   // relative to the source root
    int volumeIndex = -1;
    QString publishedPath;
};

} // namespace neuroonco
