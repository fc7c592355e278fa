// nlohmann's ordered_json keeps keys in insertion order, so the files read naturally and are
// byte-identical for identical inputs; numbers are rounded before they are stored.
#include "core/demo/GroundTruthWriter.h"

#include "core/demo/DemoFiles.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace neuroonco::demo {

namespace {

using Json = nlohmann::ordered_json;

std::string str(const QString &s)
{
    return s.toStdString();
}

Json orNull(const QString &s)
{
    return s.isEmpty() ? Json(nullptr) : Json(str(s));
}

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

Error save(const QString &path, const Json &json)
{
    const std::string text = json.dump(1) + "\n";
    const QString e = DemoFiles::writeBytes(path, QByteArray::fromStdString(text));
    return e.isEmpty() ? Error() : Error(ErrorCode::Io, path, e);
}

Json signsFor(const LesionSigns &s, bool sequenceKnown, Sequence seq)
{
    Json j;
    j["shape"] = str(shapeName(s.shape));
    j["margins"] = str(marginsName(s.margins));
    j["texture"] = str(textureName(s.texture));
    j["enhancement"] = sequenceKnown && seq == Sequence::T1ce ? Json(str(enhancementName(s.enhancement))) : Json(nullptr);
    const bool edemaVisible = sequenceKnown && (seq == Sequence::T2 || seq == Sequence::Flair);
    j["edema"] = edemaVisible ? orNull(edemaName(s.edema)) : Json(nullptr);
    j["signal_intensity"] = str(signalName(s.signal[int(seq)]));
    return j;
}

Json fileJson(const FileRecord &r)
{
    Json j;
    j["source"] = str(sourceCode(r.source));
    j["path"] = str(r.path);
    j["mask_path"] = orNull(r.maskPath);
    j["mask_format"] = orNull(r.maskFormat);
    j["patient"] = orNull(r.patient);
    j["tumour_type"] = r.typeKnown ? Json(str(tumourTypeName(r.type))) : Json(nullptr);
    j["modality"] = str(r.modality.isEmpty() ? QStringLiteral("Unknown") : r.modality);
    j["true_modality"] = r.sequenceKnown ? Json(str(sequenceName(r.sequence))) : Json(nullptr);
    j["plane"] = r.sequenceKnown ? Json(str(planeName(r.plane))) : Json(nullptr);
    if (r.hasLesion) {
        Json l;
        l["area_fraction"] = rounded(r.stats.areaFraction, 5);
        l["components"] = r.stats.components;
        l["centroid"] = Json::array({rounded(r.stats.centroidX, 4), rounded(r.stats.centroidY, 4)});
        l["grid_cell"] = str(r.stats.gridCell);
        l["signs"] = signsFor(r.signs, r.sequenceKnown, r.sequence);
        j["lesion"] = l;
    } else {
        j["lesion"] = nullptr;
    }
    j["duplicate_of"] = orNull(r.duplicateOf);
    j["duplicate_kind"] = orNull(duplicateKindName(r.duplicateKind));
    j["corrupt"] = orNull(corruptionName(r.corruption));
    j["width"] = r.width;
    j["height"] = r.height;
    if (r.whiteMatter >= 0 || r.greyMatter >= 0 || r.csf >= 0) {
        auto ref = [](double v) { return v >= 0 ? Json(rounded(v, 1)) : Json(nullptr); };
        j["reference_intensity"] = Json{{"white_matter", ref(r.whiteMatter)}, {"grey_matter", ref(r.greyMatter)}, {"csf", ref(r.csf)}};
    }
    if (!r.seriesDescription.isEmpty())
        j["series_description"] = str(r.seriesDescription);
    if (r.label > 0)
        j["label"] = r.label;
    return j;
}

} // namespace

