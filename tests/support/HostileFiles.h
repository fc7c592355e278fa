// Small files that lie about their size, for the read-cap and ingest tests: a PNG whose header
// declares 65535×65535 (68 bytes on disk), a NIfTI-1 header declaring 30000³ (plain or
// gzipped), and real JPEG/DICOM files whose headers are patched to absurd dimensions.
#pragma once

#include <QByteArray>
#include <QString>

#include <array>

namespace neuroonco::test {

struct HostileFiles
{
    // PNG signature, an IHDR declaring width × height (8-bit; colour type 0 grey, 6 RGBA), a
    // tiny IDAT and IEND: a valid-looking header with almost no pixel data.
    static QByteArray pngHeader(quint32 width, quint32 height, int colourType = 0);
    // A NIfTI-1 single file (.nii): the 348-byte header with `dims` (dim[0] = their count),
    // `datatype`/`bitpix`, vox_offset 352, and no voxel data.
    static QByteArray niftiHeader(const std::array<qint16, 3> &dims, qint16 datatype = 4, qint16 bitpix = 16);
    // `data` as a gzip file (stored deflate blocks), for .nii.gz.
    static QByteArray gzip(const QByteArray &data);
    // Rewrites the frame size of a baseline/progressive JPEG (its SOF marker); false if none.
    static bool patchJpegSize(QByteArray &jpeg, quint16 width, quint16 height);
    // Rewrites Rows (0028,0010) and Columns (0028,0011) of a little-endian DICOM (explicit or
    // implicit VR).
    static bool patchDicomSize(QByteArray &dicom, quint16 rows, quint16 columns);

    static void write(const QString &path, const QByteArray &bytes);
};

} // namespace neuroonco::test
