// The benchmark curation list: filters (kind, status / needs attention, question type, lint
// warnings, text), the sorted item table and a count line.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace neuroonco {

class BenchmarkFilterModel;
class BenchmarkItemModel;

class BenchmarkListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BenchmarkListPanel(QWidget *parent = nullptr);

    void setModels(BenchmarkItemModel *model, BenchmarkFilterModel *filter);
    void setQuestionTypes(const QStringList &types);
    QTableView *view() const { return m_view; }
    qint64 currentId() const;
    void selectId(qint64 id);
    // Moves the selection by `delta` rows in the current order; false at the ends.
    bool step(int delta);
    void updateCounts();
    QString countsText() const;

Q_SIGNALS:
    void itemSelected(qint64 id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilters();

    BenchmarkItemModel *m_model = nullptr;
    BenchmarkFilterModel *m_filter = nullptr;
    QComboBox *m_kind, *m_status, *m_type;
    QCheckBox *m_warningsOnly;
    QLineEdit *m_text;
    QTableView *m_view;
    QLabel *m_counts;
};

} // namespace neuroonco
