// The common shape of a per-item stage: compute items in parallel, store each batch's results
// with their checkpoints in one transaction, overlap computing batch k+1 with storing batch k.
#pragma once

#include "core/jobs/JobContext.h"
#include "core/store/Database.h"
#include "core/util/Error.h"

#include <QFuture>
#include <QList>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <functional>
#include <vector>

namespace neuroonco {

template<typename In, typename Out>
class BatchProcessor
{
public:
    using Compute = std::function<Out(const In &)>;
    // Writes one batch of results (and their checkpoints) inside an open transaction.
    using Store = std::function<Error(Database &, const std::vector<Out> &)>;

    BatchProcessor(Compute compute, Store store, int batchSize = 64)
        : m_compute(std::move(compute))
        , m_store(std::move(store))
        , m_batchSize(std::max(1, batchSize))
    {}

    // Processes `items` in order. Returns the first storage error; stops early (without an
    // error) when the job is canceled, after storing what was already computed.
    Error run(JobContext &ctx, const std::vector<In> &items)
    {
        const qint64 n = qint64(items.size());
        if (n == 0)
            return {};
        const bool parallel = ctx.threadCount() > 1;
        auto batchEnd = [&](qint64 begin) { return std::min(n, begin + m_batchSize); };
        auto launch = [&](qint64 begin) {
            return QtConcurrent::mapped(ctx.computePool(), items.begin() + begin,
                                        items.begin() + batchEnd(begin), m_compute);
        };

        qint64 begin = 0;
        QFuture<Out> pending;
        if (parallel)
            pending = launch(0);
        while (begin < n) {
            std::vector<Out> results;
            const qint64 end = batchEnd(begin);
            if (parallel) {
                const QList<Out> list = pending.results();
                results.assign(list.begin(), list.end());
                if (end < n && !ctx.isCanceled())
                    pending = launch(end);
            } else {
                results.reserve(size_t(end - begin));
                for (qint64 i = begin; i < end; ++i)
                    results.push_back(m_compute(items[size_t(i)]));
            }

            Transaction tx(ctx.db());
            if (tx.beginError())
                return tx.beginError();
            if (Error e = m_store(ctx.db(), results))
                return e;
            if (Error e = tx.commit())
                return e;
            ctx.advance(end - begin);
            begin = end;
            if (ctx.isCanceled())
                break;
        }
        if (parallel && pending.isRunning())
            pending.waitForFinished(); // results of a canceled look-ahead batch are dropped
        return {};
    }

private:
    Compute m_compute;
    Store m_store;
    int m_batchSize;
};

} // namespace neuroonco
