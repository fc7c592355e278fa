// Sample list with a text filter; the selected sample is shown by whoever listens.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace neuroonco {

class SampleTableModel;

class SampleBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit SampleBrowser(QWidget *parent = nullptr);

    void setModel(SampleTableModel *model);
    QTableView *view() const { return m_view; }
    int visibleCount() const;

Q_SIGNALS:
    void sampleSelected(qint64 id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    SampleTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
};

} // namespace neuroonco
