// Settings pages and their validation.
#include "app/studio/SettingsDialog.h"

#include "app/studio/ProjectSession.h"
#include "app/studio/ProjectTrustDialog.h"
#include "core/llm/EndpointDirectory.h"
#include "core/llm/UserEndpoints.h"
#include "core/project/ProjectSettings.h"
#include "core/semantics/MaskSemantics.h"
#include "core/settings/Settings.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace neuroonco {

namespace {
const char *kEndpointKeys[] = {"name", "base_url", "model", "api_key_env", "prompt", "max_in_flight", "rps", "timeout_s"};
constexpr int kTextColumns = 8;
constexpr int kInsecureColumn = 8; // a check box: allow_insecure_http
constexpr int kColumns = 9;
const char *kThresholdKeys[] = {"small_below", "medium_below", "irregular_below", "round_from", "round_max_elongation", "dominant_core_from"};
} // namespace

SettingsDialog::SettingsDialog(ProjectSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(860, 460);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(generalPage(), tr("General"));
    tabs->addTab(endpointsPage(), tr("Model endpoints"));
    tabs->addTab(thresholdsPage(), tr("Mask thresholds"));
    tabs->setTabEnabled(2, session->isOpen()); // endpoints are the user's: editable without a project
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
        else
            QMessageBox::warning(this, tr("Settings not saved"), m_lastError);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    load();
}

QWidget *SettingsDialog::generalPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_reviewer = new QLineEdit(page);
    m_reviewer->setObjectName(QStringLiteral("reviewerName"));
    m_threads = new QSpinBox(page);
    m_threads->setRange(0, 64);
    m_threads->setSpecialValueText(tr("all cores"));
    form->addRow(tr("Reviewer name (stored with every decision):"), m_reviewer);
    form->addRow(tr("Worker threads per job:"), m_threads);
    return page;
}

QWidget *SettingsDialog::endpointsPage()
{
    auto *page = new QWidget(this);
    m_endpoints = new QTableWidget(0, kColumns, page);
    m_endpoints->setObjectName(QStringLiteral("endpointTable"));
    m_endpoints->setHorizontalHeaderLabels({tr("Name"), tr("Base URL"), tr("Model"), tr("API key variable"), tr("Prompt"),
                                            tr("In flight"), tr("Requests/s"), tr("Timeout (s)"), tr("Plain HTTP")});
    m_endpoints->horizontalHeaderItem(kInsecureColumn)
        ->setToolTip(tr("Allow plain http:// to another computer. Slices and the API key then travel unencrypted: "
                        "only for a network you trust. Servers on this computer never need it."));
    m_endpoints->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_endpoints->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_endpointsNote = new QLabel(page);
    m_endpointsNote->setObjectName(QStringLiteral("endpointsNote"));
    m_endpointsNote->setWordWrap(true);
    m_projectNote = new QLabel(page);
    m_projectNote->setObjectName(QStringLiteral("projectEndpointsNote"));
    m_projectNote->setWordWrap(true);
    auto *add = new QPushButton(tr("Add"), page);
    auto *remove = new QPushButton(tr("Remove"), page);
    m_reviewProject = new QPushButton(tr("Review Project Endpoints…"), page);
    m_reviewProject->setObjectName(QStringLiteral("reviewProjectEndpoints"));
    m_reviewProject->hide();
    connect(add, &QPushButton::clicked, this, [this] {
        addEndpointRow({QStringLiteral("endpoint%1").arg(m_endpoints->rowCount() + 1), QStringLiteral("http://127.0.0.1:8000/v1"),
                        QString(), QStringLiteral("OPENAI_API_KEY"), QStringLiteral("run-a"), QStringLiteral("4"),
                        QStringLiteral("0"), QStringLiteral("120")},
                       false);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_endpoints->currentRow() >= 0)
            m_endpoints->removeRow(m_endpoints->currentRow());
    });
    connect(m_reviewProject, &QPushButton::clicked, this, [this] {
        if (ProjectTrustDialog *dialog = ProjectTrustDialog::offer(m_session->project().root(), this))
            connect(dialog, &ProjectTrustDialog::trusted, this, &SettingsDialog::showProjectEndpoints);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    buttons->addWidget(m_reviewProject);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_endpoints, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_endpointsNote);
    layout->addWidget(m_projectNote);
    return page;
}

