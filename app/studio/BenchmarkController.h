// Runs benchmark curation: the Benchmark tab (item list, the item with its image, lint warnings,
// lineage and history), approve / reject / edit / rebuild from the keyboard, stale detection
// when the tab is shown, and the Benchmark menu (build, instructions, split, lint, import,
// export). Business rules stay in core (BenchmarkCuration, BenchmarkExchange, SplitPlanner).
#pragma once

#include "core/benchmark/BenchmarkExchange.h"
#include "core/benchmark/BenchmarkTypes.h"
#include "core/operations/SplitService.h"
#include "core/util/Error.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QSplitter;
class QTabWidget;
class QWidget;

namespace neuroonco {

class BenchmarkFilterModel;
class BenchmarkItemModel;
class BenchmarkItemView;
class BenchmarkListPanel;
class ProjectSession;

class BenchmarkController : public QObject
{
    Q_OBJECT
public:
    BenchmarkController(ProjectSession *session, QTabWidget *tabs, QWidget *dialogParent);

    QWidget *tab() const;
    BenchmarkListPanel *list() const { return m_list; }
    BenchmarkItemView *itemView() const { return m_view; }
    BenchmarkItemModel *model() const { return m_model; }
    qint64 currentItem() const { return m_current; }

    void populateMenu(QMenu *menu);
    void retranslate();
    // Enables what writes the project, or disables it with the reason (a read-only project).
    void updateWritable();
    // Flags stale items, lints and reloads the list (keeps the selection).
    void reload();
    void showItem(qint64 id);

    // Curator actions on the current item (each one recorded in its history).
    bool approve();
    bool reject();
    bool edit();
    bool rebuild();
    bool next();
    bool previous();

    Error makeSplit(double testShare = 0.2, quint64 seed = 1);
    Error exportFile(ItemKind kind, const QString &path, bool includeUnapproved);
    Result<BenchmarkImportSummary> importFile(ItemKind kind, const QString &path);

Q_SIGNALS:
    void runStageRequested(const QString &stageId);
    void actionFailed(const QString &message);
    void reloaded();

private:
    bool act(const std::function<Result<BenchmarkItem>(qint64 id, int version)> &action, bool advance);
    bool ensureReviewer();
    QString reviewer() const;
    void chooseExport(ItemKind kind);
    void chooseImport();
    void chooseSplit();

    ProjectSession *m_session;
    QTabWidget *m_tabs;
    QWidget *m_dialogParent;
    QSplitter *m_splitter;
    BenchmarkListPanel *m_list;
    BenchmarkItemView *m_view;
    BenchmarkItemModel *m_model;
    BenchmarkFilterModel *m_filter;
    qint64 m_current = 0;
    QList<QAction *> m_menuActions;
    QAction *m_curateAction = nullptr;
    QAction *m_buildAction = nullptr;
    QAction *m_instructionsAction = nullptr;
    QAction *m_paraphraseAction = nullptr;
    QAction *m_splitAction = nullptr;
    QAction *m_lintAction = nullptr;
    QAction *m_exportClosedAction = nullptr;
    QAction *m_exportOpenAction = nullptr;
    QAction *m_importAction = nullptr;
    SplitResult m_lastSplit; // of the last split made here, for its message
};

} // namespace neuroonco
