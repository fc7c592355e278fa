// Text for structured errors. Strings are marked for translation in the "Error" context.
#include "core/util/Error.h"

#include <QCoreApplication>

namespace neuroonco {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None: return QStringLiteral("none");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid-argument");
    case ErrorCode::Parse: return QStringLiteral("parse");
    case ErrorCode::Database: return QStringLiteral("database");
    case ErrorCode::SchemaTooNew: return QStringLiteral("schema-too-new");
    case ErrorCode::Locked: return QStringLiteral("locked");
    case ErrorCode::Canceled: return QStringLiteral("canceled");
    case ErrorCode::Network: return QStringLiteral("network");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::ItemsFailed: return QStringLiteral("items-failed");
    case ErrorCode::NothingToDo: return QStringLiteral("nothing-to-do");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::Untrusted: return QStringLiteral("untrusted");
    case ErrorCode::Damaged: return QStringLiteral("damaged");
    case ErrorCode::ReadOnly: return QStringLiteral("read-only");
    case ErrorCode::TooLarge: return QStringLiteral("too-large");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

QString errorMessage(const Error &error)
{
    // QT_TRANSLATE_NOOP marks the texts for lupdate; `translated` looks them up at run time.
    auto translated = [](const char *text) { return QCoreApplication::translate("Error", text); };
    QString head;
    switch (error.code) {
    case ErrorCode::None: return {};
    case ErrorCode::Io: head = translated(QT_TRANSLATE_NOOP("Error", "Cannot read or write %1")); break;
    case ErrorCode::NotFound: head = translated(QT_TRANSLATE_NOOP("Error", "Not found: %1")); break;
    case ErrorCode::InvalidArgument: head = translated(QT_TRANSLATE_NOOP("Error", "Invalid value for %1")); break;
    case ErrorCode::Parse: head = translated(QT_TRANSLATE_NOOP("Error", "Malformed content in %1")); break;
    case ErrorCode::Database: head = translated(QT_TRANSLATE_NOOP("Error", "Database error in %1")); break;
    case ErrorCode::SchemaTooNew: head = translated(QT_TRANSLATE_NOOP("Error", "%1 was created by a newer version of NeuroOnco Studio")); break;
    case ErrorCode::Locked: head = translated(QT_TRANSLATE_NOOP("Error", "Busy: %1")); break;
    case ErrorCode::Canceled: head = translated(QT_TRANSLATE_NOOP("Error", "Canceled: %1")); break;
    case ErrorCode::Network: head = translated(QT_TRANSLATE_NOOP("Error", "Network error for %1")); break;
    case ErrorCode::Unsupported: head = translated(QT_TRANSLATE_NOOP("Error", "Unsupported: %1")); break;
    case ErrorCode::ItemsFailed: head = translated(QT_TRANSLATE_NOOP("Error", "Nothing succeeded in %1")); break;
    case ErrorCode::NothingToDo: head = translated(QT_TRANSLATE_NOOP("Error", "Nothing to do for %1")); break;
    case ErrorCode::Conflict: head = translated(QT_TRANSLATE_NOOP("Error", "Conflicting work in %1")); break;
    case ErrorCode::Untrusted: head = translated(QT_TRANSLATE_NOOP("Error", "Not trusted: %1")); break;
    case ErrorCode::Damaged: head = translated(QT_TRANSLATE_NOOP("Error", "The project database is damaged (%1)")); break;
    case ErrorCode::ReadOnly: head = translated(QT_TRANSLATE_NOOP("Error", "The project is read-only: %1")); break;
    case ErrorCode::TooLarge: head = translated(QT_TRANSLATE_NOOP("Error", "Too large: %1")); break;
    case ErrorCode::Internal: head = translated(QT_TRANSLATE_NOOP("Error", "Internal error in %1")); break;
    }
    head = head.arg(error.subject.isEmpty() ? QStringLiteral("?") : error.subject);
    if (!error.detail.isEmpty())
        head += QStringLiteral(": ") + error.detail;
    return head;
}

} // namespace neuroonco
