// Option schemas of the source layouts and the check of a manifest's options against them.
#include "core/ingest/ManifestOptions.h"

#include "core/imaging/ReadLimits.h"
#include "core/ingest/PublishedPath.h"
#include "core/vocab/Vocabulary.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace neuroonco {

namespace {

OptionSpec spec(const char *name, OptionType type, const char *help, QStringList choices = {})
{
    return {QString::fromLatin1(name), type, QString::fromUtf8(help), std::move(choices)};
}

// Options every layout that lists files reads through the shared adapter helpers.
void addCommon(std::vector<OptionSpec> &out, bool synonyms, bool modality, bool patient, bool exclude)
{
    if (synonyms)
        out.push_back(spec("class_synonyms", OptionType::TypeMap,
                           "class label (folder or annotation class) -> canonical tumour type"));
    if (modality)
        out.push_back(spec("modality", OptionType::Modality, "sequence of files whose path names none (T1, T1CE, T2, FLAIR)"));
    if (patient)
        out.push_back(spec("patient_pattern", OptionType::Regex,
                           "regular expression on the relative path; its first group is the patient key"));
    if (exclude)
        out.push_back(spec("exclude", OptionType::StringList,
                           "folder names not to read (e.g. an unlabelled 'pred' folder); a name also matches "
                           "'<name> T1', '<name>_x'"));
    out.push_back(spec("published_path", OptionType::PathTemplate,
                       "the published dataset's relative path of a sample: {type} {code} {seq} {_seq} {_mask} "
                       "{file} {stem} {case}; default {type}/{code}{_seq}{_mask}/{file}"));
    // The read caps (ReadLimits): a header declaring more is refused before anything is decoded.
    out.push_back({ReadLimits::imagePixelsOption(), OptionType::Count,
                   QStringLiteral("largest 2D image read, in pixels (width × height); a file declaring more is the "
                                  "item's too-large problem (default %1 = 4096², 0 = no cap)")
                       .arg(ReadLimits::kDefaultImagePixels),
                   {}});
    out.push_back({ReadLimits::volumeVoxelsOption(), OptionType::Count,
                   QStringLiteral("largest volume read, in voxels (default %1 = 512³, 0 = no cap)")
                       .arg(ReadLimits::kDefaultVolumeVoxels),
                   {}});
    out.push_back({ReadLimits::fileBytesOption(), OptionType::Count,
                   QStringLiteral("most bytes one file may take when read: declared pixels × channels × bytes per "
                                  "sample, or the size of a label/annotation file (default %1 = 1 GiB, 0 = no cap)")
                       .arg(ReadLimits::kDefaultFileBytes),
                   {}});
}

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return QStringLiteral("the text \"%1\"").arg(v.toString());
    case QJsonValue::Double: return QStringLiteral("the number %1").arg(v.toDouble());
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Null: return QStringLiteral("null");
    default: return QStringLiteral("nothing");
    }
}

QString regexProblem(const QString &pattern, bool needsGroup)
{
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return QStringLiteral("not a valid regular expression (%1 at offset %2)").arg(re.errorString()).arg(re.patternErrorOffset());
    if (needsGroup && re.captureCount() < 1)
        return QStringLiteral("the expression needs a capture group: (…) around the part that is the image's name");
    return {};
}

