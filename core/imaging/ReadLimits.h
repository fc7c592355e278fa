// Caps on what one file may declare before any of its pixels are decoded. A 68-byte PNG whose
// header says 65535×65535, or a NIfTI header saying 30000³, would otherwise make the reader
// allocate gigabytes (or throw std::bad_alloc) before it finds out the data is not there; the
// readers check the header against these caps first and refuse such a file with
// ErrorCode::TooLarge, naming the declared size and the cap.
//
// The defaults fit every real MRI with room to spare: clinical and research slices are at most
// 1024² (scanned films and photos of them up to about 16 megapixels), volumes at most about
// 512³ voxels (BraTS: 240×240×155). Ingest reads them from a source's manifest options of the
// same names (ManifestOptions); 0 there turns a cap off.
#pragma once

#include "core/util/Error.h"

#include <QString>

#include <vector>

namespace neuroonco {

struct ReadLimits
{
    static constexpr qint64 kDefaultImagePixels = qint64(4096) * 4096;       // 16,777,216
    static constexpr qint64 kDefaultVolumeVoxels = qint64(512) * 512 * 512;  // 134,217,728
    static constexpr qint64 kDefaultFileBytes = qint64(1) << 30;             // 1 GiB

    // The manifest option that sets each cap (also named in refusals).
    static QString imagePixelsOption() { return QStringLiteral("max_image_pixels"); }
    static QString volumeVoxelsOption() { return QStringLiteral("max_volume_voxels"); }
    static QString fileBytesOption() { return QStringLiteral("max_file_bytes"); }

    qint64 maxImagePixels = kDefaultImagePixels; // width × height of a 2D image; 0: no cap
    qint64 maxVolumeVoxels = kDefaultVolumeVoxels; // product of a volume's dimensions; 0: no cap
    // Bytes one file may take once read: its declared pixels × channels × bytes per sample
    // (as stored), or the size of an annotation file read whole; 0: no cap.
    qint64 maxFileBytes = kDefaultFileBytes;

    // Checks the header of a 2D image (`dims` as declared, any count; dimensions past the
    // second are frames). Also refuses a dimension no int can hold, whatever the caps say.
    // `part` names the array inside a container file ("cjdata.image"), if any.
    Error checkImage(const QString &path, const std::vector<quint64> &dims, quint64 channels,
                     quint64 bytesPerSample, const QString &part = {}) const;
    // Checks the header of a volume the same way against maxVolumeVoxels.
    Error checkVolume(const QString &path, const std::vector<quint64> &dims, quint64 channels,
                      quint64 bytesPerSample) const;
    // Checks the size of a file that is read into memory whole (a label or annotation file).
    Error checkFileSize(const QString &path, qint64 bytes) const;
};

} // namespace neuroonco
