// Byte-level writers for lying headers; checksums are computed so that the files are well
// formed apart from the size they claim.
#include "HostileFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <utility>

namespace neuroonco::test {

namespace {

quint32 crc32(const QByteArray &data, quint32 crc = 0)
{
    crc = ~crc;
    for (char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

quint32 adler32(const QByteArray &data)
{
    quint32 a = 1, b = 0;
    for (char byte : data) {
        a = (a + quint8(byte)) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

QByteArray be32(quint32 v)
{
    QByteArray out(4, '\0');
    qToBigEndian(v, out.data());
    return out;
}

QByteArray le32(quint32 v)
{
    QByteArray out(4, '\0');
    qToLittleEndian(v, out.data());
    return out;
}

// Deflate "stored" blocks: no compression, so no compressor is needed.
QByteArray storedDeflate(const QByteArray &data)
{
    QByteArray out;
    qsizetype at = 0;
    do {
        const qsizetype n = std::min<qsizetype>(65535, data.size() - at);
        const bool last = at + n >= data.size();
        out += char(last ? 1 : 0);
        const quint16 len = quint16(n);
        const quint16 nlen = quint16(~len);
        out += char(len & 0xff);
        out += char(len >> 8);
        out += char(nlen & 0xff);
        out += char(nlen >> 8);
        out += data.mid(at, n);
        at += n;
    } while (at < data.size());
    return out;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray typed = QByteArray(type, 4) + data;
    return be32(quint32(data.size())) + typed + be32(crc32(typed));
}

} // namespace

QByteArray HostileFiles::pngHeader(quint32 width, quint32 height, int colourType)
{
    QByteArray ihdr = be32(width) + be32(height);
    ihdr += char(8);           // bit depth
    ihdr += char(colourType);  // 0 grey, 2 RGB, 6 RGBA
    ihdr += QByteArray(3, '\0'); // compression, filter, interlace
    const QByteArray raw(8, '\0');
    const QByteArray zlib = QByteArray("\x78\x01", 2) + storedDeflate(raw) + be32(adler32(raw));
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlib) + pngChunk("IEND", {});
}

QByteArray HostileFiles::niftiHeader(const std::array<qint16, 3> &dims, qint16 datatype, qint16 bitpix)
{
    QByteArray h(352, '\0');
    auto put16 = [&h](int offset, qint16 v) { qToLittleEndian(v, h.data() + offset); };
    auto putF = [&h](int offset, float v) { qToLittleEndian(v, h.data() + offset); };
    qToLittleEndian(qint32(348), h.data());
    put16(40, 3);
    for (int d = 0; d < 3; ++d)
        put16(42 + 2 * d, dims[size_t(d)]);
    for (int d = 4; d < 8; ++d) // dim[4..7], unused
        put16(40 + 2 * d, 1);
    put16(70, datatype);
    put16(72, bitpix);
    for (int d = 0; d < 8; ++d)
        putF(76 + 4 * d, 1.f);
    putF(108, 352.f); // vox_offset
    putF(112, 1.f);   // scl_slope
    std::memcpy(h.data() + 344, "n+1\0", 4);
    return h;
}

QByteArray HostileFiles::gzip(const QByteArray &data)
{
    const QByteArray header("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    return header + storedDeflate(data) + le32(crc32(data)) + le32(quint32(data.size()));
}

bool HostileFiles::patchJpegSize(QByteArray &jpeg, quint16 width, quint16 height)
{
    qsizetype i = 2;
    while (i + 9 < jpeg.size() && quint8(jpeg.at(i)) == 0xFF) {
        const quint8 marker = quint8(jpeg.at(i + 1));
        const quint16 length = qFromBigEndian<quint16>(jpeg.constData() + i + 2);
        if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
            qToBigEndian(height, jpeg.data() + i + 5);
            qToBigEndian(width, jpeg.data() + i + 7);
            return true;
        }
        i += 2 + length;
    }
    return false;
}

bool HostileFiles::patchDicomSize(QByteArray &dicom, quint16 rows, quint16 columns)
{
    // Explicit VR: tag, "US", 2-byte length; implicit VR: tag, 4-byte length. Either way the
    // value starts 8 bytes after the tag.
    bool patched = true;
    for (const auto &[tag, value] : {std::pair<QByteArray, quint16>{QByteArray("\x28\x00\x10\x00", 4), rows},
                                     std::pair<QByteArray, quint16>{QByteArray("\x28\x00\x11\x00", 4), columns}}) {
        qsizetype at = dicom.indexOf(tag + QByteArray("US\x02\x00", 4));
        if (at < 0)
            at = dicom.indexOf(tag + QByteArray("\x02\x00\x00\x00", 4));
        if (at < 0) {
            patched = false;
            continue;
        }
        qToLittleEndian(value, dicom.data() + at + 8);
    }
    return patched;
}

void HostileFiles::write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

} // namespace neuroonco::test
