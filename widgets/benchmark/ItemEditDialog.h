// Editing one benchmark question: stem, options (E stays "None of the above"), answer letter and
// trap flag for closed items; stem, reference answer and keywords for open ones. The caller
// supplies the validation (core's rules), so the dialog refuses what the engine would refuse.
#pragma once

#include "core/benchmark/BenchmarkTypes.h"

#include <QDialog>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace neuroonco {

class ItemEditDialog : public QDialog
{
    Q_OBJECT
public:
    // Returns an empty string when the payload is acceptable, else what is wrong.
    using Validator = std::function<QString(const QJsonObject &payload)>;

    ItemEditDialog(const BenchmarkItem &item, Validator validator, QWidget *parent = nullptr);

    QJsonObject payload() const;

    void accept() override;

private:
    BenchmarkItem m_item;
    Validator m_validator;
    QLineEdit *m_question = nullptr;
    std::vector<std::pair<QString, QLineEdit *>> m_options;
    QComboBox *m_answer = nullptr;
    QCheckBox *m_trap = nullptr;
    QLineEdit *m_original = nullptr;
    QPlainTextEdit *m_reference = nullptr;
    QLineEdit *m_keywords = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace neuroonco
