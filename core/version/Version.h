// Build version of NeuroOnco Studio, shown in --version, the About box and project metadata.
#pragma once

#include <QString>

namespace neuroonco::version {

QString string();

} // namespace neuroonco::version
