// The reviewer's name, stored with every audit decision and curation action: asked for once,
// then kept in the settings.
#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace neuroonco {

class ReviewerName
{
    Q_DECLARE_TR_FUNCTIONS(ReviewerName)

public:
    static QString current();
    // True when a name is set, asking for it first if needed (false when the user cancels).
    static bool ensure(QWidget *parent);
    // Asks for a (new) name with the current one filled in; true when one was given.
    static bool ask(QWidget *parent);
};

} // namespace neuroonco
