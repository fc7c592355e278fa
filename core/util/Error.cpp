// Text for structured errors. Strings are marked for translation in the "Error" context.
#include "util/Error.h"

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
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

QString errorMessage(const Error &error)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("Error", text); };
    QString head;
    switch (error.code) {
    case ErrorCode::None: return {};
    case ErrorCode::Io: head = tr("Cannot read or write %1"); break;
    case ErrorCode::NotFound: head = tr("Not found: %1"); break;
    case ErrorCode::InvalidArgument: head = tr("Invalid value for %1"); break;
    case ErrorCode::Parse: head = tr("Malformed content in %1"); break;
    case ErrorCode::Database: head = tr("Database error in %1"); break;
    case ErrorCode::SchemaTooNew: head = tr("%1 was created by a newer version of NeuroOnco Studio"); break;
    case ErrorCode::Locked: head = tr("Busy: %1"); break;
    case ErrorCode::Canceled: head = tr("Canceled: %1"); break;
    case ErrorCode::Network: head = tr("Network error for %1"); break;
    case ErrorCode::Unsupported: head = tr("Unsupported: %1"); break;
    case ErrorCode::Internal: head = tr("Internal error in %1"); break;
    }
    head = head.arg(error.subject.isEmpty() ? QStringLiteral("?") : error.subject);
    if (!error.detail.isEmpty())
        head += QStringLiteral(": ") + error.detail;
    return head;
}

} // namespace neuroonco
