// Counting answers once, by the rules written in the header.
#include "core/benchmark/AnswerBalance.h"

#include <QStringList>

namespace neuroonco {

namespace {

const QStringList &lettersAD()
{
    static const QStringList l{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
    return l;
}

} // namespace

void AnswerBalance::add(const QString &questionType, const QString &answer, bool multipleChoice, bool trap)
{
    if (!multipleChoice) {
        if (!trap)
            ++m_binary[answer];
        return;
    }
    auto &t = m_traps[questionType];
    t.second += 1;
    t.first += trap ? 1 : 0;
    ++m_all[answer];
    if (!trap)
        ++m_multipleChoice[answer];
}

ChiSquareResult AnswerBalance::multipleChoiceLetters() const
{
    return ChiSquare::uniform(m_multipleChoice, lettersAD());
}

ChiSquareResult AnswerBalance::binaryLetters() const
{
    return ChiSquare::uniform(m_binary, {QStringLiteral("A"), QStringLiteral("B")});
}

ChiSquareResult AnswerBalance::allOptionLetters() const
{
    return ChiSquare::uniform(m_all, lettersAD() + QStringList{QStringLiteral("E")});
}

QJsonObject AnswerBalance::trapsJson() const
{
    QJsonObject out;
    for (auto it = m_traps.begin(); it != m_traps.end(); ++it)
        out.insert(it.key(), QJsonObject{{QStringLiteral("traps"), it->first},
                                         {QStringLiteral("questions"), it->second},
                                         {QStringLiteral("share"), it->second ? double(it->first) / it->second : 0.0}});
    return out;
}

QJsonObject AnswerBalance::toJson() const
{
    return QJsonObject{{QStringLiteral("traps"), trapsJson()},
                       {QStringLiteral("letters_multiple_choice"), multipleChoiceLetters().toJson()},
                       {QStringLiteral("letters_binary"), binaryLetters().toJson()},
                       {QStringLiteral("letters_all_options"), allOptionLetters().toJson()}};
}

} // namespace neuroonco
