// Everything the review workstation shows for one sample: the sample, its mask semantics, the
// readings of run A and run B, the fused label, the audit (gold), the reviewer decisions and
// the consistency warnings. Built in one go so switching samples stays fast.
#pragma once

#include "core/review/AuditTypes.h"
#include "core/samples/SampleRecord.h"
#include "core/semantics/MaskSemantics.h"
#include "core/signs/LabelRepository.h"

#include <QMap>

#include <optional>
#include <vector>

namespace neuroonco {

struct ConsistencyWarning
{
    QString code;    // lesion-vs-mask, location-vs-mask, enhancement-non-contrast, oedema-on-t1, modality-vs-path
    QString field;   // the field it concerns
    QString source;  // run A, run B, fused, gold
    QString message; // English; the GUI translates by code with ConsistencyChecks::text()
    QStringList args; // the values the message names after the reading (pixels, locations, series)
};

struct ReviewSample
{
    SampleRecord sample;
    std::optional<MaskSemantics> semantics;
    QString semanticsNote;
    QString description;
    std::optional<ExtractionRecord> runA;
    std::optional<ExtractionRecord> runB;
    std::optional<FusedRecord> fused;
    std::optional<QcRecord> qc;
    std::vector<AuditDecision> history;          // every decision on this sample, oldest first
    QMap<QString, AuditDecision> decisions;      // effective decision per field (any reviewer)
    std::vector<ConsistencyWarning> warnings;

    // Values per field (in the field's vocabulary); empty for none.
    QString maskValue(const QString &field) const;
    QString runValue(const std::optional<ExtractionRecord> &run, const QString &field) const;
    QString fusedValue(const QString &field) const;
    QString qcValue(const QString &field) const;
    // What the pipeline says (mask rule for mask fields; gold, else fused for the others).
    QString silver(const QString &field) const;
    // The reviewer's value where there is one, else the silver value.
    QString finalValue(const QString &field) const;
    // Run A and run B both read the field and disagree.
    bool runsDisagree(const QString &field) const;
    int disagreements() const;
    bool isAudited() const; // every field with a silver value has a decision

    static QString signValue(const SignSet &s, const QString &field);
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::ReviewSample)
