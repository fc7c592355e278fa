// Light and dark themes (Fusion style with our palettes) and the system default.
#pragma once

#include <QString>

namespace neuroonco {

class Appearance
{
public:
    // "system", "light" or "dark"; unknown names fall back to "system".
    static void applyTheme(const QString &theme);
    static QString currentTheme();
};

} // namespace neuroonco
