// Persona answers for the fake chat server.
#include "FakeExaminee.h"

#include "RecordedRequest.h"

#include <QRegularExpression>

namespace neuroonco::test {

namespace {

const std::pair<FakeExaminee::Persona, const char *> kNames[] = {
    {FakeExaminee::Persona::AlwaysA, "always-a"},
    {FakeExaminee::Persona::AlwaysE, "always-e"},
    {FakeExaminee::Persona::Oracle, "oracle"},
    {FakeExaminee::Persona::OracleExceptTraps, "oracle-except-traps"},
    {FakeExaminee::Persona::Chatty, "chatty"},
    {FakeExaminee::Persona::Refuse, "refuse"},
    {FakeExaminee::Persona::EchoReference, "echo-reference"},
    {FakeExaminee::Persona::Silent, "silent"},
    {FakeExaminee::Persona::JudgeHalf, "judge-half"},
};

} // namespace

QString FakeExaminee::modelName(Persona persona)
{
    for (const auto &[p, name] : kNames)
        if (p == persona)
            return QLatin1String(name);
    return {};
}

std::optional<FakeExaminee::Persona> FakeExaminee::personaFromModel(const QString &model)
{
    for (const auto &[p, name] : kNames)
        if (model == QLatin1String(name))
            return p;
    return std::nullopt;
}

FakeExaminee::Asked FakeExaminee::parse(const QString &userText)
{
    thread_local const QRegularExpression option(QStringLiteral("^([A-Z])\\. (.*)$"));
    Asked asked;
    for (const QString &line : userText.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Question: "))) {
            asked.question = line.mid(10).trimmed();
            continue;
        }
        const QRegularExpressionMatch m = option.match(line);
        if (m.hasMatch())
            asked.options.emplace_back(m.captured(1), m.captured(2).trimmed());
    }
    return asked;
}

QString FakeExaminee::keyOf(const QString &imageSha1, const QString &question)
{
    return imageSha1 + QLatin1Char('\n') + question.trimmed();
}

QString FakeExaminee::keyOf(const QJsonObject &request)
{
    return keyOf(RecordedRequest::imageHashOf(request),
                 parse(RecordedRequest::userTextOf(request)).question);
}

void FakeExaminee::addClosed(const QString &key, const ClosedKey &answer)
{
    m_closed.insert(key, answer);
}

void FakeExaminee::addOpen(const QString &key, const QString &referenceAnswer)
{
    m_open.insert(key, referenceAnswer);
}

QString FakeExaminee::answerText(Persona persona, const QJsonObject &request) const
{
    switch (persona) {
    case Persona::AlwaysA:
        return QStringLiteral("A");
    case Persona::AlwaysE:
        return QStringLiteral("E");
    case Persona::Refuse:
        return QStringLiteral("I'm sorry, but I cannot provide a medical diagnosis from an image.");
    case Persona::Silent:
        return QString();
    case Persona::JudgeHalf:
        return QStringLiteral("{\"score\": 0.5, \"reason\": \"partly right\"}");
    case Persona::EchoReference:
        return m_open.value(keyOf(request));
    case Persona::Oracle:
    case Persona::OracleExceptTraps:
    case Persona::Chatty:
        break;
    }
    const Asked asked = parse(RecordedRequest::userTextOf(request));
    const auto key =
        m_closed.constFind(keyOf(RecordedRequest::imageHashOf(request), asked.question));
    if (key == m_closed.constEnd())
        return {};
    if (persona == Persona::OracleExceptTraps && key->trap)
        return key->originalAnswer;
    QString letter;
    for (const auto &[l, text] : asked.options)
        if (text.compare(key->correctText, Qt::CaseInsensitive) == 0)
            letter = l;
    if (persona == Persona::Chatty)
        return QStringLiteral("I think the answer is (%1) because the image shows the typical "
                              "appearance of this finding; "
                              "the other options fit less well.")
            .arg(letter);
    return letter;
}

FakeReply FakeExaminee::reply(const QJsonObject &request) const
{
    const std::optional<Persona> persona =
        personaFromModel(request.value(QStringLiteral("model")).toString());
    if (!persona)
        return FakeReply::error(400, QStringLiteral("unknown model"));
    const QString text = answerText(*persona, request);
    const bool needsKey = *persona == Persona::Oracle || *persona == Persona::OracleExceptTraps ||
                          *persona == Persona::Chatty || *persona == Persona::EchoReference;
    if (needsKey && text.isEmpty())
        return FakeReply::error(
            400, QStringLiteral("the fake examinee has no answer key entry for this question"));
    return FakeReply::json(text);
}

} // namespace neuroonco::test
