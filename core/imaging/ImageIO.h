// Reading and writing 2D images (PNG, JPEG, BMP, TIFF, and any other format ITK knows) and the
// conversions every stage needs: to 8-bit greyscale, robust windowing, binarising masks.
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/imaging/ReadLimits.h"
#include "core/util/Error.h"

#include <QString>

namespace neuroonco::imageio {

enum class FileKind { Unknown, Png, Jpeg, Bmp, Tiff, Nifti, Dicom, Mat };

// Guesses the format from the first bytes (and the name for formats without a signature).
FileKind sniff(const QString &path);
// True for extensions we treat as 2D image files when walking folders.
bool hasImageExtension(const QString &path);

// Decodes a 2D image, keeping its channels and bit depth. A truncated JPEG (no end-of-image
// marker), an empty file or a non-image file is an error naming the file; so is a header that
// declares more than `limits` allow (ErrorCode::TooLarge), refused before any pixel is read.
Result<DecodedImage> read(const QString &path, const ReadLimits &limits = {});

// Canonical greyscale: RGB whose channels are equal collapses to one channel, other colour is
// converted by luminance; alpha is ignored; more than 8 bits are windowed by robust
// percentiles (0.5 %–99.5 %).
GrayImage toGray8(const DecodedImage &image);
// Windows float data to 8 bits between the given percentiles of its values.
GrayImage windowToGray8(const FloatImage &image, double lowPercentile = 0.5, double highPercentile = 99.5);

// The documented mask rule: a pixel is lesion when its largest channel exceeds half of the
// mask's maximum value; masks whose maximum is at most 10 (0/1 masks, label maps) count every
// non-zero pixel. Result is 0/255.
GrayImage binarizeMask(const DecodedImage &mask);

Error writePng(const QString &path, const GrayImage &image, int compressionLevel = 6);
Error writePng(const QString &path, const RgbImage &image, int compressionLevel = 6);
Error writeJpeg(const QString &path, const GrayImage &image, int quality = 92);
Error writeJpeg(const QString &path, const RgbImage &image, int quality = 92);

// Reads a PNG/JPEG straight into 8-bit greyscale (convenience for already canonical files).
Result<GrayImage> readGray8(const QString &path, const ReadLimits &limits = {});

} // namespace neuroonco::imageio
