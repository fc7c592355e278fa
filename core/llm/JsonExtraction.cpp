// JSON-object extraction from model replies.
#include "core/llm/JsonExtraction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

namespace neuroonco {

namespace {

std::optional<QJsonObject> parseObject(const QString &text)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &perr);
    if (perr.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    return std::nullopt;
}

std::optional<QJsonObject> parseLenient(const QString &text)
{
    if (auto o = parseObject(text))
        return o;
    return parseObject(JsonExtraction::repair(text));
}

// End index (inclusive) of the balanced object starting at `begin` ('{'), or -1 when the text
// ends first. Quotes of both kinds delimit strings inside an object, so braces in strings
// do not count.
qsizetype matchingBrace(const QString &text, qsizetype begin)
{
    int depth = 0;
    QChar quote;
    for (qsizetype i = begin; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}')) {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

// Scans prose for top-level objects. Quotes outside objects are ignored: apostrophes in
// "Here's the result" must not open a string.
std::optional<QJsonObject> scan(const QString &text)
{
    qsizetype i = 0;
    while ((i = text.indexOf(QLatin1Char('{'), i)) >= 0) {
        const qsizetype end = matchingBrace(text, i);
        if (end < 0)
            return std::nullopt; // cut off: do not return an inner fragment
        if (auto o = parseLenient(text.mid(i, end - i + 1)))
            return o;
        i = end + 1; // a broken candidate is skipped whole, nested objects included
    }
    return std::nullopt;
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QString JsonExtraction::repair(const QString &candidate)
{
    QString out;
    out.reserve(candidate.size() + 16);
    const qsizetype n = candidate.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = candidate.at(i);
        if (c == QLatin1Char('"')) {
            // Copy a double-quoted string verbatim.
            out += c;
            for (++i; i < n; ++i) {
                out += candidate.at(i);
                if (candidate.at(i) == QLatin1Char('\\') && i + 1 < n)
                    out += candidate.at(++i);
                else if (candidate.at(i) == QLatin1Char('"'))
                    break;
            }
            continue;
        }
        if (c == QLatin1Char('\'')) {
            // A single-quoted string becomes a double-quoted one: escape its double quotes,
            // unescape \'.
            out += QLatin1Char('"');
            for (++i; i < n; ++i) {
                const QChar d = candidate.at(i);
                if (d == QLatin1Char('\\') && i + 1 < n) {
                    const QChar next = candidate.at(++i);
                    if (next == QLatin1Char('\''))
                        out += next;
                    else {
                        out += d;
                        out += next;
                    }
                } else if (d == QLatin1Char('\'')) {
                    break;
                } else if (d == QLatin1Char('"')) {
                    out += QStringLiteral("\\\"");
                } else {
                    out += d;
                }
            }
            out += QLatin1Char('"');
            continue;
        }
        if (c == QLatin1Char(',')) {
            // Drop a comma that only white space separates from a closing bracket.
            qsizetype j = i + 1;
            while (j < n && candidate.at(j).isSpace())
                ++j;
            if (j < n &&
                (candidate.at(j) == QLatin1Char('}') || candidate.at(j) == QLatin1Char(']')))
                continue;
            out += c;
            continue;
        }
        if (c.isLetter() && (i == 0 || !isIdentChar(candidate.at(i - 1)))) {
            qsizetype j = i;
            while (j < n && isIdentChar(candidate.at(j)))
                ++j;
            const QString word = candidate.mid(i, j - i);
            qsizetype k = j;
            while (k < n && candidate.at(k).isSpace())
                ++k;
            qsizetype p = out.size() - 1;
            while (p >= 0 && out.at(p).isSpace())
                --p;
            const bool isKey = k < n && candidate.at(k) == QLatin1Char(':') && p >= 0 &&
                               (out.at(p) == QLatin1Char('{') || out.at(p) == QLatin1Char(','));
            if (isKey)
                out += QLatin1Char('"') + word + QLatin1Char('"'); // {shape: "Round"}
            else if (word == QLatin1String("True"))
                out += QStringLiteral("true");
            else if (word == QLatin1String("False"))
                out += QStringLiteral("false");
            else if (word == QLatin1String("None"))
                out += QStringLiteral("null");
            else
                out += word;
            i = j - 1;
            continue;
        }
        out += c;
    }
    return out;
}

std::optional<QJsonObject> JsonExtraction::extractObject(const QString &content)
{
    const QString text = content.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (auto o = parseObject(text))
        return o;

    // A reply that is one JSON string holding the object (double-encoded by some servers).
    if (text.startsWith(QLatin1Char('"'))) {
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
        if (doc.isArray() && doc.array().size() == 1 && doc.array().at(0).isString())
            if (auto o = parseObject(doc.array().at(0).toString().trimmed()))
                return o;
    }

    // Fenced blocks first: a model that fences its answer may quote examples in the prose.
    static const QRegularExpression fence(
        QStringLiteral("```[A-Za-z0-9_-]*[ \\t]*\\n?([\\s\\S]*?)```"));
    auto fences = fence.globalMatch(text);
    while (fences.hasNext()) {
        const QString body = fences.next().captured(1).trimmed();
        if (auto o = scan(body))
            return o;
    }
    // An opening fence without its closing one (the reply was cut): scan what follows it.
    return scan(text);
}

} // namespace neuroonco
