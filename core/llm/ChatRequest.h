// One multimodal chat request as the caller describes it: prompts, an optional image and
// per-request overrides. A plain value; it crosses threads and is copied into the client queue.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <optional>

namespace neuroonco {

struct ChatRequest
{
    QString id; // the caller's key (a sample id); echoed in the response, never interpreted
    QString systemPrompt; // empty: no system message is sent
    QString userText;
    QByteArray image; // encoded image bytes (PNG); empty: a text-only request
    QString imageMime = QStringLiteral("image/png");
    std::optional<double> temperature; // overrides the endpoint's temperature
    std::optional<int> maxTokens;      // overrides the endpoint's max_tokens
};

} // namespace neuroonco

Q_DECLARE_METATYPE(neuroonco::ChatRequest)
