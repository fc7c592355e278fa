// The review queue: filters, the sorted list and the audit progress, always visible.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace neuroonco {

class QueueFilterModel;
class QueueModel;

class QueuePanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueuePanel(QWidget *parent = nullptr);

    void setModels(QueueModel *model, QueueFilterModel *filter);
    // Choices for the filter boxes, from the project.
    void setChoices(const QStringList &sources, const QStringList &types, const QStringList &modalities);
    QTableView *view() const { return m_view; }
    QueueFilterModel *filter() const { return m_filter; }
    qint64 currentId() const;
    void selectId(qint64 id);
    // Moves the selection by `step` rows in the current order; false at the ends.
    bool step(int step);
    void updateProgress();
    QString progressText() const;

Q_SIGNALS:
    void sampleSelected(qint64 id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilters();

    QueueModel *m_model = nullptr;
    QueueFilterModel *m_filter = nullptr;
    QComboBox *m_audit, *m_source, *m_type, *m_modality, *m_mask, *m_warning;
    QCheckBox *m_disagree, *m_duplicates, *m_certified;
    QLineEdit *m_text;
    QPushButton *m_mostDisagreement;
    QTableView *m_view;
    QLabel *m_progress;
};

} // namespace neuroonco
