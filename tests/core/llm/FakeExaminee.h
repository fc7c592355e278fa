// Models of known behaviour taking the benchmark, for evaluation tests and benchmarks on the
// fake chat server. A persona is chosen by the request's "model" (so one server plays several
// models through several endpoints); the answer key is looked up by the image (SHA-1 of its
// bytes) and the question text, and the oracle finds the right option among the options as
// presented (it follows rotations). Closed requests are read in the layout of the eval-closed
// prompt: a "Question: …" line and one "A. text" line per option.
#pragma once

#include "FakeReply.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace neuroonco::test {

class FakeExaminee
{
public:
    enum class Persona
    {
        AlwaysA,           // "A"
        AlwaysE,           // "E"
        Oracle,            // the right letter
        OracleExceptTraps, // the right letter, but on traps the removed original answer as text
        Chatty,            // "I think the answer is (C) because …" with the right letter
        Refuse,            // a refusal without any answer
        EchoReference,     // open questions: the reference answer itself
        Silent,            // an empty reply
        JudgeHalf,         // a judge: {"score": 0.5, …}
    };

    struct ClosedKey
    {
        QString correctText; // the right option's text ("None of the above" for traps)
        bool trap = false;
        QString originalAnswer; // a trap's removed answer
    };

    struct Asked
    {
        QString question;
        std::vector<std::pair<QString, QString>> options; // letter, text as presented
    };

    // Model names as endpoints name them: "always-a", "always-e", "oracle", "oracle-except-traps",
    // "chatty", "refuse", "echo-reference", "silent", "judge-half".
    static QString modelName(Persona persona);
    static std::optional<Persona> personaFromModel(const QString &model);

    // Reads the question and the presented options out of a closed (or open) request text.
    static Asked parse(const QString &userText);
    // "<sha1 of image>\n<question>": what the answer key is indexed by.
    static QString keyOf(const QString &imageSha1, const QString &question);
    static QString keyOf(const QJsonObject &request);

    void addClosed(const QString &key, const ClosedKey &answer);
    void addOpen(const QString &key, const QString &referenceAnswer);

    // The reply for one request (a plain FakeReply::json with the text); unknown questions get
    // an HTTP 400 so a test notices.
    FakeReply reply(const QJsonObject &request) const;
    // The answer text a persona gives (exposed for tests of the personas themselves).
    QString answerText(Persona persona, const QJsonObject &request) const;

private:
    QHash<QString, ClosedKey> m_closed;
    QHash<QString, QString> m_open;
};

} // namespace neuroonco::test
