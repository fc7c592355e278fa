// Benchmark curation in the GUI.
#include "app/studio/BenchmarkController.h"

#include "app/studio/ProjectSession.h"
#include "app/studio/ReviewerName.h"
#include "core/benchmark/BenchmarkCuration.h"
#include "core/benchmark/BenchmarkExchange.h"
#include "core/jobs/JobExecutor.h"
#include "core/models/BenchmarkFilterModel.h"
#include "core/models/BenchmarkItemModel.h"
#include "core/operations/ExportService.h"
#include "core/operations/ImportService.h"
#include "core/operations/SplitService.h"
#include "core/pipeline/BenchmarkStage.h"
#include "core/pipeline/InstructionStage.h"
#include "core/pipeline/ParaphraseStage.h"
#include "core/samples/SampleRepository.h"
#include "core/store/Database.h"
#include "widgets/benchmark/BenchmarkItemView.h"
#include "widgets/benchmark/BenchmarkListPanel.h"
#include "widgets/benchmark/ItemEditDialog.h"
#include "widgets/samples/SampleImage.h"

#include <QAction>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace neuroonco {

BenchmarkController::BenchmarkController(ProjectSession *session, QTabWidget *tabs, QWidget *dialogParent)
    : QObject(tabs)
    , m_session(session)
    , m_tabs(tabs)
    , m_dialogParent(dialogParent)
    , m_splitter(new QSplitter(Qt::Horizontal, tabs))
    , m_list(new BenchmarkListPanel(m_splitter))
    , m_view(new BenchmarkItemView(m_splitter))
    , m_model(new BenchmarkItemModel(this))
    , m_filter(new BenchmarkFilterModel(this))
{
    m_splitter->setObjectName(QStringLiteral("benchmarkTab"));
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({600, 700});
    m_filter->setSourceModel(m_model);
    m_list->setModels(m_model, m_filter);
    m_tabs->insertTab(std::min(2, m_tabs->count()), m_splitter, QString()); // right after Review

    connect(m_list, &BenchmarkListPanel::itemSelected, this, &BenchmarkController::showItem);
    connect(m_view, &BenchmarkItemView::approveRequested, this, &BenchmarkController::approve);
    connect(m_view, &BenchmarkItemView::rejectRequested, this, &BenchmarkController::reject);
    connect(m_view, &BenchmarkItemView::editRequested, this, &BenchmarkController::edit);
    connect(m_view, &BenchmarkItemView::regenerateRequested, this, &BenchmarkController::rebuild);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_splitter)
            reload(); // reviewers may have changed gold values meanwhile: stale items show up now
    });
    connect(m_session, &ProjectSession::opened, this, [this] {
        m_model->setRows({});
        m_current = 0;
        updateWritable();
        if (m_tabs->currentWidget() == m_splitter)
            reload();
    });
    connect(m_session, &ProjectSession::closed, this, [this] {
        m_model->setRows({});
        m_current = 0;
        m_view->clear(tr("No project is open."));
    });

    // Keyboard first, active while the Benchmark tab has focus.
    auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *a = new QAction(m_splitter);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        m_splitter->addAction(a);
    };
    shortcut(QKeySequence(Qt::Key_A), &BenchmarkController::approve);
    shortcut(QKeySequence(Qt::Key_R), &BenchmarkController::reject);
    shortcut(QKeySequence(Qt::Key_E), &BenchmarkController::edit);
    shortcut(QKeySequence(Qt::Key_G), &BenchmarkController::rebuild);
    shortcut(QKeySequence(Qt::Key_PageDown), &BenchmarkController::next);
    shortcut(QKeySequence(Qt::Key_PageUp), &BenchmarkController::previous);
    retranslate();
}

QWidget *BenchmarkController::tab() const
{
    return m_splitter;
}

QString BenchmarkController::reviewer() const
{
    return ReviewerName::current();
}

bool BenchmarkController::ensureReviewer()
{
    return ReviewerName::ensure(m_dialogParent);
}

