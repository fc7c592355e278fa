// MATLAB v7.3 (HDF5) files in the layout of the figshare brain-tumour collection:
// a struct `cjdata` with image, tumorMask, label (1 meningioma, 2 glioma, 3 pituitary) and PID.
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/imaging/ReadLimits.h"
#include "core/util/Error.h"

#include <QString>

namespace neuroonco::matfile {

struct Cjdata
{
    DecodedImage image;   // int16 data as float samples, 16 bits
    GrayImage tumorMask;  // 0/255, same size as image (empty when absent)
    int label = 0;
    QString pid;          // patient id as stored; callers hash it before storing
};

// Reads the cjdata struct; a matrix declaring more than `limits` allow is refused
// (ErrorCode::TooLarge) before it is read, as is a damaged container.
Result<Cjdata> readCjdata(const QString &path, const ReadLimits &limits = {});
// Writes the same layout (MATLAB header, column-major arrays, MATLAB_class attributes).
Error writeCjdata(const QString &path, const Cjdata &data);

} // namespace neuroonco::matfile