Error GroundTruthWriter::writeManifest(const QString &outDir, quint64 seed)
{
    auto source = [](SourceId id, const char *name, const char *layout, Json options) {
        Json s;
        s["code"] = str(sourceCode(id));
        s["name"] = name;
        s["url"] = "";
        s["licence"] = "CC0 (generated demo data)";
        s["layout"] = layout;
        s["root"] = str(sourceRoot(id));
        s["priority"] = int(id) + 1;
        s["options"] = std::move(options);
        return s;
    };
    Json m;
    m["format"] = "neuroonco-manifest/1";
    m["name"] = "NeuroOnco Studio demo data (seed " + std::to_string(seed) + ")";
    m["sources"] = Json::array({
        source(SourceId::Classes, "Demo class folders (Kaggle style)", "class-folders",
               Json{{"class_synonyms", Json{{"glioma_tumor", "glioma"}, {"meningioma_tumor", "meningioma"},
                                            {"pituitary_tumor", "pituitary"}, {"no_tumor", "healthy"}}}}),
        source(SourceId::Pairs, "Demo image-mask pairs", "image-mask-pairs",
               Json{{"images_dir", "images"}, {"masks_dir", "masks"}, {"mask_suffix", "_mask"}}),
        source(SourceId::Yolo, "Demo YOLO segmentation", "yolo-seg",
               Json{{"images_dir", "images"}, {"labels_dir", "labels"},
                    {"class_names", Json::array({"glioma", "meningioma", "pituitary"})}, {"empty_means_healthy", true}}),
        source(SourceId::Brats, "Demo BraTS volumes", "nifti-volumes",
               Json{{"tumour_type", "glioma"}, {"slices_per_volume", 3}, {"min_tumour_fraction", 0.004}}),
        source(SourceId::Coco, "Demo COCO segmentation", "coco", Json{{"annotations", "annotations.json"}, {"images_dir", "images"}}),
        source(SourceId::Figshare, "Demo figshare MATLAB files", "figshare-mat",
               Json{{"label_map", Json{{"1", "meningioma"}, {"2", "glioma"}, {"3", "pituitary"}}}}),
        source(SourceId::Dicom, "Demo DICOM series", "dicom", Json::object()),
    });
    return save(outDir + QStringLiteral("/manifest.json"), m);
}

Error GroundTruthWriter::writeGroundTruth(const QString &outDir, const GroundTruthHeader &header,
                                          const std::vector<FileRecord> &files, const std::vector<VolumeRecord> &volumes,
                                          const QStringList &dicomIdentifiers)
{
    Json g;
    g["generator"] = Json{{"seed", header.seed}, {"cases", header.cases}, {"anatomy", str(header.anatomy)}, {"version", 1}};
    int duplicates = 0, corrupt = 0, lesions = 0;
    for (const FileRecord &r : files) {
        duplicates += r.duplicateKind != DuplicateKind::None;
        corrupt += r.corruption != Corruption::None;
        lesions += r.hasLesion;
    }
    g["counts"] = Json{{"files", files.size()}, {"duplicates", duplicates}, {"corrupt", corrupt},
                       {"with_lesion", lesions}, {"volumes", volumes.size()}};
    Json list = Json::array();
    for (const FileRecord &r : files)
        list.push_back(fileJson(r));
    g["files"] = std::move(list);
    Json vols = Json::array();
    for (const VolumeRecord &v : volumes) {
        Json j;
        j["source"] = "04";
        j["case"] = str(v.caseName);
        j["patient"] = str(v.patient);
        j["tumour_type"] = "glioma";
        j["naming"] = v.brats2023 ? "brats2023" : "brats2021";
        static const char *keys[] = {"t1", "t1ce", "t2", "flair", "seg"};
        Json f;
        for (int k = 0; k < 5 && k < v.files.size(); ++k)
            f[keys[k]] = str(v.files[k]);
        j["files"] = f;
        j["labels"] = Json{{"necrotic", 1}, {"edema", 2}, {"enhancing", v.brats2023 ? 3 : 4}};
        Json s;
        s["shape"] = str(shapeName(v.signs.shape));
        s["margins"] = str(marginsName(v.signs.margins));
        s["texture"] = str(textureName(v.signs.texture));
        s["enhancement"] = str(enhancementName(v.signs.enhancement));
        s["edema"] = orNull(edemaName(v.signs.edema));
        s["signal_intensity"] = Json{{"T1", str(signalName(v.signs.signal[int(Sequence::T1)]))},
                                     {"T1CE", str(signalName(v.signs.signal[int(Sequence::T1ce)]))},
                                     {"T2", str(signalName(v.signs.signal[int(Sequence::T2)]))},
                                     {"FLAIR", str(signalName(v.signs.signal[int(Sequence::Flair)]))}};
        j["signs"] = s;
        j["voxels"] = Json{{"necrotic", v.necrotic}, {"edema", v.edema}, {"enhancing", v.enhancing}};
        j["dims"] = Json::array({v.dims[0], v.dims[1], v.dims[2]});
        j["spacing_mm"] = v.spacing;
        j["tumour_slices"] = Json{{"first", v.firstTumourSlice}, {"last", v.lastTumourSlice}, {"largest", v.largestTumourSlice}};
        vols.push_back(j);
    }
    g["volumes"] = std::move(vols);
    Json ids = Json::array();
    for (const QString &id : dicomIdentifiers)
        ids.push_back(str(id));
    g["dicom_identifiers"] = std::move(ids);
    return save(outDir + QStringLiteral("/ground_truth.json"), g);
}

