// GDCM-backed DICOM slice IO.
#include "core/imaging/DicomIO.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <itkGDCMImageIO.h>
#include <itkMetaDataObject.h>

#include <cmath>

namespace neuroonco::dicomio {

namespace {

QString tag(itk::GDCMImageIO *io, const char *key)
{
    std::string value;
    if (io->GetValueFromTag(key, value))
        return QString::fromStdString(value).trimmed();
    return {};
}

} // namespace

Result<DicomSlice> read(const QString &path, const QByteArray &salt, const ReadLimits &limits)
{
    if (!QFileInfo::exists(path))
        return Error(ErrorCode::NotFound, path);
    DicomSlice out;
    try {
        auto io = itk::GDCMImageIO::New();
        const std::string file = QFile::encodeName(path).toStdString();
        if (!io->CanReadFile(file.c_str()))
            return Error(ErrorCode::Parse, path, QStringLiteral("not a readable DICOM file"));
        io->SetLoadPrivateTags(false);
        io->SetFileName(file);
        io->ReadImageInformation();
        const unsigned dims = io->GetNumberOfDimensions();
        if (dims < 2)
            return Error(ErrorCode::Parse, path, QStringLiteral("no image data"));
        std::vector<quint64> declared;
        for (unsigned d = 0; d < dims; ++d)
            declared.push_back(quint64(io->GetDimensions(d)));
        if (Error e = limits.checkImage(path, declared, io->GetNumberOfComponents(), io->GetComponentSize()))
            return e;
        DecodedImage &img = out.image;
        img.width = int(io->GetDimensions(0));
        img.height = int(io->GetDimensions(1));
        img.channels = int(io->GetNumberOfComponents());
        for (unsigned d = 2; d < dims; ++d) {
            if (io->GetDimensions(d) > 1)
                return Error(ErrorCode::Unsupported, path, QStringLiteral("multi-frame DICOM is not supported"));
        }
        itk::ImageIORegion region(dims);
        for (unsigned d = 0; d < dims; ++d)
            region.SetSize(d, io->GetDimensions(d));
        io->SetIORegion(region);
        std::vector<char> raw(io->GetImageSizeInBytes());
        io->Read(raw.data());
        const size_t n = size_t(img.width) * size_t(img.height) * size_t(img.channels);
        img.samples.resize(n);
        auto convert = [&](auto sample) {
            using T = decltype(sample);
            const T *p = reinterpret_cast<const T *>(raw.data());
            for (size_t i = 0; i < n; ++i)
                img.samples[i] = float(p[i]);
        };
        switch (io->GetComponentType()) {
        case itk::IOComponentEnum::UCHAR: convert((unsigned char)0); img.bitsPerSample = 8; break;
        case itk::IOComponentEnum::CHAR: convert((signed char)0); img.bitsPerSample = 16; break;
        case itk::IOComponentEnum::USHORT: convert((unsigned short)0); img.bitsPerSample = 16; break;
        case itk::IOComponentEnum::SHORT: convert(short(0)); img.bitsPerSample = 16; break;
        case itk::IOComponentEnum::INT: convert(int(0)); img.bitsPerSample = 32; break;
        case itk::IOComponentEnum::UINT: convert((unsigned int)0); img.bitsPerSample = 32; break;
        case itk::IOComponentEnum::FLOAT: convert(float(0)); img.bitsPerSample = 32; img.isFloat = true; break;
        case itk::IOComponentEnum::DOUBLE: convert(double(0)); img.bitsPerSample = 32; img.isFloat = true; break;
        default: return Error(ErrorCode::Unsupported, path, QStringLiteral("unsupported pixel type"));
        }
        // Windowing to 8 bits happens later; mark 8-bit data as wider so it is windowed too
        // when it carries a rescale (ITK applies slope/intercept on read).
        out.seriesDescription = tag(io, "0008|103e");
        out.protocolName = tag(io, "0018|1030");
        out.seriesInstanceUid = tag(io, "0020|000e");
        out.instanceNumber = tag(io, "0020|0013").toInt();
        out.sliceLocation = tag(io, "0020|1041").toDouble();
        const QString id = tag(io, "0010|0020");
        const QString name = tag(io, "0010|0010");
        if (!id.isEmpty() || !name.isEmpty()) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            h.addData(salt);
            h.addData(id.toUtf8());
            h.addData(QByteArrayView("\x1f", 1));
            h.addData(name.toUtf8());
            out.patientKey = QString::fromLatin1(h.result().toHex().left(16));
        }
    } catch (const itk::ExceptionObject &e) {
        return Error(ErrorCode::Parse, path, QString::fromLocal8Bit(e.GetDescription()).simplified());
    }
    return out;
}

Error writeSlice(const QString &path, const FloatImage &image, const DicomWriteTags &tags)
{
    try {
        auto io = itk::GDCMImageIO::New();
        itk::MetaDataDictionary &dict = io->GetMetaDataDictionary();
        auto set = [&dict](const char *key, const QString &value) {
            itk::EncapsulateMetaData<std::string>(dict, key, value.toStdString());
        };
        set("0008|0060", QStringLiteral("MR"));
        set("0028|0004", QStringLiteral("MONOCHROME2"));
        set("0010|0010", tags.patientName);
        set("0010|0020", tags.patientId);
        set("0008|103e", tags.seriesDescription);
        set("0020|000d", tags.studyUid);
        set("0020|000e", tags.seriesUid);
        set("0020|0013", QString::number(tags.instanceNumber));
        set("0020|1041", QString::number(tags.sliceLocation));
        set("0028|1052", QStringLiteral("0"));
        set("0028|1053", QStringLiteral("1"));
        io->KeepOriginalUIDOn();
        io->SetNumberOfDimensions(2);
        io->SetDimensions(0, unsigned(image.width));
        io->SetDimensions(1, unsigned(image.height));
        io->SetSpacing(0, 1.0);
        io->SetSpacing(1, 1.0);
        io->SetOrigin(0, 0.0);
        io->SetOrigin(1, 0.0);
        io->SetComponentType(itk::IOComponentEnum::SHORT);
        io->SetNumberOfComponents(1);
        io->SetPixelType(itk::IOPixelEnum::SCALAR);
        io->SetFileName(QFile::encodeName(path).toStdString());
        itk::ImageIORegion region(2);
        region.SetSize(0, size_t(image.width));
        region.SetSize(1, size_t(image.height));
        io->SetIORegion(region);
        std::vector<short> data(image.pixels.size());
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = short(std::lround(std::clamp(image.pixels[i], -32768.f, 32767.f)));
        io->Write(data.data());
    } catch (const itk::ExceptionObject &e) {
        return Error(ErrorCode::Io, path, QString::fromLocal8Bit(e.GetDescription()).simplified());
    }
    return {};
}

} // namespace neuroonco::dicomio