void BenchmarkController::populateMenu(QMenu *menu)
{
    m_curateAction = menu->addAction(QString(), this, [this] { m_tabs->setCurrentWidget(m_splitter); });
    m_curateAction->setObjectName(QStringLiteral("benchmarkCurate"));
    m_curateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    menu->addSeparator();
    m_buildAction = menu->addAction(QString(), this, [this] { Q_EMIT runStageRequested(BenchmarkStage::stageId()); });
    m_buildAction->setObjectName(QStringLiteral("benchmarkBuild"));
    m_paraphraseAction = menu->addAction(QString(), this, [this] { Q_EMIT runStageRequested(ParaphraseStage::stageId()); });
    m_paraphraseAction->setObjectName(QStringLiteral("benchmarkParaphrase"));
    m_instructionsAction = menu->addAction(QString(), this, [this] { Q_EMIT runStageRequested(InstructionStage::stageId()); });
    m_instructionsAction->setObjectName(QStringLiteral("benchmarkInstructions"));
    m_splitAction = menu->addAction(QString(), this, &BenchmarkController::chooseSplit);
    m_splitAction->setObjectName(QStringLiteral("benchmarkSplit"));
    m_lintAction = menu->addAction(QString(), this, &BenchmarkController::reload);
    m_lintAction->setObjectName(QStringLiteral("benchmarkLint"));
    menu->addSeparator();
    m_importAction = menu->addAction(QString(), this, &BenchmarkController::chooseImport);
    m_exportClosedAction = menu->addAction(QString(), this, [this] { chooseExport(ItemKind::Closed); });
    m_exportOpenAction = menu->addAction(QString(), this, [this] { chooseExport(ItemKind::Open); });
    m_menuActions = {m_curateAction, m_buildAction, m_paraphraseAction, m_instructionsAction, m_splitAction, m_lintAction,
                     m_importAction, m_exportClosedAction, m_exportOpenAction};
    menu->setToolTipsVisible(true); // a disabled action says why (read-only project)
    retranslate();
    updateWritable();
}

void BenchmarkController::updateWritable()
{
    // Curating, building, splitting and importing write the project; reading and exporting do not.
    const QString why = m_session->readOnlyText();
    m_view->setReadOnly(why);
    if (!m_curateAction)
        return;
    for (QAction *a : {m_buildAction, m_paraphraseAction, m_instructionsAction, m_splitAction, m_importAction}) {
        a->setEnabled(why.isEmpty());
        a->setToolTip(why); // empty: the action's text, as before
    }
}

void BenchmarkController::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_splitter), tr("Benchmark"));
    if (!m_curateAction)
        return;
    m_curateAction->setText(tr("&Curate Items"));
    m_buildAction->setText(tr("&Build Benchmark"));
    m_paraphraseAction->setText(tr("&Paraphrase Open Answers…"));
    m_instructionsAction->setText(tr("Build &Instructions"));
    m_splitAction->setText(tr("Make Test/Train &Split…"));
    m_lintAction->setText(tr("&Lint and Check Staleness"));
    m_importAction->setText(tr("&Import Benchmark File…"));
    m_exportClosedAction->setText(tr("Export &Closed Benchmark…"));
    m_exportOpenAction->setText(tr("Export &Open Benchmark…"));
}

void BenchmarkController::reload()
{
    Database *db = m_session->database();
    if (!db)
        return;
    BenchmarkCuration curation(*db, m_session->project().slicesDir());
    // Marking items stale is a write; a read-only project shows its items as they are stored.
    if (!m_session->isReadOnly()) {
        if (Result<int> stale = curation.detectStale(); !stale)
            Q_EMIT actionFailed(errorMessage(stale.error()));
    }
    ItemFilter all;
    all.statuses = {ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected, ItemStatus::Stale};
    Result<std::vector<CurationRow>> rows = curation.rows(all);
    if (!rows) {
        m_view->clear(errorMessage(rows.error()));
        return;
    }
    QSet<QString> types;
    for (const CurationRow &r : *rows)
        types.insert(r.item.questionType);
    QStringList sortedTypes(types.begin(), types.end());
    sortedTypes.sort();
    const qint64 keep = m_current;
    m_model->setRows(rows.take());
    m_list->setQuestionTypes(sortedTypes);
    if (m_model->rowCount() == 0) {
        m_current = 0;
        m_view->clear(tr("No benchmark items yet. Build them with Benchmark → Build Benchmark (after semantics, and "
                         "richer after fusion and QC), or import a published benchmark file."));
    } else if (keep && m_model->indexOfId(keep) >= 0) {
        m_list->selectId(keep);
        showItem(keep);
    } else {
        m_list->step(0);
    }
    Q_EMIT reloaded();
}

void BenchmarkController::showItem(qint64 id)
{
    Database *db = m_session->database();
    const CurationRow *row = m_model->row(m_model->indexOfId(id));
    if (!db || !row)
        return;
    m_current = id;
    BenchmarkCuration curation(*db);
    Result<std::vector<BenchmarkReview>> history = curation.history(id);
    SampleRecord sample;
    if (row->item.sample != 0) {
        if (Result<SampleRecord> s = SampleRepository(*db).byId(row->item.sample))
            sample = s.take();
    }
    if (sample.imagePath.isEmpty())
        sample.imagePath = row->item.imagePath;
    const QImage image = SampleImage::render(m_session->project().slicesDir(), sample, QSize(512, 512));
    m_view->setItem(*row, history ? history.take() : std::vector<BenchmarkReview>{}, image);
}

