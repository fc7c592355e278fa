// Asking for and keeping the reviewer's name.
#include "app/studio/ReviewerName.h"

#include "core/settings/Settings.h"

#include <QInputDialog>
#include <QLineEdit>

namespace neuroonco {

QString ReviewerName::current()
{
    return Settings::value(settings::ReviewerName).trimmed();
}

bool ReviewerName::ensure(QWidget *parent)
{
    return !current().isEmpty() || ask(parent);
}

bool ReviewerName::ask(QWidget *parent)
{
    bool ok = false;
    const QString name = QInputDialog::getText(parent, tr("Reviewer Name"),
                                               tr("Your name is stored with every review decision you make:"),
                                               QLineEdit::Normal, current(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return false;
    Settings::setValue(settings::ReviewerName, name);
    return true;
}

} // namespace neuroonco
