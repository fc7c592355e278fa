// 2D image IO through ITK's ImageIO classes used directly (no templated pipeline), which keeps
// decoding fast and lets us read any channel count and bit depth into one buffer type.
#include "core/imaging/ImageIO.h"

#include <QFile>
#include <QFileInfo>

#include <itkBMPImageIO.h>
#include <itkImageIOFactory.h>
#include <itkJPEGImageIO.h>
#include <itkPNGImageIO.h>
#include <itkTIFFImageIO.h>

#include <algorithm>
#include <cmath>

namespace neuroonco::imageio {

namespace {

template<typename T>
void convertBuffer(const char *raw, size_t n, std::vector<float> &out)
{
    const T *p = reinterpret_cast<const T *>(raw);
    out.resize(n);
    for (size_t i = 0; i < n; ++i)
        out[i] = float(p[i]);
}

bool convertComponents(itk::IOComponentEnum type, const std::vector<char> &raw, size_t n,
                       std::vector<float> &out, int *bits, bool *isFloat)
{
    *isFloat = false;
    switch (type) {
    case itk::IOComponentEnum::UCHAR: convertBuffer<unsigned char>(raw.data(), n, out); *bits = 8; return true;
    case itk::IOComponentEnum::CHAR: convertBuffer<signed char>(raw.data(), n, out); *bits = 8; return true;
    case itk::IOComponentEnum::USHORT: convertBuffer<unsigned short>(raw.data(), n, out); *bits = 16; return true;
    case itk::IOComponentEnum::SHORT: convertBuffer<short>(raw.data(), n, out); *bits = 16; return true;
    case itk::IOComponentEnum::UINT: convertBuffer<unsigned int>(raw.data(), n, out); *bits = 32; return true;
    case itk::IOComponentEnum::INT: convertBuffer<int>(raw.data(), n, out); *bits = 32; return true;
    case itk::IOComponentEnum::FLOAT: convertBuffer<float>(raw.data(), n, out); *bits = 32; *isFloat = true; return true;
    case itk::IOComponentEnum::DOUBLE: convertBuffer<double>(raw.data(), n, out); *bits = 32; *isFloat = true; return true;
    default: return false;
    }
}

itk::ImageIOBase::Pointer ioFor(FileKind kind, const std::string &file)
{
    switch (kind) {
    case FileKind::Png: return itk::PNGImageIO::New().GetPointer();
    case FileKind::Jpeg: return itk::JPEGImageIO::New().GetPointer();
    case FileKind::Bmp: return itk::BMPImageIO::New().GetPointer();
    case FileKind::Tiff: return itk::TIFFImageIO::New().GetPointer();
    default: return itk::ImageIOFactory::CreateImageIO(file.c_str(), itk::CommonEnums::IOFileMode::ReadMode);
    }
}

bool jpegHasEndMarker(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const qint64 size = f.size();
    f.seek(std::max<qint64>(0, size - 256));
    const QByteArray tail = f.readAll();
    return tail.contains(QByteArray("\xFF\xD9", 2));
}

template<typename Io>
Error writeWith(Io *io, const QString &path, int width, int height, int components, const std::uint8_t *data)
{
    try {
        io->SetNumberOfDimensions(2);
        io->SetDimensions(0, unsigned(width));
        io->SetDimensions(1, unsigned(height));
        io->SetSpacing(0, 1.0);
        io->SetSpacing(1, 1.0);
        io->SetOrigin(0, 0.0);
        io->SetOrigin(1, 0.0);
        io->SetComponentType(itk::IOComponentEnum::UCHAR);
        io->SetNumberOfComponents(unsigned(components));
        io->SetPixelType(components == 1 ? itk::IOPixelEnum::SCALAR : itk::IOPixelEnum::RGB);
        io->SetFileName(QFile::encodeName(path).toStdString());
        itk::ImageIORegion region(2);
        region.SetSize(0, size_t(width));
        region.SetSize(1, size_t(height));
        io->SetIORegion(region);
        io->Write(data);
    } catch (const itk::ExceptionObject &e) {
        return Error(ErrorCode::Io, path, QString::fromLocal8Bit(e.GetDescription()));
    }
    if (!QFileInfo::exists(path))
        return Error(ErrorCode::Io, path, QStringLiteral("the file was not written"));
    return {};
}

} // namespace

FileKind sniff(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return FileKind::Unknown;
    const QByteArray head = f.read(132);
    if (head.startsWith("\x89PNG"))
        return FileKind::Png;
    if (head.startsWith("\xFF\xD8\xFF"))
        return FileKind::Jpeg;
    if (head.startsWith("BM"))
        return FileKind::Bmp;
    if (head.startsWith("II*") || head.startsWith("MM\0*"))
        return FileKind::Tiff;
    if (head.size() >= 132 && head.mid(128, 4) == "DICM")
        return FileKind::Dicom;
    if (head.startsWith("MATLAB"))
        return FileKind::Mat;
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".nii")) || lower.endsWith(QLatin1String(".nii.gz")))
        return FileKind::Nifti;
    if (lower.endsWith(QLatin1String(".dcm")))
        return FileKind::Dicom;
    return FileKind::Unknown;
}

