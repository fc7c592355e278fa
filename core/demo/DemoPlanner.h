// Turns --cases N and a seed into the list of files to write: how many samples each source
// gets (01 30 %, 02 15 %, 03 10 %, 05 10 %, 06 10 %, 07 5 %, the rest as BraTS volumes), their
// names, sizes, sequences and tumour types, the planted duplicates and the planted bad inputs.
// Serial and cheap: everything that has to be globally consistent is decided here.
#pragma once

#include "core/demo/DemoPlan.h"

#include <QtGlobal>

namespace neuroonco::demo {

class DemoPlanner
{
public:
    static DemoPlan build(int cases, quint64 seed);
};

} // namespace neuroonco::demo
