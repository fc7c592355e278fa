// Editing one benchmark question.
#include "widgets/benchmark/ItemEditDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace neuroonco {

ItemEditDialog::ItemEditDialog(const BenchmarkItem &item, Validator validator, QWidget *parent)
    : QDialog(parent)
    , m_item(item)
    , m_validator(std::move(validator))
{
    setWindowTitle(tr("Edit Item #%1").arg(item.id));
    auto *form = new QFormLayout;
    m_question = new QLineEdit(this);
    m_question->setObjectName(QStringLiteral("editQuestion"));
    m_question->setMinimumWidth(460);
    form->addRow(tr("Question:"), m_question);

    if (item.kind == ItemKind::Closed) {
        const ClosedQuestion q = item.closed();
        m_question->setText(q.question);
        m_answer = new QComboBox(this);
        m_answer->setObjectName(QStringLiteral("editAnswer"));
        for (const ChoiceOption &o : q.options) {
            auto *edit = new QLineEdit(o.text, this);
            edit->setObjectName(QStringLiteral("editOption") + o.letter);
            if (o.text == ClosedQuestion::noneOfTheAbove())
                edit->setReadOnly(true); // the rejection option is part of every question
            form->addRow(tr("Option %1:").arg(o.letter), edit);
            m_options.emplace_back(o.letter, edit);
            m_answer->addItem(o.letter, o.letter);
        }
        m_answer->setCurrentIndex(m_answer->findData(q.answer));
        form->addRow(tr("Answer:"), m_answer);
        m_trap = new QCheckBox(tr("Trap: the correct option was removed; the answer is \"None of the above\""), this);
        m_trap->setObjectName(QStringLiteral("editTrap"));
        m_trap->setChecked(q.trap);
        form->addRow(QString(), m_trap);
        m_original = new QLineEdit(q.originalAnswer, this);
        m_original->setObjectName(QStringLiteral("editOriginal"));
        m_original->setEnabled(q.trap);
        form->addRow(tr("Removed correct option:"), m_original);
        connect(m_trap, &QCheckBox::toggled, m_original, &QWidget::setEnabled);
    } else {
        const OpenQuestion q = item.open();
        m_question->setText(q.question);
        m_reference = new QPlainTextEdit(q.referenceAnswer, this);
        m_reference->setObjectName(QStringLiteral("editReference"));
        m_reference->setMinimumHeight(90);
        form->addRow(tr("Reference answer:"), m_reference);
        m_keywords = new QLineEdit(q.keywords.join(QStringLiteral(", ")), this);
        m_keywords->setObjectName(QStringLiteral("editKeywords"));
        form->addRow(tr("Keywords (comma-separated):"), m_keywords);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("editError"));
    m_error->setStyleSheet(QStringLiteral("color: #b02020"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ItemEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QJsonObject ItemEditDialog::payload() const
{
    if (m_item.kind == ItemKind::Closed) {
        ClosedQuestion q = m_item.closed();
        q.question = m_question->text().trimmed();
        q.options.clear();
        for (const auto &[letter, edit] : m_options)
            q.options.push_back({letter, edit->text().trimmed()});
        q.answer = m_answer->currentData().toString();
        q.trap = m_trap->isChecked();
        q.originalAnswer = q.trap ? m_original->text().trimmed() : QString();
        return q.toJson();
    }
    OpenQuestion q = m_item.open();
    q.question = m_question->text().trimmed();
    q.referenceAnswer = m_reference->toPlainText().trimmed();
    q.keywords.clear();
    for (const QString &k : m_keywords->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!k.trimmed().isEmpty())
            q.keywords << k.trimmed();
    return q.toJson();
}

void ItemEditDialog::accept()
{
    const QString problem = m_validator ? m_validator(payload()) : QString();
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        return;
    }
    QDialog::accept();
}

} // namespace neuroonco
