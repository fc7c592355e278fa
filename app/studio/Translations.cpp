// Catalogues are compiled into the binary under :/i18n (see translations/CMakeLists.txt).
#include "app/studio/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace neuroonco {

namespace {
QTranslator *s_app = nullptr;
QTranslator *s_qt = nullptr;
} // namespace

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Translations::install(const QString &language)
{
    for (QTranslator **t : {&s_app, &s_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *app = new QTranslator;
    if (!app->load(locale, QStringLiteral("neuroonco"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        // Any other language (or the C locale) reads English, with the English plural forms.
        if (!app->load(QStringLiteral("neuroonco_en"), QStringLiteral(":/i18n"))) {
            delete app;
            return QStringLiteral("en");
        }
        s_app = app;
        QCoreApplication::installTranslator(s_app);
        return QStringLiteral("en");
    }
    s_app = app;
    QCoreApplication::installTranslator(s_app);
    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        s_qt = qt;
        QCoreApplication::installTranslator(s_qt);
    } else {
        delete qt;
    }
    return app->language().isEmpty() ? locale.name() : app->language();
}

} // namespace neuroonco
