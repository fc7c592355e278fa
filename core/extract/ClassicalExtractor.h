// The embedded default reader (no model endpoint needed): reads the same fields a multimodal
// model is asked for from the pixels with classical image features. Always labelled
// "classical" in the data, so nobody mistakes it for a model.
//
// Method, per slice:
//  * Head: Otsu threshold of the slice; brain statistics come from the head minus a rim.
//  * Lesion: the dataset mask when there is one; otherwise pixels whose intensity deviates from
//    the brain's median by more than k robust deviations (bright or dark), the largest
//    connected region of at least 0.15 % of the head. lesion_found follows the source's label
//    when it has one (tumour type or healthy), as a model run does with the description as
//    context; the pixels decide only for unlabelled sources. A labelled tumour the pixels could
//    not localise is reported as found with its signs left empty.
//  * Modality: "Conservative" (run A) takes the modality the source/description gives and only
//    estimates it when that is unknown; "Skeptic" (run B) always estimates: bright central
//    cerebrospinal fluid → T2; dark CSF with a cortex brighter than the deep white matter →
//    FLAIR, else T1; T1 with a compact lesion far brighter than white matter → T1CE.
//  * Location: the lesion centroid's 3×3 cell.
//  * Shape: circularity and ellipse elongation of the lesion (Round, Oval, Lobulated, Irregular).
//  * Margins: edge sharpness — the intensity step across the boundary (±2 px) relative to the
//    contrast between the lesion core and the tissue 6–10 px outside.
//  * Texture: coefficient of variation inside the eroded lesion.
//  * Signal intensity: lesion median against the white-matter estimate (upper tissue mode on
//    T1/T1CE, lower on T2/FLAIR), Mixed when large parts are both brighter and darker.
//  * Enhancement (T1CE only): rim against core (Ring), uniformly bright (Solid), scattered
//    bright parts (Patchy).
//  * Oedema (T2/FLAIR only): the share of a 3–15 px halo around the lesion brighter than white
//    matter (Mild / Extensive).
// The conservative stance leaves a field null when its feature falls near a decision boundary;
// the skeptic uses the same features with its own, stricter boundaries.
#pragma once

#include "core/extract/SignExtractor.h"

namespace neuroonco {

struct ClassicalFeatures; // internal

class ClassicalExtractor : public SignExtractor
{
public:
    enum class Stance { Conservative, Skeptic };
    explicit ClassicalExtractor(Stance stance);

    QString name() const override { return QStringLiteral("classical"); }
    QString model() const override;
    QString promptVersion() const override { return QStringLiteral("classical@1"); }
    ExtractionOutput extract(const ExtractionInput &input) const override;

    // The modality estimate from pixels alone (exposed for tests and the auditor).
    static QString estimateModality(const GrayImage &image, const GrayImage &lesion);

private:
    Stance m_stance;
};

} // namespace neuroonco
