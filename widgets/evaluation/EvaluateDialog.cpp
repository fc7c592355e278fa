// Evaluation parameters.
#include "widgets/evaluation/EvaluateDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace neuroonco {

EvaluateDialog::EvaluateDialog(const QList<QPair<QString, QString>> &endpoints, const EvaluateOptions &last, QWidget *parent)
    : QDialog(parent)
    , m_endpoint(new QComboBox(this))
    , m_benchmark(new QComboBox(this))
    , m_split(new QComboBox(this))
    , m_judge(new QComboBox(this))
    , m_circular(new QCheckBox(tr("Circular: ask every rotation of the options; right only if right in all"), this))
    , m_all(new QCheckBox(tr("Also pending and stale items (rejected ones never)"), this))
    , m_name(new QLineEdit(this))
{
    setWindowTitle(tr("Evaluate a Model"));
    m_endpoint->setObjectName(QStringLiteral("evaluateEndpoint"));
    m_benchmark->setObjectName(QStringLiteral("evaluateBenchmark"));
    m_circular->setObjectName(QStringLiteral("evaluateCircular"));
    m_name->setObjectName(QStringLiteral("evaluateRunName"));
    m_all->setObjectName(QStringLiteral("evaluateIncludeUnapproved"));
    m_split->setObjectName(QStringLiteral("evaluateSplit"));
    m_judge->setObjectName(QStringLiteral("evaluateJudge"));
    m_judge->addItem(tr("No judge"), QString());
    for (const auto &[name, description] : endpoints) {
        m_endpoint->addItem(QStringLiteral("%1 — %2").arg(name, description), name);
        m_judge->addItem(name, name);
    }
    m_benchmark->addItem(tr("Closed questions (answer letter)"), QStringLiteral("closed"));
    m_benchmark->addItem(tr("Open questions (free text)"), QStringLiteral("open"));
    m_split->addItem(tr("All items"), QString());
    m_split->addItem(tr("Test split only"), QStringLiteral("test"));
    m_split->addItem(tr("Training split only"), QStringLiteral("train"));

    m_endpoint->setCurrentIndex(std::max(0, m_endpoint->findData(last.endpoint)));
    m_benchmark->setCurrentIndex(last.benchmark == EvalBenchmark::Open ? 1 : 0);
    m_circular->setChecked(last.circular);
    m_all->setChecked(last.includeUnapproved);
    m_split->setCurrentIndex(std::max(0, m_split->findData(last.split)));
    m_judge->setCurrentIndex(std::max(0, m_judge->findData(last.judge)));
    m_name->setText(last.run);

    auto *form = new QFormLayout;
    form->addRow(tr("Model endpoint:"), m_endpoint);
    form->addRow(tr("Questions:"), m_benchmark);
    form->addRow(QString(), m_circular);
    form->addRow(tr("Items:"), m_split);
    form->addRow(QString(), m_all);
    form->addRow(tr("Judge for open answers:"), m_judge);
    form->addRow(tr("Run name:"), m_name);
    auto *hint = new QLabel(tr("A run with the same name continues where it stopped; questions already answered are not asked again."), this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Evaluate"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!endpoints.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(m_benchmark, &QComboBox::currentIndexChanged, this, &EvaluateDialog::updateEnabled);
    connect(m_endpoint, &QComboBox::currentIndexChanged, this, &EvaluateDialog::updateEnabled);
    updateEnabled();
}

void EvaluateDialog::updateEnabled()
{
    const bool closed = m_benchmark->currentData().toString() == QLatin1String("closed");
    m_circular->setEnabled(closed);
    m_judge->setEnabled(!closed);
    EvaluateOptions o = options();
    o.run.clear();
    m_name->setPlaceholderText(o.defaultRunName());
}

EvaluateOptions EvaluateDialog::options() const
{
    EvaluateOptions o;
    o.endpoint = m_endpoint->currentData().toString();
    o.benchmark = m_benchmark->currentData().toString() == QLatin1String("open") ? EvalBenchmark::Open : EvalBenchmark::Closed;
    o.circular = o.benchmark == EvalBenchmark::Closed && m_circular->isChecked();
    o.includeUnapproved = m_all->isChecked();
    o.split = m_split->currentData().toString();
    o.judge = o.benchmark == EvalBenchmark::Open ? m_judge->currentData().toString() : QString();
    o.run = m_name->text().trimmed();
    return o;
}

} // namespace neuroonco
