// A procedural T1 head at 1.2 mm for machines without the mricron template: scalp, skull with
// marrow, CSF, folded cortex, white matter, ventricles, deep grey nuclei, cerebellum, brainstem,
// orbits and the sella. It feeds the same contrast derivation as the real template.
#pragma once

#include "core/demo/Anatomy.h"

namespace neuroonco::demo {

class HeadPhantom
{
public:
    static AnatomySource build();
};

} // namespace neuroonco::demo
