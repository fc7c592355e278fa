// Work that reads the project off the GUI thread: `work` runs on the global thread pool and
// its result is handed to `done` on `context`'s thread (never after `context` is gone).
// readProject opens a connection of the worker's own for the work, as every thread must, with
// the project's own access (a read-only project stays read-only there too).
#pragma once

#include "core/project/Project.h"
#include "core/store/Database.h"
#include "core/util/Error.h"

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace neuroonco {

template<typename T, typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

template<typename T, typename Work, typename Done>
void readProject(QObject *context, const Project &project, Work work, Done done)
{
    runInBackground<Result<T>>(
        context,
        [project, work = std::move(work)]() -> Result<T> {
            auto db = project.connect();
            if (!db)
                return db.error();
            return work(**db);
        },
        std::move(done));
}

} // namespace neuroonco
