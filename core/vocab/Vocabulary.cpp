// Loading and applying the vocabulary tables.
#include "core/vocab/Vocabulary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace neuroonco {

QString modalityName(Modality m)
{
    switch (m) {
    case Modality::T1: return QStringLiteral("T1");
    case Modality::T2: return QStringLiteral("T2");
    case Modality::FLAIR: return QStringLiteral("FLAIR");
    case Modality::T1CE: return QStringLiteral("T1CE");
    case Modality::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

Modality modalityFromName(const QString &s)
{
    const QString n = s.trimmed().toUpper();
    if (n == QLatin1String("T1"))
        return Modality::T1;
    if (n == QLatin1String("T2"))
        return Modality::T2;
    if (n == QLatin1String("FLAIR"))
        return Modality::FLAIR;
    if (n == QLatin1String("T1CE"))
        return Modality::T1CE;
    return Vocabulary::instance().modalityFromText(s);
}

QString Vocabulary::normaliseToken(const QString &text)
{
    static const QRegularExpression nonAlnum(QStringLiteral("[^a-z0-9]+"));
    QString t = text.toLower();
    t.replace(nonAlnum, QStringLiteral("_"));
    while (t.startsWith(QLatin1Char('_')))
        t.remove(0, 1);
    while (t.endsWith(QLatin1Char('_')))
        t.chop(1);
    return t;
}

const Vocabulary &Vocabulary::instance()
{
    static const Vocabulary vocabulary;
    return vocabulary;
}

Vocabulary::Vocabulary()
{
    QFile f(QStringLiteral(":/config/vocabulary.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("vocabulary.json is missing from the resources");
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    for (const QJsonValue &v : root.value(QStringLiteral("tumour_types")).toArray())
        m_tumourTypes << v.toString();
    const QJsonObject synonyms = root.value(QStringLiteral("tumour_synonyms")).toObject();
    for (auto it = synonyms.begin(); it != synonyms.end(); ++it) {
        m_synonyms.insert(normaliseToken(it.key()), it.key());
        for (const QJsonValue &v : it.value().toArray())
            m_synonyms.insert(normaliseToken(v.toString()), it.key());
    }
    const QJsonObject tokens = root.value(QStringLiteral("modality_tokens")).toObject();
    // Precedence: contrast-enhanced before plain T1, FLAIR before T2.
    for (Modality m : {Modality::T1CE, Modality::FLAIR, Modality::T2, Modality::T1}) {
        QStringList list;
        for (const QJsonValue &v : tokens.value(modalityName(m)).toArray())
            list << v.toString().toLower();
        m_modalityTokens.emplace_back(m, list);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("null_spellings")).toArray())
        m_nullSpellings << v.toString().toLower();
}

QString Vocabulary::tumourTypeFor(const QString &label, const QHash<QString, QString> &extra) const
{
    const QString key = normaliseToken(label);
    if (key.isEmpty())
        return {};
    if (auto it = extra.find(key); it != extra.end())
        return it.value();
    if (auto it = m_synonyms.find(key); it != m_synonyms.end())
        return it.value();
    // "Astrocitoma T1C+", "glioma-t2": drop modality tokens and try again.
    QString stripped;
    QString token;
    if (modalityFromText(label, &token) != Modality::Unknown) {
        QStringList parts = key.split(QLatin1Char('_'), Qt::SkipEmptyParts);
        const QStringList tokenParts = normaliseToken(token).split(QLatin1Char('_'), Qt::SkipEmptyParts);
        for (const QString &tp : tokenParts)
            parts.removeAll(tp);
        stripped = parts.join(QLatin1Char('_'));
        if (auto it = extra.find(stripped); it != extra.end())
            return it.value();
        if (auto it = m_synonyms.find(stripped); it != m_synonyms.end())
            return it.value();
    }
    // "metastasis_PT0003", "glioma_tumor_set2": the longest leading run of parts that is a known
    // label. Only labels of four or more letters qualify, so "me_scans" is not meningioma.
    const QStringList parts = (stripped.isEmpty() ? key : stripped).split(QLatin1Char('_'), Qt::SkipEmptyParts);
    for (int n = int(parts.size()) - 1; n >= 1; --n) {
        const QString prefix = QStringList(parts.mid(0, n)).join(QLatin1Char('_'));
        if (prefix.size() < 4)
            break;
        if (auto it = extra.find(prefix); it != extra.end())
            return it.value();
        if (auto it = m_synonyms.find(prefix); it != m_synonyms.end())
            return it.value();
    }
    return {};
}

Modality Vocabulary::modalityFromText(const QString &text, QString *matchedToken) const
{
    // Tokens are compared on boundaries of letters/digits; "+" stays inside tokens so that
    // "t1+c" and "t1c+" are recognised as written.
    static const QRegularExpression splitter(QStringLiteral("[^a-z0-9+]+"));
    QString lower = text.toLower();
    lower.replace(QStringLiteral("t1-c"), QStringLiteral("t1c")).replace(QStringLiteral("t2-flair"), QStringLiteral("t2flair"));
    QStringList words = lower.split(splitter, Qt::SkipEmptyParts);
    // Also consider adjacent word pairs joined by '_' ("t1 contrast", "post gad").
    const int n = int(words.size());
    for (int i = 0; i + 1 < n; ++i)
        words << words.at(i) + QLatin1Char('_') + words.at(i + 1);
    for (const auto &[modality, tokens] : m_modalityTokens) {
        for (const QString &w : std::as_const(words)) {
            if (tokens.contains(w)) {
                if (matchedToken)
                    *matchedToken = w;
                return modality;
            }
        }
    }
    return Modality::Unknown;
}

bool Vocabulary::isNullSpelling(const QString &value) const
{
    return m_nullSpellings.contains(value.trimmed().toLower());
}

} // namespace neuroonco
