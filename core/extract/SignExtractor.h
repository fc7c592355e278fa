// Something that reads radiological signs from one slice, synchronously: the embedded
// classical extractor and auditor implement it. (Model endpoints are asynchronous and are
// driven by the stages through ChatClient instead.)
#pragma once

#include "core/imaging/ImageTypes.h"
#include "core/semantics/MaskSemantics.h"
#include "core/signs/QcAudit.h"
#include "core/signs/SignSet.h"

#include <QStringList>

#include <optional>

namespace neuroonco {

struct ExtractionInput
{
    qint64 sample = 0;
    QString sampleId;
    GrayImage image;
    GrayImage mask;                          // empty when the sample has none
    std::optional<MaskSemantics> semantics;  // when computed
    QString description;                     // the coarse description (context)
    QString datasetModality;                 // what the source said (may be Unknown)
    QString datasetTumourType;               // the source's label: a tumour type, "healthy", or empty
};

struct ExtractionOutput
{
    bool ok = false;
    SignSet signs;
    QString raw;          // what the extractor "said": model reply, or the features for classical
    QStringList problems; // vocabulary problems found while normalising
    QString error;
    double latencyMs = 0;
};

class SignExtractor
{
public:
    virtual ~SignExtractor() = default;
    virtual QString name() const = 0;          // stored as the extractor ("classical")
    virtual QString model() const = 0;         // stored as the model ("classical-a/1")
    virtual QString promptVersion() const = 0; // what played the part of the prompt
    // Thread-safe: called from several worker threads at once.
    virtual ExtractionOutput extract(const ExtractionInput &input) const = 0;
};

// The auditor counterpart: decides KEEP / ERASE / DOWNGRADE per field of a fused label.
class SignAuditor
{
public:
    virtual ~SignAuditor() = default;
    virtual QString name() const = 0;
    virtual QString model() const = 0;
    virtual QString promptVersion() const = 0;
    virtual QcDecision audit(const ExtractionInput &input, const SignSet &fused, QString *raw) const = 0;
};

} // namespace neuroonco
