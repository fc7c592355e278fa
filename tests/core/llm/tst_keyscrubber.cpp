// The key scrubber against the ways servers and proxies echo a key: verbatim, JSON-escaped
// ("\/", "\"", \uXXXX, doubled inside JSON), percent-encoded ("%2B", "+" for a space, twice
// encoded), HTML entities, and cut short at either end. Keys contain "/", "+", "=" and '"'.
// Every expected text is written out by hand, surroundings included, so a scrubber that eats
// too much fails as surely as one that misses an echo.
#include "core/llm/KeyScrubber.h"

#include <QTest>

using namespace neuroonco;

namespace {

const QString kSlashKey = QStringLiteral("sk-proj/Ab+Cd=Ef\"Gh0123456789");
const QString kSpaceKey = QStringLiteral("tok en 0123456789abc");
const QString kUnicodeKey = QStringLiteral("sk-\u043a\u043b\u044e\u0447-0123456789");

} // namespace

class TestKeyScrubber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scrubs_data();
    void scrubs();
    void shortKeysAreLeftAlone();
    void stringAndBytesAgree();
    void untouchedTextIsIdentical();
};

void TestKeyScrubber::scrubs_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray R = "[redacted]";

    QTest::newRow("verbatim") << kSlashKey << QByteArray("key sk-proj/Ab+Cd=Ef\"Gh0123456789 bad")
                              << "key " + R + " bad";
    QTest::newRow("json: \\/ and \\\"") << kSlashKey
                                       << QByteArray(R"({"message":"key sk-proj\/Ab+Cd=Ef\"Gh0123456789 bad"})")
                                       << R"({"message":"key )" + R + R"( bad"})";
    QTest::newRow("json: only \\\"") << kSlashKey << QByteArray(R"("sk-proj/Ab+Cd=Ef\"Gh0123456789")")
                                    << "\"" + R + "\"";
    QTest::newRow("json: \\u escapes (Go escapes + = as \\u002b \\u003d)")
        << kSlashKey << QByteArray(R"(x sk-proj/Ab\u002bCd\u003DEf\u0022Gh0123456789 y)") << "x " + R + " y";
    QTest::newRow("json inside json") << kSlashKey
                                      << QByteArray(R"({"detail":"{\"key\":\"sk-proj\\\/Ab+Cd=Ef\\\"Gh0123456789\"}"})")
                                      << R"({"detail":"{\"key\":\")" + R + R"(\"}"})";
    QTest::newRow("percent, upper hex") << kSlashKey << QByteArray("?key=sk-proj%2FAb%2BCd%3DEf%22Gh0123456789&x=1")
                                        << "?key=" + R + "&x=1";
    QTest::newRow("percent, lower hex") << kSlashKey << QByteArray("?key=sk-proj%2fAb%2bCd%3dEf%22Gh0123456789&x=1")
                                        << "?key=" + R + "&x=1";
    QTest::newRow("percent, twice") << kSlashKey << QByteArray("u=sk-proj%252FAb%252BCd%253DEf%2522Gh0123456789;")
                                    << "u=" + R + ";";
    QTest::newRow("form: + for a space") << kSpaceKey << QByteArray("a=tok+en+0123456789abc&b=2") << "a=" + R + "&b=2";
    QTest::newRow("form: %20 for a space") << kSpaceKey << QByteArray("a=tok%20en%200123456789abc&b=2") << "a=" + R + "&b=2";
    QTest::newRow("html entities") << kSlashKey << QByteArray("<p>sk-proj&#x2F;Ab&#43;Cd=Ef&quot;Gh0123456789</p>")
                                   << "<p>" + R + "</p>";
    QTest::newRow("truncated: first 8") << kSlashKey << QByteArray("Incorrect API key provided: sk-proj/*****6789.")
                                        << "Incorrect API key provided: " + R + "*****6789.";
    QTest::newRow("truncated: first 12, escaped") << kSlashKey << QByteArray(R"("key sk-proj\/Ab+C…")")
                                                  << "\"key " + R + "…\"";
    QTest::newRow("truncated: last 10") << kSlashKey << QByteArray("key ending …\"Gh0123456789 refused")
                                        << "key ending …" + R + " refused";
    QTest::newRow("cut at the end of a capped body") << kSlashKey << QByteArray("echo: sk-proj/Ab+Cd=") << "echo: " + R;
    QTest::newRow("two echoes") << kSlashKey
                                << QByteArray("sk-proj/Ab+Cd=Ef\"Gh0123456789 and sk-proj%2FAb%2BCd%3DEf%22Gh0123456789")
                                << R + " and " + R;
    QTest::newRow("non-ascii: utf-8") << kUnicodeKey << QStringLiteral("k=sk-\u043a\u043b\u044e\u0447-0123456789.").toUtf8()
                                      << "k=" + R + ".";
    QTest::newRow("non-ascii: \\u") << kUnicodeKey << QByteArray(R"(k=sk-\u043a\u043b\u044e\u0447-0123456789.)")
                                    << "k=" + R + ".";
    QTest::newRow("non-ascii: percent") << kUnicodeKey << QByteArray("k=sk-%D0%BA%D0%BB%D1%8E%D1%87-0123456789.")
                                        << "k=" + R + ".";
    // What must stay: 7 leading characters are not an echo, nor is an unrelated text.
    QTest::newRow("7 leading characters stay") << kSlashKey << QByteArray("prefix sk-proj is common")
                                               << QByteArray("prefix sk-proj is common");
    QTest::newRow("7 trailing characters stay") << kSlashKey << QByteArray("call 3456789 now")
                                                << QByteArray("call 3456789 now");
    QTest::newRow("unrelated") << kSlashKey << QByteArray(R"({"lesion_found": true, "shape": "Round/Oval"})")
                               << QByteArray(R"({"lesion_found": true, "shape": "Round/Oval"})");
}

void TestKeyScrubber::scrubs()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const KeyScrubber scrubber(key);
    QVERIFY(scrubber.isActive());
    QByteArray bytes = text;
    const int replaced = scrubber.scrub(bytes);
    QCOMPARE(bytes, expected);
    QCOMPARE(replaced, int(expected.count("[redacted]")));
}

void TestKeyScrubber::shortKeysAreLeftAlone()
{
    const KeyScrubber scrubber(QStringLiteral("abc1234"));
    QVERIFY(!scrubber.isActive());
    QByteArray text("abc1234 abc1234");
    QCOMPARE(scrubber.scrub(text), 0);
    QCOMPARE(text, QByteArray("abc1234 abc1234"));
    QVERIFY(!KeyScrubber(QString()).isActive());
}

void TestKeyScrubber::stringAndBytesAgree()
{
    const KeyScrubber scrubber(kUnicodeKey);
    QString text = QStringLiteral("Fehler: Schl\u00fcssel sk-\u043a\u043b\u044e\u0447-0123456789 ung\u00fcltig");
    QCOMPARE(scrubber.scrub(text), 1);
    QCOMPARE(text, QStringLiteral("Fehler: Schl\u00fcssel [redacted] ung\u00fcltig"));
}

void TestKeyScrubber::untouchedTextIsIdentical()
{
    // Nothing to replace: the text comes back as it was, even when it is not valid UTF-16.
    const KeyScrubber scrubber(kSlashKey);
    QString text = QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b");
    const QString before = text;
    QCOMPARE(scrubber.scrub(text), 0);
    QCOMPARE(text, before);
}

QTEST_GUILESS_MAIN(TestKeyScrubber)
#include "tst_keyscrubber.moc"
