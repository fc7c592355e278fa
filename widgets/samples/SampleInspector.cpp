// Slice viewer plus the sample's facts.
#include "widgets/samples/SampleInspector.h"

#include "widgets/viewer/SliceView.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace neuroonco {

SampleInspector::SampleInspector(QWidget *parent)
    : QWidget(parent)
    , m_view(new SliceView(this))
    , m_details(new QLabel(this))
    , m_pixel(new QLabel(this))
{
    setObjectName(QStringLiteral("SampleInspector"));
    m_details->setObjectName(QStringLiteral("sampleDetails"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(6);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(240);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_pixel);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_view, &SliceView::hovered, this, [this](int x, int y, int value) {
        m_pixel->setText(tr("x %1, y %2: %3").arg(x).arg(y).arg(value));
    });
    connect(m_view, &SliceView::windowChanged, this, [this](double level, double width) {
        m_pixel->setText(tr("Window level %1, width %2").arg(level, 0, 'f', 0).arg(width, 0, 'f', 0));
    });
    clear(QString());
}

void SampleInspector::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
}

void SampleInspector::clear(const QString &message)
{
    m_view->showMessage(message.isEmpty() ? tr("Select a sample to see it here.") : message);
    m_details->clear();
}

QString SampleInspector::detailsText() const
{
    return m_details->text();
}

void SampleInspector::setDetails(const SampleRecord &s, const std::optional<MaskSemantics> &semantics,
                                 const QString &semanticsNote, const QString &description)
{
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(s.sampleId.toHtmlEscaped());
    lines << tr("Source %1 · %2").arg(s.sourceCode, s.origin.toHtmlEscaped());
    lines << tr("Tumour type: %1 · modality: %2").arg(s.tumourType, s.modality);
    if (!s.modalityEvidence.isEmpty())
        lines << tr("<small>modality from %1</small>").arg(s.modalityEvidence.toHtmlEscaped());
    lines << tr("%1×%2 pixels, from %3 (%4-bit, %5 channel(s))").arg(s.width).arg(s.height)
                 .arg(s.originalFormat).arg(s.originalBits).arg(s.originalChannels);
    if (!s.patientKey.isEmpty())
        lines << tr("Patient key: %1").arg(s.patientKey);
    if (s.isDuplicate())
        lines << (s.duplicateKind == QLatin1String("exact")
                      ? tr("<span style='color:#d08000'>Flagged as an exact duplicate (not exported)</span>")
                      : tr("<span style='color:#d08000'>Flagged as a near duplicate (not exported)</span>"));
    lines << QString();
    if (!s.hasMask()) {
        lines << tr("No mask.");
    } else if (!semantics) {
        lines << (semanticsNote.isEmpty() ? tr("Mask semantics not computed yet.") : tr("Mask: %1").arg(semanticsNote.toHtmlEscaped()));
    } else {
        const MaskNumbers &n = semantics->numbers;
        lines << tr("<b>Mask semantics</b>");
        lines << tr("Size: %1 (%2 % of the image)").arg(semantics->size).arg(100 * n.areaRatio, 0, 'f', 2);
        lines << tr("Shape: %1 (circularity %2, elongation %3)").arg(semantics->shape).arg(n.circularity, 0, 'f', 3).arg(n.elongation, 0, 'f', 2);
        lines << tr("Spread: %1 (%2 component(s), core %3 %)").arg(semantics->spread).arg(n.components).arg(100 * n.coreFraction, 0, 'f', 1);
        lines << tr("Location: %1 (centroid %2, %3)").arg(semantics->location).arg(n.centroidX, 0, 'f', 1).arg(n.centroidY, 0, 'f', 1);
        if (semantics->head.valid)
            lines << tr("In the head: %1, %2").arg(semantics->head.side, semantics->head.band);
        if (semantics->subregions.valid)
            lines << tr("Sub-regions: necrosis %1 %, oedema %2 %, enhancing %3 %")
                         .arg(100 * semantics->subregions.necrosis, 0, 'f', 0)
                         .arg(100 * semantics->subregions.oedema, 0, 'f', 0)
                         .arg(100 * semantics->subregions.enhancing, 0, 'f', 0);
    }
    if (!description.isEmpty()) {
        lines << QString();
        lines << tr("<b>Description</b>");
        lines << description.toHtmlEscaped();
    }
    m_details->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace neuroonco
