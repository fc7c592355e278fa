// A sample (one 2D slice) as stored in the project: what the queue, exports and later stages
// read. A value type: safe to copy across threads.
#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>

namespace neuroonco {

struct SampleRecord
{
    qint64 id = 0;
    QString sampleId;
    QString sourceCode;
    QString origin;
    QString tumourType;
    QString tumourLabel;
    QString modality;
    QString modalityEvidence;
    QString imagePath; // relative to slices/
    QString maskPath;
    QString labelPath;
    int width = 0;
    int height = 0;
    int originalChannels = 1;
    int originalBits = 8;
    QString originalFormat;
    qint64 lesionPixels = -1;
    QString pixelHash;
    std::uint64_t dHash = 0;
    std::uint64_t pHash = 0;
    QString fineHash; // 256-bit hex
    QString patientKey;
    QString volumePath;
    int volumeIndex = -1;
    qint64 clusterId = 0;
    qint64 duplicateOf = 0;   // id of the kept sample when this one is a duplicate
    QString duplicateKind;    // exact | near
    int duplicateDistance = -1;
    QString publishedPath;    // the published dataset's relative path of this image, when known

    bool hasMask() const { return !maskPath.isEmpty(); }
    bool isDuplicate() const { return duplicateOf != 0; }
    bool tumourPresent() const { return tumourType != QLatin1String("healthy"); }
};

struct IngestIssueRecord
{
    qint64 id = 0;
    QString sourceCode;
    QString path;
    QString severity;
    QString kind;
    QString reason;
    QString at;
};

struct ClusterSummary
{
    qint64 id = 0;
    QString keeperSampleId;
    int size = 0;
    QString kind; // exact | near
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::SampleRecord)
