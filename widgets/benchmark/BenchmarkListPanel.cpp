// The benchmark curation list.
#include "widgets/benchmark/BenchmarkListPanel.h"

#include "core/models/BenchmarkFilterModel.h"
#include "core/models/BenchmarkItemModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace neuroonco {

BenchmarkListPanel::BenchmarkListPanel(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_warningsOnly(new QCheckBox(this))
    , m_text(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_counts(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("benchmarkKindFilter"));
    m_status->setObjectName(QStringLiteral("benchmarkStatusFilter"));
    m_type->setObjectName(QStringLiteral("benchmarkTypeFilter"));
    m_warningsOnly->setObjectName(QStringLiteral("benchmarkWarningsOnly"));
    m_counts->setObjectName(QStringLiteral("benchmarkCounts"));
    m_counts->setWordWrap(true);
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_counts);
    auto *filters = new QGridLayout;
    filters->addWidget(m_kind, 0, 0);
    filters->addWidget(m_status, 0, 1);
    filters->addWidget(m_type, 1, 0);
    filters->addWidget(m_warningsOnly, 1, 1);
    layout->addLayout(filters);
    layout->addWidget(m_text);
    layout->addWidget(m_view, 1);

    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);

    for (int i = 0; i < 3; ++i)
        m_kind->addItem(QString());
    for (int i = 0; i < 6; ++i)
        m_status->addItem(QString());
    m_type->addItem(QString());
    retranslate();
    m_status->setCurrentIndex(0);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &BenchmarkListPanel::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &BenchmarkListPanel::applyFilters);
    connect(m_type, &QComboBox::currentIndexChanged, this, &BenchmarkListPanel::applyFilters);
    connect(m_warningsOnly, &QCheckBox::toggled, this, &BenchmarkListPanel::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, &BenchmarkListPanel::applyFilters);
}

void BenchmarkListPanel::setModels(BenchmarkItemModel *model, BenchmarkFilterModel *filter)
{
    m_model = model;
    m_filter = filter;
    m_view->setModel(filter);
    m_view->sortByColumn(BenchmarkItemModel::StatusColumn, Qt::AscendingOrder);
    const std::pair<int, int> widths[] = {{BenchmarkItemModel::IdColumn, 48},   {BenchmarkItemModel::KindColumn, 52},
                                          {BenchmarkItemModel::TypeColumn, 104}, {BenchmarkItemModel::ImageColumn, 120},
                                          {BenchmarkItemModel::StatusColumn, 72}, {BenchmarkItemModel::TrapColumn, 40},
                                          {BenchmarkItemModel::AnswerColumn, 38}, {BenchmarkItemModel::SplitColumn, 46}};
    for (const auto &[column, width] : widths)
        m_view->horizontalHeader()->resizeSection(column, width);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT itemSelected(current.siblingAtColumn(0).data(BenchmarkItemModel::IdRole).toLongLong());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &BenchmarkListPanel::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BenchmarkListPanel::updateCounts);
    updateCounts();
}

void BenchmarkListPanel::setQuestionTypes(const QStringList &types)
{
    const QSignalBlocker block(m_type);
    const QString current = m_type->currentData().toString();
    while (m_type->count() > 1)
        m_type->removeItem(1);
    for (const QString &t : types)
        m_type->addItem(t, t);
    const int keep = m_type->findData(current);
    m_type->setCurrentIndex(keep > 0 ? keep : 0);
}

qint64 BenchmarkListPanel::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.siblingAtColumn(0).data(BenchmarkItemModel::IdRole).toLongLong() : 0;
}

void BenchmarkListPanel::selectId(qint64 id)
{
    if (!m_model || !m_filter)
        return;
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(m_model->indexOfId(id), 0));
    if (proxy.isValid()) {
        m_view->setCurrentIndex(proxy);
        m_view->scrollTo(proxy);
    }
}

bool BenchmarkListPanel::step(int delta)
{
    if (!m_filter || m_filter->rowCount() == 0)
        return false;
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + delta : 0;
    if (row < 0 || row >= m_filter->rowCount())
        return false;
    m_view->setCurrentIndex(m_filter->index(row, 0));
    m_view->scrollTo(m_view->currentIndex());
    return true;
}

QString BenchmarkListPanel::countsText() const
{
    if (!m_model)
        return {};
    const QHash<QString, int> c = m_model->statusCounts();
    return tr("%1 items · %2 approved · %3 pending · %4 stale · %5 rejected · showing %6")
        .arg(m_model->rowCount())
        .arg(c.value(QStringLiteral("approved")))
        .arg(c.value(QStringLiteral("pending")))
        .arg(c.value(QStringLiteral("stale")))
        .arg(c.value(QStringLiteral("rejected")))
        .arg(m_filter ? m_filter->rowCount() : 0);
}

void BenchmarkListPanel::updateCounts()
{
    m_counts->setText(countsText());
}

void BenchmarkListPanel::applyFilters()
{
    if (!m_filter)
        return;
    const int kind = m_kind->currentIndex();
    m_filter->setKind(kind == 0 ? std::nullopt : std::optional<int>(kind - 1));
    m_filter->setStatusFilter(BenchmarkFilterModel::StatusFilter(m_status->currentIndex()));
    m_filter->setQuestionType(m_type->currentData().toString());
    m_filter->setWarningsOnly(m_warningsOnly->isChecked());
    m_filter->setText(m_text->text());
    updateCounts();
}

void BenchmarkListPanel::retranslate()
{
    m_kind->setItemText(0, tr("Closed and open"));
    m_kind->setItemText(1, tr("Closed (multiple choice)"));
    m_kind->setItemText(2, tr("Open questions"));
    const QStringList statuses{tr("Any status"), tr("Pending"), tr("Approved"), tr("Rejected"), tr("Stale"), tr("Needs attention")};
    for (int i = 0; i < statuses.size(); ++i)
        m_status->setItemText(i, statuses.at(i));
    m_type->setItemText(0, tr("Any question type"));
    m_warningsOnly->setText(tr("Only with lint warnings"));
    m_text->setPlaceholderText(tr("Search image or item number"));
    updateCounts();
}

void BenchmarkListPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace neuroonco
