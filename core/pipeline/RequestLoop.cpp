// The feed / collect / flush loop around ChatClient's signals.
#include "core/pipeline/RequestLoop.h"

#include "core/jobs/JobContext.h"
#include "core/llm/ChatClient.h"
#include "core/store/Database.h"

#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace neuroonco {

RequestLoop::RequestLoop(JobContext &ctx, ChatClient &client)
    : m_ctx(ctx)
    , m_client(client)
{}

Error RequestLoop::run(size_t count, const Build &build, const Handle &handle)
{
    QEventLoop loop;
    size_t next = 0;
    int outstanding = 0;
    const int ahead = std::max(kMinLookAhead, m_client.endpoint().maxInFlight * kLookAheadFactor);
    std::vector<ChatResponse> buffer;
    bool flushQueued = false;
    Error failure;
    auto flush = [&] {
        if (buffer.empty() || failure)
            return;
        Transaction tx(m_ctx.db());
        if ((failure = tx.beginError()))
            return;
        for (const ChatResponse &r : buffer)
            if ((failure = handle(r)))
                return;
        if ((failure = tx.commit()))
            return;
        m_ctx.advance(qint64(buffer.size()));
        buffer.clear();
    };
    auto feed = [&] {
        while (!m_ctx.isCanceled() && !failure && next < count && outstanding < ahead) {
            Result<std::optional<ChatRequest>> request = build(next++);
            if (!request) {
                failure = request.error();
                break;
            }
            if (!request->has_value()) {
                m_ctx.advance(1);
                continue;
            }
            m_client.submit(std::move(**request));
            ++outstanding;
        }
        if (failure)
            m_client.cancelAll();
        if (outstanding == 0)
            loop.quit();
    };
    QObject::connect(&m_client, &ChatClient::finished, &loop, [&](const ChatResponse &r) {
        --outstanding;
        if (r.errorKind != ChatErrorKind::Canceled)
            buffer.push_back(r);
        // Commit as soon as the replies that arrived together are in (a kill loses at most
        // those), and at the latest every kMaxBatch replies.
        if (int(buffer.size()) >= kMaxBatch) {
            flush();
        } else if (!flushQueued) {
            flushQueued = true;
            QTimer::singleShot(0, &loop, [&] {
                flushQueued = false;
                flush();
            });
        }
        feed();
    });
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        flush();
        if (m_ctx.isCanceled() || failure)
            m_client.cancelAll();
        if (outstanding == 0)
            loop.quit();
    });
    ticker.start(100);
    QTimer::singleShot(0, &loop, feed);
    loop.exec();
    flush();
    QObject::disconnect(&m_client, &ChatClient::finished, &loop, nullptr);
    return failure;
}

} // namespace neuroonco
