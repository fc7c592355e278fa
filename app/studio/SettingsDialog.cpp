// Settings pages and their validation.
#include "SettingsDialog.h"

#include "ProjectSession.h"
#include "llm/EndpointStore.h"
#include "project/ProjectSettings.h"
#include "semantics/MaskSemantics.h"
#include "settings/Settings.h"

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
    tabs->setTabEnabled(1, session->isOpen());
    tabs->setTabEnabled(2, session->isOpen());
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
    m_endpoints = new QTableWidget(0, 8, page);
    m_endpoints->setObjectName(QStringLiteral("endpointTable"));
    m_endpoints->setHorizontalHeaderLabels({tr("Name"), tr("Base URL"), tr("Model"), tr("API key variable"), tr("Prompt"),
                                            tr("In flight"), tr("Requests/s"), tr("Timeout (s)")});
    m_endpoints->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_endpoints->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_endpointsNote = new QLabel(page);
    m_endpointsNote->setWordWrap(true);
    auto *add = new QPushButton(tr("Add"), page);
    auto *remove = new QPushButton(tr("Remove"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        addEndpointRow({QStringLiteral("endpoint%1").arg(m_endpoints->rowCount() + 1), QStringLiteral("http://127.0.0.1:8000/v1"),
                        QString(), QStringLiteral("OPENAI_API_KEY"), QStringLiteral("run-a"), QStringLiteral("4"),
                        QStringLiteral("0"), QStringLiteral("120")});
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_endpoints->currentRow() >= 0)
            m_endpoints->removeRow(m_endpoints->currentRow());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_endpoints, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_endpointsNote);
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

void SettingsDialog::addEndpointRow(const QStringList &values)
{
    const int row = m_endpoints->rowCount();
    m_endpoints->insertRow(row);
    for (int c = 0; c < values.size() && c < 8; ++c)
        m_endpoints->setItem(row, c, new QTableWidgetItem(values.at(c)));
}

void SettingsDialog::load()
{
    m_reviewer->setText(Settings::value(settings::ReviewerName));
    m_threads->setValue(Settings::value(settings::WorkerThreads));
    if (!m_session->isOpen())
        return;
    Result<EndpointStore> store = EndpointStore::load(m_session->project().endpointsFile());
    QStringList missing;
    if (store) {
        for (const EndpointConfig &e : store->endpoints()) {
            const QJsonObject j = e.toJson();
            QStringList values;
            for (const char *k : kEndpointKeys)
                values << j.value(QLatin1String(k)).toVariant().toString();
            addEndpointRow(values);
            if (!e.apiKeyEnv.isEmpty() && qEnvironmentVariableIsEmpty(e.apiKeyEnv.toLocal8Bit().constData()))
                missing << e.apiKeyEnv;
        }
    }
    m_endpointsNote->setText(tr("Stored in %1. Keys are read from the named environment variables when requests are "
                                "sent and are never written anywhere.%2")
                                 .arg(m_session->project().endpointsFile(),
                                      missing.isEmpty() ? QString() : tr(" Not set in this session: %1.").arg(missing.join(QStringLiteral(", ")))));
    const SemanticsThresholds t = SemanticsThresholds::fromJson(ProjectSettings(*m_session->database()).object(ProjectSettings::semanticsThresholdsKey()));
    const QJsonObject tj = t.toJson();
    for (int i = 0; i < 6; ++i)
        m_thresholds[i]->setValue(tj.value(QLatin1String(kThresholdKeys[i])).toDouble());
}

bool SettingsDialog::save()
{
    if (m_session->isOpen()) {
        EndpointStore store;
        for (int row = 0; row < m_endpoints->rowCount(); ++row) {
            QJsonObject j;
            for (int c = 0; c < 8; ++c) {
                const QString text = m_endpoints->item(row, c) ? m_endpoints->item(row, c)->text().trimmed() : QString();
                if (c >= 5) {
                    bool ok = false;
                    const double v = text.toDouble(&ok);
                    j.insert(QLatin1String(kEndpointKeys[c]), ok ? QJsonValue(c == 5 ? QJsonValue(int(v)) : QJsonValue(v)) : QJsonValue(text));
                } else {
                    j.insert(QLatin1String(kEndpointKeys[c]), text);
                }
            }
            Result<EndpointConfig> e = EndpointConfig::fromJson(j, QStringLiteral("endpoints[%1]").arg(row));
            if (!e) {
                m_lastError = errorMessage(e.error());
                return false;
            }
            store.upsert(*e);
        }
        if (Error e = store.save(m_session->project().endpointsFile())) {
            m_lastError = errorMessage(e);
            return false;
        }
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
