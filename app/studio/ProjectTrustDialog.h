// Asks whether a project's own endpoints.json may be used: lists each endpoint's name, host, base
// URL and API key variable, with Trust / Not now. What is recorded on Trust is the file exactly as
// listed (EndpointDirectory::trustProject), so a change made while the dialog is open is not
// trusted. Shown when a project with an untrusted list is opened, and from Settings.
#pragma once

#include "core/llm/EndpointDirectory.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace neuroonco {

class ProjectTrustDialog : public QDialog
{
    Q_OBJECT
public:
    ProjectTrustDialog(EndpointDirectory directory, QWidget *parent = nullptr);

    // Opens the dialog (window-modal, without blocking) when the project at `projectRoot` has its
    // own endpoints the user has not trusted (or has changed since); returns it, or nullptr when
    // there is nothing to ask. It deletes itself when closed.
    static ProjectTrustDialog *offer(const QString &projectRoot, QWidget *parent);

    QTableWidget *endpointTable() const { return m_table; }
    // Records the trust; false (with the reason in lastError()) when it could not be saved.
    bool trust();
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void trusted();

private:
    EndpointDirectory m_directory;
    QTableWidget *m_table = nullptr;
    QString m_lastError;
};

} // namespace neuroonco
