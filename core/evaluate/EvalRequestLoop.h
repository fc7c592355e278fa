// Sends many chat requests through one ChatClient from inside a job: requests are built a few
// ahead of what is in flight (memory stays bounded however long the list), each reply is
// stored by the caller in a transaction shared with the replies that arrived in the same
// event-loop pass (committed before the loop waits again, so kill -9 loses at most the replies
// in flight), progress advances per stored reply, and cancel stops cleanly (requests cut off
// by the cancel are not stored, so the next run asks them). Runs an event loop in the job's
// thread.
#pragma once

#include "llm/ChatRequest.h"
#include "llm/ChatResponse.h"
#include "util/Error.h"

#include <functional>
#include <optional>

namespace neuroonco {

class ChatClient;
class JobContext;

class EvalRequestLoop
{
public:
    // Makes the request for unit i, or std::nullopt when the unit cannot be asked (the
    // builder records why; the unit counts as done for the progress bar).
    using Build = std::function<std::optional<ChatRequest>(size_t index)>;
    // Stores one reply (called inside an open transaction).
    using Handle = std::function<Error(const ChatResponse &response)>;

    EvalRequestLoop(JobContext &ctx, ChatClient &client);

    // Returns the first storage error; a cancel is not an error.
    Error run(size_t count, const Build &build, const Handle &handle);

private:
    JobContext &m_ctx;
    ChatClient &m_client;
};

} // namespace neuroonco