// What is wrong with `v` as a value of `s`, or empty.
QString valueProblem(const OptionSpec &s, const QJsonValue &v)
{
    const QString got = describe(v);
    const Vocabulary &vocab = Vocabulary::instance();
    switch (s.type) {
    case OptionType::String:
        return v.isString() ? QString() : QStringLiteral("must be a text, not %1").arg(got);
    case OptionType::StringOrList:
        if (v.isString())
            return {};
        if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                if (!e.isString())
                    return QStringLiteral("must be a text or a list of texts; the list holds %1").arg(describe(e));
            return {};
        }
        return QStringLiteral("must be a text or a list of texts, not %1").arg(got);
    case OptionType::StringList:
        if (!v.isArray())
            return QStringLiteral("must be a list of texts, not %1 (write [\"…\"])").arg(got);
        for (const QJsonValue &e : v.toArray())
            if (!e.isString())
                return QStringLiteral("must be a list of texts; it holds %1").arg(describe(e));
        return {};
    case OptionType::Boolean:
        return v.isBool() ? QString() : QStringLiteral("must be true or false, not %1").arg(got);
    case OptionType::Count:
        if (!v.isDouble() || v.toDouble() < 0 || std::floor(v.toDouble()) != v.toDouble())
            return QStringLiteral("must be a whole number of 0 or more, not %1").arg(got);
        return {};
    case OptionType::Fraction:
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() >= 1)
            return QStringLiteral("must be a number from 0 up to (not including) 1, not %1").arg(got);
        return {};
    case OptionType::Modality:
        if (!v.isString())
            return QStringLiteral("must be a sequence name (T1, T1CE, T2, FLAIR), not %1").arg(got);
        return modalityFromName(v.toString()) == Modality::Unknown
                   ? QStringLiteral("'%1' is not a sequence this build knows (T1, T1CE, T2, FLAIR)").arg(v.toString())
                   : QString();
    case OptionType::TumourType:
        if (!v.isString())
            return QStringLiteral("must be a tumour type, not %1").arg(got);
        return vocab.isTumourType(v.toString())
                   ? QString()
                   : QStringLiteral("'%1' is not a tumour type (known: %2)").arg(v.toString(), vocab.tumourTypes().join(QStringLiteral(", ")));
    case OptionType::TypeMap: {
        if (!v.isObject())
            return QStringLiteral("must be an object of label: tumour type, not %1").arg(got);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isString() || !vocab.isTumourType(it.value().toString()))
                return QStringLiteral("'%1' maps to %2, which is not a tumour type (known: %3)")
                    .arg(it.key(), describe(it.value()), vocab.tumourTypes().join(QStringLiteral(", ")));
        }
        return {};
    }
    case OptionType::Regex:
    case OptionType::RegexWithGroup:
        if (!v.isString())
            return QStringLiteral("must be a regular expression (a text), not %1").arg(got);
        return regexProblem(v.toString(), s.type == OptionType::RegexWithGroup);
    case OptionType::Choice:
        if (!v.isString() || !s.choices.contains(v.toString()))
            return QStringLiteral("must be one of %1, not %2").arg(s.choices.join(QStringLiteral(", ")), got);
        return {};
    case OptionType::SubregionMap: {
        if (!v.isObject())
            return QStringLiteral("must be an object of label value: necrotic | edema | enhancing | none, not %1").arg(got);
        const QJsonObject o = v.toObject();
        static const QStringList roles{QStringLiteral("necrotic"), QStringLiteral("edema"), QStringLiteral("enhancing"),
                                       QStringLiteral("none")};
        for (auto it = o.begin(); it != o.end(); ++it) {
            bool ok = false;
            const int label = it.key().toInt(&ok);
            if (!ok || label < 0 || label > 255)
                return QStringLiteral("the key '%1' is not a label value from 0 to 255").arg(it.key());
            if (!it.value().isString() || !roles.contains(it.value().toString()))
                return QStringLiteral("label %1 maps to %2; use one of %3").arg(it.key(), describe(it.value()), roles.join(QStringLiteral(", ")));
        }
        return {};
    }
    case OptionType::PathTemplate:
        if (!v.isString())
            return QStringLiteral("must be a path template (a text), not %1").arg(got);
        return PublishedPath::problem(v.toString());
    }
    return {};
}

// Levenshtein distance, for "did you mean" on a misspelt option.
int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size() + 1));
    for (int j = 0; j <= int(b.size()); ++j)
        row[size_t(j)] = j;
    for (int i = 1; i <= int(a.size()); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= int(b.size()); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[size_t(b.size())];
}

} // namespace

QString ManifestOptions::typeName(OptionType type)
{
    switch (type) {
    case OptionType::String: return QStringLiteral("text");
    case OptionType::StringOrList: return QStringLiteral("text or list of texts");
    case OptionType::StringList: return QStringLiteral("list of texts");
    case OptionType::Boolean: return QStringLiteral("true/false");
    case OptionType::Count: return QStringLiteral("whole number");
    case OptionType::Fraction: return QStringLiteral("number in [0, 1)");
    case OptionType::Modality: return QStringLiteral("sequence");
    case OptionType::TumourType: return QStringLiteral("tumour type");
    case OptionType::TypeMap: return QStringLiteral("object label -> tumour type");
    case OptionType::Regex: return QStringLiteral("regular expression");
    case OptionType::RegexWithGroup: return QStringLiteral("regular expression with a group");
    case OptionType::Choice: return QStringLiteral("choice");
    case OptionType::SubregionMap: return QStringLiteral("object label -> sub-region");
    case OptionType::PathTemplate: return QStringLiteral("path template");
    }
    return {};
}