QWidget *SettingsDialog::thresholdsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    const QString labels[] = {tr("Small/Focal below this area ratio:"), tr("Medium below this area ratio:"),
                              tr("Irregular/Spiculated below this circularity:"), tr("Round/Oval from this circularity:"),
                              tr("… and at most this elongation:"), tr("Dominant core from this share of the lesion:")};
    for (int i = 0; i < 6; ++i) {
        auto *box = new QDoubleSpinBox(page);
        box->setDecimals(3);
        box->setRange(0, i == 4 ? 10 : 1);
        box->setSingleStep(i < 2 ? 0.005 : 0.05);
        m_thresholds << box;
        form->addRow(labels[i], box);
    }
    auto *note = new QLabel(tr("Defaults are the paper's. Changing them makes earlier semantics stale: the next "
                               "semantics run recomputes them."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

void SettingsDialog::addEndpointRow(const QStringList &values, bool allowInsecureHttp, const QString &originalName)
{
    const int row = m_endpoints->rowCount();
    m_endpoints->insertRow(row);
    for (int c = 0; c < values.size() && c < kTextColumns; ++c)
        m_endpoints->setItem(row, c, new QTableWidgetItem(values.at(c)));
    if (!m_endpoints->item(row, 0))
        m_endpoints->setItem(row, 0, new QTableWidgetItem);
    // Which stored endpoint the row edits: its fields without a column (temperature, retries…)
    // are kept when it is saved.
    m_endpoints->item(row, 0)->setData(Qt::UserRole, originalName);
    auto *insecure = new QTableWidgetItem;
    insecure->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    insecure->setCheckState(allowInsecureHttp ? Qt::Checked : Qt::Unchecked);
    m_endpoints->setItem(row, kInsecureColumn, insecure);
}

void SettingsDialog::load()
{
    m_reviewer->setText(Settings::value(settings::ReviewerName));
    m_threads->setValue(Settings::value(settings::WorkerThreads));
    Result<UserEndpoints> user = UserEndpoints::load();
    m_userEndpointsReadable = user.ok();
    m_endpoints->setEnabled(m_userEndpointsReadable);
    if (!user) {
        // Saving now would replace a file the user may still want to repair.
        m_endpointsNote->setText(tr("Your endpoints file cannot be read, so it is left as it is: %1")
                                     .arg(errorMessage(user.error())));
    } else {
        QStringList missing;
        for (const EndpointConfig &e : user->endpoints().endpoints()) {
            const QJsonObject j = e.toJson();
            QStringList values;
            for (const char *k : kEndpointKeys)
                values << j.value(QLatin1String(k)).toVariant().toString();
            addEndpointRow(values, e.allowInsecureHttp, e.name);
            if (!e.apiKeyEnv.isEmpty() && qEnvironmentVariableIsEmpty(e.apiKeyEnv.toLocal8Bit().constData()))
                missing << e.apiKeyEnv;
        }
        m_endpointsNote->setText(
            tr("Your endpoints, for every project, stored in %1. Keys are read from the named environment variables "
               "when requests are sent and are never written anywhere.%2")
                .arg(user->file(), missing.isEmpty() ? QString() : tr(" Not set in this session: %1.").arg(missing.join(QStringLiteral(", ")))));
    }
    showProjectEndpoints();
    if (!m_session->isOpen())
        return;
    const Result<QJsonObject> stored = ProjectSettings(*m_session->database()).object(ProjectSettings::semanticsThresholdsKey());
    const SemanticsThresholds t = SemanticsThresholds::fromJson(stored ? *stored : QJsonObject());
    const QJsonObject tj = t.toJson();
    // The thresholds are the project's: they cannot change when it is read-only or unreadable.
    const QString why = !stored ? errorMessage(stored.error()) : m_session->readOnlyText();
    for (int i = 0; i < 6; ++i) {
        m_thresholds[i]->setValue(tj.value(QLatin1String(kThresholdKeys[i])).toDouble());
        m_thresholds[i]->setEnabled(why.isEmpty());
        m_thresholds[i]->setToolTip(why);
    }
}

void SettingsDialog::showProjectEndpoints()
{
    m_projectNote->clear();
    m_reviewProject->hide();
    if (!m_session->isOpen())
        return;
    Result<EndpointDirectory> directory = EndpointDirectory::load(m_session->project().root());
    if (!directory)
        return;
    const QString file = directory->projectFile();
    switch (directory->trustState()) {
    case ProjectTrustState::None:
        break;
    case ProjectTrustState::Unreadable:
        m_projectNote->setText(tr("This project's own endpoint list cannot be read and is not used: %1")
                                   .arg(errorMessage(directory->projectError())));
        break;
    case ProjectTrustState::Trusted:
        m_projectNote->setText(tr("This project's own endpoints (%1) are trusted: they can be used as well, after yours.").arg(file));
        break;
    case ProjectTrustState::Untrusted:
    case ProjectTrustState::Changed:
        m_projectNote->setText(tr("This project brings its own endpoints (%1). They are not used until you trust them.").arg(file));
        m_reviewProject->show();
        break;
    }
}

bool SettingsDialog::save()
{
    if (m_userEndpointsReadable) {
        // Re-read: trust records (and anything the CLI changed meanwhile) must survive.
        Result<UserEndpoints> user = UserEndpoints::load();
        if (!user) {
            m_lastError = errorMessage(user.error());
            return false;
        }
        EndpointStore store;
        for (int row = 0; row < m_endpoints->rowCount(); ++row) {
            const QString original = m_endpoints->item(row, 0) ? m_endpoints->item(row, 0)->data(Qt::UserRole).toString() : QString();
            const std::optional<EndpointConfig> before = original.isEmpty() ? std::nullopt : user->endpoints().find(original);
            QJsonObject j = before ? before->toJson() : QJsonObject();
            for (int c = 0; c < kTextColumns; ++c) {
                const QString text = m_endpoints->item(row, c) ? m_endpoints->item(row, c)->text().trimmed() : QString();
                if (c >= 5) {
                    bool ok = false;
                    const double v = text.toDouble(&ok);
                    j.insert(QLatin1String(kEndpointKeys[c]), ok ? QJsonValue(c == 5 ? QJsonValue(int(v)) : QJsonValue(v)) : QJsonValue(text));
                } else {
                    j.insert(QLatin1String(kEndpointKeys[c]), text);
                }
            }
            const QTableWidgetItem *insecure = m_endpoints->item(row, kInsecureColumn);
            j.insert(QStringLiteral("allow_insecure_http"), insecure && insecure->checkState() == Qt::Checked);
            const QString where = QStringLiteral("endpoints[%1]").arg(row);
            Result<EndpointConfig> e = EndpointConfig::fromJson(j, where);
            if (!e) {
                m_lastError = errorMessage(e.error());
                return false;
            }
            if (Error err = e->checkTransport(where)) {
                m_lastError = errorMessage(err);
                return false;
            }
            if (store.find(e->name)) {
                m_lastError = errorMessage(Error(ErrorCode::InvalidArgument, where + QStringLiteral(".name"),
                                                 QStringLiteral("\"%1\" is used by another endpoint").arg(e->name)));
                return false;
            }
            store.upsert(*e);
        }
        user->endpoints() = store;
        if (Error e = user->save()) {
            m_lastError = errorMessage(e);
            return false;
        }
    }
    if (m_session->isOpen() && m_thresholds.front()->isEnabled()) {
        QJsonObject t;
        for (int i = 0; i < 6; ++i)
            t.insert(QLatin1String(kThresholdKeys[i]), m_thresholds[i]->value());
        if (Error e = ProjectSettings(*m_session->database()).setObject(ProjectSettings::semanticsThresholdsKey(),
                                                                        SemanticsThresholds::fromJson(t).toJson())) {
            m_lastError = errorMessage(e);
            return false;
        }
    }
    Settings::setValue(settings::ReviewerName, m_reviewer->text().trimmed());
    Settings::setValue(settings::WorkerThreads, m_threads->value());
    return true;
}

} // namespace neuroonco
