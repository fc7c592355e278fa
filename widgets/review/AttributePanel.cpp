// Attribute panel: highlighting delegate and keyboard handling.
#include "widgets/review/AttributePanel.h"

#include "core/models/AttributeTableModel.h"
#include "core/review/ReviewFields.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace neuroonco {

namespace {

class AttributeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        const int column = index.column();
        QColor fill;
        if ((column == AttributeTableModel::RunAColumn || column == AttributeTableModel::RunBColumn)
            && index.data(AttributeTableModel::DisagreementRole).toBool())
            fill = QColor(255, 170, 0, 90); // the two runs disagree
        if (column == AttributeTableModel::FieldColumn && index.data(AttributeTableModel::WarningRole).isValid())
            fill = QColor(230, 60, 60, 80); // a consistency warning concerns this field
        if (column == AttributeTableModel::ReviewerColumn) {
            const QString action = index.data(AttributeTableModel::DecisionRole).toString();
            if (action == QLatin1String("accept"))
                fill = QColor(60, 180, 90, 90);
            else if (action == QLatin1String("reject"))
                fill = QColor(220, 60, 60, 90);
            else if (!action.isEmpty())
                fill = QColor(60, 120, 230, 90);
        }
        if (fill.isValid() && !(o.state & QStyle::State_Selected))
            painter->fillRect(o.rect, fill);
        QStyledItemDelegate::paint(painter, o, index);
    }
};

} // namespace

AttributePanel::AttributePanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_keys(new QLabel(this))
    , m_comments(new QLabel(this))
    , m_comment(new QLineEdit(this))
{
    setObjectName(QStringLiteral("AttributePanel"));
    setMinimumWidth(420);
    m_view->setObjectName(QStringLiteral("attributeTable"));
    m_view->setItemDelegate(new AttributeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->installEventFilter(this);
    m_view->setTabKeyNavigation(false);
    m_keys->setWordWrap(true);
    m_keys->setObjectName(QStringLiteral("keyHelp"));
    m_comments->setWordWrap(true);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_keys);
    layout->addWidget(m_comments);
    layout->addWidget(m_comment);
    connect(m_view, &QTableView::doubleClicked, this, &AttributePanel::chooseValue);
    connect(m_comment, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_comment->text().trimmed();
        if (!text.isEmpty())
            Q_EMIT commentRequested(text);
        m_comment->clear();
        m_view->setFocus();
    });
    retranslate();
}

void AttributePanel::retranslate()
{
    if (isReadOnly())
        m_keys->setText(QStringLiteral("<small>%1</small>").arg(m_readOnlyReason.toHtmlEscaped()));
    else
        m_keys->setText(tr("<small><b>A</b> accept · <b>R</b> reject · <b>1–9</b> pick a value · <b>Space</b> list values · "
                           "<b>Enter</b> accept the rest and go to the next sample · <b>Ctrl+Z</b> undo</small>"));
    m_comment->setPlaceholderText(tr("Comment on this sample, then Enter"));
}

void AttributePanel::setReadOnly(const QString &reason)
{
    m_readOnlyReason = reason;
    m_comment->setEnabled(!isReadOnly());
    m_comment->setToolTip(reason);
    m_view->setToolTip(reason);
    retranslate();
}

void AttributePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AttributePanel::setModel(AttributeTableModel *model)
{
    m_model = model;
    m_view->setModel(model);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setCurrentIndex(model->index(0, 0));
}

QString AttributePanel::currentField() const
{
    return m_model ? m_model->fieldAt(m_view->currentIndex().row()) : QString();
}

void AttributePanel::setCurrentField(const QString &field)
{
    if (m_model)
        m_view->setCurrentIndex(m_model->index(std::max(0, m_model->rowOf(field)), 0));
}

void AttributePanel::setComments(const QStringList &comments)
{
    m_comments->setVisible(!comments.isEmpty());
    m_comments->setText(comments.isEmpty() ? QString() : QStringLiteral("<small>") + comments.join(QStringLiteral("<br>")) + QStringLiteral("</small>"));
}

void AttributePanel::chooseValue()
{
    if (isReadOnly())
        return;
    const QString field = currentField();
    const ReviewField *f = ReviewFields::find(field);
    if (!f)
        return;
    QMenu menu(this);
    for (int i = 0; i < f->values.size(); ++i) {
        QAction *a = menu.addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(f->values.at(i)));
        const QString value = f->values.at(i);
        connect(a, &QAction::triggered, this, [this, field, value] { Q_EMIT valueRequested(field, value); });
    }
    const QRect cell = m_view->visualRect(m_view->currentIndex());
    menu.exec(m_view->viewport()->mapToGlobal(cell.bottomLeft()));
}

bool AttributePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view || event->type() != QEvent::KeyPress || !m_model || !m_model->hasSample() || isReadOnly())
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QString field = currentField();
    switch (key->key()) {
    case Qt::Key_A: Q_EMIT acceptRequested(field); return true;
    case Qt::Key_R: Q_EMIT rejectRequested(field); return true;
    case Qt::Key_Return:
    case Qt::Key_Enter: Q_EMIT acceptRestAndNextRequested(); return true;
    case Qt::Key_Space: chooseValue(); return true;
    default: break;
    }
    if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9) {
        const ReviewField *f = ReviewFields::find(field);
        const int i = key->key() - Qt::Key_1;
        if (f && i < f->values.size())
            Q_EMIT valueRequested(field, f->values.at(i));
        return true;
    }
    return false;
}

} // namespace neuroonco
