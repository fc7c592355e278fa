// Spellings of the plan's enums as they appear in paths and in the ground truth.
#include "core/demo/DemoPlan.h"

namespace neuroonco::demo {

QString sourceCode(SourceId s)
{
    return QStringLiteral("%1").arg(int(s) + 1, 2, 10, QLatin1Char('0'));
}

QString sourceRoot(SourceId s)
{
    static const char *roots[] = {"sources/01_classes", "sources/02_pairs", "sources/03_yolo", "sources/04_brats",
                                  "sources/05_coco", "sources/06_figshare", "sources/07_dicom"};
    return QString::fromLatin1(roots[int(s)]);
}

QString corruptionName(Corruption c)
{
    switch (c) {
    case Corruption::None: return {};
    case Corruption::Truncated: return QStringLiteral("truncated");
    case Corruption::EmptyFile: return QStringLiteral("empty-file");
    case Corruption::NotAnImage: return QStringLiteral("not-an-image");
    case Corruption::TextAsPng: return QStringLiteral("text-as-png");
    case Corruption::MaskSizeMismatch: return QStringLiteral("mask-size-mismatch");
    case Corruption::PolygonOutOfRange: return QStringLiteral("polygon-out-of-range");
    case Corruption::EmptyImage: return QStringLiteral("empty-image");
    case Corruption::EmptyMask: return QStringLiteral("empty-mask");
    case Corruption::AllLesionMask: return QStringLiteral("all-lesion-mask");
    case Corruption::PathEscape: return QStringLiteral("path-escape");
    case Corruption::SymlinkLoop: return QStringLiteral("symlink-loop");
    }
    return {};
}

QString duplicateKindName(DuplicateKind k)
{
    switch (k) {
    case DuplicateKind::None: return {};
    case DuplicateKind::Exact: return QStringLiteral("exact");
    case DuplicateKind::Jpeg: return QStringLiteral("jpeg");
    case DuplicateKind::Resized: return QStringLiteral("resized");
    case DuplicateKind::Cropped: return QStringLiteral("cropped");
    case DuplicateKind::Brightened: return QStringLiteral("brightened");
    }
    return {};
}

QString sequenceToken(Sequence s)
{
    switch (s) {
    case Sequence::T1: return QStringLiteral("t1");
    case Sequence::T2: return QStringLiteral("t2");
    case Sequence::Flair: return QStringLiteral("flair");
    case Sequence::T1ce: return QStringLiteral("t1ce");
    }
    return {};
}

} // namespace neuroonco::demo
