// Classical sign reading; see the header for the method. Thresholds were set on the demo
// generator's planted ground truth and are reported with their agreement in the notes.
#include "core/extract/ClassicalExtractor.h"

#include "core/imaging/ImageHash.h"
#include "core/imaging/ImageOps.h"
#include "core/semantics/ComponentLabeling.h"
#include "core/semantics/MaskAnalyzer.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <deque>

namespace neuroonco {

namespace {

struct Stats
{
    int n = 0;
    double mean = 0, sd = 0, p5 = 0, p10 = 0, p25 = 0, p30 = 0, median = 0, p75 = 0, p90 = 0, p95 = 0;
};

template<typename Pred>
Stats stats(const GrayImage &img, Pred &&select)
{
    std::array<int, 256> hist{};
    Stats s;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < int(img.pixels.size()); ++i) {
        if (!select(i))
            continue;
        const int v = img.pixels[size_t(i)];
        ++hist[size_t(v)];
        ++s.n;
        sum += v;
        sum2 += double(v) * v;
    }
    if (s.n == 0)
        return s;
    s.mean = sum / s.n;
    s.sd = std::sqrt(std::max(0.0, sum2 / s.n - s.mean * s.mean));
    auto pct = [&](double p) {
        const double target = p * s.n;
        double acc = 0;
        for (int v = 0; v < 256; ++v) {
            acc += hist[size_t(v)];
            if (acc >= target)
                return double(v);
        }
        return 255.0;
    };
    s.p5 = pct(0.05);
    s.p10 = pct(0.10);
    s.p25 = pct(0.25);
    s.p30 = pct(0.30);
    s.median = pct(0.5);
    s.p75 = pct(0.75);
    s.p90 = pct(0.90);
    s.p95 = pct(0.95);
    return s;
}

// Head: everything not connected to the border through dark pixels (fills ventricles).
std::vector<bool> headMask(const GrayImage &img)
{
    const int w = img.width, h = img.height;
    const int thr = imagehash::otsuThreshold(img);
    std::vector<bool> outside(img.pixels.size(), false);
    std::deque<int> queue;
    auto push = [&](int x, int y) {
        const size_t i = size_t(y) * size_t(w) + size_t(x);
        if (!outside[i] && img.pixels[i] <= thr) {
            outside[i] = true;
            queue.push_back(int(i));
        }
    };
    for (int x = 0; x < w; ++x) {
        push(x, 0);
        push(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        push(0, y);
        push(w - 1, y);
    }
    while (!queue.empty()) {
        const int i = queue.front();
        queue.pop_front();
        const int x = i % w, y = i / w;
        if (x > 0) push(x - 1, y);
        if (x + 1 < w) push(x + 1, y);
        if (y > 0) push(x, y - 1);
        if (y + 1 < h) push(x, y + 1);
    }
    std::vector<bool> head(outside.size());
    for (size_t i = 0; i < head.size(); ++i)
        head[i] = !outside[i];
    return head;
}

QString cellName(double cx, double cy, int w, int h)
{
    static const char *rows[] = {"Upper", "Center", "Lower"};
    static const char *cols[] = {"Left", "Center", "Right"};
    const int col = cx < w / 3.0 ? 0 : cx < 2.0 * w / 3.0 ? 1 : 2;
    const int row = cy < h / 3.0 ? 0 : cy < 2.0 * h / 3.0 ? 1 : 2;
    if (row == 1 && col == 1)
        return QStringLiteral("Center");
    return QStringLiteral("%1-%2").arg(QLatin1String(rows[row]), QLatin1String(cols[col]));
}

// Three-way decision with an undecided band: below `low` → a, above `high` → b, else empty
// (when `decideInBand`, the band is split at its middle instead).
QString decide(double v, double low, double high, const QString &a, const QString &b, bool decideInBand)
{
    if (v < low)
        return a;
    if (v > high)
        return b;
    if (!decideInBand)
        return {};
    return v < (low + high) / 2 ? a : b;
}

} // namespace

ClassicalExtractor::ClassicalExtractor(Stance stance)
    : m_stance(stance)
{}

QString ClassicalExtractor::model() const
{
    return m_stance == Stance::Conservative ? QStringLiteral("classical-conservative/1") : QStringLiteral("classical-skeptic/1");
}

QString ClassicalExtractor::estimateModality(const GrayImage &img, const GrayImage &lesion)
{
    const std::vector<bool> head = headMask(img);
    qint64 headArea = 0;
    for (bool b : head)
        headArea += b;
    if (headArea < qint64(img.pixels.size()) / 20)
        return {};
    const std::vector<float> depth = imageops::distanceToOutside(head, img.width, img.height);
    const double radius = std::sqrt(double(headArea) / M_PI);
    auto notLesion = [&](int i) { return lesion.isEmpty() || lesion.pixels[size_t(i)] <= 127; };
    const double rim = 0.10 * radius;
    const Stats brain = stats(img, [&](int i) { return depth[size_t(i)] > rim && notLesion(i); });
    const Stats deep = stats(img, [&](int i) { return depth[size_t(i)] > 0.35 * radius && notLesion(i); });
    if (brain.n < 100 || deep.n < 50 || brain.median <= 0)
        return {};
    const double bright = deep.p95 / brain.median - 1.0;
    const double dark = 1.0 - deep.p5 / brain.median;
    if (bright > 1.2 * dark)
        return QStringLiteral("T2");
    // Cortex against deep white matter, both without CSF (pixels above the brain's p25).
    const Stats cortex = stats(img, [&](int i) {
        const float d = depth[size_t(i)];
        return d > rim && d < rim + 0.12 * radius && img.pixels[size_t(i)] > brain.p25 && notLesion(i);
    });
    const Stats white = stats(img, [&](int i) {
        return depth[size_t(i)] > 0.3 * radius && img.pixels[size_t(i)] > brain.p25 && notLesion(i);
    });
    if (cortex.n < 50 || white.n < 50)
        return {};
    QString base = cortex.median > white.median * 1.02 ? QStringLiteral("FLAIR") : QStringLiteral("T1");
    if (base == QLatin1String("T1") && !lesion.isEmpty()) {
        const Stats l = stats(img, [&](int i) { return lesion.pixels[size_t(i)] > 127; });
        if (l.n > 0 && l.p90 > 1.3 * brain.p75)
            base = QStringLiteral("T1CE");
    }
    return base;
}

ExtractionOutput ClassicalExtractor::extract(const ExtractionInput &in) const
{
    QElapsedTimer timer;
    timer.start();
    ExtractionOutput out;
    const GrayImage &img = in.image;
    if (img.isEmpty()) {
        out.error = QStringLiteral("no image");
        return out;
    }
    const bool conservative = m_stance == Stance::Conservative;
    const int w = img.width, h = img.height;
    const size_t n = img.pixels.size();
    QJsonObject features;

    const std::vector<bool> head = headMask(img);
    qint64 headArea = 0;
    int minX = w, maxX = -1;
    for (size_t i = 0; i < n; ++i)
        if (head[i]) {
            ++headArea;
            minX = std::min(minX, int(i % size_t(w)));
            maxX = std::max(maxX, int(i % size_t(w)));
        }
    const std::vector<float> depth = imageops::distanceToOutside(head, w, h);
    const double radius = std::sqrt(std::max<double>(1, double(headArea)) / M_PI);
    const double rim = 0.10 * radius;
    const Stats brain = stats(img, [&](int i) { return depth[size_t(i)] > rim; });
    features.insert(QStringLiteral("brain_median"), brain.median);

    // Lesion: the mask when the dataset has one, else an asymmetric intensity outlier.
    GrayImage lesion(w, h);
    bool fromMask = false;
    if (!in.mask.isEmpty() && std::any_of(in.mask.pixels.begin(), in.mask.pixels.end(), [](std::uint8_t v) { return v > 127; })) {
        lesion = in.mask;
        fromMask = true;
    } else if (brain.n > 100) {
        const double k = conservative ? 3.2 : 3.6;
        const Stats dev = stats(img, [&](int i) { return depth[size_t(i)] > rim; });
        // Robust spread: half the inter-quartile range.
        const double spread = std::max(4.0, (dev.p75 - dev.p25) / 1.349);
        GrayImage candidate(w, h);
        for (size_t i = 0; i < n; ++i)
            if (depth[i] > rim && std::fabs(img.pixels[i] - brain.median) > k * spread)
                candidate.pixels[i] = 255;
        const Components c = ComponentLabeling::label(candidate);
        const int midline = (minX + maxX) / 2;
        int best = 0;
        qint64 bestArea = 0;
        for (int label = 1; label <= c.count(); ++label) {
            if (c.areas[size_t(label)] < std::max<qint64>(12, qint64(0.0015 * double(headArea))))
                continue;
            // Symmetric structures (ventricles, sulci, vessels) are anatomy, not lesions.
            double inside = 0, mirror = 0;
            qint64 count = 0;
            for (size_t i = 0; i < n; ++i) {
                if (c.labels[i] != label)
                    continue;
                const int x = int(i % size_t(w)), y = int(i / size_t(w));
                const int mx = std::clamp(2 * midline - x, 0, w - 1);
                inside += img.pixels[i];
                mirror += img.at(mx, y);
                ++count;
            }
            const double asymmetry = std::fabs(inside - mirror) / double(count);
            if (asymmetry < (conservative ? 2.5 : 3.0) * spread)
                continue;
            if (c.areas[size_t(label)] > bestArea) {
                bestArea = c.areas[size_t(label)];
                best = label;
            }
        }
        if (best) {
            for (size_t i = 0; i < n; ++i)
                lesion.pixels[i] = c.labels[i] == best ? 255 : 0;
        }
    }
    qint64 lesionArea = 0;
    double cx = 0, cy = 0;
    for (size_t i = 0; i < n; ++i)
        if (lesion.pixels[i] > 127) {
            ++lesionArea;
            cx += double(i % size_t(w));
            cy += double(i / size_t(w));
        }
    features.insert(QStringLiteral("lesion_from_mask"), fromMask);
    features.insert(QStringLiteral("lesion_pixels"), lesionArea);

    SignSet s;
    // Modality: the conservative reader trusts the source's modality when it has one.
    const QString given = in.datasetModality == QLatin1String("Unknown") ? QString() : in.datasetModality;
    const QString estimated = estimateModality(img, lesionArea ? lesion : GrayImage());
    s.modality = conservative && !given.isEmpty() ? given : estimated;
    features.insert(QStringLiteral("modality_estimate"), estimated);
    const QString label = in.datasetTumourType;
    const bool labelledHealthy = label == QLatin1String("healthy");
    const bool labelledTumour = !label.isEmpty() && !labelledHealthy;
    s.lesionFound = labelledTumour || (!labelledHealthy && lesionArea > 0) ? 1 : 0;
    features.insert(QStringLiteral("lesion_found_from"), label.isEmpty() ? QStringLiteral("pixels") : QStringLiteral("source label"));
    if (labelledHealthy && !fromMask)
        lesionArea = 0; // an outlier region on a slice the source calls healthy is anatomy or artefact
    if (lesionArea == 0) {
        out.ok = true;
        out.signs = s;
        out.raw = QString::fromUtf8(QJsonDocument(features).toJson(QJsonDocument::Compact));
        out.latencyMs = timer.nsecsElapsed() / 1e6;
        return out;
    }
    cx /= double(lesionArea);
    cy /= double(lesionArea);
    s.location = cellName(cx, cy, w, h);

    // Shape.
    if (const std::optional<MaskSemantics> geometry = MaskAnalyzer::analyze(lesion)) {
        const double c = geometry->numbers.circularity, e = geometry->numbers.elongation;
        features.insert(QStringLiteral("circularity"), c);
        features.insert(QStringLiteral("elongation"), e);
        const double irregularBelow = conservative ? 0.5 : 0.55;
        const double smoothFrom = conservative ? 0.8 : 0.82;
        const double band = conservative ? 0.04 : 0.0;
        if (c < irregularBelow - band)
            s.shape = QStringLiteral("Irregular");
        else if (c >= smoothFrom + band)
            s.shape = decide(e, conservative ? 1.22 : 1.3, conservative ? 1.38 : 1.3, QStringLiteral("Round"), QStringLiteral("Oval"), !conservative);
        else if (c >= irregularBelow + band && c < smoothFrom - band)
            s.shape = QStringLiteral("Lobulated");
    }

    // Rings around the boundary.
    std::vector<bool> inside(n), outside(n);
    for (size_t i = 0; i < n; ++i) {
        inside[i] = lesion.pixels[i] > 127;
        outside[i] = !inside[i];
    }
    const std::vector<float> dIn = imageops::distanceToOutside(inside, w, h);
    const std::vector<float> dOut = imageops::distanceToOutside(outside, w, h);
    const double maxDepth = *std::max_element(dIn.begin(), dIn.end());
    const double coreDepth = std::min(3.0, maxDepth / 2);
    const Stats lesionStats = stats(img, [&](int i) { return inside[size_t(i)]; });
    const Stats core = stats(img, [&](int i) { return dIn[size_t(i)] > coreDepth; });
    const Stats innerBand = stats(img, [&](int i) { return dIn[size_t(i)] > 0 && dIn[size_t(i)] <= 2.5; });
    const Stats outerBand = stats(img, [&](int i) { return dOut[size_t(i)] > 0 && dOut[size_t(i)] <= 2.5 && head[size_t(i)]; });
    const Stats far = stats(img, [&](int i) { return dOut[size_t(i)] >= 6 && dOut[size_t(i)] <= 10 && depth[size_t(i)] > rim; });
    const Stats rimBand = stats(img, [&](int i) { return dIn[size_t(i)] > 0 && dIn[size_t(i)] <= 3; });

    // Margins.
    const double contrast = std::fabs(core.median - far.median);
    if (contrast > 12 && innerBand.n > 0 && outerBand.n > 0) {
        const double sharpness = std::fabs(innerBand.mean - outerBand.mean) / contrast;
        features.insert(QStringLiteral("edge_sharpness"), sharpness);
        s.margins = decide(sharpness, conservative ? 0.35 : 0.45, conservative ? 0.55 : 0.45,
                           QStringLiteral("Ill-defined"), QStringLiteral("Well-circumscribed"), !conservative);
    }
    // Texture.
    if (core.n >= 10 && core.mean > 0) {
        const double cv = core.sd / core.mean;
        features.insert(QStringLiteral("texture_cv"), cv);
        s.texture = decide(cv, conservative ? 0.10 : 0.14, conservative ? 0.18 : 0.14,
                           QStringLiteral("Homogeneous"), QStringLiteral("Heterogeneous"), !conservative);
    }

    const QString modality = s.modality;
    const bool t2Like = modality == QLatin1String("T2") || modality == QLatin1String("FLAIR");
    const Stats tissue = stats(img, [&](int i) { return depth[size_t(i)] > rim && dOut[size_t(i)] > 15; });
    const double whiteMatter = std::max(1.0, t2Like ? tissue.p30 : tissue.p75);
    features.insert(QStringLiteral("white_matter"), whiteMatter);

    // Signal intensity.
    if (lesionStats.n > 0 && !modality.isEmpty()) {
        const Stats bright = stats(img, [&](int i) { return inside[size_t(i)] && img.pixels[size_t(i)] > 1.15 * whiteMatter; });
        const Stats dark = stats(img, [&](int i) { return inside[size_t(i)] && img.pixels[size_t(i)] < 0.85 * whiteMatter; });
        const double brightShare = double(bright.n) / lesionStats.n, darkShare = double(dark.n) / lesionStats.n;
        const double ratio = lesionStats.median / whiteMatter;
        features.insert(QStringLiteral("signal_ratio"), ratio);
        if (brightShare > 0.25 && darkShare > 0.25)
            s.signalIntensity = QStringLiteral("Mixed");
        else if (ratio > (conservative ? 1.15 : 1.1))
            s.signalIntensity = QStringLiteral("Hyperintense");
        else if (ratio < (conservative ? 0.85 : 0.9))
            s.signalIntensity = QStringLiteral("Hypointense");
        else if (ratio > (conservative ? 0.94 : 0.9) && ratio < (conservative ? 1.06 : 1.1))
            s.signalIntensity = QStringLiteral("Isointense");
    }
    // Enhancement, only on contrast-enhanced T1.
    if (modality == QLatin1String("T1CE") && lesionStats.n > 0) {
        const double rimRatio = rimBand.median / std::max(1.0, core.median);
        const Stats enhancing = stats(img, [&](int i) { return inside[size_t(i)] && img.pixels[size_t(i)] > 1.2 * whiteMatter; });
        const double enhancingShare = double(enhancing.n) / lesionStats.n;
        features.insert(QStringLiteral("rim_core_ratio"), rimRatio);
        features.insert(QStringLiteral("enhancing_share"), enhancingShare);
        if (rimBand.median > 1.2 * whiteMatter && rimRatio > (conservative ? 1.35 : 1.25) && core.n >= 6)
            s.enhancement = QStringLiteral("Ring");
        else if (enhancingShare > (conservative ? 0.7 : 0.6))
            s.enhancement = QStringLiteral("Solid");
        else if (enhancingShare > 0.15 && enhancingShare < 0.6)
            s.enhancement = QStringLiteral("Patchy");
    }
    // Oedema, only on T2/FLAIR: bright halo compared with the mirrored side.
    if (t2Like) {
        const int midline = (minX + maxX) / 2;
        qint64 haloCount = 0, haloBright = 0, mirrorBright = 0;
        for (size_t i = 0; i < n; ++i) {
            if (!(dOut[i] > 2 && dOut[i] <= 15 && depth[i] > rim))
                continue;
            const int x = int(i % size_t(w)), y = int(i / size_t(w));
            const int mx = std::clamp(2 * midline - x, 0, w - 1);
            ++haloCount;
            haloBright += img.pixels[i] > 1.25 * whiteMatter;
            mirrorBright += img.at(mx, y) > 1.25 * whiteMatter;
        }
        if (haloCount > 0) {
            const double excess = double(haloBright - mirrorBright) / double(haloCount);
            features.insert(QStringLiteral("halo_excess"), excess);
            if (excess > (conservative ? 0.35 : 0.3))
                s.edema = QStringLiteral("Extensive");
            else if (excess > (conservative ? 0.12 : 0.08))
                s.edema = QStringLiteral("Mild");
        }
    }
    out.ok = true;
    out.signs = s;
    out.raw = QString::fromUtf8(QJsonDocument(features).toJson(QJsonDocument::Compact));
    out.latencyMs = timer.nsecsElapsed() / 1e6;
    return out;
}

} // namespace neuroonco
