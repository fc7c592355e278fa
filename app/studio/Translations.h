// Installs the application's and Qt's own translations for a language.
#pragma once

#include <QString>

namespace neuroonco {

class Translations
{
public:
    // `language` is "en", "zh_CN", … or empty for the system locale. Returns the language
    // actually installed ("en" when no catalogue matched).
    static QString install(const QString &language);
    static QStringList available();
};

} // namespace neuroonco
