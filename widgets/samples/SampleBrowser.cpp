// Sample browser layout and preview.
#include "samples/SampleBrowser.h"

#include "models/SampleTableModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace neuroonco {

SampleBrowser::SampleBrowser(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("SampleBrowser"));
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(SampleTableModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->setAlternatingRowColors(true);
    m_view->setObjectName(QStringLiteral("sampleTable"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("sampleFilter"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model ? m_model->rowCount() : 0));
    });
    retranslate();
}

void SampleBrowser::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by sample, source, type, modality…"));
}

void SampleBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SampleBrowser::setModel(SampleTableModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SampleTableModel::SampleColumn, QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            Q_EMIT sampleSelected(current.data(SampleTableModel::IdRole).toLongLong());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    });
}

int SampleBrowser::visibleCount() const
{
    return m_proxy->rowCount();
}

} // namespace neuroonco