bool hasImageExtension(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("png") || suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg")
           || suffix == QLatin1String("bmp") || suffix == QLatin1String("tif") || suffix == QLatin1String("tiff");
}

namespace {

// Opens, checks and decodes a file into raw component bytes; shared by read() and readGray8().
struct RawDecode
{
    int width = 0, height = 0, channels = 1;
    itk::IOComponentEnum type = itk::IOComponentEnum::UCHAR;
    std::vector<char> bytes;
};

Result<RawDecode> decodeRaw(const QString &path, const ReadLimits &limits)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(ErrorCode::NotFound, path);
    if (info.size() == 0)
        return Error(ErrorCode::Parse, path, QStringLiteral("empty file (0 bytes)"));
    const FileKind kind = sniff(path);
    if (kind == FileKind::Unknown && !hasImageExtension(path))
        return Error(ErrorCode::Unsupported, path, QStringLiteral("not an image file (unknown extension and content)"));
    if (kind == FileKind::Unknown)
        return Error(ErrorCode::Parse, path, QStringLiteral("the content is not a recognised image format"));
    if (kind == FileKind::Jpeg && !jpegHasEndMarker(path))
        return Error(ErrorCode::Parse, path, QStringLiteral("truncated JPEG (no end-of-image marker)"));

    const std::string file = QFile::encodeName(path).toStdString();
    RawDecode out;
    try {
        itk::ImageIOBase::Pointer io = ioFor(kind, file);
        if (!io)
            return Error(ErrorCode::Unsupported, path, QStringLiteral("no reader for this format"));
        io->SetFileName(file);
        io->ReadImageInformation();
        const unsigned dims = io->GetNumberOfDimensions();
        if (dims < 2)
            return Error(ErrorCode::Parse, path, QStringLiteral("not a 2D image"));
        for (unsigned d = 2; d < dims; ++d) {
            if (io->GetDimensions(d) > 1)
                return Error(ErrorCode::Unsupported, path, QStringLiteral("a volume, not a 2D image"));
        }
        // The header alone decides whether the pixels may be read: nothing is allocated for a
        // file that declares more than the caps allow (or than an int can index).
        std::vector<quint64> declared;
        for (unsigned d = 0; d < dims; ++d)
            declared.push_back(quint64(io->GetDimensions(d)));
        if (Error e = limits.checkImage(path, declared, io->GetNumberOfComponents(), io->GetComponentSize()))
            return e;
        out.width = int(io->GetDimensions(0));
        out.height = int(io->GetDimensions(1));
        out.channels = int(io->GetNumberOfComponents());
        if (out.width <= 0 || out.height <= 0)
            return Error(ErrorCode::Parse, path, QStringLiteral("zero-sized image"));
        itk::ImageIORegion region(dims);
        for (unsigned d = 0; d < dims; ++d)
            region.SetSize(d, io->GetDimensions(d));
        io->SetIORegion(region);
        out.type = io->GetComponentType();
        out.bytes.resize(io->GetImageSizeInBytes());
        io->Read(out.bytes.data());
    } catch (const itk::ExceptionObject &e) {
        return Error(ErrorCode::Parse, path, QString::fromLocal8Bit(e.GetDescription()).simplified());
    }
    return out;
}

} // namespace

Result<DecodedImage> read(const QString &path, const ReadLimits &limits)
{
    Result<RawDecode> raw = decodeRaw(path, limits);
    if (!raw)
        return raw.error();
    DecodedImage out;
    out.width = raw->width;
    out.height = raw->height;
    out.channels = raw->channels;
    const size_t n = size_t(out.width) * size_t(out.height) * size_t(out.channels);
    if (!convertComponents(raw->type, raw->bytes, n, out.samples, &out.bitsPerSample, &out.isFloat))
        return Error(ErrorCode::Unsupported, path, QStringLiteral("unsupported pixel type"));
    return out;
}

GrayImage windowToGray8(const FloatImage &image, double lowPercentile, double highPercentile)
{
    GrayImage out(image.width, image.height);
    if (image.pixels.empty())
        return out;
    // Percentiles of the finite values only: a NaN breaks the ordering nth_element relies on
    // (and can make it read past the end); non-finite pixels become black.
    std::vector<float> sorted;
    sorted.reserve(image.pixels.size());
    for (float v : image.pixels)
        if (std::isfinite(v))
            sorted.push_back(v);
    if (sorted.empty())
        return out;
    const size_t n = sorted.size();
    auto at = [&](double pct) {
        const size_t k = std::min(n - 1, size_t(std::floor(pct / 100.0 * double(n - 1))));
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(k), sorted.end());
        return sorted[k];
    };
    const float lo = at(lowPercentile);
    const float hi = at(highPercentile);
    const float scale = hi > lo ? 255.f / (hi - lo) : 0.f;
    for (size_t i = 0; i < image.pixels.size(); ++i) {
        const float v = (image.pixels[i] - lo) * scale;
        out.pixels[i] = std::isfinite(v) ? std::uint8_t(std::clamp(std::lround(v), 0L, 255L)) : 0;
    }
    return out;
}

