// Versioned prompt templates (resources/prompts/<name>.v<N>.md). Every extraction and audit
// records the id it used ("run-a@1"), so results stay traceable when prompts change.
#pragma once

#include "core/util/Error.h"

#include <QString>

namespace neuroonco {

struct Prompt
{
    QString name;    // run-a | run-b | qc
    int version = 0;
    QString text;
    QString id() const { return QStringLiteral("%1@%2").arg(name).arg(version); }
};

class Prompts
{
public:
    // The newest version of a prompt, or a given one ("run-a@1").
    static Result<Prompt> load(const QString &nameOrId);
    static QString defaultFor(const QString &run); // "A" → run-a, "B" → run-b, "QC" → qc
};

} // namespace neuroonco
