// Review workflow: loading samples, undoable decisions, navigation.
#include "app/studio/ReviewController.h"

#include "app/studio/ProjectSession.h"
#include "app/studio/ReviewerName.h"
#include "core/imaging/ImageIO.h"
#include "core/models/AttributeTableModel.h"
#include "core/models/QueueFilterModel.h"
#include "core/models/QueueModel.h"
#include "core/review/AuditRepository.h"
#include "core/review/ConsistencyChecks.h"
#include "core/review/ReviewFields.h"
#include "core/review/ReviewRepository.h"
#include "core/settings/Settings.h"
#include "core/store/Database.h"
#include "widgets/review/AttributePanel.h"
#include "widgets/review/QueuePanel.h"
#include "widgets/samples/SampleInspector.h"
#include "widgets/viewer/SliceView.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QMenu>
#include <QSet>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace neuroonco {

namespace {

// One decision; undo appends a retraction, redo appends the decision again (history grows).
class DecisionCommand : public QUndoCommand
{
public:
    DecisionCommand(ReviewController *controller, AuditDecision decision, const QString &text)
        : QUndoCommand(text)
        , m_controller(controller)
        , m_decision(std::move(decision))
    {}
    void redo() override
    {
        m_decision.id = 0;
        m_decision.at = QDateTime();
        m_id = m_controller->appendDecision(m_decision);
        m_controller->refresh(m_decision.sample);
    }
    void undo() override
    {
        if (m_id <= 0)
            return;
        AuditDecision retract;
        retract.sample = m_decision.sample;
        retract.field = m_decision.field;
        retract.action = AuditAction::Retract;
        retract.reviewer = m_decision.reviewer;
        retract.retracts = m_id;
        m_controller->appendDecision(retract);
        m_controller->refresh(m_decision.sample);
    }

private:
    ReviewController *m_controller;
    AuditDecision m_decision;
    qint64 m_id = 0;
};

} // namespace

ReviewController::ReviewController(ProjectSession *session, QueuePanel *queue, SampleInspector *inspector,
                                   AttributePanel *attributes, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_queue(queue)
    , m_inspector(inspector)
    , m_panel(attributes)
    , m_dialogParent(dialogParent)
    , m_queueModel(new QueueModel(this))
    , m_filter(new QueueFilterModel(this))
    , m_attributes(new AttributeTableModel(this))
    , m_undo(new QUndoStack(this))
{
    m_queue->setModels(m_queueModel, m_filter);
    m_panel->setModel(m_attributes);
    connect(m_queue, &QueuePanel::sampleSelected, this, &ReviewController::showSample);
    connect(m_panel, &AttributePanel::acceptRequested, this, &ReviewController::accept);
    connect(m_panel, &AttributePanel::rejectRequested, this, &ReviewController::reject);
    connect(m_panel, &AttributePanel::valueRequested, this, &ReviewController::setValue);
    connect(m_panel, &AttributePanel::acceptRestAndNextRequested, this, &ReviewController::acceptRestAndNext);
    connect(m_panel, &AttributePanel::commentRequested, this, &ReviewController::comment);
    connect(m_session, &ProjectSession::opened, this, [this] {
        m_undo->clear();
        m_panel->setReadOnly(m_session->readOnlyText());
        reload();
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        m_undo->clear();
        m_current.reset();
        m_attributes->clear();
        m_queueModel->setRows({});
    });

    m_undoAction = m_undo->createUndoAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_nextAction = new QAction(this);
    m_nextAction->setShortcut(QKeySequence(Qt::Key_PageDown));
    connect(m_nextAction, &QAction::triggered, this, &ReviewController::next);
    m_previousAction = new QAction(this);
    m_previousAction->setShortcut(QKeySequence(Qt::Key_PageUp));
    connect(m_previousAction, &QAction::triggered, this, &ReviewController::previous);
    retranslate();
}

ReviewController::~ReviewController() = default;

void ReviewController::retranslate()
{
    m_nextAction->setText(tr("Next Sample"));
    m_previousAction->setText(tr("Previous Sample"));
}

void ReviewController::populateMenu(QMenu *menu)
{
    menu->addAction(m_undoAction);
    menu->addAction(m_redoAction);
    menu->addSeparator();
    menu->addAction(m_nextAction);
    menu->addAction(m_previousAction);
}

void ReviewController::reload()
{
    const qint64 keep = currentSample();
    Database *db = m_session->database();
    if (!db) {
        m_queueModel->setRows({});
        return;
    }
    Result<std::vector<QueueRow>> rows = ReviewRepository(*db).queueRows();
    if (!rows) {
        Q_EMIT decisionFailed(errorMessage(rows.error()));
        return;
    }
    QSet<QString> sources, types, modalities;
    for (const QueueRow &r : *rows) {
        sources.insert(r.source);
        types.insert(r.tumourType);
        modalities.insert(r.modality);
    }
    auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.sort();
        return list;
    };
    m_queueModel->setRows(rows.take());
    m_queue->setChoices(sorted(sources), sorted(types), sorted(modalities));
    if (keep)
        m_queue->selectId(keep);
    else if (m_filter->rowCount() > 0)
        m_queue->step(0);
}