bool BenchmarkController::act(const std::function<Result<BenchmarkItem>(qint64, int)> &action, bool advance)
{
    Database *db = m_session->database();
    const CurationRow *row = m_model->row(m_model->indexOfId(m_current));
    if (!db || !row)
        return false;
    if (Error e = m_session->project().requireWritable()) {
        Q_EMIT actionFailed(errorMessage(e));
        return false;
    }
    if (!ensureReviewer())
        return false;
    // The item after this one now: where "next" goes even if the action re-sorts the list.
    const QModelIndex current = m_list->view()->currentIndex();
    const QModelIndex following = current.isValid() ? current.siblingAtRow(current.row() + 1) : QModelIndex();
    const qint64 nextId = following.isValid() ? following.siblingAtColumn(0).data(BenchmarkItemModel::IdRole).toLongLong() : 0;
    Result<BenchmarkItem> changed = action(row->item.id, row->item.version);
    if (!changed) {
        Q_EMIT actionFailed(errorMessage(changed.error()));
        return false;
    }
    // Re-lint the item as it is now (its sample's items, to see cross-item findings too).
    CurationRow updated{changed.take(), {}, row->reviews + 1};
    ItemFilter filter;
    filter.sample = updated.item.sample;
    filter.statuses = {ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected, ItemStatus::Stale};
    if (updated.item.sample != 0) {
        if (Result<std::vector<CurationRow>> rows = BenchmarkCuration(*db, m_session->project().slicesDir()).rows(filter)) {
            for (const CurationRow &r : *rows)
                if (r.item.id == updated.item.id)
                    updated = r;
        }
    }
    m_model->updateRow(updated);
    m_view->clearNote();
    if (advance && nextId != 0) {
        m_list->selectId(nextId);
        if (m_current == nextId)
            return true;
    }
    m_list->selectId(updated.item.id);
    showItem(updated.item.id);
    return true;
}

bool BenchmarkController::approve()
{
    const QString note = m_view->note();
    return act([this, note](qint64 id, int version) {
        return BenchmarkCuration(*m_session->database()).approve(id, reviewer(), note, version);
    }, true);
}

bool BenchmarkController::reject()
{
    const QString note = m_view->note();
    return act([this, note](qint64 id, int version) {
        return BenchmarkCuration(*m_session->database()).reject(id, reviewer(), note, version);
    }, true);
}

