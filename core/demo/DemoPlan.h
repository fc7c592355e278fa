// The generator's plan and results: which file each item becomes (source, name, size,
// encoding, planted duplicates and defects), decided serially before rendering, and the
// ground-truth records the writers return. Plain values, so items can run on any thread.
#pragma once

#include "core/demo/DemoTypes.h"
#include "core/demo/MaskGeometry.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace neuroonco::demo {

enum class SourceId { Classes, Pairs, Yolo, Brats, Coco, Figshare, Dicom };
enum class Corruption { None, Truncated, EmptyFile, NotAnImage, TextAsPng, MaskSizeMismatch, PolygonOutOfRange,
                        EmptyImage, EmptyMask, AllLesionMask, PathEscape, SymlinkLoop };
enum class DuplicateKind { None, Exact, Jpeg, Resized, Cropped, Brightened };
enum class MaskEncoding { Grey, Colour, Binary01 };

QString sourceCode(SourceId s);   // "01" … "07"
QString sourceRoot(SourceId s);   // "sources/01_classes" …
QString corruptionName(Corruption c);
QString duplicateKindName(DuplicateKind k);
// Token used in file names / folders for a sequence: t1, t1ce, t2, flair.
QString sequenceToken(Sequence s);

// RNG streams: every item draws from DemoRng(seed, stream, id).
enum Stream : quint64 { StreamPlan = 1, StreamItem = 2, StreamDuplicate = 3, StreamVolume = 4, StreamDicom = 5 };

struct DuplicatePlan
{
    int id = 0;
    DuplicateKind kind = DuplicateKind::None;
    SourceId target = SourceId::Classes;
    QString imagePath;   // relative to the output folder
    QString maskPath;    // pairs: mask PNG; yolo: label file
    MaskEncoding maskEncoding = MaskEncoding::Grey;
    bool modalityInPath = false;
    int cocoImageId = 0;
    int jpegQuality = 75;
};

struct ItemPlan
{
    int id = 0;
    SourceId source = SourceId::Classes;
    TumourType type = TumourType::Healthy;
    Sequence sequence = Sequence::T1;
    Plane plane = Plane::Axial;
    bool modalityInPath = false;
    int width = 256, height = 256;
    QString patient;
    QString imagePath;
    QString maskPath;
    MaskEncoding maskEncoding = MaskEncoding::Grey;
    int jpegQuality = 90;
    int cocoImageId = 0;
    int figshareLabel = 0;
    QString figsharePid;
    Corruption corruption = Corruption::None;
    std::vector<DuplicatePlan> duplicates;
};

struct DicomSlicePlan
{
    Sequence sequence = Sequence::T1;
    QString seriesDescription;
    QString path;
    int seriesNumber = 1;
    int instance = 1;
    double zOffset = 0;  // mm from the lesion's plane
};

struct DicomPatientPlan
{
    int id = 0;
    TumourType type = TumourType::Metastasis;
    QString patient;      // ground-truth patient key
    QString folder;       // <type>_<code>
    QString patientName;  // fake identifiers written into the files
    QString patientId;
    int size = 256;
    std::vector<DicomSlicePlan> slices;
};

struct VolumePlan
{
    int id = 0;
    QString caseName;
    QString patient;
    bool brats2023 = false;
};

// A planted file that needs no rendering (empty file, text file, symlinks).
struct BadFilePlan
{
    Corruption kind = Corruption::None;
    SourceId source = SourceId::Classes;
    QString path;
    TumourType type = TumourType::Healthy;
    bool typeKnown = false;
};

struct DemoPlan
{
    std::vector<ItemPlan> items;
    std::vector<DicomPatientPlan> dicom;
    std::vector<VolumePlan> volumes;
    std::vector<BadFilePlan> badFiles;
    int duplicateCount = 0;
};

// One entry of ground_truth.json "files".
struct FileRecord
{
    SourceId source = SourceId::Classes;
    QString path;
    QString maskPath;
    QString maskFormat;      // png, yolo, coco, mat or empty
    QString patient;
    bool typeKnown = true;
    TumourType type = TumourType::Healthy;
    QString modality;        // what the path or header says (Unknown when nothing does)
    bool sequenceKnown = true;
    Sequence sequence = Sequence::T1;
    Plane plane = Plane::Axial;
    bool hasLesion = false;
    MaskStats stats;
    LesionSigns signs;
    QString duplicateOf;
    DuplicateKind duplicateKind = DuplicateKind::None;
    Corruption corruption = Corruption::None;
    int width = 0, height = 0;
    double whiteMatter = -1, greyMatter = -1, csf = -1;
    QString seriesDescription;
    int label = 0;           // figshare label
};

struct CocoAnnotation
{
    int category = 0;
    std::vector<std::vector<double>> polygons; // one polygon: x1, y1, x2, y2, …
    std::vector<int> rle;                      // uncompressed RLE counts (used when not empty)
    double area = 0;
    double bbox[4] = {0, 0, 0, 0};
};

struct CocoImage
{
    int id = 0;
    QString fileName;
    int width = 0, height = 0;
    std::vector<CocoAnnotation> annotations;
};

struct VolumeRecord
{
    QString caseName;
    QString patient;
    bool brats2023 = false;
    QStringList files;       // t1, t1ce, t2, flair, seg (relative paths)
    LesionSigns signs;
    long long necrotic = 0, edema = 0, enhancing = 0;
    int firstTumourSlice = -1, lastTumourSlice = -1, largestTumourSlice = -1;
    int dims[3] = {0, 0, 0};
    double spacing = 0;
};

// What one task produced.
struct ItemResult
{
    std::vector<FileRecord> files;
    std::vector<CocoImage> coco;
    std::vector<VolumeRecord> volumes;
    QString error;
};

} // namespace neuroonco::demo