void ReviewController::showSample(qint64 id)
{
    Database *db = m_session->database();
    if (!db)
        return;
    Result<ReviewSample> sample = ReviewRepository(*db).load(id);
    if (!sample) {
        m_inspector->clear(errorMessage(sample.error()));
        return;
    }
    const QString field = m_panel->currentField();
    const bool sameSample = m_current && m_current->sample.id == id;
    m_current = sample.take();
    if (!sameSample) {
        const QDir slices(m_session->project().slicesDir());
        Result<GrayImage> image = imageio::readGray8(slices.filePath(m_current->sample.imagePath));
        GrayImage mask;
        if (m_current->sample.hasMask()) {
            if (Result<GrayImage> m = imageio::readGray8(slices.filePath(m_current->sample.maskPath)))
                mask = m.take();
        }
        if (image)
            m_inspector->view()->setSlice(*image, mask, m_current->semantics);
        else
            m_inspector->view()->showMessage(errorMessage(image.error()));
    }
    m_inspector->setDetails(m_current->sample, m_current->semantics, m_current->semanticsNote, m_current->description);
    m_attributes->setSample(*m_current);
    QStringList comments;
    for (const AuditDecision &d : m_current->history)
        if (d.action == AuditAction::Comment)
            comments << QStringLiteral("%1 (%2): %3").arg(d.reviewer, d.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                          d.value.toHtmlEscaped());
    for (const ConsistencyWarning &w : m_current->warnings)
        comments.prepend(QStringLiteral("<span style='color:#c03030'>⚠ %1</span>").arg(ConsistencyChecks::text(w).toHtmlEscaped()));
    m_panel->setComments(comments);
    m_panel->setCurrentField(sameSample && !field.isEmpty() ? field : ReviewFields::all().front().key);
    if (!sameSample)
        Q_EMIT sampleShown(m_current->sample);
}

void ReviewController::select(qint64 id)
{
    m_queue->selectId(id);
    if (currentSample() != id)
        showSample(id);
}

void ReviewController::refresh(qint64 sample)
{
    Database *db = m_session->database();
    if (!db)
        return;
    if (Result<ReviewSample> s = ReviewRepository(*db).load(sample)) {
        QueueRow row = ReviewRepository::toQueueRow(*s);
        if (const QueueRow *old = m_queueModel->row(m_queueModel->indexOfId(sample)))
            row.certificationDraw = old->certificationDraw;
        m_queueModel->updateRow(row);
    }
    if (currentSample() == sample)
        showSample(sample);
}

qint64 ReviewController::appendDecision(const AuditDecision &decision)
{
    Database *db = m_session->database();
    if (!db)
        return 0;
    Result<qint64> id = AuditRepository(*db).append(decision);
    if (!id) {
        Q_EMIT decisionFailed(errorMessage(id.error()));
        return 0;
    }
    return *id;
}

bool ReviewController::ensureReviewer()
{
    return ReviewerName::ensure(m_dialogParent);
}

void ReviewController::push(AuditAction action, const QString &field, const QString &value)
{
    if (!m_current)
        return;
    if (Error e = m_session->project().requireWritable()) {
        Q_EMIT decisionFailed(errorMessage(e));
        return;
    }
    if (!ensureReviewer())
        return;
    AuditDecision d;
    d.sample = m_current->sample.id;
    d.field = field;
    d.action = action;
    d.value = value;
    d.silver = field == QLatin1String("comment") ? QString() : m_current->silver(field);
    d.reviewer = Settings::value(settings::ReviewerName);
    // The undo text names the decision and the field as the reviewer sees them.
    const ReviewField *f = ReviewFields::find(field);
    const QString label = f ? QCoreApplication::translate("ReviewField", f->label) : field;
    QString text;
    switch (action) {
    case AuditAction::Accept: text = tr("accept %1").arg(label); break;
    case AuditAction::Reject: text = tr("reject %1").arg(label); break;
    case AuditAction::Correct: text = tr("correct %1").arg(label); break;
    case AuditAction::Add: text = tr("add %1").arg(label); break;
    case AuditAction::Comment: text = tr("comment"); break;
    case AuditAction::Retract: text = tr("retract %1").arg(label); break;
    }
    m_undo->push(new DecisionCommand(this, d, text));
}

void ReviewController::accept(const QString &field)
{
    if (!m_current)
        return;
    // Accepting an empty silver value means "rightly empty": that is a rejection of nothing, so
    // it is recorded only when there is a value to accept.
    if (m_current->silver(field).isEmpty())
        return;
    push(AuditAction::Accept, field, QString());
}

void ReviewController::reject(const QString &field)
{
    if (m_current && !m_current->silver(field).isEmpty())
        push(AuditAction::Reject, field, QString());
}

void ReviewController::setValue(const QString &field, const QString &value)
{
    if (!m_current)
        return;
    const QString silver = m_current->silver(field);
    if (silver == value)
        push(AuditAction::Accept, field, QString());
    else
        push(silver.isEmpty() ? AuditAction::Add : AuditAction::Correct, field, value);
}

void ReviewController::comment(const QString &text)
{
    push(AuditAction::Comment, QStringLiteral("comment"), text);
}

void ReviewController::acceptRestAndNext()
{
    if (!m_current || m_session->isReadOnly() || !ensureReviewer())
        return;
    QStringList rest;
    for (const ReviewField &f : ReviewFields::all())
        if (!m_current->silver(f.key).isEmpty() && !m_current->decisions.contains(f.key))
            rest << f.key;
    if (!rest.isEmpty()) {
        m_undo->beginMacro(tr("accept %n remaining field(s)", nullptr, int(rest.size())));
        for (const QString &field : rest)
            push(AuditAction::Accept, field, QString());
        m_undo->endMacro();
    }
    next();
}

bool ReviewController::next()
{
    return m_queue->step(1);
}

bool ReviewController::previous()
{
    return m_queue->step(-1);
}

} // namespace neuroonco
