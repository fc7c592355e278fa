// HDF5 C API access to MATLAB v7.3 files. The HDF5 library in Debian is not built thread-safe,
// so every call is serialised by one mutex.
#include "core/imaging/MatFile.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <hdf5.h>

#include <cmath>
#include <cstring>

namespace neuroonco::matfile {

namespace {

QMutex &hdf5Mutex()
{
    static QMutex mutex;
    return mutex;
}

// Closes HDF5 handles on every return path.
struct Handle
{
    hid_t id = -1;
    herr_t (*close)(hid_t) = nullptr;
    Handle(hid_t i, herr_t (*c)(hid_t))
        : id(i)
        , close(c)
    {}
    ~Handle()
    {
        if (id >= 0 && close)
            close(id);
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    bool ok() const { return id >= 0; }
};

// Reads a dataset as doubles. False when it is missing or unreadable; a dataset declaring more
// than the caps allow sets `refused` and is not read (its values are read as 8-byte doubles).
bool readDataset(hid_t file, const char *name, std::vector<double> &values, std::vector<hsize_t> &dims,
                 const QString &path, const ReadLimits &limits, Error *refused)
{
    if (H5Lexists(file, name, H5P_DEFAULT) <= 0)
        return false;
    Handle ds(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    if (!ds.ok())
        return false;
    Handle space(H5Dget_space(ds.id), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(space.id);
    if (rank <= 0 || rank > 3)
        return false;
    dims.assign(size_t(rank), 0);
    if (H5Sget_simple_extent_dims(space.id, dims.data(), nullptr) < 0)
        return false;
    std::vector<quint64> declared(dims.begin(), dims.end());
    // "/cjdata/image" -> "cjdata.image", the name the adapter's messages use.
    const QString part = QString::fromLatin1(name).mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
    if (Error e = limits.checkImage(path, declared, 1, sizeof(double), part)) {
        *refused = e;
        return false;
    }
    size_t n = 1;
    for (hsize_t d : dims)
        n *= size_t(d);
    values.assign(n, 0.0);
    return H5Dread(ds.id, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0;
}

void writeClassAttribute(hid_t object, const char *matlabClass, int intDecode = -1)
{
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(type.id, std::strlen(matlabClass));
    Handle scalar(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attr(H5Acreate2(object, "MATLAB_class", type.id, scalar.id, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    H5Awrite(attr.id, type.id, matlabClass);
    if (intDecode >= 0) {
        Handle a2(H5Acreate2(object, "MATLAB_int_decode", H5T_NATIVE_INT, scalar.id, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
        H5Awrite(a2.id, H5T_NATIVE_INT, &intDecode);
    }
}

bool writeDataset(hid_t group, const char *name, hid_t fileType, hid_t memType, const std::vector<hsize_t> &dims,
                  const void *data, const char *matlabClass, int intDecode = -1)
{
    Handle space(H5Screate_simple(int(dims.size()), dims.data(), nullptr), H5Sclose);
    Handle ds(H5Dcreate2(group, name, fileType, space.id, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose);
    if (!ds.ok() || H5Dwrite(ds.id, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
        return false;
    writeClassAttribute(ds.id, matlabClass, intDecode);
    return true;
}

} // namespace

Result<Cjdata> readCjdata(const QString &path, const ReadLimits &limits)
{
    if (!QFileInfo::exists(path))
        return Error(ErrorCode::NotFound, path);
    QMutexLocker lock(&hdf5Mutex());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    const QByteArray file = QFile::encodeName(path);
    if (H5Fis_hdf5(file.constData()) <= 0)
        return Error(ErrorCode::Unsupported, path,
                     QStringLiteral("not a MATLAB v7.3 (HDF5) file; re-save older .mat files with -v7.3"));
    Handle f(H5Fopen(file.constData(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!f.ok())
        return Error(ErrorCode::Parse, path, QStringLiteral("cannot open the HDF5 container"));

    Cjdata out;
    std::vector<double> values;
    std::vector<hsize_t> dims;
    Error refused;
    auto read = [&](const char *name) { return readDataset(f.id, name, values, dims, path, limits, &refused); };
    if (!read("/cjdata/image") || dims.size() != 2)
        return refused ? refused : Error(ErrorCode::Parse, path, QStringLiteral("cjdata.image is missing or not a 2D matrix"));
    // MATLAB is column-major: HDF5 dims are [columns][rows].
    const int width = int(dims[0]);
    const int height = int(dims[1]);
    out.image.width = width;
    out.image.height = height;
    out.image.channels = 1;
    out.image.bitsPerSample = 16;
    out.image.samples.resize(size_t(width) * size_t(height));
    for (int c = 0; c < width; ++c)
        for (int r = 0; r < height; ++r)
            out.image.samples[size_t(r) * size_t(width) + size_t(c)] = float(values[size_t(c) * size_t(height) + size_t(r)]);

    if (read("/cjdata/tumorMask")) {
        if (dims.size() != 2 || int(dims[0]) != width || int(dims[1]) != height)
            return Error(ErrorCode::Parse, path, QStringLiteral("cjdata.tumorMask does not match the image size"));
        out.tumorMask = GrayImage(width, height);
        for (int c = 0; c < width; ++c)
            for (int r = 0; r < height; ++r)
                out.tumorMask.at(c, r) = values[size_t(c) * size_t(height) + size_t(r)] > 0 ? 255 : 0;
    }
    // Numbers outside what a label or a character can be are not used (a NaN label would
    // otherwise become some integer and name a class).
    if (read("/cjdata/label") && !values.empty() && std::isfinite(values.front()) && std::fabs(values.front()) < 1e6)
        out.label = int(std::lround(values.front()));
    if (read("/cjdata/PID")) {
        for (double v : values)
            if (std::isfinite(v) && v > 0 && v < 0xD800)
                out.pid += QChar(char16_t(std::lround(v)));
    }
    if (refused)
        return refused;
    return out;
}

Error writeCjdata(const QString &path, const Cjdata &data)
{
    QMutexLocker lock(&hdf5Mutex());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    const QByteArray file = QFile::encodeName(path);
    {
        Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose);
        H5Pset_userblock(fcpl.id, 512); // room for the MATLAB text header
        Handle f(H5Fcreate(file.constData(), H5F_ACC_TRUNC, fcpl.id, H5P_DEFAULT), H5Fclose);
        if (!f.ok())
            return Error(ErrorCode::Io, path, QStringLiteral("cannot create the HDF5 file"));
        Handle g(H5Gcreate2(f.id, "cjdata", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
        writeClassAttribute(g.id, "struct");
        const int w = data.image.width;
        const int h = data.image.height;
        std::vector<short> image(size_t(w) * size_t(h));
        for (int c = 0; c < w; ++c)
            for (int r = 0; r < h; ++r)
                image[size_t(c) * size_t(h) + size_t(r)] = short(std::lround(data.image.samples[size_t(r) * size_t(w) + size_t(c)]));
        bool ok = writeDataset(g.id, "image", H5T_STD_I16LE, H5T_NATIVE_SHORT, {hsize_t(w), hsize_t(h)}, image.data(), "int16");
        if (!data.tumorMask.isEmpty()) {
            std::vector<unsigned char> mask(size_t(w) * size_t(h));
            for (int c = 0; c < w; ++c)
                for (int r = 0; r < h; ++r)
                    mask[size_t(c) * size_t(h) + size_t(r)] = data.tumorMask.at(c, r) ? 1 : 0;
            ok = ok && writeDataset(g.id, "tumorMask", H5T_STD_U8LE, H5T_NATIVE_UCHAR, {hsize_t(w), hsize_t(h)}, mask.data(), "logical", 1);
        }
        const double label = data.label;
        ok = ok && writeDataset(g.id, "label", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {1, 1}, &label, "double");
        std::vector<unsigned short> pid;
        for (QChar ch : data.pid)
            pid.push_back(ch.unicode());
        if (!pid.empty())
            ok = ok && writeDataset(g.id, "PID", H5T_STD_U16LE, H5T_NATIVE_USHORT, {hsize_t(pid.size()), 1}, pid.data(), "char", 2);
        if (!ok)
            return Error(ErrorCode::Io, path, QStringLiteral("cannot write a dataset"));
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return Error(ErrorCode::Io, path);
    QByteArray header = QByteArrayLiteral("MATLAB 7.3 MAT-file, Platform: GLNXA64, Created by: NeuroOnco Studio HDF5 schema 1.00 .");
    header = header.leftJustified(116, ' ');
    header += QByteArray(8, '\0');               // subsystem data offset
    header += QByteArray("\x00\x02", 2);        // version 0x0200
    header += QByteArrayLiteral("IM");           // little-endian indicator
    f.write(header);
    return {};
}

} // namespace neuroonco::matfile
