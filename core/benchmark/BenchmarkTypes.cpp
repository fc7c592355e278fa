// Names of the item enums and the published JSON shape of closed and open questions.
#include "core/benchmark/BenchmarkTypes.h"

#include <QJsonArray>

namespace neuroonco {

namespace {

template<typename E, size_t N>
bool fromName(const QString &name, const std::pair<E, const char *> (&table)[N], E *out)
{
    for (const auto &[value, text] : table) {
        if (name == QLatin1String(text)) {
            *out = value;
            return true;
        }
    }
    return false;
}

template<typename E, size_t N> QString toName(E value, const std::pair<E, const char *> (&table)[N])
{
    for (const auto &[v, text] : table)
        if (v == value)
            return QLatin1String(text);
    return {};
}

const std::pair<ItemKind, const char *> kKinds[] = {{ItemKind::Closed, "closed"},
                                                    {ItemKind::Open, "open"}};
const std::pair<ItemStatus, const char *> kStatuses[] = {{ItemStatus::Pending, "pending"},
                                                         {ItemStatus::Approved, "approved"},
                                                         {ItemStatus::Rejected, "rejected"},
                                                         {ItemStatus::Stale, "stale"}};
const std::pair<ItemOrigin, const char *> kOrigins[] = {{ItemOrigin::Generated, "generated"},
                                                        {ItemOrigin::Imported, "imported"},
                                                        {ItemOrigin::Edited, "edited"}};

QString stringField(const QJsonObject &o, const char *key, QStringList *problems)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString() && !v.toString().trimmed().isEmpty())
        return v.toString();
    if (problems) {
        if (v.isUndefined())
            problems->append(QStringLiteral("%1: missing").arg(QLatin1String(key)));
        else if (!v.isString())
            problems->append(QStringLiteral("%1: expected a string").arg(QLatin1String(key)));
        else
            problems->append(QStringLiteral("%1: empty").arg(QLatin1String(key)));
    }
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

} // namespace

QString itemKindName(ItemKind kind)
{
    return toName(kind, kKinds);
}
QString itemStatusName(ItemStatus status)
{
    return toName(status, kStatuses);
}
QString itemOriginName(ItemOrigin origin)
{
    return toName(origin, kOrigins);
}
bool itemKindFromName(const QString &name, ItemKind *kind)
{
    return fromName(name, kKinds, kind);
}
bool itemStatusFromName(const QString &name, ItemStatus *status)
{
    return fromName(name, kStatuses, status);
}
bool itemOriginFromName(const QString &name, ItemOrigin *origin)
{
    return fromName(name, kOrigins, origin);
}

QString ClosedQuestion::optionText(const QString &letter) const
{
    for (const ChoiceOption &o : options)
        if (o.letter == letter)
            return o.text;
    return {};
}

QString ClosedQuestion::answerText() const
{
    return optionText(answer);
}

bool ClosedQuestion::hasNoneOption() const
{
    for (const ChoiceOption &o : options)
        if (o.letter == QLatin1String("E") &&
            o.text.trimmed().compare(noneOfTheAbove(), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool ClosedQuestion::isMultipleChoice() const
{
    const bool none = hasNoneOption();
    return options.size() - (none ? 1 : 0) > 2;
}

QJsonObject ClosedQuestion::toJson() const
{
    QJsonObject opts;
    for (const ChoiceOption &o : options)
        opts.insert(o.letter, o.text);
    QJsonObject out{{QStringLiteral("question_type"), questionType},
                    {QStringLiteral("question"), question},
                    {QStringLiteral("options"), opts},
                    {QStringLiteral("answer"), answer}};
    if (trap) {
        out.insert(QStringLiteral("meta_trap"), true);
        out.insert(QStringLiteral("meta_original_answer"), originalAnswer);
    }
    return out;
}

ClosedQuestion ClosedQuestion::fromJson(const QJsonObject &o, QStringList *problems)
{
    ClosedQuestion q;
    q.questionType = stringField(o, "question_type", problems);
    q.question = stringField(o, "question", problems);
    const QJsonValue options = o.value(QStringLiteral("options"));
    if (!options.isObject()) {
        if (problems)
            problems->append(
                options.isUndefined()
                    ? QStringLiteral("options: missing")
                    : QStringLiteral("options: expected an object of lettered options"));
    } else {
        const QJsonObject opts = options.toObject();
        for (auto it = opts.begin(); it != opts.end(); ++it) { // QJsonObject keeps keys sorted
            if (!it.value().isString() && problems)
                problems->append(QStringLiteral("options.%1: expected a string").arg(it.key()));
            if (it.value().isString() && it.value().toString().trimmed().isEmpty() && problems)
                problems->append(QStringLiteral("options.%1: empty").arg(it.key()));
            q.options.push_back({it.key(), it.value().toString()});
        }
        if (problems) {
            if (q.options.size() < 2)
                problems->append(QStringLiteral("options: fewer than two options"));
            for (size_t i = 0; i < q.options.size(); ++i) {
                const QString expected(QChar(QLatin1Char('A').unicode() + ushort(i)));
                if (q.options[i].letter != expected) {
                    problems->append(
                        QStringLiteral(
                            "options: letters must run A, B, C… without gaps (found '%1')")
                            .arg(q.options[i].letter));
                    break;
                }
            }
        }
    }
    q.answer = stringField(o, "answer", problems).trimmed();
    if (problems && !q.answer.isEmpty() && !q.options.empty() && q.optionText(q.answer).isNull())
        problems->append(
            QStringLiteral("answer: '%1' is not one of the option letters").arg(q.answer));
    const QJsonValue trap = o.value(QStringLiteral("meta_trap"));
    if (!trap.isUndefined() && !trap.isNull() && !trap.isBool() && problems)
        problems->append(QStringLiteral("meta_trap: expected true or false"));
    q.trap = trap.toBool(false);
    const QJsonValue original = o.value(QStringLiteral("meta_original_answer"));
    q.originalAnswer = original.toString();
    if (problems) {
        if (q.trap && q.originalAnswer.trimmed().isEmpty())
            problems->append(
                QStringLiteral("meta_original_answer: a trap must keep the removed answer"));
        if (!q.trap && !original.isUndefined() && !original.isNull())
            problems->append(
                QStringLiteral("meta_original_answer: set on a question that is not a trap"));
    }
    return q;
}

QJsonObject OpenQuestion::toJson() const
{
    return {{QStringLiteral("question_id"), questionId},
            {QStringLiteral("question_type"), questionType},
            {QStringLiteral("question"), question},
            {QStringLiteral("reference_answer"), referenceAnswer},
            {QStringLiteral("eval_keywords"), QJsonArray::fromStringList(keywords)}};
}

OpenQuestion OpenQuestion::fromJson(const QJsonObject &o, QStringList *problems)
{
    OpenQuestion q;
    q.questionId = stringField(o, "question_id", problems);
    q.questionType = stringField(o, "question_type", problems);
    q.question = stringField(o, "question", problems);
    q.referenceAnswer = stringField(o, "reference_answer", problems);
    const QJsonValue keywords = o.value(QStringLiteral("eval_keywords"));
    if (!keywords.isArray()) {
        if (problems)
            problems->append(keywords.isUndefined()
                                 ? QStringLiteral("eval_keywords: missing")
                                 : QStringLiteral("eval_keywords: expected a list of strings"));
    } else {
        for (const QJsonValue &k : keywords.toArray()) {
            if (!k.isString() && problems)
                problems->append(QStringLiteral("eval_keywords: expected a list of strings"));
            q.keywords << k.toString();
        }
    }
    return q;
}

} // namespace neuroonco