GrayImage toGray8(const DecodedImage &image)
{
    const size_t n = size_t(image.width) * size_t(image.height);
    const int c = image.channels;
    FloatImage gray{image.width, image.height, std::vector<float>(n)};
    bool equalChannels = true;
    if (c >= 3) {
        for (size_t i = 0; i < n && equalChannels; ++i) {
            const float *p = &image.samples[i * size_t(c)];
            equalChannels = p[0] == p[1] && p[1] == p[2];
        }
    }
    for (size_t i = 0; i < n; ++i) {
        const float *p = &image.samples[i * size_t(c)];
        if (c < 3 || equalChannels)
            gray.pixels[i] = p[0];
        else
            gray.pixels[i] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
    }
    if (image.bitsPerSample == 8 && !image.isFloat) {
        GrayImage out(image.width, image.height);
        for (size_t i = 0; i < n; ++i)
            out.pixels[i] = std::uint8_t(std::clamp(std::lround(gray.pixels[i]), 0L, 255L));
        return out;
    }
    return windowToGray8(gray);
}

GrayImage binarizeMask(const DecodedImage &mask)
{
    const size_t n = size_t(mask.width) * size_t(mask.height);
    const int c = mask.channels;
    const int colourChannels = std::min(c, 3); // alpha is not a colour
    std::vector<float> peak(n);
    float maxValue = 0;
    for (size_t i = 0; i < n; ++i) {
        const float *p = &mask.samples[i * size_t(c)];
        float m = p[0];
        for (int k = 1; k < colourChannels; ++k)
            m = std::max(m, p[k]);
        peak[i] = m;
        maxValue = std::max(maxValue, m);
    }
    const float threshold = maxValue <= 10.f ? 0.f : maxValue / 2.f;
    GrayImage out(mask.width, mask.height);
    for (size_t i = 0; i < n; ++i)
        out.pixels[i] = peak[i] > threshold ? 255 : 0;
    return out;
}

Error writePng(const QString &path, const GrayImage &image, int compressionLevel)
{
    auto io = itk::PNGImageIO::New();
    io->SetUseCompression(true);
    io->SetCompressionLevel(compressionLevel);
    return writeWith(io.GetPointer(), path, image.width, image.height, 1, image.pixels.data());
}

Error writePng(const QString &path, const RgbImage &image, int compressionLevel)
{
    auto io = itk::PNGImageIO::New();
    io->SetUseCompression(true);
    io->SetCompressionLevel(compressionLevel);
    return writeWith(io.GetPointer(), path, image.width, image.height, 3, image.pixels.data());
}

Error writeJpeg(const QString &path, const GrayImage &image, int quality)
{
    auto io = itk::JPEGImageIO::New();
    io->SetQuality(quality);
    return writeWith(io.GetPointer(), path, image.width, image.height, 1, image.pixels.data());
}

Error writeJpeg(const QString &path, const RgbImage &image, int quality)
{
    auto io = itk::JPEGImageIO::New();
    io->SetQuality(quality);
    return writeWith(io.GetPointer(), path, image.width, image.height, 3, image.pixels.data());
}

Result<GrayImage> readGray8(const QString &path, const ReadLimits &limits)
{
    // Canonical slices and masks are 8-bit greyscale: copy their bytes without conversions.
    Result<RawDecode> raw = decodeRaw(path, limits);
    if (!raw)
        return raw.error();
    if (raw->type == itk::IOComponentEnum::UCHAR && raw->channels == 1) {
        GrayImage out;
        out.width = raw->width;
        out.height = raw->height;
        out.pixels.assign(reinterpret_cast<const std::uint8_t *>(raw->bytes.data()),
                          reinterpret_cast<const std::uint8_t *>(raw->bytes.data()) + raw->bytes.size());
        return out;
    }
    DecodedImage decoded;
    decoded.width = raw->width;
    decoded.height = raw->height;
    decoded.channels = raw->channels;
    const size_t n = size_t(decoded.width) * size_t(decoded.height) * size_t(decoded.channels);
    if (!convertComponents(raw->type, raw->bytes, n, decoded.samples, &decoded.bitsPerSample, &decoded.isFloat))
        return Error(ErrorCode::Unsupported, path, QStringLiteral("unsupported pixel type"));
    return toGray8(decoded);
}

} // namespace neuroonco::imageio
