// Sample list with a text filter and a preview of the selected slice (lesion outlined).
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
    void setSlicesDir(const QString &dir) { m_slicesDir = dir; }
    QTableView *view() const { return m_view; }
    int visibleCount() const;

Q_SIGNALS:
    void sampleSelected(qint64 id);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showPreview();
    void retranslate();

    SampleTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
    QLabel *m_preview;
    QLabel *m_details;
    QString m_slicesDir;
};

} // namespace neuroonco
