// DICOM slices through ITK's GDCM reader. Patient identifiers are read only to derive a
// pseudonymous patient key (a salted hash) and are never returned or stored.
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/imaging/ReadLimits.h"
#include "core/util/Error.h"

#include <QString>

namespace neuroonco::dicomio {

struct DicomSlice
{
    DecodedImage image;          // rescaled (slope/intercept applied) values
    QString seriesDescription;   // used for modality hints (T1, T2, FLAIR, post-contrast)
    QString protocolName;
    QString seriesInstanceUid;
    QString patientKey;          // hex digest of salt + patient ID + name; empty when absent
    int instanceNumber = 0;
    double sliceLocation = 0;
};

// Reads one single-frame slice; rows × columns beyond `limits` are refused
// (ErrorCode::TooLarge) before the pixel buffer is allocated.
Result<DicomSlice> read(const QString &path, const QByteArray &salt, const ReadLimits &limits = {});

struct DicomWriteTags
{
    QString patientName;
    QString patientId;
    QString seriesDescription;
    QString studyUid;
    QString seriesUid;
    int instanceNumber = 1;
    double sliceLocation = 0;
};

// Writes a 16-bit MR slice (used by the demo-data generator and tests).
Error writeSlice(const QString &path, const FloatImage &image, const DicomWriteTags &tags);

} // namespace neuroonco::dicomio
