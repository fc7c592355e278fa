// Cluster list and side-by-side member cards.
#include "widgets/dedup/DuplicateClusterView.h"

#include "widgets/samples/SampleImage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace neuroonco {

DuplicateClusterView::DuplicateClusterView(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_strip(new QWidget(this))
    , m_stripLayout(new QHBoxLayout(m_strip))
{
    setObjectName(QStringLiteral("DuplicateClusterView"));
    m_list->setObjectName(QStringLiteral("clusterList"));
    m_stripLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_strip);
    scroll->setWidgetResizable(true);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(scroll, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem *item = m_list->item(row))
            Q_EMIT clusterSelected(item->data(Qt::UserRole).toLongLong());
    });
    retranslate();
}

void DuplicateClusterView::retranslate()
{
    if (m_memberCount == 0)
        m_title->setText(m_list->count() ? tr("Select a cluster to compare its members.")
                                         : tr("No duplicates found (or de-duplication has not run yet)."));
}

void DuplicateClusterView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DuplicateClusterView::setClusters(const std::vector<ClusterSummary> &clusters)
{
    m_list->clear();
    for (const ClusterSummary &c : clusters) {
        auto *item = new QListWidgetItem(tr("%1 · %2 slices · %3").arg(c.keeperSampleId).arg(c.size)
                                             .arg(c.kind == QLatin1String("exact") ? tr("exact") : tr("near")), m_list);
        item->setData(Qt::UserRole, c.id);
    }
    setMembers({}, QString());
}

void DuplicateClusterView::setMembers(const std::vector<SampleRecord> &members, const QString &slicesDir)
{
    while (m_stripLayout->count() > 1) {
        QLayoutItem *item = m_stripLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    m_memberCount = int(members.size());
    for (const SampleRecord &s : members) {
        auto *card = new QWidget(m_strip);
        auto *cardLayout = new QVBoxLayout(card);
        auto *picture = new QLabel(card);
        picture->setPixmap(QPixmap::fromImage(SampleImage::render(slicesDir, s, QSize(240, 240))));
        picture->setAlignment(Qt::AlignCenter);
        auto *caption = new QLabel(card);
        caption->setWordWrap(true);
        caption->setMaximumWidth(260);
        const QString role = s.isDuplicate()
                                 ? (s.duplicateKind == QLatin1String("exact") ? tr("exact duplicate (pHash distance %1)")
                                                                              : tr("near duplicate (pHash distance %1)"))
                                       .arg(s.duplicateDistance)
                                 : tr("<b>kept</b>");
        caption->setText(tr("%1<br>source %2 · %3 · %4×%5 · %6<br>%7")
                             .arg(s.sampleId.toHtmlEscaped(), s.sourceCode, s.modality)
                             .arg(s.width)
                             .arg(s.height)
                             .arg(s.hasMask() ? tr("mask") : tr("no mask"), role));
        cardLayout->addWidget(picture);
        cardLayout->addWidget(caption);
        cardLayout->addStretch();
        m_stripLayout->insertWidget(m_stripLayout->count() - 1, card);
        card->show();
    }
    if (!members.empty())
        m_title->setText(tr("Cluster of %n slice(s); the kept one comes first.", nullptr, int(members.size())));
    else
        retranslate();
}

} // namespace neuroonco
