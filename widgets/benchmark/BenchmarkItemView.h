// One benchmark item as a curator checks it: the image, the question with its options (the
// correct one marked, trap explained), lint warnings, the gold values it was built from, its
// review history, and the actions (approve A, reject R, edit E, regenerate G) with a note.
#pragma once

#include "core/benchmark/BenchmarkCuration.h"

#include <QImage>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace neuroonco {

class BenchmarkItemView : public QWidget
{
    Q_OBJECT
public:
    explicit BenchmarkItemView(QWidget *parent = nullptr);

    void setItem(const CurationRow &row, const std::vector<BenchmarkReview> &history, const QImage &image);
    void clear(const QString &message);
    QString note() const;
    void clearNote();
    // The rendered details (for tests and the clipboard).
    QString detailsHtml() const;
    // With a reason, the curation buttons and the note stay disabled and show it as their
    // tooltip (a read-only project); empty: they follow the item again.
    void setReadOnly(const QString &reason);

Q_SIGNALS:
    void approveRequested();
    void rejectRequested();
    void editRequested();
    void regenerateRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void showImage();
    QString closedHtml(const BenchmarkItem &item) const;
    QString openHtml(const BenchmarkItem &item) const;

    QLabel *m_image;
    QTextBrowser *m_details;
    QLineEdit *m_note;
    QPushButton *m_approve, *m_reject, *m_edit, *m_regenerate;
    QImage m_picture;
    bool m_hasItem = false;
    QString m_readOnlyReason;
    CurationRow m_row;
    std::vector<BenchmarkReview> m_history;
};

} // namespace neuroonco
