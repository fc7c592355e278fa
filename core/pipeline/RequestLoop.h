// The one loop through which every stage asks a model (extraction, QC audit, evaluation and its
// judge, paraphrasing). Requests are built a few ahead of what is in flight, so memory stays
// bounded however long the list; the replies that arrive in one event-loop pass are stored in
// one transaction, committed before the loop waits again (a kill -9 loses at most the replies in
// flight); progress advances per stored reply; cancel stops cleanly: requests cut off by the
// cancel are not stored, so the next run asks them again. Runs an event loop in the job's
// thread.
#pragma once

#include "core/llm/ChatRequest.h"
#include "core/llm/ChatResponse.h"
#include "core/util/Error.h"

#include <functional>
#include <optional>

namespace neuroonco {

class ChatClient;
class JobContext;

class RequestLoop
{
public:
    // Makes the request for unit i. An empty optional: the unit cannot be asked and the builder
    // has recorded why (it counts as done for the progress bar). An error: storing that record
    // failed, and the loop stops with it.
    using Build = std::function<Result<std::optional<ChatRequest>>(size_t index)>;
    // Stores one reply; called inside an open transaction.
    using Handle = std::function<Error(const ChatResponse &response)>;

    // Replies stored together at most (a burst of replies is committed in slices of this size).
    static constexpr int kMaxBatch = 64;
    // Requests built ahead of those in flight, per request the endpoint allows in flight.
    static constexpr int kLookAheadFactor = 2;
    static constexpr int kMinLookAhead = 8;

    RequestLoop(JobContext &ctx, ChatClient &client);

    // The result for a unit that was recorded as not askable.
    static Result<std::optional<ChatRequest>> notAsked() { return std::optional<ChatRequest>(); }

    // Returns the first storage error; a cancel is not an error.
    Error run(size_t count, const Build &build, const Handle &handle);

private:
    JobContext &m_ctx;
    ChatClient &m_client;
};

} // namespace neuroonco
