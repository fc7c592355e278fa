// Reference answers are assembled from the gold values and the numbers behind them, in the
// wording of the published open benchmark; nothing is said that the labels do not say.
#include "core/benchmark/OpenItemBuilder.h"

#include "core/benchmark/GoldRecord.h"
#include "core/benchmark/MimicTable.h"
#include "core/benchmark/OptionTaxonomy.h"
#include "core/benchmark/SeededRng.h"
#include "core/benchmark/StemPool.h"
#include "core/describe/DescriptionBuilder.h"

namespace neuroonco {

namespace {

QString pct(double fraction)
{
    return QString::number(100 * fraction, 'g', 3) + QLatin1Char('%');
}

QString lowerLabel(const QString &value)
{
    return value.toLower();
}

// Clauses describing the signs of the lesion, in reading order; `keywords` collects their words.
QStringList signClauses(const GoldRecord &g, QStringList *keywords, QStringList *keys)
{
    QStringList clauses;
    const QString modality = g.value(QStringLiteral("modality"));
    auto use = [&](const QString &key, const QString &clause, const QString &keyword) {
        clauses << clause;
        if (keywords && !keyword.isEmpty())
            *keywords << keyword;
        if (keys)
            *keys << key;
    };
    if (g.has(QStringLiteral("signal_intensity")))
        use(QStringLiteral("signal_intensity"),
            QStringLiteral("%1 relative to normal white matter")
                .arg(lowerLabel(g.value(QStringLiteral("signal_intensity")))),
            lowerLabel(g.value(QStringLiteral("signal_intensity"))));
    if (g.has(QStringLiteral("texture")))
        use(QStringLiteral("texture"),
            QStringLiteral("%1 internally").arg(lowerLabel(g.value(QStringLiteral("texture")))),
            lowerLabel(g.value(QStringLiteral("texture"))));
    if (g.has(QStringLiteral("margins")))
        use(QStringLiteral("margins"),
            QStringLiteral("with %1 margins").arg(lowerLabel(g.value(QStringLiteral("margins")))),
            lowerLabel(g.value(QStringLiteral("margins"))));
    if (g.has(QStringLiteral("enhancement")) && modality == QLatin1String("T1CE")) {
        const QString e = g.value(QStringLiteral("enhancement"));
        use(QStringLiteral("enhancement"),
            e == QLatin1String("Present")
                ? QStringLiteral("with contrast enhancement")
                : QStringLiteral("with %1 enhancement").arg(lowerLabel(e)),
            e == QLatin1String("Present") ? QStringLiteral("enhancement") : lowerLabel(e));
    }
    if (g.has(QStringLiteral("edema")) &&
        (modality == QLatin1String("T2") || modality == QLatin1String("FLAIR"))) {
        const QString e = g.value(QStringLiteral("edema"));
        use(QStringLiteral("edema"),
            e == QLatin1String("Present")
                ? QStringLiteral("with surrounding oedema")
                : QStringLiteral("with %1 surrounding oedema").arg(lowerLabel(e)),
            e == QLatin1String("Present") ? QStringLiteral("oedema") : lowerLabel(e));
    }
    return clauses;
}

QString joinClauses(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.join(QString());
    return QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")) +
           QStringLiteral(" and ") + parts.last();
}

QStringList locationWords(const QString &location)
{
    QStringList out;
    for (const QString &w : OptionTaxonomy::words(location))
        if (w != QLatin1String("region") && w != QLatin1String("of") && w != QLatin1String("the") &&
            w != QLatin1String("image"))
            out << w;
    return out;
}

QStringList dedupe(const QStringList &list)
{
    QStringList out;
    for (const QString &s : list)
        if (!s.isEmpty() && !out.contains(s))
            out << s;
    return out;
}

} // namespace

QString OpenItemBuilder::diagnosisLabel(const QString &tumourType)
{
    if (tumourType.isEmpty() || tumourType == QLatin1String("tumor"))
        return QStringLiteral("brain tumor");
    return DescriptionBuilder::typeName(tumourType);
}

QString OpenItemBuilder::regionPhrase(const QString &location)
{
    if (location == QLatin1String("Center of the Image") || location == QLatin1String("Center"))
        return QStringLiteral("the center of the image");
    QString l = location;
    if (l.endsWith(QLatin1String(" Region")))
        l.chop(7);
    return QStringLiteral("the %1 region of the image").arg(l.toLower());
}

QString OpenItemBuilder::gridCell(const QString &location)
{
    if (location == QLatin1String("Center of the Image") || location == QLatin1String("Center"))
        return QStringLiteral("central cell");
    QString l = location;
    if (l.endsWith(QLatin1String(" Region")))
        l.chop(7);
    return l.toLower() + QStringLiteral(" cell");
}

std::vector<OpenDraft> OpenItemBuilder::build(const GoldRecord &g, std::uint64_t seed,
                                              const QString &purpose)
{
    std::vector<OpenDraft> out;
    const StemPool &stems = StemPool::instance();
    SeededRng rng(seed, std::uint64_t(g.sample), purpose + QStringLiteral(":open"));
    const QString modality = g.value(QStringLiteral("modality"));
    const QString scan =
        modality.isEmpty() ? QStringLiteral("this") : QStringLiteral("this %1").arg(modality);
    auto add = [&](const QString &slot, const QString &type, const QString &question,
                   const QString &answer, const QStringList &keywords, const QStringList &keys,
                   const QStringList &numberKeys) {
        OpenDraft d;
        d.slot = slot;
        d.question.questionId = QStringLiteral("%1_q%2").arg(g.sample).arg(out.size() + 1);
        d.question.questionType = type;
        d.question.question = question;
        d.question.referenceAnswer = answer;
        d.question.keywords = dedupe(keywords);
        d.keys = keys;
        d.numberKeys = numberKeys;
        out.push_back(std::move(d));
    };

    if (g.tumourType == QLatin1String("healthy")) {
        add(QStringLiteral("detail_healthy"), QStringLiteral("Detail"),
            rng.pick(stems.open(QStringLiteral("detail_healthy"))),
            QStringLiteral(
                "No lesion is visible on %1 slice; the brain appears healthy and normal.")
                .arg(scan),
            {QStringLiteral("healthy"), QStringLiteral("normal")},
            {QStringLiteral("diagnosis"), QStringLiteral("modality")}, {});
        return out;
    }

    const SemanticsThresholds &t = g.thresholds;
    const QJsonObject n = g.citedNumbers();
    auto num = [&](const char *key) { return n.value(QLatin1String(key)).toString(); };
    QStringList features, featureKeywords, featureKeys, featureNumbers;

    // Shape.
    if (g.has(QStringLiteral("shape"))) {
        const QString shape = g.value(QStringLiteral("shape"));
        QString answer;
        QStringList keywords;
        QStringList numbers;
        if (g.numbersBack(QStringLiteral("shape"))) {
            numbers = {QStringLiteral("circularity"), QStringLiteral("elongation")};
            if (shape == QLatin1String("Round/Oval")) {
                answer =
                    QStringLiteral("The lesion is round to oval: the outline of its largest "
                                   "component has a circularity of %1 "
                                   "(4πA/P², 1.00 for a perfect circle) and an elongation of %2, "
                                   "meeting the round/oval "
                                   "criteria (circularity at least %3, elongation at most %4).")
                        .arg(num("circularity"), num("elongation"))
                        .arg(t.roundFrom, 0, 'f', 2)
                        .arg(t.roundMaxElongation, 0, 'f', 2);
                keywords = {QStringLiteral("round"), QStringLiteral("oval")};
            } else if (shape == QLatin1String("Lobulated")) {
                answer = g.numbers.circularity >= t.roundFrom
                             ? QStringLiteral("The lesion has a lobulated outline: its largest "
                                              "component has a circularity of %1 "
                                              "but an elongation of %2, above the %3 allowed for a "
                                              "round/oval lesion.")
                                   .arg(num("circularity"), num("elongation"))
                                   .arg(t.roundMaxElongation, 0, 'f', 2)
                             : QStringLiteral("The lesion has a lobulated outline: its largest "
                                              "component has an intermediate "
                                              "circularity of %1 (between %2 and %3) and an "
                                              "elongation of %4, so it is neither "
                                              "round/oval nor irregular.")
                                   .arg(num("circularity"))
                                   .arg(t.irregularBelow, 0, 'f', 2)
                                   .arg(t.roundFrom, 0, 'f', 2)
                                   .arg(num("elongation"));
                keywords = {QStringLiteral("lobulated")};
            } else {
                answer = QStringLiteral("The lesion has an irregular, spiculated outline: the "
                                        "circularity of its largest component "
                                        "is only %1, below the %2 threshold for irregular shapes.")
                             .arg(num("circularity"))
                             .arg(t.irregularBelow, 0, 'f', 2);
                keywords = {QStringLiteral("irregular"), QStringLiteral("spiculated")};
            }
            features << QStringLiteral("a %1 outline (circularity %2)")
                            .arg(shape.toLower(), num("circularity"));
        } else {
            answer = QStringLiteral("On review, the lesion outline was classed as %1.")
                         .arg(shape.toLower());
            keywords = OptionTaxonomy::words(shape);
            features << QStringLiteral("a %1 outline").arg(shape.toLower());
        }
        featureKeywords += keywords;
        featureKeys << QStringLiteral("shape");
        featureNumbers += numbers;
        add(QStringLiteral("detail_shape"), QStringLiteral("Detail"),
            rng.pick(stems.open(QStringLiteral("detail_shape"))), answer, keywords,
            {QStringLiteral("shape")}, numbers);
    }

    // Location.
    if (g.has(QStringLiteral("location"))) {
        const QString location = g.value(QStringLiteral("location"));
        QString answer;
        QStringList numbers;
        if (g.numbersBack(QStringLiteral("location"))) {
            numbers = {QStringLiteral("centroid_x"), QStringLiteral("centroid_y")};
            answer = QStringLiteral("The lesion lies in %1: its centroid is at about (x=%2, y=%3) "
                                    "in a %4×%5 image, which falls "
                                    "in the %6 of a 3×3 grid over the image.")
                         .arg(regionPhrase(location), num("centroid_x"), num("centroid_y"))
                         .arg(g.width)
                         .arg(g.height)
                         .arg(gridCell(location));
            if (g.head.valid) {
                answer += g.head.side == QLatin1String("midline")
                              ? QStringLiteral(" Relative to the head outline it sits near the "
                                               "midline, in the %1 part of the head.")
                                    .arg(g.head.band)
                              : QStringLiteral(" Relative to the head outline it sits in the %1, "
                                               "in the %2 part of the head.")
                                    .arg(g.head.side, g.head.band);
            }
        } else {
            answer = QStringLiteral("On review, the lesion was placed in %1.")
                         .arg(regionPhrase(location));
        }
        const QStringList keywords = locationWords(location);
        features << QStringLiteral("a position in %1").arg(regionPhrase(location));
        featureKeywords += keywords;
        featureKeys << QStringLiteral("location");
        add(QStringLiteral("location"), QStringLiteral("Location"),
            rng.pick(stems.open(QStringLiteral("location"))), answer, keywords,
            {QStringLiteral("location")}, numbers);
    }

    // Size.
    if (g.has(QStringLiteral("size"))) {
        const QString size = g.value(QStringLiteral("size"));
        QString answer;
        QStringList numbers;
        QStringList keywords;
        const QString sizeWord = size == QLatin1String("Small/Focal") ? QStringLiteral("small")
                                 : size == QLatin1String("Medium")    ? QStringLiteral("medium")
                                                                      : QStringLiteral("large");
        keywords << sizeWord;
        if (g.numbersBack(QStringLiteral("size"))) {
            numbers = {QStringLiteral("area_pct")};
            const QString area = num("area_pct") + QLatin1Char('%');
            if (sizeWord == QLatin1String("small"))
                answer = QStringLiteral("The lesion is small and focal, occupying about %1 of the "
                                        "image area, below the %2 threshold "
                                        "for small lesions.")
                             .arg(area, pct(t.smallBelow));
            else if (sizeWord == QLatin1String("medium"))
                answer = QStringLiteral("The lesion is of medium size, occupying about %1 of the "
                                        "image area, between %2 and %3.")
                             .arg(area, pct(t.smallBelow), pct(t.mediumBelow));
            else
                answer = QStringLiteral("The lesion is large and extensive, occupying about %1 of "
                                        "the image area, at or above the "
                                        "%2 threshold for large lesions.")
                             .arg(area, pct(t.mediumBelow));
            features << QStringLiteral("a %1 extent (%2 of the image)").arg(sizeWord, area);
        } else {
            answer = QStringLiteral("On review, the lesion was classed as %1 in size.")
                         .arg(size.toLower());
            features << QStringLiteral("a %1 extent").arg(sizeWord);
        }
        featureKeywords += keywords;
        featureKeys << QStringLiteral("size");
        featureNumbers += numbers;
        add(QStringLiteral("detail_size"), QStringLiteral("Detail"),
            rng.pick(stems.open(QStringLiteral("detail_size"))), answer, keywords,
            {QStringLiteral("size")}, numbers);
    }

    // Spread.
    if (g.has(QStringLiteral("spread"))) {
        const QString spread = g.value(QStringLiteral("spread"));
        QString answer;
        QStringList numbers;
        QStringList keywords;
        const bool measured = g.numbersBack(QStringLiteral("spread"));
        if (spread == QLatin1String("Solitary Lesion")) {
            keywords = {QStringLiteral("solitary")};
            answer = measured ? QStringLiteral("The lesion is solitary: the segmentation shows a "
                                               "single connected component.")
                              : QStringLiteral("On review, the lesion was judged solitary.");
            if (measured)
                numbers = {QStringLiteral("components")};
        } else if (spread == QLatin1String("Dominant Core with Satellites")) {
            keywords = {QStringLiteral("dominant"), QStringLiteral("satellites")};
            answer = measured
                         ? QStringLiteral("The lesion has a dominant core with satellites: %1 "
                                          "connected components, the largest "
                                          "holding %2% of the lesion area (at least %3).")
                               .arg(num("components"), num("core_pct"), pct(t.dominantCoreFrom))
                         : QStringLiteral("On review, the lesion was judged to have a dominant "
                                          "core with satellites.");
            if (measured)
                numbers = {QStringLiteral("components"), QStringLiteral("core_pct")};
        } else {
            keywords = {QStringLiteral("scattered"), QStringLiteral("multifocal")};
            answer = measured
                         ? QStringLiteral("The lesion is scattered/multifocal: %1 connected "
                                          "components, the largest holding only "
                                          "%2% of the lesion area (below %3).")
                               .arg(num("components"), num("core_pct"), pct(t.dominantCoreFrom))
                         : QStringLiteral("On review, the lesion was judged scattered/multifocal.");
            if (measured)
                numbers = {QStringLiteral("components"), QStringLiteral("core_pct")};
        }
        features << QStringLiteral("a %1 pattern").arg(spread.toLower());
        featureKeywords += keywords;
        featureKeys << QStringLiteral("spread");
        featureNumbers += numbers;
        add(QStringLiteral("detail_spread"), QStringLiteral("Detail"),
            rng.pick(stems.open(QStringLiteral("detail_spread"))), answer, keywords,
            {QStringLiteral("spread")}, numbers);
    }

    // Signs (gold label).
    QStringList signKeywords, signKeys;
    const QStringList clauses = signClauses(g, &signKeywords, &signKeys);
    if (!clauses.isEmpty()) {
        const QString answer =
            QStringLiteral("On %1 slice the lesion is %2.").arg(scan, joinClauses(clauses));
        QStringList keys = signKeys;
        keys << QStringLiteral("modality");
        add(QStringLiteral("detail_signs"), QStringLiteral("Detail"),
            rng.pick(stems.open(QStringLiteral("detail_signs"))), answer, signKeywords, keys, {});
        features << QStringLiteral("an appearance that is %1").arg(joinClauses(clauses));
        featureKeywords += signKeywords;
        featureKeys += keys;
    }

    // Reasoning: only from features stated above.
    if (!features.isEmpty()) {
        const bool generic = MimicTable::instance().isBinary(g.tumourType);
        const QString label = diagnosisLabel(g.tumourType);
        QString question;
        QString answer;
        QStringList keywords = featureKeywords;
        if (generic) {
            question = rng.pick(stems.open(QStringLiteral("reasoning_generic")));
            answer = QStringLiteral("A focal lesion is visible, showing %1; an image with such a "
                                    "lesion is abnormal, although the "
                                    "features alone do not name the tumour type.")
                         .arg(joinClauses(features));
            keywords << QStringLiteral("lesion") << QStringLiteral("abnormal");
        } else {
            question = rng.pick(stems.open(QStringLiteral("reasoning")));
            question.replace(QStringLiteral("{type}"), label.toLower());
            const QStringList mimics = MimicTable::instance().mimicsFor(g.tumourType);
            QStringList mimicLabels;
            for (int i = 0; i < std::min<int>(2, int(mimics.size())); ++i)
                mimicLabels << OptionTaxonomy::instance().label(mimics.at(i)).toLower();
            answer =
                QStringLiteral("The lesion shows %1. These visible features are consistent with %2")
                    .arg(joinClauses(features), label.toLower());
            answer +=
                mimicLabels.isEmpty()
                    ? QStringLiteral(", although they support the diagnosis rather than prove it.")
                    : QStringLiteral("; because imaging mimics such as %1 can look alike, they "
                                     "support the diagnosis rather "
                                     "than prove it.")
                          .arg(mimicLabels.join(QStringLiteral(" or ")));
            keywords += OptionTaxonomy::words(label);
        }
        QStringList keys = featureKeys;
        keys << QStringLiteral("diagnosis");
        add(QStringLiteral("reasoning"), QStringLiteral("Reasoning"), question, answer, keywords,
            dedupe(keys), dedupe(featureNumbers));
    }
    return out;
}

} // namespace neuroonco
