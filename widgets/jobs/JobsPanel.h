// The jobs panel: running and finished jobs with progress bars, cancel and resume buttons, and
// the selected job's summary and log. Thin: it shows a JobListModel and emits requests.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace neuroonco {

class JobListModel;

class JobsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobsPanel(QWidget *parent = nullptr);

    void setModel(JobListModel *model);
    // The log and details of the selected job, prepared by the application.
    void setDetails(const QString &details);
    qint64 selectedJobId() const;
    void selectJob(qint64 jobId);
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void cancelRequested(qint64 jobId);
    void resumeRequested(qint64 jobId);
    void selectedJobChanged(qint64 jobId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButtons();
    void retranslate();

    JobListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_resume = nullptr;
    QLabel *m_detailsTitle = nullptr;
    QPlainTextEdit *m_details = nullptr;
};

} // namespace neuroonco