std::vector<OptionSpec> ManifestOptions::forLayout(const QString &layout)
{
    std::vector<OptionSpec> out;
    if (layout == QLatin1String("class-folders")) {
        addCommon(out, true, true, true, true);
    } else if (layout == QLatin1String("image-mask-pairs")) {
        out.push_back(spec("images_dir", OptionType::String,
                           "folder of the images below root; a bare name (\"images\") also matches that folder "
                           "inside split folders (train/images, test/images)"));
        out.push_back(spec("masks_dir", OptionType::String,
                           "folder of the masks; with a bare images_dir name, the sibling folder of that name"));
        out.push_back(spec("mask_suffix", OptionType::StringOrList,
                           "what follows the image's name in its mask's name (\"_mask\"; \"\" for the same name)"));
        out.push_back(spec("mask_pattern", OptionType::RegexWithGroup,
                           "masks named otherwise: a regular expression on the mask's name whose group is the "
                           "image's name (\"^mask\\\\s*\\\\((\\\\d+)\\\\)$\" pairs 'mask (12).png' with '12.png')"));
        out.push_back(spec("tumour_type", OptionType::TumourType, "tumour type of images no class folder or name token names"));
        out.push_back(spec("type_tokens", OptionType::TypeMap,
                           "tokens of the file name (between '_') that name the tumour type ({\"pi\": \"pituitary\"})"));
        addCommon(out, true, true, true, true);
    } else if (layout == QLatin1String("yolo-seg")) {
        out.push_back(spec("images_dir", OptionType::String,
                           "folder of the images; default: every 'images' folder (train/images, valid/images, …)"));
        out.push_back(spec("labels_dir", OptionType::String,
                           "folder of the label .txt files; default: the 'labels' folder beside each 'images' folder"));
        out.push_back(spec("class_names", OptionType::StringList,
                           "class names by class number (default: names in data.yaml)"));
        out.push_back(spec("empty_means_healthy", OptionType::Boolean,
                           "an image with an empty or no label file is healthy (default true)"));
        addCommon(out, true, true, true, true);
    } else if (layout == QLatin1String("coco")) {
        out.push_back(spec("annotations", OptionType::StringOrList,
                           "annotation file(s) below root; default: annotations.json, _annotations.coco.json or "
                           "instances.json at root, else each split folder's _annotations.coco.json"));
        out.push_back(spec("images_dir", OptionType::String,
                           "folder holding the images; default: the annotation file's folder (or images/ there)"));
        out.push_back(spec("empty_means_healthy", OptionType::Boolean,
                           "an image without annotations is healthy (default true)"));
        addCommon(out, true, true, true, false);
    } else if (layout == QLatin1String("nifti-volumes")) {
        out.push_back(spec("tumour_type", OptionType::TumourType, "tumour type of every case (default glioma)"));
        out.push_back(spec("slices_per_volume", OptionType::Count, "axial slices kept per case and sequence (0 = all; default 3)"));
        out.push_back(spec("min_tumour_fraction", OptionType::Fraction,
                           "smallest tumour area of a kept slice, as a share of the slice (default 0.004)"));
        out.push_back(spec("slice_selection", OptionType::Choice, "how slices are chosen (default spread)",
                           {QStringLiteral("spread"), QStringLiteral("largest")}));
        out.push_back(spec("label_map", OptionType::SubregionMap,
                           "seg label value -> necrotic | edema | enhancing | none (default BraTS: 1, 2, 4; 3 = enhancing)"));
        addCommon(out, false, false, false, true);
    } else if (layout == QLatin1String("figshare-mat")) {
        out.push_back(spec("label_map", OptionType::TypeMap,
                           "cjdata.label -> tumour type (default 1 meningioma, 2 glioma, 3 pituitary)"));
        addCommon(out, false, true, false, true);
    } else if (layout == QLatin1String("dicom")) {
        out.push_back(spec("tumour_type", OptionType::TumourType, "tumour type of files no class folder names"));
        addCommon(out, true, true, true, true);
    }
    return out;
}

QString ManifestOptions::check(const QString &layout, const QJsonObject &options, const QString &fieldPrefix,
                               QStringList *unknown, QStringList *warnings)
{
    const std::vector<OptionSpec> specs = forLayout(layout);
    QStringList known;
    for (const OptionSpec &s : specs)
        known << s.name;
    for (auto it = options.begin(); it != options.end(); ++it) {
        const QString field = fieldPrefix + QLatin1Char('.') + it.key();
        const auto s = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &o) { return o.name == it.key(); });
        if (s == specs.end()) {
            if (unknown)
                *unknown << field;
            QString closest;
            int best = 3; // at most two edits away counts as a typo
            for (const QString &k : known) {
                const int d = editDistance(it.key(), k);
                if (d < best) {
                    best = d;
                    closest = k;
                }
            }
            if (warnings)
                *warnings << (closest.isEmpty()
                                  ? QStringLiteral("%1: the %2 layout has no option '%3'; it is ignored (its options: %4)")
                                        .arg(field, layout, it.key(), known.join(QStringLiteral(", ")))
                                  : QStringLiteral("%1: the %2 layout has no option '%3' (did you mean '%4'?); it is ignored")
                                        .arg(field, layout, it.key(), closest));
            continue;
        }
        const QString problem = valueProblem(*s, it.value());
        if (!problem.isEmpty())
            return field + QStringLiteral(": ") + problem;
    }
    return {};
}

} // namespace neuroonco
