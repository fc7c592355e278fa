// Removes an API key from text a server or proxy sent back before that text is stored, logged or
// shown. Servers rarely echo a key verbatim: a JSON error escapes it ("sk-ab\/cd", "\u002b"), a
// proxy's HTML page uses entities, a URL in a message percent-encodes it ("%2B", "+" for a
// space), and a polite error shows only its start ("sk-abc123…") or its end ("…9f3a2c1b").
// Every character of the key may appear in any of those forms, mixed, and the escapes may be
// doubled (JSON inside JSON: "\\\/"); any run of at least kMinimumLength leading or trailing
// characters of the key is replaced by "[redacted]".
//
// Base64 is not matched: the client sends the key only as "Authorization: Bearer <key>", never
// base64-encoded (that is HTTP Basic), and the base64 of a key depends on where it starts in the
// encoded stream, so matching pieces of it in image data would mostly hit noise.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <vector>

namespace neuroonco {

class KeyScrubber
{
public:
    // Keys (and echoed pieces of keys) shorter than this are left alone: replacing a few common
    // characters would corrupt replies, and real keys are far longer.
    static constexpr int kMinimumLength = 8;

    explicit KeyScrubber(const QString &key);

    // False for an empty or too short key: scrub() then changes nothing.
    bool isActive() const { return !m_forms.empty(); }

    // Replace every echo in place; return how many were replaced.
    int scrub(QByteArray &bytes) const;
    int scrub(QString &text) const;

private:
    struct Span
    {
        qsizetype begin;
        qsizetype end;
    };
    // End of the longest run of the key's leading characters (at least the minimum) that
    // starts at `at`, or -1.
    qsizetype prefixEnd(const QByteArray &bytes, qsizetype at) const;
    // Start of the longest run of the key's trailing characters that ends at `at`, or -1.
    qsizetype suffixBegin(const QByteArray &bytes, qsizetype at) const;

    // For each character (code point) of the key: every byte sequence that may stand for it.
    std::vector<QList<QByteArray>> m_forms;
    std::array<bool, 256> m_firstBytes{}; // bytes a form of the key's first character starts with
    std::array<bool, 256> m_lastBytes{};  // bytes a form of the key's last character ends with
};

} // namespace neuroonco
