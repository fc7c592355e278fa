// Takes the JSON object out of a model's reply: plain JSON, a ```json fenced block, or JSON in
// the middle of chatty text, with the common near-JSON slips of language models repaired.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace neuroonco {

class JsonExtraction
{
public:
    // The first balanced top-level {...} that parses, looking inside fenced blocks first, then
    // in the whole text. Repairs applied only when strict parsing fails and only outside
    // strings: trailing commas, single-quoted strings and keys, unquoted keys, and Python's
    // True/False/None.
    // A reply whose object is cut off (unbalanced braces) gives std::nullopt rather than an
    // inner fragment that would pass for a complete answer.
    static std::optional<QJsonObject> extractObject(const QString &content);

    // The repairs above applied to one candidate text; exposed for tests.
    static QString repair(const QString &candidate);
};

} // namespace neuroonco
