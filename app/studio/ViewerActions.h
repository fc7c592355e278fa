// The slice viewer's actions (mask mode, overlays, opacity, window presets) as menu entries
// with single-key shortcuts, so they work from the keyboard wherever the focus is.
#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace neuroonco {

class SliceView;

class ViewerActions : public QObject
{
    Q_OBJECT
public:
    ViewerActions(SliceView *view, QObject *parent);
    void populate(QMenu *menu);
    void retranslate();

private:
    SliceView *m_view;
    QAction *m_maskMode;
    QAction *m_outline;
    QAction *m_ellipse;
    QAction *m_centroid;
    QAction *m_grid;
    QAction *m_colours;
    QAction *m_moreOpaque;
    QAction *m_lessOpaque;
    QAction *m_presetFull;
    QAction *m_presetSoft;
    QAction *m_presetContrast;
    QAction *m_fit;
};

} // namespace neuroonco
