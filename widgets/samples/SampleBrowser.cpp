// Sample browser layout and preview.
#include "samples/SampleBrowser.h"

#include "models/SampleTableModel.h"
#include "samples/SampleImage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace neuroonco {

SampleBrowser::SampleBrowser(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_preview(new QLabel(this))
    , m_details(new QLabel(this))
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
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(260, 260);
    m_preview->setObjectName(QStringLiteral("samplePreview"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_view);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_preview, 1);
    rightLayout->addWidget(m_details);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

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

void SampleBrowser::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showPreview();
}

void SampleBrowser::setModel(SampleTableModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SampleTableModel::SampleColumn, QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showPreview();
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            Q_EMIT sampleSelected(current.data(SampleTableModel::IdRole).toLongLong());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
        showPreview();
    });
}

int SampleBrowser::visibleCount() const
{
    return m_proxy->rowCount();
}

void SampleBrowser::showPreview()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_model || !current.isValid()) {
        m_preview->setText(tr("Select a sample to see it here."));
        m_details->clear();
        return;
    }
    const SampleRecord s = current.data(SampleTableModel::RecordRole).value<SampleRecord>();
    m_preview->setPixmap(QPixmap::fromImage(SampleImage::render(m_slicesDir, s, m_preview->size())));
    QStringList lines{tr("<b>%1</b>").arg(s.sampleId.toHtmlEscaped()),
                      tr("Source %1: %2").arg(s.sourceCode, s.origin.toHtmlEscaped()),
                      tr("%1 · %2 · %3×%4").arg(s.tumourType, s.modality).arg(s.width).arg(s.height)};
    if (s.hasMask())
        lines << tr("Lesion: %1 pixels (%2 % of the image)").arg(s.lesionPixels).arg(100.0 * double(s.lesionPixels) / double(s.width * s.height), 0, 'f', 2);
    if (!s.patientKey.isEmpty())
        lines << tr("Patient key: %1").arg(s.patientKey);
    m_details->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace neuroonco
