// The attribute panel of the review workstation: a row per attribute, the mask rule, run A,
// run B, fused, QC and reviewer columns, disagreements and warnings highlighted. Keyboard
// first: arrows move, A accepts, R rejects, 1–9 pick a vocabulary value (correcting or adding),
// Enter accepts what is left and moves on; Space opens the value list. It only emits requests.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace neuroonco {

class AttributeTableModel;

class AttributePanel : public QWidget
{
    Q_OBJECT
public:
    explicit AttributePanel(QWidget *parent = nullptr);

    void setModel(AttributeTableModel *model);
    QTableView *view() const { return m_view; }
    QString currentField() const;
    void setCurrentField(const QString &field);
    void setComments(const QStringList &comments);
    // With a reason, the panel only shows: no decision keys, no comment, and the reason where
    // the key help was (and as the tooltip of what is disabled). Empty: decisions again.
    void setReadOnly(const QString &reason);
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }

Q_SIGNALS:
    void acceptRequested(const QString &field);
    void rejectRequested(const QString &field);
    void valueRequested(const QString &field, const QString &value);
    void acceptRestAndNextRequested();
    void commentRequested(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void chooseValue();
    void retranslate();

    AttributeTableModel *m_model = nullptr;
    QTableView *m_view;
    QLabel *m_keys;
    QLabel *m_comments;
    QLineEdit *m_comment;
    QString m_readOnlyReason;
};

} // namespace neuroonco
