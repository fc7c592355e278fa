// Loading the concept table and matching option texts and stems against it.
#include "core/benchmark/OptionTaxonomy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace neuroonco {

namespace {

bool containsRun(const QStringList &haystack, const QStringList &needle)
{
    if (needle.isEmpty() || needle.size() > haystack.size())
        return false;
    for (qsizetype i = 0; i + needle.size() <= haystack.size(); ++i) {
        bool all = true;
        for (qsizetype j = 0; j < needle.size() && all; ++j)
            all = haystack.at(i + j) == needle.at(j);
        if (all)
            return true;
    }
    return false;
}

} // namespace

const OptionTaxonomy &OptionTaxonomy::instance()
{
    static const OptionTaxonomy taxonomy;
    return taxonomy;
}

QString OptionTaxonomy::spellingKey(const QString &text)
{
    // Hand-written rather than regular expressions: lint calls this for every option of every
    // question, hundreds of thousands of times on a full benchmark.
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (QChar c : text) {
        if (c.isSpace() || c == QLatin1Char('_') || c == QLatin1Char('-')) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out += QLatin1Char(' ');
            pendingSpace = false;
        }
        out += c == QChar(0x2019) ? QLatin1Char('\'') : c.toLower();
    }
    while (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

QStringList OptionTaxonomy::words(const QString &text)
{
    QStringList out;
    QString word;
    for (QChar c : text) {
        const QChar l = c.toLower();
        if ((l >= QLatin1Char('a') && l <= QLatin1Char('z')) ||
            (l >= QLatin1Char('0') && l <= QLatin1Char('9'))) {
            word += l;
        } else if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        out << word;
    return out;
}

QString OptionTaxonomy::fieldOf(const QString &questionType)
{
    if (questionType == QLatin1String("shape_sign"))
        return QStringLiteral("shape");
    if (questionType == QLatin1String("oedema"))
        return QStringLiteral("edema");
    return questionType;
}

OptionTaxonomy::OptionTaxonomy()
{
    QFile f(QStringLiteral(":/config/mimics.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("mimics.json is missing from the resources");
    const QJsonObject fields =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("concepts")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject o = v.toObject();
            OptionConcept c;
            c.id = o.value(QStringLiteral("id")).toString();
            c.field = it.key();
            c.label = o.value(QStringLiteral("label")).toString();
            c.parent = o.value(QStringLiteral("parent")).toString();
            for (const QJsonValue &s : o.value(QStringLiteral("synonyms")).toArray())
                c.synonyms << s.toString();
            if (m_byId.contains(c.id))
                qFatal("mimics.json: concept id '%s' is used twice", qPrintable(c.id));
            const int index = int(m_concepts.size());
            m_byId.insert(c.id, index);
            QStringList spellings = c.synonyms;
            spellings << c.label << c.id;
            std::vector<QStringList> phrases;
            for (const QString &s : spellings) {
                const QString key = spellingKey(s);
                if (key.isEmpty())
                    continue;
                if (!m_byField[c.field].contains(key))
                    m_byField[c.field].insert(key, index);
                if (!m_anyField.contains(key))
                    m_anyField.insert(key, index);
                const QStringList w = words(s);
                if (!w.isEmpty() && std::find(phrases.begin(), phrases.end(), w) == phrases.end())
                    phrases.push_back(w);
            }
            m_phrases.push_back(std::move(phrases));
            m_concepts.push_back(std::move(c));
        }
    }
    for (const OptionConcept &c : m_concepts)
        if (!c.parent.isEmpty() && !m_byId.contains(c.parent))
            qFatal("mimics.json: concept '%s' has an unknown parent '%s'", qPrintable(c.id),
                   qPrintable(c.parent));
}

const OptionConcept *OptionTaxonomy::find(const QString &id) const
{
    auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_concepts[size_t(*it)];
}

QString OptionTaxonomy::label(const QString &id) const
{
    const OptionConcept *c = find(id);
    return c ? c->label : id;
}

const OptionConcept *OptionTaxonomy::lookup(const QString &field, const QString &text) const
{
    const QString key = spellingKey(text);
    if (key.isEmpty())
        return nullptr;
    const QString f = fieldOf(field);
    for (const QString &scope : {f, QStringLiteral("*")}) {
        auto fieldIt = m_byField.constFind(scope);
        if (fieldIt == m_byField.constEnd())
            continue;
        auto it = fieldIt->constFind(key);
        if (it != fieldIt->constEnd())
            return &m_concepts[size_t(*it)];
    }
    // Only fall back to other fields for questions of an unknown type; inside a known field an
    // unknown text stays unknown (a "Focal" spread option is not the size "Small/Focal").
    if (m_byField.contains(f))
        return nullptr;
    auto it = m_anyField.constFind(key);
    return it == m_anyField.constEnd() ? nullptr : &m_concepts[size_t(*it)];
}

bool OptionTaxonomy::isAncestor(const QString &ancestor, const QString &id) const
{
    const OptionConcept *c = find(id);
    for (int guard = 0; c && !c->parent.isEmpty() && guard < 32; ++guard) {
        if (c->parent == ancestor)
            return true;
        c = find(c->parent);
    }
    return false;
}

bool OptionTaxonomy::related(const QString &a, const QString &b) const
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    return a == b || isAncestor(a, b) || isAncestor(b, a);
}

bool OptionTaxonomy::isMentioned(const QString &id, const QString &text) const
{
    return isMentionedInWords(id, words(text));
}

bool OptionTaxonomy::isMentionedInWords(const QString &id, const QStringList &w) const
{
    auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return false;
    for (const QStringList &phrase : m_phrases[size_t(*it)])
        if (containsRun(w, phrase))
            return true;
    return false;
}

QStringList OptionTaxonomy::mentionedIn(const QString &text, const QString &field) const
{
    return mentionedInWords(words(text), field);
}

QStringList OptionTaxonomy::mentionedInWords(const QStringList &w, const QString &field) const
{
    const QString f = fieldOf(field);
    QStringList out;
    for (size_t i = 0; i < m_concepts.size(); ++i) {
        if (!f.isEmpty() && m_concepts[i].field != f)
            continue;
        for (const QStringList &phrase : m_phrases[i]) {
            if (containsRun(w, phrase)) {
                out << m_concepts[i].id;
                break;
            }
        }
    }
    return out;
}

} // namespace neuroonco
