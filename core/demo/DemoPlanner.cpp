// Names follow the public datasets each layout imitates (Kaggle "Tr-gl_0012.jpg", BraTS case
// folders, figshare "<n>.mat"); duplicates get unrelated names, as they do in the wild.
#include "core/demo/DemoPlanner.h"

#include "core/demo/DemoRng.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace neuroonco::demo {

namespace {

// Class-folder layout: index 0 glioma, 1 meningioma, 2 pituitary, 3 healthy.
const char *const kClassFolder[] = {"glioma_tumor", "meningioma_tumor", "pituitary_tumor", "no_tumor"};
const char *const kClassAbbrev[] = {"gl", "me", "pi", "no"};
const TumourType kClassType[] = {TumourType::Glioma, TumourType::Meningioma, TumourType::Pituitary, TumourType::Healthy};
const char *const kSplit[] = {"Training", "Testing"};
const char *const kSplitAbbrev[] = {"Tr", "Te"};

int classIndex(TumourType t)
{
    for (int i = 0; i < 4; ++i)
        if (kClassType[i] == t)
            return i;
    return -1;
}

QString classModalityFolder(Sequence s)
{
    switch (s) {
    case Sequence::T1: return QStringLiteral("T1");
    case Sequence::T2: return QStringLiteral("T2");
    case Sequence::Flair: return QStringLiteral("FLAIR");
    case Sequence::T1ce: return QStringLiteral("T1C+");
    }
    return {};
}

QString seriesDescription(Sequence s)
{
    switch (s) {
    case Sequence::T1: return QStringLiteral("AX T1");
    case Sequence::T2: return QStringLiteral("AX T2");
    case Sequence::Flair: return QStringLiteral("AX FLAIR");
    case Sequence::T1ce: return QStringLiteral("AX T1 POST GAD");
    }
    return {};
}

QString pad(int n, int width)
{
    return QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

class Planner
{
public:
    Planner(int cases, quint64 seed)
        : m_cases(cases)
        , m_rng(seed, StreamPlan, 0)
    {}

    DemoPlan build();

private:
    QString nextPatient() { return QStringLiteral("P") + pad(++m_patient, 4); }
    Sequence sequence(double t1, double t2, double flair, double t1ce)
    {
        return Sequence(m_rng.weighted({t1, t2, flair, t1ce}));
    }
    Plane plane(double axial, double coronal, double sagittal)
    {
        return Plane(m_rng.weighted({axial, coronal, sagittal}));
    }
    QString classPath(int split, int cls, bool token, Sequence s, const QString &ext)
    {
        const int number = ++m_classNumber[split][cls];
        QString dir = sourceRoot(SourceId::Classes) + QLatin1Char('/') + QLatin1String(kSplit[split]) + QLatin1Char('/')
                      + QLatin1String(kClassFolder[cls]) + QLatin1Char('/');
        if (token)
            dir += classModalityFolder(s) + QLatin1Char('/');
        return dir + QLatin1String(kSplitAbbrev[split]) + QLatin1Char('-') + QLatin1String(kClassAbbrev[cls])
               + QLatin1Char('_') + pad(number, 4) + ext;
    }
    QString pairStem(TumourType t, Sequence s, QString *maskPath)
    {
        const QString stem = QStringLiteral("p") + pad(++m_pairNumber, 4) + QLatin1Char('_') + sequenceToken(s)
                             + QStringLiteral("_z") + pad(m_rng.range(40, 135), 3);
        const QString cls = tumourTypeName(t);
        *maskPath = sourceRoot(SourceId::Pairs) + QStringLiteral("/masks/") + cls + QLatin1Char('/') + stem + QStringLiteral("_mask.png");
        return sourceRoot(SourceId::Pairs) + QStringLiteral("/images/") + cls + QLatin1Char('/') + stem + QStringLiteral(".png");
    }
    QString yoloStem(bool token, Sequence s, QString *labelPath)
    {
        const int n = ++m_yoloNumber;
        const QString stem = token ? QStringLiteral("y") + pad(n, 4) + QLatin1Char('_') + sequenceToken(s) + QLatin1Char('_') + QString::number(m_rng.range(1, 24))
                                   : QStringLiteral("scan_") + pad(n, 5);
        *labelPath = sourceRoot(SourceId::Yolo) + QStringLiteral("/labels/") + stem + QStringLiteral(".txt");
        return sourceRoot(SourceId::Yolo) + QStringLiteral("/images/") + stem + QStringLiteral(".jpg");
    }
    QString cocoPath(bool token, Sequence s, int *imageId)
    {
        *imageId = ++m_cocoId;
        QString stem = QStringLiteral("c") + pad(*imageId, 5);
        if (token)
            stem += QLatin1Char('_') + sequenceToken(s);
        return sourceRoot(SourceId::Coco) + QStringLiteral("/images/") + stem + QStringLiteral(".png");
    }
    ItemPlan classItem(int cls);
    ItemPlan pairItem(TumourType t);
    ItemPlan yoloItem(TumourType t);
    ItemPlan cocoItem(TumourType t);
    void planDuplicates(DemoPlan &plan);
    void planDicom(DemoPlan &plan, int slices);

    int m_cases;
    DemoRng m_rng;
    int m_itemId = 0;
    int m_patient = 0;
    int m_classNumber[2][4] = {};
    int m_pairNumber = 0;
    int m_yoloNumber = 0;
    int m_cocoId = 0;
    int m_duplicateId = 0;
};

ItemPlan Planner::classItem(int cls)
{
    ItemPlan it;
    it.id = m_itemId++;
    it.source = SourceId::Classes;
    it.type = kClassType[cls];
    it.sequence = sequence(0.2, 0.25, 0.1, 0.45);
    it.plane = plane(0.65, 0.2, 0.15); // Kaggle sets mix in coronal and sagittal cuts
    it.modalityInPath = m_rng.chance(0.55);
    it.width = m_rng.range(224, 512);
    it.height = m_rng.chance(0.3) ? std::clamp(int(it.width * m_rng.uniform(0.85, 1.15)), 224, 512) : it.width;
    it.jpegQuality = m_rng.range(85, 95);
    it.patient = nextPatient();
    it.imagePath = classPath(m_rng.chance(0.8) ? 0 : 1, cls, it.modalityInPath, it.sequence, QStringLiteral(".jpg"));
    return it;
}

ItemPlan Planner::pairItem(TumourType t)
{
    ItemPlan it;
    it.id = m_itemId++;
    it.source = SourceId::Pairs;
    it.type = t;
    it.sequence = sequence(0.25, 0.25, 0.2, 0.3);
    it.plane = plane(0.85, 0.1, 0.05);
    it.modalityInPath = true;
    it.width = it.height = 256;
    it.patient = nextPatient();
    it.imagePath = pairStem(t, it.sequence, &it.maskPath);
    it.maskEncoding = MaskEncoding(m_rng.weighted({0.4, 0.3, 0.3}));
    return it;
}

ItemPlan Planner::yoloItem(TumourType t)
{
    ItemPlan it;
    it.id = m_itemId++;
    it.source = SourceId::Yolo;
    it.type = t;
    it.sequence = sequence(0.25, 0.25, 0.2, 0.3);
    it.plane = plane(0.85, 0.1, 0.05);
    it.modalityInPath = m_rng.chance(0.6);
    it.width = it.height = 640;
    it.jpegQuality = m_rng.range(88, 95);
    it.patient = nextPatient();
    it.imagePath = yoloStem(it.modalityInPath, it.sequence, &it.maskPath);
    return it;
}

ItemPlan Planner::cocoItem(TumourType t)
{
    ItemPlan it;
    it.id = m_itemId++;
    it.source = SourceId::Coco;
    it.type = t;
    it.sequence = sequence(0.25, 0.25, 0.25, 0.25);
    it.plane = plane(0.9, 0.05, 0.05);
    it.modalityInPath = m_rng.chance(0.5);
    it.width = it.height = 512;
    it.patient = nextPatient();
    it.imagePath = cocoPath(it.modalityInPath, it.sequence, &it.cocoImageId);
    it.maskPath = sourceRoot(SourceId::Coco) + QStringLiteral("/annotations.json");
    // A few annotations are stored as uncompressed RLE instead of polygons.
    it.maskEncoding = m_rng.chance(0.15) ? MaskEncoding::Binary01 : MaskEncoding::Grey;
    return it;
}

void Planner::planDuplicates(DemoPlan &plan)
{
    int files2d = 0;
    std::vector<size_t> pool;
    for (size_t i = 0; i < plan.items.size(); ++i) {
        ++files2d;
        const SourceId s = plan.items[i].source;
        if (s == SourceId::Classes || s == SourceId::Pairs || s == SourceId::Yolo || s == SourceId::Coco)
            pool.push_back(i);
    }
    for (const DicomPatientPlan &p : plan.dicom)
        files2d += int(p.slices.size());
    const int wanted = std::max(5, int(std::lround(0.08 * files2d)));
    static const DuplicateKind kinds[] = {DuplicateKind::Exact, DuplicateKind::Jpeg, DuplicateKind::Resized,
                                          DuplicateKind::Cropped, DuplicateKind::Brightened};
    for (int d = 0; d < wanted && !pool.empty(); ++d) {
        const DuplicateKind kind = d < 5 ? kinds[d] : kinds[m_rng.weighted({0.25, 0.2, 0.2, 0.15, 0.2})];
        // Find an original this kind can be planted for.
        for (int attempt = 0; attempt < 50 && !pool.empty(); ++attempt) {
            const size_t pick = size_t(m_rng.range(0, int(pool.size()) - 1));
            ItemPlan &orig = plan.items[pool[pick]];
            const int cls = classIndex(orig.type);
            const bool toClassesPossible = cls >= 0;
            SourceId target = orig.source;
            if (kind == DuplicateKind::Jpeg) {
                if (orig.source == SourceId::Pairs || orig.source == SourceId::Coco || m_rng.chance(0.3))
                    target = SourceId::Classes;
            } else if (kind == DuplicateKind::Exact && orig.source == SourceId::Pairs && m_rng.chance(0.3)) {
                target = SourceId::Coco; // the same PNG republished in another collection
            } else if (orig.source != SourceId::Classes && m_rng.chance(0.35)) {
                target = SourceId::Classes;
            }
            if (target == SourceId::Classes && !toClassesPossible)
                continue;
            DuplicatePlan dp;
            dp.id = m_duplicateId++;
            dp.kind = kind;
            dp.target = target;
            dp.jpegQuality = m_rng.range(55, 78);
            dp.modalityInPath = orig.modalityInPath;
            dp.maskEncoding = orig.maskEncoding;
            const bool exactPng = kind == DuplicateKind::Exact && orig.imagePath.endsWith(QLatin1String(".png"));
            switch (target) {
            case SourceId::Classes:
                dp.imagePath = classPath(m_rng.chance(0.8) ? 0 : 1, cls, dp.modalityInPath, orig.sequence,
                                         exactPng ? QStringLiteral(".png") : QStringLiteral(".jpg"));
                break;
            case SourceId::Pairs: dp.imagePath = pairStem(orig.type, orig.sequence, &dp.maskPath); break;
            case SourceId::Yolo: dp.imagePath = yoloStem(dp.modalityInPath, orig.sequence, &dp.maskPath); break;
            case SourceId::Coco:
                dp.imagePath = cocoPath(dp.modalityInPath, orig.sequence, &dp.cocoImageId);
                dp.maskPath = sourceRoot(SourceId::Coco) + QStringLiteral("/annotations.json");
                dp.maskEncoding = MaskEncoding::Grey;
                break;
            default: break;
            }
            orig.duplicates.push_back(dp);
            pool.erase(pool.begin() + std::ptrdiff_t(pick));
            ++plan.duplicateCount;
            break;
        }
    }
}

void Planner::planDicom(DemoPlan &plan, int slices)
{
    static const char *surnames[] = {"HARTMANN", "OKAFOR", "LINDQVIST", "MORENO", "TANAKA", "KOWALSKI", "DUBOIS",
                                     "ABERNATHY", "NAKAMURA", "FERREIRA", "OYELARAN", "VASQUEZ"};
    static const char *given[] = {"LENA", "JONAS", "AMARA", "PIOTR", "YUKI", "CLAIRE", "MATEO", "INGRID", "RAVI", "SOFIA"};
    int remaining = slices;
    int index = 0;
    while (remaining > 0) {
        DicomPatientPlan p;
        p.id = index++;
        p.type = m_rng.chance(0.5) ? TumourType::Metastasis : TumourType::Meningioma;
        p.patient = nextPatient();
        const QString code = QStringLiteral("PT") + pad(m_rng.range(1000, 9999), 4) + QString::number(p.id);
        p.folder = tumourTypeName(p.type) + QLatin1Char('_') + code;
        QString letters;
        for (int k = 0; k < 3; ++k)
            letters += QChar(QLatin1Char(char('A' + m_rng.range(0, 25))));
        p.patientName = QLatin1String(surnames[m_rng.range(0, 11)]) + QLatin1Char('^') + QLatin1String(given[m_rng.range(0, 9)])
                        + QLatin1Char('^') + letters;
        p.patientId = QStringLiteral("MRN") + pad(m_rng.range(10000000, 99999999), 8);
        p.size = m_rng.chance(0.7) ? 256 : 512;
        int count = std::min(remaining, m_rng.range(2, 4));
        if (remaining - count == 1)
            count = std::min(4, count + 1);
        count = std::min(count, remaining);
        std::array<int, 4> order{0, 1, 2, 3};
        for (int k = 3; k > 0; --k)
            std::swap(order[size_t(k)], order[size_t(m_rng.range(0, k))]);
        static const double offsets[] = {-0.3, 0.3, 0.0, -0.12};
        for (int k = 0; k < count; ++k) {
            DicomSlicePlan s;
            s.sequence = Sequence(order[size_t(k)]);
            s.seriesDescription = seriesDescription(s.sequence);
            s.seriesNumber = k + 1;
            s.instance = m_rng.range(6, 22);
            s.zOffset = offsets[k];
            s.path = sourceRoot(SourceId::Dicom) + QLatin1Char('/') + p.folder + QStringLiteral("/series_") + pad(k + 1, 2)
                     + QStringLiteral("/IM_") + pad(s.instance, 4) + QStringLiteral(".dcm");
            p.slices.push_back(s);
        }
        remaining -= count;
        plan.dicom.push_back(p);
    }
}

DemoPlan Planner::build()
{
    DemoPlan plan;
    const int n = std::max(1, m_cases);
    auto share = [&](double f, int minimum) { return std::max(minimum, int(std::lround(f * n))); };
    const int classes = share(0.30, 4), pairs = share(0.15, 3), yolo = share(0.10, 3), coco = share(0.10, 3),
              figshare = share(0.10, 2), dicom = share(0.05, 2), volumes = std::max(3, int(std::lround(n / 60.0)));

    for (int i = 0; i < classes; ++i)
        plan.items.push_back(classItem(i < 4 ? i : m_rng.weighted({0.27, 0.27, 0.24, 0.22})));
    static const TumourType trio[] = {TumourType::Glioma, TumourType::Meningioma, TumourType::Pituitary};
    for (int i = 0; i < pairs; ++i)
        plan.items.push_back(pairItem(i < 3 ? trio[i] : trio[m_rng.weighted({0.4, 0.35, 0.25})]));
    static const TumourType yoloTypes[] = {TumourType::Glioma, TumourType::Healthy, TumourType::Meningioma, TumourType::Pituitary};
    for (int i = 0; i < yolo; ++i)
        plan.items.push_back(yoloItem(i < 3 ? yoloTypes[i] : yoloTypes[m_rng.weighted({0.3, 0.2, 0.28, 0.22})]));
    static const TumourType cocoTypes[] = {TumourType::Glioma, TumourType::Meningioma, TumourType::Pituitary,
                                           TumourType::Metastasis, TumourType::Schwannoma, TumourType::Ependymoma};
    for (int i = 0; i < coco; ++i) {
        const int t = i < 6 ? (i % 2 == 0 ? 3 + i / 2 : i / 2) : m_rng.weighted({0.3, 0.22, 0.14, 0.18, 0.08, 0.08});
        plan.items.push_back(cocoItem(cocoTypes[t]));
    }
    for (int i = 0; i < figshare; ++i) {
        ItemPlan it;
        it.id = m_itemId++;
        it.source = SourceId::Figshare;
        it.figshareLabel = i < 3 ? i + 1 : 1 + m_rng.weighted({0.3, 0.45, 0.25});
        it.type = it.figshareLabel == 1 ? TumourType::Meningioma : (it.figshareLabel == 2 ? TumourType::Glioma : TumourType::Pituitary);
        it.sequence = Sequence::T1ce; // the figshare collection is contrast-enhanced T1
        it.plane = plane(1, 1, 1);    // in axial, coronal and sagittal cuts alike
        it.modalityInPath = false;
        it.width = it.height = 512;
        it.patient = nextPatient();
        it.figsharePid = QString::number(m_rng.range(100000, 112000));
        it.imagePath = sourceRoot(SourceId::Figshare) + QLatin1Char('/') + QString::number(i + 1) + QStringLiteral(".mat");
        it.maskPath = it.imagePath;
        plan.items.push_back(it);
    }
    planDicom(plan, dicom);
    for (int v = 0; v < volumes; ++v) {
        VolumePlan vp;
        vp.id = v;
        vp.patient = nextPatient();
        vp.brats2023 = v % 4 == 1;
        vp.caseName = vp.brats2023 ? QStringLiteral("BraTS-GLI-") + pad(2 * v + 3, 5) + QStringLiteral("-000")
                                   : QStringLiteral("BraTS2021_") + pad(2 * v + 2, 5);
        plan.volumes.push_back(vp);
    }
    planDuplicates(plan);

    // Planted bad inputs, after the regular items so those keep their ids for any N.
    auto bad = [&](ItemPlan it, Corruption c) {
        it.corruption = c;
        it.duplicates.clear();
        plan.items.push_back(it);
    };
    {
        ItemPlan t = classItem(0);
        t.sequence = Sequence::T1ce;
        bad(t, Corruption::Truncated);
        ItemPlan e = classItem(3);
        e.width = e.height = 256;
        bad(e, Corruption::EmptyImage);
        bad(pairItem(TumourType::Glioma), Corruption::TextAsPng);
        bad(pairItem(TumourType::Meningioma), Corruption::MaskSizeMismatch);
        bad(pairItem(TumourType::Glioma), Corruption::EmptyMask);
        bad(pairItem(TumourType::Pituitary), Corruption::AllLesionMask);
        bad(yoloItem(TumourType::Glioma), Corruption::PolygonOutOfRange);
    }
    auto badFile = [&](Corruption c, SourceId s, const QString &path, int cls) {
        BadFilePlan b;
        b.kind = c;
        b.source = s;
        b.path = path;
        b.typeKnown = cls >= 0;
        b.type = cls >= 0 ? kClassType[cls] : TumourType::Healthy;
        plan.badFiles.push_back(b);
    };
    badFile(Corruption::EmptyFile, SourceId::Classes, classPath(1, 0, false, Sequence::T1, QStringLiteral(".jpg")), 0);
    badFile(Corruption::NotAnImage, SourceId::Classes,
            sourceRoot(SourceId::Classes) + QStringLiteral("/Training/meningioma_tumor/notes.txt"), 1);
    badFile(Corruption::PathEscape, SourceId::Yolo, sourceRoot(SourceId::Yolo) + QStringLiteral("/images/escape.png"), -1);
    badFile(Corruption::SymlinkLoop, SourceId::Classes, sourceRoot(SourceId::Classes) + QStringLiteral("/Training/loop"), -1);
    return plan;
}

} // namespace

DemoPlan DemoPlanner::build(int cases, quint64 seed)
{
    return Planner(cases, seed).build();
}

} // namespace neuroonco::demo