bool BenchmarkController::edit()
{
    const CurationRow *row = m_model->row(m_model->indexOfId(m_current));
    if (!row)
        return false;
    if (Error e = m_session->project().requireWritable()) {
        Q_EMIT actionFailed(errorMessage(e));
        return false;
    }
    if (!ensureReviewer())
        return false;
    const ItemKind kind = row->item.kind;
    ItemEditDialog dialog(row->item, [kind](const QJsonObject &payload) {
        const Error e = BenchmarkCuration::validate(kind, payload);
        return e.isError() ? errorMessage(e) : QString();
    }, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QJsonObject payload = dialog.payload();
    const QString note = m_view->note();
    return act([this, payload, note](qint64 id, int version) {
        return BenchmarkCuration(*m_session->database()).edit(id, reviewer(), payload, note, version);
    }, false);
}

bool BenchmarkController::rebuild()
{
    return act([this](qint64 id, int) { return BenchmarkCuration(*m_session->database()).regenerate(id, reviewer()); }, false);
}

bool BenchmarkController::next()
{
    return m_list->step(1);
}

bool BenchmarkController::previous()
{
    return m_list->step(-1);
}

Error BenchmarkController::makeSplit(double testShare, quint64 seed)
{
    if (!m_session->isOpen())
        return Error(ErrorCode::NotFound, QStringLiteral("project"), QStringLiteral("no project is open"));
    // The same operation as `neuroonco split`: the split job, then the leakage report.
    Database *db = m_session->database();
    SplitRequest request = SplitService::defaults();
    request.testShare = testShare;
    request.seed = qint64(seed);
    Result<SplitResult> result = SplitService::run(m_session->project(), *db, request);
    if (!result)
        return result.error();
    m_lastSplit = result.take();
    reload();
    return {};
}

Error BenchmarkController::exportFile(ItemKind kind, const QString &path, bool includeUnapproved)
{
    Database *db = m_session->database();
    if (!db)
        return Error(ErrorCode::NotFound, path, QStringLiteral("no project is open"));
    ExportRequest request;
    request.kind = kind == ItemKind::Closed ? ExportKind::BenchmarkClosed : ExportKind::BenchmarkOpen;
    request.out = path;
    request.all = includeUnapproved;
    Result<ExportResult> result = ExportService::run(*db, request);
    return result ? Error() : result.error();
}

Result<BenchmarkImportSummary> BenchmarkController::importFile(ItemKind kind, const QString &path)
{
    Database *db = m_session->database();
    if (!db)
        return Error(ErrorCode::NotFound, path, QStringLiteral("no project is open"));
    ImportRequest request;
    request.kind = kind == ItemKind::Closed ? ImportKind::BenchmarkClosed : ImportKind::BenchmarkOpen;
    request.in = path;
    Result<ImportResult> result = ImportService::run(*db, request);
    if (!result)
        return result.error();
    reload();
    return *result->benchmark;
}

void BenchmarkController::chooseExport(ItemKind kind)
{
    if (!m_session->isOpen())
        return;
    const QString name = kind == ItemKind::Closed ? QStringLiteral("benchmark_closed.json") : QStringLiteral("benchmark_open.json");
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export Benchmark"),
                                                      m_session->project().root() + QStringLiteral("/exports/") + name,
                                                      tr("Benchmark JSON (*.json)"));
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::question(m_dialogParent, tr("Export Benchmark"),
                                              tr("Export only the approved items? (No exports pending and stale items too; "
                                                 "rejected items are never exported.)"),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (Error e = exportFile(kind, path, answer == QMessageBox::No))
        QMessageBox::warning(m_dialogParent, tr("The benchmark was not exported"), errorMessage(e));
}

void BenchmarkController::chooseImport()
{
    if (!m_session->isOpen())
        return;
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Import Benchmark File"), QString(),
                                                      tr("Benchmark JSON (*.json)"));
    if (path.isEmpty())
        return;
    const QStringList kinds{tr("Closed (vqa_pairs, multiple choice)"), tr("Open (qa_pairs)")};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_dialogParent, tr("Import Benchmark File"), tr("The file holds:"), kinds, 0, false, &ok);
    if (!ok)
        return;
    Result<BenchmarkImportSummary> summary = importFile(chosen == kinds.first() ? ItemKind::Closed : ItemKind::Open, path);
    if (!summary) {
        QMessageBox::warning(m_dialogParent, tr("The file was not imported"), errorMessage(summary.error()));
        return;
    }
    QMessageBox::information(m_dialogParent, tr("Import Benchmark File"),
                             tr("%1 questions from %2 records: %3 added as pending items, %4 updated, %5 already in the "
                                "project (unchanged), %6 refused because they differ from curated or generated items; "
                                "%7 linked to samples of this project.")
                                 .arg(summary->questions).arg(summary->records).arg(summary->added).arg(summary->updated)
                                 .arg(summary->unchanged).arg(summary->refused).arg(summary->linked));
}

void BenchmarkController::chooseSplit()
{
    if (!m_session->isOpen())
        return;
    bool ok = false;
    const int percent = QInputDialog::getInt(m_dialogParent, tr("Make Test/Train Split"),
                                             tr("Share of samples in the test split (%). Patients, volumes and near-duplicate "
                                                "clusters always stay on one side:"),
                                             20, 1, 90, 1, &ok);
    if (!ok)
        return;
    if (Error e = makeSplit(percent / 100.0)) {
        QMessageBox::warning(m_dialogParent, tr("The split was not made"), errorMessage(e));
        return;
    }
    const QJsonObject &r = m_lastSplit.report;
    const QJsonObject crossing = r.value(QStringLiteral("crossing_groups")).toObject();
    const QString text =
        tr("%1 samples: %2 in the test split (%3 %), %4 in training.").arg(r.value(QStringLiteral("samples")).toInt())
            .arg(r.value(QStringLiteral("test")).toInt())
            .arg(100 * r.value(QStringLiteral("test_share")).toDouble(), 0, 'f', 1)
            .arg(r.value(QStringLiteral("train")).toInt()) +
        QStringLiteral("\n") +
        (m_lastSplit.leaks()
             ? tr("Leakage found: %1 patients, %2 volumes and %3 duplicate clusters on both sides.")
                   .arg(crossing.value(QStringLiteral("patient")).toInt())
                   .arg(crossing.value(QStringLiteral("volume")).toInt())
                   .arg(crossing.value(QStringLiteral("cluster")).toInt())
             : tr("No patient, volume or duplicate cluster is on both sides.")) +
        QStringLiteral("\n") + tr("Report: %1").arg(m_lastSplit.reportPath);
    if (m_lastSplit.leaks())
        QMessageBox::warning(m_dialogParent, tr("Make Test/Train Split"), text);
    else
        QMessageBox::information(m_dialogParent, tr("Make Test/Train Split"), text);
}

} // namespace neuroonco
