// The trust question for a project's own endpoint list.
#include "app/studio/ProjectTrustDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace neuroonco {

ProjectTrustDialog::ProjectTrustDialog(EndpointDirectory directory, QWidget *parent)
    : QDialog(parent)
    , m_directory(std::move(directory))
{
    setObjectName(QStringLiteral("ProjectTrustDialog"));
    setWindowTitle(tr("Trust This Project's Endpoints?"));
    resize(820, 360);

    QString text = tr("This project brings its own list of model endpoints (%1). They are used only if you trust "
                      "them: a stage run with one of them sends slices to its host, with the API key read from "
                      "the environment variable it names. Trust them only if you know where this project comes "
                      "from.")
                       .arg(m_directory.projectFile());
    if (m_directory.trustState() == ProjectTrustState::Changed)
        text += QLatin1Char(' ') + tr("You trusted an earlier version of this list; it has changed since.");
    auto *intro = new QLabel(text, this);
    intro->setWordWrap(true);

    const QList<EndpointConfig> &endpoints = m_directory.projectEndpoints().endpoints();
    m_table = new QTableWidget(int(endpoints.size()), 5, this);
    m_table->setObjectName(QStringLiteral("trustTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Host"), tr("Base URL"), tr("API key variable"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < endpoints.size(); ++row) {
        const EndpointConfig &e = endpoints.at(row);
        QString note;
        if (m_directory.user().endpoints().find(e.name))
            note = tr("Not used: your own endpoint of this name comes first");
        else if (e.checkTransport())
            note = tr("Refused anyway: plain http to another computer");
        const QStringList cells{e.name, e.host(), e.baseUrl, e.apiKeyEnv.isEmpty() ? tr("(no key)") : e.apiKeyEnv, note};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trustButton = buttons->addButton(tr("Trust"), QDialogButtonBox::AcceptRole);
    trustButton->setObjectName(QStringLiteral("trustButton"));
    QPushButton *later = buttons->addButton(tr("Not now"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("notNowButton"));
    later->setDefault(true); // Enter must not trust by accident
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (trust())
            accept();
        else
            QMessageBox::warning(this, tr("Trust not saved"), m_lastError);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

ProjectTrustDialog *ProjectTrustDialog::offer(const QString &projectRoot, QWidget *parent)
{
    Result<EndpointDirectory> directory = EndpointDirectory::load(projectRoot);
    if (!directory)
        return nullptr; // the user's own file is broken: Settings and every run say so
    const ProjectTrustState state = directory->trustState();
    if (state != ProjectTrustState::Untrusted && state != ProjectTrustState::Changed)
        return nullptr;
    auto *dialog = new ProjectTrustDialog(directory.take(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

bool ProjectTrustDialog::trust()
{
    if (Error e = m_directory.trustProject()) {
        m_lastError = errorMessage(e);
        return false;
    }
    Q_EMIT trusted();
    return true;
}

} // namespace neuroonco
