// Names of the sample store's value types as stored.
#include "core/samples/SourceFile.h"

namespace neuroonco {

QString issueSeverityName(IssueSeverity s)
{
    return s == IssueSeverity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

} // namespace neuroonco
