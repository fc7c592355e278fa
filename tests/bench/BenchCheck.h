// Benchmarks build their own data; a setup step that fails must stop the run, not time a
// benchmark over missing data.
#pragma once

#include "core/util/Error.h"

#include <QtGlobal>

namespace neuroonco::bench {

inline void mustSucceed(const Error &error)
{
    if (error)
        qFatal("benchmark setup: %s", qPrintable(errorMessage(error)));
}

template<typename T>
T mustSucceed(Result<T> result)
{
    if (!result)
        qFatal("benchmark setup: %s", qPrintable(errorMessage(result.error())));
    return result.take();
}

} // namespace neuroonco::bench
