// Matching a key in its echoed forms. The text is searched as UTF-8 bytes; each character of the
// key may match any of its forms, so a set of candidate positions is carried from one character
// to the next (forms can be prefixes of each other: "\" and "\\").
#include "core/llm/KeyScrubber.h"

#include <QVarLengthArray>

#include <algorithm>

namespace neuroonco {

namespace {

const QByteArray kRedacted = QByteArrayLiteral("[redacted]");

QByteArray hex(uint value, int digits, bool upper)
{
    QByteArray h = QByteArray::number(value, 16).rightJustified(digits, '0');
    return upper ? h.toUpper() : h;
}

// Every way one code point may appear in echoed text.
QList<QByteArray> formsOf(char32_t codePoint)
{
    const QString character = QString::fromUcs4(&codePoint, 1);
    const QByteArray utf8 = character.toUtf8();
    QList<QByteArray> forms{utf8};
    for (bool upper : {false, true}) {
        // JSON / JavaScript \uXXXX (per UTF-16 unit), and the same inside a JSON string.
        QByteArray json;
        for (QChar unit : character)
            json += "\\u" + hex(unit.unicode(), 4, upper);
        forms << json << QByteArray("\\") + json;
        // Percent-encoding (per UTF-8 byte), and percent-encoding of that.
        QByteArray percent, twice;
        for (char byte : utf8) {
            percent += '%' + hex(uchar(byte), 2, upper);
            twice += "%25" + hex(uchar(byte), 2, upper);
        }
        forms << percent << twice;
        // HTML numeric entities.
        forms << "&#x" + hex(uint(codePoint), 1, upper) + ';';
    }
    forms << "&#" + QByteArray::number(uint(codePoint)) + ';';
    switch (codePoint) {
    case U'/':
    case U'"':
    case U'\'':
        forms << QByteArray("\\") + utf8 << QByteArray("\\\\\\") + utf8; // \/ and, doubled, \\\/
        break;
    case U'\\':
        forms << QByteArray("\\\\") << QByteArray("\\\\\\\\");
        break;
    case U' ':
        forms << QByteArray("+");
        break;
    default:
        break;
    }
    switch (codePoint) {
    case U'"': forms << QByteArray("&quot;"); break;
    case U'&': forms << QByteArray("&amp;"); break;
    case U'<': forms << QByteArray("&lt;"); break;
    case U'>': forms << QByteArray("&gt;"); break;
    case U'\'': forms << QByteArray("&apos;"); break;
    default: break;
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

// The first (last) byte is compared before the rest: most candidates differ there, and this
// runs over every byte of every reply.
// Keys are almost always ASCII: their forms are made once per process, not per reply.
const QList<QByteArray> &asciiFormsOf(char32_t codePoint)
{
    static const std::array<QList<QByteArray>, 128> table = [] {
        std::array<QList<QByteArray>, 128> t;
        for (char32_t c = 0; c < 128; ++c)
            t[c] = formsOf(c);
        return t;
    }();
    return table[codePoint];
}

bool startsAt(const QByteArray &bytes, qsizetype at, const QByteArray &form)
{
    return at + form.size() <= bytes.size() && bytes.at(at) == form.front() &&
           std::equal(form.begin() + 1, form.end(), bytes.begin() + at + 1);
}

bool endsAt(const QByteArray &bytes, qsizetype at, const QByteArray &form)
{
    return at >= form.size() && bytes.at(at - 1) == form.back() &&
           std::equal(form.begin(), form.end() - 1, bytes.begin() + (at - form.size()));
}

// Candidate positions after some characters of the key: a handful at most, kept off the heap.
using Positions = QVarLengthArray<qsizetype, 16>;

void addUnique(Positions &positions, qsizetype p)
{
    if (std::find(positions.begin(), positions.end(), p) == positions.end())
        positions.push_back(p);
}

} // namespace

KeyScrubber::KeyScrubber(const QString &key)
{
    const QList<uint> codePoints = key.toUcs4();
    if (codePoints.size() < kMinimumLength)
        return;
    for (uint c : codePoints)
        m_forms.push_back(c < 128 ? asciiFormsOf(char32_t(c)) : formsOf(char32_t(c)));
    for (const QByteArray &f : m_forms.front())
        m_firstBytes[uchar(f.front())] = true;
    for (const QByteArray &f : m_forms.back())
        m_lastBytes[uchar(f.back())] = true;
}

qsizetype KeyScrubber::prefixEnd(const QByteArray &bytes, qsizetype at) const
{
    // Most candidates fail on the first character: decide that before allocating anything.
    if (std::none_of(m_forms.front().begin(), m_forms.front().end(),
                     [&](const QByteArray &f) { return startsAt(bytes, at, f); }))
        return -1;
    Positions positions{at}, next;
    qsizetype best = -1;
    for (size_t i = 0; i < m_forms.size() && !positions.empty(); ++i) {
        next.clear();
        for (qsizetype p : positions)
            for (const QByteArray &f : m_forms[i])
                if (startsAt(bytes, p, f))
                    addUnique(next, p + f.size());
        std::swap(positions, next);
        if (!positions.empty() && int(i) + 1 >= kMinimumLength)
            best = *std::max_element(positions.begin(), positions.end());
    }
    return best;
}

qsizetype KeyScrubber::suffixBegin(const QByteArray &bytes, qsizetype at) const
{
    if (std::none_of(m_forms.back().begin(), m_forms.back().end(),
                     [&](const QByteArray &f) { return endsAt(bytes, at, f); }))
        return -1;
    Positions positions{at}, next;
    qsizetype best = -1;
    const size_t n = m_forms.size();
    for (size_t i = 0; i < n && !positions.empty(); ++i) {
        next.clear();
        for (qsizetype p : positions)
            for (const QByteArray &f : m_forms[n - 1 - i])
                if (endsAt(bytes, p, f))
                    addUnique(next, p - f.size());
        std::swap(positions, next);
        if (!positions.empty() && int(i) + 1 >= kMinimumLength)
            best = *std::min_element(positions.begin(), positions.end());
    }
    return best;
}

int KeyScrubber::scrub(QByteArray &bytes) const
{
    if (!isActive() || bytes.isEmpty())
        return 0;
    std::vector<Span> spans;
    for (qsizetype at = 0; at < bytes.size();) {
        if (m_firstBytes[uchar(bytes.at(at))]) {
            const qsizetype end = prefixEnd(bytes, at);
            if (end > at) {
                spans.push_back({at, end});
                at = end;
                continue;
            }
        }
        ++at;
    }
    for (qsizetype at = bytes.size(); at > 0;) {
        if (m_lastBytes[uchar(bytes.at(at - 1))]) {
            const qsizetype begin = suffixBegin(bytes, at);
            if (begin >= 0 && begin < at) {
                spans.push_back({begin, at});
                at = begin;
                continue;
            }
        }
        --at;
    }
    if (spans.empty())
        return 0;
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });
    std::vector<Span> merged;
    for (const Span &s : spans) {
        if (!merged.empty() && s.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, s.end);
        else
            merged.push_back(s);
    }
    for (auto it = merged.rbegin(); it != merged.rend(); ++it)
        bytes.replace(it->begin, it->end - it->begin, kRedacted);
    return int(merged.size());
}

int KeyScrubber::scrub(QString &text) const
{
    if (!isActive() || text.isEmpty())
        return 0;
    QByteArray bytes = text.toUtf8();
    const int replaced = scrub(bytes);
    if (replaced > 0) // untouched text stays exactly as it was
        text = QString::fromUtf8(bytes);
    return replaced;
}

} // namespace neuroonco
