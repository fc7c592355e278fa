// Viewer actions and their shortcuts.
#include "app/studio/ViewerActions.h"

#include "widgets/viewer/SliceView.h"

#include <QAction>
#include <QMenu>

namespace neuroonco {

ViewerActions::ViewerActions(SliceView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
{
    auto make = [this](const char *name, const QKeySequence &key, bool checkable, bool checked) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        a->setCheckable(checkable);
        a->setChecked(checked);
        return a;
    };
    m_maskMode = make("viewMaskMode", QKeySequence(Qt::Key_M), false, false);
    m_outline = make("viewOutline", QKeySequence(Qt::Key_O), true, view->overlay(SliceView::Overlay::Outline));
    m_ellipse = make("viewEllipse", QKeySequence(Qt::Key_E), true, view->overlay(SliceView::Overlay::Ellipse));
    m_centroid = make("viewCentroid", QKeySequence(Qt::Key_C), true, view->overlay(SliceView::Overlay::Centroid));
    m_grid = make("viewGrid", QKeySequence(Qt::Key_G), true, view->overlay(SliceView::Overlay::Grid));
    m_colours = make("viewComponentColours", QKeySequence(Qt::Key_K), true, view->overlay(SliceView::Overlay::ComponentColours));
    m_moreOpaque = make("viewMoreOpaque", QKeySequence(Qt::Key_BracketRight), false, false);
    m_lessOpaque = make("viewLessOpaque", QKeySequence(Qt::Key_BracketLeft), false, false);
    m_presetFull = make("viewWindowFull", QKeySequence(Qt::Key_W), false, false);
    m_presetSoft = make("viewWindowSoft", QKeySequence(Qt::SHIFT | Qt::Key_W), false, false);
    m_presetContrast = make("viewWindowContrast", QKeySequence(Qt::CTRL | Qt::Key_W), false, false);
    m_fit = make("viewFit", QKeySequence(Qt::Key_Z), false, false);

    connect(m_maskMode, &QAction::triggered, view, &SliceView::cycleMaskMode);
    auto toggle = [this](QAction *a, SliceView::Overlay o) {
        connect(a, &QAction::toggled, m_view, [this, o](bool on) { m_view->setOverlay(o, on); });
    };
    toggle(m_outline, SliceView::Overlay::Outline);
    toggle(m_ellipse, SliceView::Overlay::Ellipse);
    toggle(m_centroid, SliceView::Overlay::Centroid);
    toggle(m_grid, SliceView::Overlay::Grid);
    toggle(m_colours, SliceView::Overlay::ComponentColours);
    connect(m_moreOpaque, &QAction::triggered, view, [this] { m_view->setOpacity(m_view->opacity() + 0.1); });
    connect(m_lessOpaque, &QAction::triggered, view, [this] { m_view->setOpacity(m_view->opacity() - 0.1); });
    connect(m_presetFull, &QAction::triggered, view, [this] { m_view->applyWindowPreset(0); });
    connect(m_presetSoft, &QAction::triggered, view, [this] { m_view->applyWindowPreset(1); });
    connect(m_presetContrast, &QAction::triggered, view, [this] { m_view->applyWindowPreset(2); });
    connect(m_fit, &QAction::triggered, view, &SliceView::resetView);
    retranslate();
}

void ViewerActions::populate(QMenu *menu)
{
    menu->addAction(m_maskMode);
    menu->addSeparator();
    for (QAction *a : {m_outline, m_ellipse, m_centroid, m_grid, m_colours})
        menu->addAction(a);
    menu->addSeparator();
    menu->addAction(m_moreOpaque);
    menu->addAction(m_lessOpaque);
    menu->addSeparator();
    menu->addAction(m_presetFull);
    menu->addAction(m_presetSoft);
    menu->addAction(m_presetContrast);
    menu->addAction(m_fit);
}

void ViewerActions::retranslate()
{
    m_maskMode->setText(tr("Mask: Fill / Contour / Hidden"));
    m_outline->setText(tr("Largest Component Outline"));
    m_ellipse->setText(tr("Fitted Ellipse"));
    m_centroid->setText(tr("Centroid"));
    m_grid->setText(tr("3×3 Location Grid"));
    m_colours->setText(tr("Components in Distinct Colours"));
    m_moreOpaque->setText(tr("Mask More Opaque"));
    m_lessOpaque->setText(tr("Mask More Transparent"));
    m_presetFull->setText(tr("Window: Full Range"));
    m_presetSoft->setText(tr("Window: Soft"));
    m_presetContrast->setText(tr("Window: High Contrast"));
    m_fit->setText(tr("Fit Slice to View"));
}

} // namespace neuroonco
