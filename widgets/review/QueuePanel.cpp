// Queue panel layout and filter wiring.
#include "widgets/review/QueuePanel.h"

#include "core/models/QueueFilterModel.h"
#include "core/models/QueueModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace neuroonco {

QueuePanel::QueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_audit(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_modality(new QComboBox(this))
    , m_mask(new QComboBox(this))
    , m_warning(new QComboBox(this))
    , m_disagree(new QCheckBox(this))
    , m_duplicates(new QCheckBox(this))
    , m_certified(new QCheckBox(this))
    , m_text(new QLineEdit(this))
    , m_mostDisagreement(new QPushButton(this))
    , m_view(new QTableView(this))
    , m_progress(new QLabel(this))
{
    setObjectName(QStringLiteral("QueuePanel"));
    m_view->setObjectName(QStringLiteral("queueView"));
    m_progress->setObjectName(QStringLiteral("queueProgress"));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(21);
    m_view->setAlternatingRowColors(true);
    m_text->setClearButtonEnabled(true);
    QFont bold = m_progress->font();
    bold.setBold(true);
    m_progress->setFont(bold);

    auto *filters = new QGridLayout;
    filters->addWidget(m_audit, 0, 0);
    filters->addWidget(m_source, 0, 1);
    filters->addWidget(m_type, 1, 0);
    filters->addWidget(m_modality, 1, 1);
    filters->addWidget(m_mask, 2, 0);
    filters->addWidget(m_warning, 2, 1);
    filters->addWidget(m_disagree, 3, 0);
    filters->addWidget(m_duplicates, 3, 1);
    filters->addWidget(m_certified, 4, 0);
    filters->addWidget(m_mostDisagreement, 4, 1);
    filters->addWidget(m_text, 5, 0, 1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_progress);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    for (QComboBox *box : {m_audit, m_source, m_type, m_modality, m_mask, m_warning})
        connect(box, &QComboBox::currentIndexChanged, this, &QueuePanel::applyFilters);
    for (QCheckBox *box : {m_disagree, m_duplicates, m_certified})
        connect(box, &QCheckBox::toggled, this, &QueuePanel::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, &QueuePanel::applyFilters);
    connect(m_mostDisagreement, &QPushButton::clicked, this, [this] {
        if (m_filter)
            m_filter->sortMostDisagreementFirst();
    });
    retranslate();
}

void QueuePanel::retranslate()
{
    const QSignalBlocker b1(m_audit), b2(m_mask), b3(m_warning);
    const int audit = std::max(0, m_audit->currentIndex()), mask = std::max(0, m_mask->currentIndex()), warning = std::max(0, m_warning->currentIndex());
    m_audit->clear();
    m_audit->addItems({tr("Any audit state"), tr("Not audited"), tr("Partly audited"), tr("Audited"), tr("Not done")});
    m_audit->setCurrentIndex(audit);
    m_mask->clear();
    m_mask->addItems({tr("With or without mask"), tr("With mask"), tr("Without mask")});
    m_mask->setCurrentIndex(mask);
    m_warning->clear();
    m_warning->addItems({tr("Any warnings"), tr("Has a warning"), tr("Lesion found vs mask"), tr("Location vs mask"),
                         tr("Enhancement, no contrast"), tr("Oedema on T1"), tr("Modality vs source")});
    m_warning->setCurrentIndex(warning);
    m_disagree->setText(tr("Runs disagree"));
    m_duplicates->setText(tr("Show duplicates"));
    m_certified->setText(tr("Certification draw"));
    m_mostDisagreement->setText(tr("Most disagreement first"));
    m_text->setPlaceholderText(tr("Search sample ids"));
    if (m_source->count())
        m_source->setItemText(0, tr("Any source"));
    if (m_type->count())
        m_type->setItemText(0, tr("Any type"));
    if (m_modality->count())
        m_modality->setItemText(0, tr("Any sequence"));
    updateProgress();
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QueuePanel::setModels(QueueModel *model, QueueFilterModel *filter)
{
    m_model = model;
    m_filter = filter;
    filter->setSourceModel(model);
    m_view->setModel(filter);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(QueueModel::SampleColumn, QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT sampleSelected(current.data(QueueModel::IdRole).toLongLong());
    });
    connect(filter, &QAbstractItemModel::modelReset, this, &QueuePanel::updateProgress);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &QueuePanel::updateProgress);
    connect(filter, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateProgress);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateProgress);
    connect(model, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateProgress);
}

void QueuePanel::setChoices(const QStringList &sources, const QStringList &types, const QStringList &modalities)
{
    auto fill = [](QComboBox *box, const QString &any, const QStringList &values) {
        const QSignalBlocker blocker(box);
        const QString current = box->currentData().toString();
        box->clear();
        box->addItem(any, QString());
        for (const QString &v : values)
            box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    fill(m_source, tr("Any source"), sources);
    fill(m_type, tr("Any type"), types);
    fill(m_modality, tr("Any sequence"), modalities);
    applyFilters();
}

void QueuePanel::applyFilters()
{
    if (!m_filter)
        return;
    m_filter->setAuditFilter(QueueFilterModel::AuditFilter(std::max(0, m_audit->currentIndex())));
    m_filter->setSource(m_source->currentData().toString());
    m_filter->setTumourType(m_type->currentData().toString());
    m_filter->setModality(m_modality->currentData().toString());
    m_filter->setHasMask(QueueFilterModel::Tristate(std::max(0, m_mask->currentIndex())));
    m_filter->setWarningCode(m_warning->currentIndex() <= 0 ? -1 : m_warning->currentIndex() == 1 ? -2 : m_warning->currentIndex() - 2);
    m_filter->setDisagreementOnly(m_disagree->isChecked());
    m_filter->setShowDuplicates(m_duplicates->isChecked());
    m_filter->setCertificationOnly(m_certified->isChecked());
    m_filter->setText(m_text->text().trimmed());
    updateProgress();
}

QString QueuePanel::progressText() const
{
    return m_progress->text();
}

void QueuePanel::updateProgress()
{
    if (!m_model || !m_filter) {
        m_progress->clear();
        return;
    }
    const qint64 total = m_model->rowCount();
    const qint64 audited = m_model->auditedCount();
    m_progress->setText(tr("Audited %1 of %2 (%3 %) · showing %4")
                            .arg(audited).arg(total).arg(total ? 100.0 * double(audited) / double(total) : 0.0, 0, 'f', 1)
                            .arg(m_filter->rowCount()));
}

qint64 QueuePanel::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.data(QueueModel::IdRole).toLongLong() : 0;
}

void QueuePanel::selectId(qint64 id)
{
    if (!m_model || !m_filter)
        return;
    const int source = m_model->indexOfId(id);
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(source, 0));
    if (proxy.isValid()) {
        m_view->setCurrentIndex(proxy);
        m_view->scrollTo(proxy);
    }
}

bool QueuePanel::step(int delta)
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

} // namespace neuroonco
