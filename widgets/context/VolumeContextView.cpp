// The 3D context dock's content.
#include "widgets/context/VolumeContextView.h"

#include "widgets/context/ContextGLWidget.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace neuroonco {

namespace {

QString swatch(const QColor &colour, const QString &name)
{
    return QStringLiteral("<span style=\"white-space:nowrap\"><span style=\"color:%1\">&#9632;</span>&nbsp;%2</span>")
        .arg(colour.name(), name.toHtmlEscaped());
}

} // namespace

VolumeContextView::VolumeContextView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    auto *tools = new QHBoxLayout;
    m_reset = new QToolButton(this);
    m_reset->setText(tr("Reset view"));
    m_reset->setToolTip(tr("Front view, whole head in the frame"));
    m_head = new QToolButton(this);
    m_head->setText(tr("Head"));
    m_head->setCheckable(true);
    m_head->setChecked(true);
    m_head->setToolTip(tr("Show the head (or brain) surface"));
    m_plane = new QToolButton(this);
    m_plane->setText(tr("Slice plane"));
    m_plane->setCheckable(true);
    m_plane->setChecked(true);
    m_plane->setToolTip(tr("Show the plane of the slice under review"));
    tools->addWidget(m_reset);
    tools->addWidget(m_head);
    tools->addWidget(m_plane);
    tools->addStretch(1);
    layout->addLayout(tools);

    m_stack = new QStackedWidget(this);
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("contextMessage"));
    m_stack->addWidget(m_message);
    if (ContextGLWidget::openGlAvailable()) {
        m_gl = new ContextGLWidget(this);
        m_stack->addWidget(m_gl);
        connect(m_reset, &QToolButton::clicked, m_gl, &ContextGLWidget::resetCamera);
        connect(m_head, &QToolButton::toggled, m_gl, &ContextGLWidget::setAnatomyVisible);
        connect(m_plane, &QToolButton::toggled, m_gl, &ContextGLWidget::setSlicePlaneVisible);
    }
    layout->addWidget(m_stack, 1);

    m_legend = new QLabel(this);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    layout->addWidget(m_legend);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setStyleSheet(QStringLiteral("color: palette(mid)"));
    layout->addWidget(m_caption);

    showMessage(tr("Select a sample to see its volume."));
}

void VolumeContextView::showMessage(const QString &text)
{
    m_context.reset();
    m_volume.reset();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    for (QToolButton *b : {m_reset, m_head, m_plane})
        b->setEnabled(false);
    m_legend->clear();
    m_caption->clear();
}

void VolumeContextView::showContext(std::shared_ptr<const VolumeContext> context)
{
    if (!context) {
        showMessage(tr("This sample did not come from a volume."));
        return;
    }
    if (!m_gl) {
        showMessage(tr("The 3D context needs OpenGL 3.2, which this display does not offer."));
        return;
    }
    m_context = context;
    m_volume = context;
    m_gl->setVolumeContext(std::move(context));
    m_stack->setCurrentWidget(m_gl);
    for (QToolButton *b : {m_reset, m_head, m_plane})
        b->setEnabled(true);
    updateLegend();
}

void VolumeContextView::setSliceIndex(int sourceSliceIndex)
{
    if (m_gl && m_context) {
        m_gl->setSliceIndex(sourceSliceIndex);
        auto moved = std::make_shared<VolumeContext>(*m_context);
        moveContextSlice(*moved, sourceSliceIndex);
        m_context = std::move(moved);
        updateLegend();
    }
}

bool VolumeContextView::isShowingContext() const
{
    return m_gl && m_stack->currentWidget() == m_gl;
}

QString VolumeContextView::message() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void VolumeContextView::updateLegend()
{
    const VolumeContext &c = *m_context;
    QStringList parts;
    if (!c.hasLabels()) {
        parts << tr("No segmentation volume next to this one: anatomy and slice plane only.");
    } else if (c.hasSubregions) {
        if (c.labelVoxels[size_t(Subregion::Necrotic)] > 0)
            parts << swatch(ContextGLWidget::subregionColour(Subregion::Necrotic), tr("necrotic core"));
        if (c.labelVoxels[size_t(Subregion::Enhancing)] > 0)
            parts << swatch(ContextGLWidget::subregionColour(Subregion::Enhancing), tr("enhancing tumour"));
        if (c.labelVoxels[size_t(Subregion::Edema)] > 0)
            parts << swatch(ContextGLWidget::subregionColour(Subregion::Edema), tr("oedema"));
    } else {
        parts << swatch(ContextGLWidget::subregionColour(Subregion::WholeTumour), tr("tumour"));
    }
    parts << swatch(ContextGLWidget::slicePlaneColour(), tr("slice plane"));
    m_legend->setText(parts.join(QStringLiteral(" &nbsp; ")));
    m_caption->setText(tr("%1 · slice %2 of %3 · drag to rotate, right-drag or wheel to zoom, middle-drag to pan")
                           .arg(QFileInfo(c.anatomyFile).fileName())
                           .arg(c.sourceSliceIndex + 1)
                           .arg(c.sourceDims[size_t(c.sliceAxis)]));
}

} // namespace neuroonco