Error GroundTruthWriter::writeCoco(const QString &outDir, std::vector<CocoImage> images)
{
    std::sort(images.begin(), images.end(), [](const CocoImage &a, const CocoImage &b) { return a.id < b.id; });
    Json c;
    c["info"] = Json{{"description", "NeuroOnco Studio demo data"}, {"version", "1.0"}, {"year", 2024}};
    c["licenses"] = Json::array({Json{{"id", 1}, {"name", "CC0 (generated demo data)"}, {"url", ""}}});
    Json imgs = Json::array(), anns = Json::array();
    int annotationId = 0;
    for (const CocoImage &im : images) {
        imgs.push_back(Json{{"id", im.id}, {"file_name", str(im.fileName)}, {"width", im.width}, {"height", im.height}, {"license", 1}});
        for (const CocoAnnotation &a : im.annotations) {
            Json j;
            j["id"] = ++annotationId;
            j["image_id"] = im.id;
            j["category_id"] = a.category;
            if (!a.rle.empty()) {
                j["segmentation"] = Json{{"counts", a.rle}, {"size", Json::array({im.height, im.width})}};
                j["iscrowd"] = 1;
            } else {
                Json polys = Json::array();
                for (const auto &p : a.polygons) {
                    Json flat = Json::array();
                    for (double v : p)
                        flat.push_back(rounded(v, 2));
                    polys.push_back(flat);
                }
                j["segmentation"] = polys;
                j["iscrowd"] = 0;
            }
            j["area"] = rounded(a.area, 2);
            j["bbox"] = Json::array({rounded(a.bbox[0], 2), rounded(a.bbox[1], 2), rounded(a.bbox[2], 2), rounded(a.bbox[3], 2)});
            anns.push_back(j);
        }
    }
    c["images"] = std::move(imgs);
    c["annotations"] = std::move(anns);
    static const char *names[] = {"glioma", "meningioma", "pituitary", "metastasis", "schwannoma", "ependymoma"};
    Json cats = Json::array();
    for (int k = 0; k < 6; ++k)
        cats.push_back(Json{{"id", k + 1}, {"name", names[k]}, {"supercategory", "tumor"}});
    c["categories"] = std::move(cats);
    return save(outDir + QStringLiteral("/sources/05_coco/annotations.json"), c);
}

} // namespace neuroonco::demo
