// Choosing how to evaluate a model: which endpoint, closed or open questions, circular
// evaluation, which items (approved only or all, a split), the run's name and an optional judge.
#pragma once

#include "core/pipeline/EvaluateStage.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace neuroonco {

class EvaluateDialog : public QDialog
{
    Q_OBJECT
public:
    // `endpoints`: name → one-line description ("model at base URL").
    EvaluateDialog(const QList<QPair<QString, QString>> &endpoints, const EvaluateOptions &last, QWidget *parent = nullptr);

    EvaluateOptions options() const;

private:
    void updateEnabled();

    QComboBox *m_endpoint, *m_benchmark, *m_split, *m_judge;
    QCheckBox *m_circular, *m_all;
    QLineEdit *m_name;
};

} // namespace neuroonco
