// Runs the review workstation: fills the queue, shows the chosen sample in the slice viewer
// and the attribute panel, turns the panel's requests into append-only decisions through an
// undo stack, and moves through the queue.
#pragma once

#include "core/review/AuditTypes.h"
#include "core/review/ReviewSample.h"

#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QUndoStack;
class QWidget;

namespace neuroonco {

class AttributePanel;
class AttributeTableModel;
class ProjectSession;
class QueueFilterModel;
class QueueModel;
class QueuePanel;
class SampleInspector;

class ReviewController : public QObject
{
    Q_OBJECT
public:
    ReviewController(ProjectSession *session, QueuePanel *queue, SampleInspector *inspector, AttributePanel *attributes,
                     QWidget *dialogParent);
    ~ReviewController() override;

    void reload();
    void showSample(qint64 id);
    // Selects the sample in the queue (when the filters show it) and shows it.
    void select(qint64 id);
    qint64 currentSample() const { return m_current ? m_current->sample.id : 0; }
    const ReviewSample *current() const { return m_current ? &*m_current : nullptr; }
    QUndoStack *undoStack() const { return m_undo; }
    QueueModel *queueModel() const { return m_queueModel; }
    AttributeTableModel *attributeModel() const { return m_attributes; }

    // Decisions (each one undoable).
    void accept(const QString &field);
    void reject(const QString &field);
    void setValue(const QString &field, const QString &value);
    void acceptRestAndNext();
    void comment(const QString &text);
    bool next();
    bool previous();

    void populateMenu(QMenu *menu);
    void retranslate();
    // Appends a decision now and refreshes (used by the undo commands).
    qint64 appendDecision(const AuditDecision &decision);
    void refresh(qint64 sample);

Q_SIGNALS:
    void decisionFailed(const QString &message);
    // Another sample is on screen (the 3D context follows it).
    void sampleShown(const neuroonco::SampleRecord &sample);

private:
    bool ensureReviewer();
    void push(AuditAction action, const QString &field, const QString &value);

    ProjectSession *m_session;
    QueuePanel *m_queue;
    SampleInspector *m_inspector;
    AttributePanel *m_panel;
    QWidget *m_dialogParent;
    QueueModel *m_queueModel;
    QueueFilterModel *m_filter;
    AttributeTableModel *m_attributes;
    QUndoStack *m_undo;
    std::optional<ReviewSample> m_current;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
};

} // namespace neuroonco
