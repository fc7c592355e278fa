// BraTS-style NIfTI case folders.
#include "core/ingest/NiftiVolumesAdapter.h"

#include "core/imaging/ImageIO.h"
#include "core/imaging/VolumeIO.h"
#include "core/ingest/SourceWalker.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <set>

namespace neuroonco {

namespace {

bool isNifti(const QString &name)
{
    const QString l = name.toLower();
    return l.endsWith(QLatin1String(".nii")) || l.endsWith(QLatin1String(".nii.gz"));
}

QString stemOf(const QString &name)
{
    QString s = name;
    s.remove(QRegularExpression(QStringLiteral("\\.nii(\\.gz)?$"), QRegularExpression::CaseInsensitiveOption));
    return s;
}

bool isSegmentation(const QString &stem)
{
    static const QRegularExpression seg(QStringLiteral("(^|[^a-z0-9])(seg|label|labels|mask|segmentation)$"),
                                        QRegularExpression::CaseInsensitiveOption);
    return seg.match(stem).hasMatch();
}

// A segmentation voxel as a label value: anything that is not a whole number from 0 to 255
// (a stray float, a huge value) is background rather than an arbitrary label after a cast.
size_t labelIndex(float v)
{
    return v >= 0.f && v < 256.f ? size_t(v) : 0;
}

// A volume that cannot be read as the problem of its file (a refusal by the read caps says
// the declared size and the cap itself).
IngestIssue volumeIssue(const SourceSpec &source, const QString &relative, const Error &e)
{
    const bool tooLarge = e.code == ErrorCode::TooLarge;
    return {source.code, relative, IssueSeverity::Error,
            tooLarge ? QStringLiteral("too-large") : QStringLiteral("volume-unreadable"),
            tooLarge ? e.detail : errorMessage(e)};
}

GrayImage windowed(const FloatImage &slice, float lo, float hi)
{
    GrayImage out(slice.width, slice.height);
    const float scale = 255.f / (hi - lo);
    for (size_t i = 0; i < slice.pixels.size(); ++i)
        out.pixels[i] = std::uint8_t(std::clamp(std::lround((slice.pixels[i] - lo) * scale), 0L, 255L));
    return out;
}

} // namespace

bool NiftiVolumesAdapter::isSegmentationFile(const QString &fileName)
{
    return isNifti(fileName) && isSegmentation(stemOf(fileName));
}

std::array<int, 256> NiftiVolumesAdapter::subregionLabelMap(const QJsonObject &options)
{
    std::array<int, 256> labelMap{};
    for (int i = 0; i < 256; ++i)
        labelMap[size_t(i)] = i;
    labelMap[3] = 4; // BraTS 2023 writes enhancing tumour as 3
    const QJsonObject customMap = options.value(QStringLiteral("label_map")).toObject();
    for (auto it = customMap.begin(); it != customMap.end(); ++it) {
        const QString role = it.value().toString();
        labelMap[size_t(it.key().toInt() & 0xff)] = role == QLatin1String("necrotic")    ? 1
                                                   : role == QLatin1String("edema")     ? 2
                                                   : role == QLatin1String("enhancing") ? 4
                                                                                         : 0;
    }
    return labelMap;
}

QString NiftiVolumesAdapter::layout() const
{
    return QStringLiteral("nifti-volumes");
}

std::vector<SourceItem> NiftiVolumesAdapter::enumerate(const SourceSpec &source, std::vector<IngestIssue> &issues) const
{
    SourceWalker walker(source.code, source.root);
    std::vector<SourceItem> items;
    for (const WalkedFile &folder : walker.folders(QString(), issues)) {
        if (isExcluded(source, folder.relativePath + QStringLiteral("/x")))
            continue;
        SourceItem item;
        item.key = folder.relativePath;
        item.name = sanitiseName(folder.relativePath);
        QJsonObject files;
        for (const WalkedFile &f : walker.files(folder.relativePath, issues)) {
            const QString name = QFileInfo(f.relativePath).fileName();
            if (!isNifti(name))
                continue;
            const QString stem = stemOf(name);
            if (isSegmentation(stem)) {
                files.insert(QStringLiteral("seg"), f.relativePath);
                continue;
            }
            // Tokens after the case name decide the sequence ("_t1ce", "-t2f").
            QString tail = stem;
            if (tail.startsWith(folder.relativePath.section(QLatin1Char('/'), -1)))
                tail = tail.mid(folder.relativePath.section(QLatin1Char('/'), -1).size());
            const Modality m = Vocabulary::instance().modalityFromText(tail);
            if (m == Modality::Unknown) {
                issues.push_back({source.code, f.relativePath, IssueSeverity::Warning, QStringLiteral("unknown-sequence"),
                                  QStringLiteral("the file name names no sequence (t1, t1ce, t2, flair…); skipped")});
                continue;
            }
            files.insert(modalityName(m), f.relativePath);
        }
        if (files.isEmpty() || (files.size() == 1 && files.contains(QStringLiteral("seg")))) {
            issues.push_back({source.code, folder.relativePath, IssueSeverity::Warning, QStringLiteral("no-volumes"),
                              QStringLiteral("no NIfTI sequence files in this case folder")});
            continue;
        }
        item.extra.insert(QStringLiteral("files"), files);
        items.push_back(std::move(item));
    }
    return items;
}

void NiftiVolumesAdapter::loadItem(const SourceSpec &source, const SourceItem &item, const IngestContext &,
                               std::vector<LoadedSlice> &slices, std::vector<IngestIssue> &issues) const
{
    const QJsonObject files = item.extra.value(QStringLiteral("files")).toObject();
    const QDir root(source.root);
    const QString tumourType = source.options.value(QStringLiteral("tumour_type")).toString(QStringLiteral("glioma"));
    const int perVolume = source.options.value(QStringLiteral("slices_per_volume")).toInt(3);
    const double minFraction = source.options.value(QStringLiteral("min_tumour_fraction")).toDouble(0.004);
    const QString selection = source.options.value(QStringLiteral("slice_selection")).toString(QStringLiteral("spread"));

    const std::array<int, 256> labelMap = subregionLabelMap(source.options);
    const ReadLimits limits = readLimits(source);

    Volume seg;
    const QString segRel = files.value(QStringLiteral("seg")).toString();
    if (!segRel.isEmpty()) {
        Result<Volume> r = volumeio::readNifti(root.filePath(segRel), limits);
        if (!r) {
            issues.push_back(volumeIssue(source, segRel, r.error()));
            return;
        }
        seg = r.take();
    }
    if (seg.isEmpty()) {
        issues.push_back({source.code, item.key, IssueSeverity::Warning, QStringLiteral("mask-missing"),
                          QStringLiteral("no segmentation volume; slices cannot be chosen by tumour area")});
        return;
    }

    // Tumour area per axial slice, then the slices to keep.
    const int nz = volumeio::axialSliceCount(seg);
    std::vector<std::pair<int, qint64>> candidates;
    std::vector<FloatImage> segSlices(static_cast<size_t>(nz));
    for (int z = 0; z < nz; ++z) {
        segSlices[size_t(z)] = volumeio::axialSlice(seg, z);
        const FloatImage &s = segSlices[size_t(z)];
        qint64 area = 0;
        for (float v : s.pixels)
            area += labelMap[labelIndex(v)] > 0 ? 1 : 0;
        if (area > 0 && double(area) / double(s.pixels.size()) >= minFraction)
            candidates.emplace_back(z, area);
    }
    if (candidates.empty()) {
        issues.push_back({source.code, item.key, IssueSeverity::Warning, QStringLiteral("no-tumour-slices"),
                          QStringLiteral("no axial slice has a tumour area above %1 % of the slice").arg(minFraction * 100)});
        return;
    }
    std::set<int> chosen;
    const int k = perVolume <= 0 ? int(candidates.size()) : std::min(perVolume, int(candidates.size()));
    if (selection == QLatin1String("largest")) {
        auto byArea = candidates;
        std::sort(byArea.begin(), byArea.end(), [](auto &a, auto &b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
        for (const auto &[z, area] : byArea) {
            bool farEnough = true;
            for (int c : chosen)
                farEnough = farEnough && std::abs(c - z) >= 3;
            if (farEnough)
                chosen.insert(z);
            if (int(chosen.size()) == k)
                break;
        }
    } else {
        // Evenly through the tumour's extent, avoiding its thin first and last slices.
        for (int i = 0; i < k; ++i)
            chosen.insert(candidates[size_t(std::floor((i + 0.5) * double(candidates.size()) / k))].first);
    }

    const QStringList order{QStringLiteral("T1"), QStringLiteral("T1CE"), QStringLiteral("T2"), QStringLiteral("FLAIR")};
    for (const QString &modality : order) {
        const QString rel = files.value(modality).toString();
        if (rel.isEmpty())
            continue;
        Result<Volume> vol = volumeio::readNifti(root.filePath(rel), limits);
        if (!vol) {
            issues.push_back(volumeIssue(source, rel, vol.error()));
            continue;
        }
        if (vol->dims != seg.dims) {
            issues.push_back({source.code, rel, IssueSeverity::Error, QStringLiteral("mask-size-mismatch"),
                              QStringLiteral("the volume's grid differs from the segmentation's")});
            continue;
        }
        const auto [lo, hi] = volumeio::robustWindow(*vol);
        for (int z : chosen) {
            LoadedSlice slice;
            slice.origin = QStringLiteral("%1#z%2").arg(rel).arg(z, 3, 10, QLatin1Char('0'));
            slice.name = QStringLiteral("%1_z%2").arg(sanitiseName(QFileInfo(rel).fileName().remove(
                                                        QRegularExpression(QStringLiteral("\\.nii(\\.gz)?$")))))
                             .arg(z, 3, 10, QLatin1Char('0'));
            slice.tumourType = tumourType;
            slice.tumourLabel = QStringLiteral("(manifest)");
            slice.modality = modalityFromName(modality);
            slice.modalityEvidence = QStringLiteral("volume file '%1'").arg(QFileInfo(rel).fileName());
            slice.patientKey = source.code + QLatin1Char(':') + item.key;
            slice.image = windowed(volumeio::axialSlice(*vol, z), lo, hi);
            slice.originalChannels = 1;
            slice.originalBits = 16;
            slice.originalFormat = QStringLiteral("nifti");
            const FloatImage &s = segSlices[size_t(z)];
            GrayImage mask(s.width, s.height), regions(s.width, s.height);
            for (size_t i = 0; i < s.pixels.size(); ++i) {
                const int label = labelMap[labelIndex(s.pixels[i])];
                regions.pixels[i] = std::uint8_t(label);
                mask.pixels[i] = label > 0 ? 255 : 0;
            }
            slice.mask = mask;
            slice.subregions = regions;
            slice.volumePath = rel;
            slice.volumeIndex = z;
            slices.push_back(std::move(slice));
        }
    }
}

} // namespace neuroonco
