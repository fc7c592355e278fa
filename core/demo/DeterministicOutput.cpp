// In-place patches guarded by plausibility checks, so a pattern that happens to occur in pixel
// data is never touched.
#include "core/demo/DeterministicOutput.h"

#include <QDateTime>
#include <QFile>

#include <cstring>

#ifdef NEUROONCO_HAVE_GDCM_TRACE
#include <gdcmTrace.h>
#endif

namespace neuroonco::demo {

namespace {

Error readAll(const QString &path, QByteArray *data)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, path, f.errorString());
    *data = f.readAll();
    return {};
}

Error writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return Error(ErrorCode::Io, path, f.errorString());
    return {};
}

quint32 readU32(const char *p)
{
    quint32 v;
    std::memcpy(&v, p, 4);
    return v; // little-endian host (x86_64, aarch64)
}

} // namespace

Error DeterministicOutput::normaliseMat(const QString &path)
{
    QByteArray data;
    if (Error e = readAll(path, &data))
        return e;
    // Modification Time message (type 0x12, size 8, version 1): the seconds follow 4 bytes later.
    static const char pattern[] = {0x12, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00};
    const QByteArray needle(pattern, sizeof(pattern));
    const quint32 now = quint32(QDateTime::currentSecsSinceEpoch());
    bool changed = false;
    for (qsizetype at = data.indexOf(needle); at >= 0 && at + 16 <= data.size(); at = data.indexOf(needle, at + 1)) {
        char *stamp = data.data() + at + 12;
        const quint32 seconds = readU32(stamp);
        // Only values that look like "written today" are timestamps.
        if (seconds + 86400u * 2 < now || seconds > now + 86400u)
            continue;
        std::memset(stamp, 0, 4);
        changed = true;
    }
    return changed ? writeAll(path, data) : Error();
}

Error DeterministicOutput::normaliseDicom(const QString &path, quint64 uidSeed)
{
    QByteArray data;
    if (Error e = readAll(path, &data))
        return e;
    if (data.size() < 144 || data.mid(128, 4) != "DICM")
        return Error(ErrorCode::Parse, path, QStringLiteral("not a DICOM file"));
    // A fixed-length UID under the UUID-derived root 2.25 (39 digits: always 44 bytes, even).
    QByteArray uid("2.25.");
    quint64 state = uidSeed | 1;
    for (int i = 0; i < 39; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const int digit = int((state >> 33) % 10);
        uid += char('0' + (i == 0 && digit == 0 ? 1 : digit));
    }
    auto le16 = [](quint16 v) { return QByteArray(reinterpret_cast<const char *>(&v), 2); };
    auto le32 = [](quint32 v) { return QByteArray(reinterpret_cast<const char *>(&v), 4); };
    auto u16 = [&](qsizetype at) { return quint16(quint8(data[at]) | (quint8(data[at + 1]) << 8)); };
    const QByteArray bad = QByteArrayLiteral("unexpected DICOM structure");

    // File meta information (explicit VR little endian), rebuilt with the new UID and length.
    QByteArray meta;
    qsizetype at = 132;
    while (at + 8 <= data.size() && u16(at) == 0x0002) {
        const quint16 element = u16(at + 2);
        const QByteArray vr = data.mid(at + 4, 2);
        const bool longForm = vr == "OB" || vr == "OW" || vr == "OF" || vr == "SQ" || vr == "UT" || vr == "UN";
        const qsizetype header = longForm ? 12 : 8;
        const quint32 length = longForm ? readU32(data.constData() + at + 8) : u16(at + 6);
        if (length == 0xffffffffu || at + header + qsizetype(length) > data.size())
            return Error(ErrorCode::Parse, path, QString::fromLatin1(bad));
        if (element == 0x0003)
            meta += data.mid(at, 6) + le16(quint16(uid.size())) + uid;
        else if (element != 0x0000)
            meta += data.mid(at, header + qsizetype(length));
        at += header + qsizetype(length);
    }
    QByteArray out = data.left(132);
    out += QByteArray("\x02\x00\x00\x00UL", 6) + le16(4) + le32(quint32(meta.size())) + meta;

    // Dataset (implicit VR little endian): new SOP Instance UID, fixed dates and times.
    while (at + 8 <= data.size()) {
        const quint16 group = u16(at), element = u16(at + 2);
        const quint32 length = readU32(data.constData() + at + 4);
        if (group == 0x7fe0 && element == 0x0010) {
            out += data.mid(at);
            break;
        }
        if (length == 0xffffffffu || at + 8 + qsizetype(length) > data.size())
            return Error(ErrorCode::Parse, path, QString::fromLatin1(bad));
        QByteArray value = data.mid(at + 8, qsizetype(length));
        if (group == 0x0008 && element == 0x0018) {
            value = uid;
        } else if (group == 0x0008 && (element == 0x0012 || (element >= 0x0020 && element <= 0x0023))) {
            value = "20240315";
        } else if (group == 0x0008 && (element == 0x0013 || (element >= 0x0030 && element <= 0x0033))) {
            value = "093000.000000 ";
        }
        out += data.mid(at, 4) + le32(quint32(value.size())) + value;
        at += 8 + qsizetype(length);
    }
    return writeAll(path, out);
}

void DeterministicOutput::quietDicomWarnings()
{
#ifdef NEUROONCO_HAVE_GDCM_TRACE
    gdcm::Trace::WarningOff();
#endif
}

} // namespace neuroonco::demo
