// Header checks against the read caps; products saturate so that no declared size can wrap.
#include "core/imaging/ReadLimits.h"

#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <limits>

namespace neuroonco {

namespace {

constexpr quint64 kSaturated = std::numeric_limits<quint64>::max();

quint64 times(quint64 a, quint64 b)
{
    if (a != 0 && b > kSaturated / a)
        return kSaturated;
    return a * b;
}

QString number(quint64 n)
{
    return n == kSaturated ? QStringLiteral("more than 2^64") : QString::number(n);
}

// "512×512" for a 2D image that a reader reports as 512×512×1.
QString shape(const std::vector<quint64> &dims)
{
    size_t n = dims.size();
    while (n > 2 && dims[n - 1] == 1)
        --n;
    QStringList parts;
    for (size_t i = 0; i < n; ++i)
        parts << QString::number(dims[i]);
    return parts.join(QStringLiteral("×"));
}

Error tooLarge(const QString &path, const QString &part, const QString &what)
{
    const QString name = QFileInfo(path).fileName() + (part.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(part));
    return Error(ErrorCode::TooLarge, path, name + QLatin1Char(' ') + what);
}

// The shared check: `unit` names the counted elements (pixels, voxels).
Error checkDeclared(const QString &path, const QString &part, const std::vector<quint64> &dims, quint64 channels,
                    quint64 bytesPerSample, qint64 maxElements, const QString &option, const QString &unit,
                    qint64 maxBytes)
{
    quint64 elements = 1;
    for (quint64 d : dims) {
        if (d > quint64(INT_MAX))
            return tooLarge(path, part, QStringLiteral("declares %1 %2, a side longer than any image this build reads (%3); "
                                                 "it is not decoded")
                                      .arg(shape(dims), unit)
                                      .arg(INT_MAX));
        elements = times(elements, d);
    }
    if (maxElements > 0 && elements > quint64(maxElements))
        return tooLarge(path, part, QStringLiteral("declares %1 %2 (%3 in all), more than the cap of %4 (option %5); "
                                             "it is not decoded")
                                  .arg(shape(dims), unit, number(elements))
                                  .arg(maxElements)
                                  .arg(option));
    const quint64 bytes = times(times(elements, std::max<quint64>(1, channels)), std::max<quint64>(1, bytesPerSample));
    if (maxBytes > 0 && bytes > quint64(maxBytes))
        return tooLarge(path, part, QStringLiteral("declares %1 %2 of %3 channel(s) × %4 byte(s) = %5 bytes, more than the "
                                             "cap of %6 bytes (option %7); it is not decoded")
                                  .arg(shape(dims), unit)
                                  .arg(channels)
                                  .arg(bytesPerSample)
                                  .arg(number(bytes))
                                  .arg(maxBytes)
                                  .arg(ReadLimits::fileBytesOption()));
    return {};
}

} // namespace

Error ReadLimits::checkImage(const QString &path, const std::vector<quint64> &dims, quint64 channels,
                             quint64 bytesPerSample, const QString &part) const
{
    return checkDeclared(path, part, dims, channels, bytesPerSample, maxImagePixels, imagePixelsOption(),
                         QStringLiteral("pixels"), maxFileBytes);
}

Error ReadLimits::checkVolume(const QString &path, const std::vector<quint64> &dims, quint64 channels,
                              quint64 bytesPerSample) const
{
    return checkDeclared(path, QString(), dims, channels, bytesPerSample, maxVolumeVoxels, volumeVoxelsOption(),
                         QStringLiteral("voxels"), maxFileBytes);
}

Error ReadLimits::checkFileSize(const QString &path, qint64 bytes) const
{
    if (maxFileBytes > 0 && bytes > maxFileBytes)
        return tooLarge(path, QString(), QStringLiteral("is %1 bytes, more than the cap of %2 bytes (option %3); it is not read")
                                  .arg(bytes)
                                  .arg(maxFileBytes)
                                  .arg(fileBytesOption()));
    return {};
}

} // namespace neuroonco
