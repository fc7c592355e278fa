// The embedded default auditor (no model endpoint needed): re-reads the slice with the
// skeptical classical reader and the mask geometry, and judges each filled field of the fused
// label: KEEP when the evidence agrees or is silent, ERASE when it contradicts, DOWNGRADE when
// enhancement/oedema are present but their pattern is disputed or a T1CE shows no enhancement.
#pragma once

#include "core/extract/ClassicalExtractor.h"

namespace neuroonco {

class ClassicalAuditor : public SignAuditor
{
public:
    QString name() const override { return QStringLiteral("classical"); }
    QString model() const override { return QStringLiteral("classical-auditor/1"); }
    QString promptVersion() const override { return QStringLiteral("classical@1"); }
    QcDecision audit(const ExtractionInput &input, const SignSet &fused, QString *raw) const override;
};

} // namespace neuroonco
